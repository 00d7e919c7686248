#include "SyncScheduler.h"

#include "SyncTiming.h"
#include "common/Clock.h"
#include "common/Logging.h"

namespace relais {

SyncScheduler::SyncScheduler(QList<SyncJob> jobs, const Clock& clock, QTimeZone zone,
                             QObject* parent)
    : QObject(parent)
    , m_jobs(std::move(jobs))
    , m_clock(clock)
    , m_zone(std::move(zone))
{
    for (const SyncJob& job : m_jobs)
        m_states.insert(job.name, State{});
    m_timer.setInterval(30000);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::poll);
}

void SyncScheduler::start()
{
    if (!m_watchedSince.isValid())
        m_watchedSince = m_clock.now().toUTC();
    m_timer.start();
    poll();
}

void SyncScheduler::stop()
{
    m_timer.stop();
}

const SyncJob* SyncScheduler::find(const QString& job) const
{
    for (const SyncJob& j : m_jobs) {
        if (j.name == job)
            return &j;
    }
    return nullptr;
}

void SyncScheduler::setLastStart(const QString& job, const QDateTime& startedAt)
{
    auto it = m_states.find(job);
    if (it == m_states.end() || !startedAt.isValid())
        return;
    if (!it->lastStart.isValid() || startedAt > it->lastStart) {
        it->lastStart = startedAt.toUTC();
        it->missedReported = false;
    }
}

void SyncScheduler::setGraceSeconds(const QString& job, int seconds)
{
    auto it = m_states.find(job);
    if (it != m_states.end())
        it->graceSeconds = seconds;
}

void SyncScheduler::runStarted(const QString& job)
{
    auto it = m_states.find(job);
    if (it == m_states.end())
        return;
    it->running = true;
    it->lastStart = m_clock.now().toUTC();
    it->missedReported = false;
}

void SyncScheduler::runFinished(const QString& job)
{
    auto it = m_states.find(job);
    if (it != m_states.end())
        it->running = false;
}

bool SyncScheduler::isRunning(const QString& job) const
{
    return m_states.value(job).running;
}

QDateTime SyncScheduler::lastStart(const QString& job) const
{
    return m_states.value(job).lastStart;
}

std::optional<QDateTime> SyncScheduler::nextRun(const QString& job) const
{
    const SyncJob* j = find(job);
    if (!j)
        return std::nullopt;
    const State state = m_states.value(job);
    const QDateTime now = m_clock.now().toUTC();
    if (!state.lastStart.isValid() && m_watchedSince.isValid() &&
        j->schedule.kind == SyncSchedule::Kind::Daily) {
        // Never ran: a daily job waits for its time rather than running at
        // once.
        return SyncTiming::nextDailyAt(j->schedule.dailyAt, m_watchedSince, m_zone);
    }
    return SyncTiming::nextDue(j->schedule, state.lastStart, now, m_zone);
}

HealthEvent SyncScheduler::missedRunEvent(const QString& job, const QDateTime& dueAt,
                                          const QDateTime& now)
{
    HealthEvent event;
    event.at = now.toUTC();
    event.scope = HealthEvent::Scope::Probe;
    event.target = QStringLiteral("sync:") + job;
    event.from = HealthState::Up;
    event.to = HealthState::Down;
    event.reason = QStringLiteral("the scheduled run of sync job %1 due at %2 did not happen")
                       .arg(job, dueAt.toUTC().toString(Qt::ISODate));
    return event;
}

void SyncScheduler::poll()
{
    const QDateTime now = m_clock.now().toUTC();
    for (const SyncJob& job : std::as_const(m_jobs)) {
        State& state = m_states[job.name];
        if (state.running)
            continue;
        const std::optional<QDateTime> next = nextRun(job.name);
        if (!next)
            continue;
        // Missed before due: the late run below is the catch-up.
        const int grace =
            state.graceSeconds.value_or(SyncTiming::defaultGraceSeconds(job.schedule));
        const std::optional<QDateTime> missed = SyncTiming::missedSince(
            job.schedule, state.lastStart, m_watchedSince, now, m_zone, grace);
        if (missed && !state.missedReported) {
            state.missedReported = true;
            qCWarning(lcSync) << "sync" << job.name << "missed its run due at" << *missed;
            emit runMissed(job.name, *missed);
        }
        if (*next <= now) {
            qCInfo(lcSync) << "sync" << job.name << "is due (at" << *next << ")";
            emit due(job.name);
        }
    }
}

} // namespace relais
