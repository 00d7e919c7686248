#pragma once

#include "health/HealthEvent.h"
#include "site/SyncJob.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimeZone>
#include <QTimer>
#include <optional>

namespace relais {

class Clock;

/// Runs a site's sync jobs on their schedules while Relais runs (window
/// open or in the tray). It does not run anything itself: due() asks the
/// owner to start a run, which reports back with runStarted() and
/// runFinished(). A job never overlaps itself: while it runs it is not due
/// again, and the due times it passed meanwhile count as one run (so does
/// a machine that slept past several due times: one run when it wakes).
///
/// Time comes from the injected Clock; poll() checks every job, and an
/// internal timer calls it every pollIntervalMs() while started (tests call
/// poll() after moving a ManualClock). A scheduled run that did not start
/// within its grace (SyncTiming::missedSince) is reported once with
/// runMissed(), and again only after a later run; one held back past its
/// grace by a run that overran counts as missed too (the RPO grew).
///
/// due() is emitted at each poll while the job is due and runStarted() has
/// not been called.
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    SyncScheduler(QList<SyncJob> jobs, const Clock& clock,
                  QTimeZone zone = QTimeZone::systemTimeZone(), QObject* parent = nullptr);

    /// Starts polling; the schedules are watched from now on (the missed-run
    /// reference of a job that never ran).
    void start();
    void stop();
    void setPollIntervalMs(int ms) { m_timer.setInterval(ms); }
    int pollIntervalMs() const { return m_timer.interval(); }
    /// When a job last started (from the history at start-up, or a run on
    /// the host read from its state file).
    void setLastStart(const QString& job, const QDateTime& startedAt);
    /// Grace before a late run counts as missed (default per job:
    /// SyncTiming::defaultGraceSeconds).
    void setGraceSeconds(const QString& job, int seconds);

    /// The job's run began / ended (whatever started it: schedule or hand).
    void runStarted(const QString& job);
    void runFinished(const QString& job);

    bool isRunning(const QString& job) const;
    QDateTime lastStart(const QString& job) const;
    /// When the job is next due (UTC); none for a manual job.
    std::optional<QDateTime> nextRun(const QString& job) const;
    const QList<SyncJob>& jobs() const { return m_jobs; }

    /// Checks every job now.
    void poll();

    /// The alert for a missed run, as a health event of target "sync:JOB"
    /// going down (SiteHealth::addEvent shows it and keeps it).
    static HealthEvent missedRunEvent(const QString& job, const QDateTime& dueAt,
                                      const QDateTime& now);

signals:
    /// The job's schedule says it should run now.
    void due(const QString& job);
    /// A scheduled run of the job was due at @p dueAt and did not start.
    void runMissed(const QString& job, const QDateTime& dueAt);

private:
    struct State
    {
        QDateTime lastStart;
        bool running = false;
        bool missedReported = false;
        std::optional<int> graceSeconds;
    };

    const SyncJob* find(const QString& job) const;

    QList<SyncJob> m_jobs;
    const Clock& m_clock;
    QTimeZone m_zone;
    QDateTime m_watchedSince;
    QHash<QString, State> m_states;
    QTimer m_timer;
};

} // namespace relais
