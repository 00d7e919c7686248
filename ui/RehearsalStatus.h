#pragma once

#include "plan/DrillRecord.h"
#include "site/Targets.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace relais {

/// Where the site stands with its rehearsals, for the dashboard's badge and
/// the tray's reminder.
///
/// A *good* rehearsal is a drill in rehearsal mode that succeeded: every
/// step ran and the clones were removed, so the plan is proven to work. Its
/// RTO and RPO are then shown against the targets (met or missed) but a
/// missed target does not make it less of a rehearsal: the reminder is about
/// rehearsing, the badge says plainly when the figures missed. Failovers and
/// failbacks are not rehearsals and do not count.
struct RehearsalStatus
{
    enum class State
    {
        NoPlan,  ///< the site has no recovery plan: nothing to rehearse
        None,    ///< a plan, but no good rehearsal in the journal
        Recent,  ///< the last good rehearsal is within the reminder days
        Overdue, ///< the last good rehearsal is older than the reminder days
    };

    State state = State::NoPlan;
    /// The last good rehearsal (None and NoPlan: unset).
    std::optional<DrillRecord> last;
    /// Whole days from the last good rehearsal's end to now.
    int ageDays = 0;
    int reminderDays = 30;
    /// Whether the last good rehearsal met its targets (unset: not measured).
    std::optional<bool> rtoMet;
    std::optional<bool> rpoMet;

    /// Whether the user should be reminded to rehearse.
    bool reminderDue() const { return state == State::None || state == State::Overdue; }
    /// Whether a measured target was missed by the last good rehearsal.
    bool targetMissed() const { return (rtoMet && !*rtoMet) || (rpoMet && !*rpoMet); }

    /// The status at @p now from @p drills (any order, from the journal).
    static RehearsalStatus evaluate(const QList<DrillRecord>& drills, const Targets& targets,
                                    bool hasPlan, const QDateTime& now);
    /// Whether @p drill counts as a good rehearsal.
    static bool isGood(const DrillRecord& drill);
};

} // namespace relais
