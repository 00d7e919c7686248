#include "RehearsalStatus.h"

#include "plan/DrillReport.h"

namespace relais {

bool RehearsalStatus::isGood(const DrillRecord& drill)
{
    return drill.mode == DrillMode::Rehearsal && drill.state == DrillRecord::State::Succeeded;
}

RehearsalStatus RehearsalStatus::evaluate(const QList<DrillRecord>& drills, const Targets& targets,
                                          bool hasPlan, const QDateTime& now)
{
    RehearsalStatus status;
    status.reminderDays = targets.rehearsalReminderDays;
    const DrillRecord* latest = nullptr;
    for (const DrillRecord& drill : drills) {
        if (!isGood(drill))
            continue;
        const QDateTime at = drill.endedAt.isValid() ? drill.endedAt : drill.startedAt;
        const QDateTime latestAt =
            latest ? (latest->endedAt.isValid() ? latest->endedAt : latest->startedAt)
                   : QDateTime();
        if (!latest || at > latestAt)
            latest = &drill;
    }
    if (!latest) {
        status.state = hasPlan ? State::None : State::NoPlan;
        return status;
    }
    DrillRecord last = *latest;
    last.steps.clear(); // the badge needs the figures, not the steps
    const QDateTime at = last.endedAt.isValid() ? last.endedAt : last.startedAt;
    constexpr qint64 DayMs = 24 * 60 * 60 * 1000;
    const qint64 ageMs = std::max<qint64>(0, at.msecsTo(now));
    status.ageDays = int(ageMs / DayMs);
    status.rtoMet = DrillReport::rtoMet(last, targets);
    status.rpoMet = DrillReport::rpoMet(last, targets);
    status.last = std::move(last);
    // A site that lost its plan has nothing to rehearse, whatever its past.
    if (!hasPlan)
        status.state = State::NoPlan;
    else if (ageMs > qint64(targets.rehearsalReminderDays) * DayMs)
        status.state = State::Overdue;
    else
        status.state = State::Recent;
    return status;
}

} // namespace relais
