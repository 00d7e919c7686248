#include "SyncTiming.h"

#include <algorithm>

namespace relais {

QDateTime SyncTiming::nextDailyAt(const QTime& at, const QDateTime& after, const QTimeZone& zone)
{
    const QDateTime afterUtc = after.toUTC();
    // Start the day before: "after" may be late evening UTC of a day that
    // is already tomorrow in the zone, or the other way round.
    QDate day = afterUtc.toTimeZone(zone).date().addDays(-1);
    for (int i = 0; i < 4; ++i, day = day.addDays(1)) {
        // The instants whose local time is day + at: one, two (the clock
        // goes back) or none (the clock jumps over it).
        const QDateTime noonBefore(day.addDays(-1), QTime(12, 0), zone);
        const QDateTime noonAfter(day.addDays(1), QTime(12, 0), zone);
        const QDateTime wall(day, at, Qt::UTC);
        QList<QDateTime> candidates;
        for (const int offset : {noonBefore.offsetFromUtc(), noonAfter.offsetFromUtc()}) {
            const QDateTime utc = wall.addSecs(-offset);
            const QDateTime local = utc.toTimeZone(zone);
            if (local.date() == day && local.time() == at && !candidates.contains(utc))
                candidates.append(utc);
        }
        if (candidates.isEmpty()) {
            // A gap: the instant the clock jumps, the first local time past at.
            const QTimeZone::OffsetData jump =
                zone.nextTransition(wall.addSecs(-noonBefore.offsetFromUtc()).addSecs(-86400));
            if (jump.atUtc.isValid())
                candidates.append(jump.atUtc.toUTC());
        }
        std::sort(candidates.begin(), candidates.end());
        for (const QDateTime& candidate : candidates) {
            if (candidate > afterUtc) {
                // Of a repeated local time only the first counts: skip the
                // second when the first was at or before "after".
                if (candidates.size() == 2 && candidate == candidates.last() &&
                    candidates.first() <= afterUtc)
                    break;
                return candidate;
            }
        }
    }
    return {};
}

std::optional<QDateTime> SyncTiming::nextDue(const SyncSchedule& schedule,
                                             const QDateTime& lastStart, const QDateTime& now,
                                             const QTimeZone& zone)
{
    switch (schedule.kind) {
    case SyncSchedule::Kind::Manual:
        return std::nullopt;
    case SyncSchedule::Kind::Every:
        if (schedule.everyMinutes <= 0)
            return std::nullopt;
        if (!lastStart.isValid())
            return now.toUTC();
        return lastStart.toUTC().addSecs(qint64(schedule.everyMinutes) * 60);
    case SyncSchedule::Kind::Daily:
        if (!schedule.dailyAt.isValid())
            return std::nullopt;
        if (!lastStart.isValid())
            return now.toUTC();
        return nextDailyAt(schedule.dailyAt, lastStart, zone);
    }
    return std::nullopt;
}

std::optional<QDateTime> SyncTiming::missedSince(const SyncSchedule& schedule,
                                                 const QDateTime& lastStart,
                                                 const QDateTime& watchedSince,
                                                 const QDateTime& now, const QTimeZone& zone,
                                                 int graceSeconds)
{
    QDateTime due;
    if (lastStart.isValid()) {
        const std::optional<QDateTime> next = nextDue(schedule, lastStart, now, zone);
        if (!next)
            return std::nullopt;
        due = *next;
    } else {
        if (!watchedSince.isValid())
            return std::nullopt;
        // Never ran: the first due time after the schedule was set up.
        const std::optional<QDateTime> next = nextDue(schedule, watchedSince, now, zone);
        if (!next)
            return std::nullopt;
        due = *next;
    }
    if (due.addSecs(graceSeconds) < now.toUTC())
        return due;
    return std::nullopt;
}

int SyncTiming::defaultGraceSeconds(const SyncSchedule& schedule)
{
    const int period =
        schedule.kind == SyncSchedule::Kind::Every ? schedule.everyMinutes * 60 : 24 * 3600;
    return std::clamp(period / 10, 120, 1800);
}

} // namespace relais
