#pragma once

#include "site/SyncJob.h"

#include <QDateTime>
#include <QTimeZone>
#include <optional>

namespace relais {

/// When a sync job's schedule wants it to run, and when a scheduled run is
/// late enough to count as missed. Pure functions of their arguments: the
/// time zone is the one of the host that runs the schedule (the console's
/// for runs in Relais, the initiating host's for an installed job).
///
/// - Every N minutes: due N minutes after the last run started (at once
///   when it never ran).
/// - Daily at HH:MM: due at the first HH:MM local time after the last
///   start. On a day where HH:MM does not exist (the clock jumps forward
///   over it), due when the jump ends; on a day where it happens twice
///   (the clock goes back), due at the first of the two.
/// - Manual: never due, never missed.
class SyncTiming
{
public:
    /// The next time @p schedule is due after a run started at
    /// @p lastStart (invalid: never ran; due at @p now). UTC; none for a
    /// manual schedule.
    static std::optional<QDateTime> nextDue(const SyncSchedule& schedule,
                                            const QDateTime& lastStart, const QDateTime& now,
                                            const QTimeZone& zone);

    /// The first HH:MM local time strictly after @p after, in UTC.
    static QDateTime nextDailyAt(const QTime& at, const QDateTime& after, const QTimeZone& zone);

    /// The due time of a run that should have started by @p now but did not
    /// (the last start is before it and more than @p graceSeconds have
    /// passed since); none when no run is missing. A job that never ran is
    /// measured from @p watchedSince (when the schedule was set up).
    static std::optional<QDateTime> missedSince(const SyncSchedule& schedule,
                                                const QDateTime& lastStart,
                                                const QDateTime& watchedSince, const QDateTime& now,
                                                const QTimeZone& zone, int graceSeconds);

    /// The grace a scheduled run has before it counts as missed: a tenth
    /// of its period, between 2 and 30 minutes.
    static int defaultGraceSeconds(const SyncSchedule& schedule);
};

} // namespace relais
