#include "ProbeMonitor.h"

#include "common/Clock.h"
#include "common/Logging.h"

namespace relais {

ProbeMonitor::ProbeMonitor(QString id, std::unique_ptr<Probe> probe,
                           std::chrono::milliseconds interval, const HysteresisPolicy& policy,
                           std::optional<HostRole> target, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_probe(std::move(probe))
    , m_interval(interval)
    , m_target(target)
    , m_clock(clock)
    , m_hysteresis(policy)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, &ProbeMonitor::onTimer);
    m_firstCheck.setSingleShot(true);
    m_firstCheck.setTimerType(Qt::PreciseTimer);
    connect(&m_firstCheck, &QTimer::timeout, this, [this] {
        m_timer.start();
        onTimer();
    });
    connect(m_probe.get(), &Probe::finished, this, &ProbeMonitor::onFinished);
}

ProbeMonitor::~ProbeMonitor()
{
    // The probe's last finished() must not reach a half-destroyed monitor.
    disconnect(m_probe.get(), nullptr, this, nullptr);
    if (m_probe->isRunning())
        m_probe->cancel();
}

QString ProbeMonitor::description() const
{
    return m_probe->describe();
}

void ProbeMonitor::start(std::chrono::milliseconds firstDelay)
{
    if (firstDelay.count() <= 0) {
        m_timer.start();
        m_nextDueMs = m_clock.monotonicMs() + m_interval.count();
        checkNow();
        return;
    }
    m_nextDueMs = m_clock.monotonicMs() + firstDelay.count();
    m_firstCheck.start(firstDelay);
}

void ProbeMonitor::stop()
{
    m_firstCheck.stop();
    m_timer.stop();
    if (m_probe->isRunning()) {
        // A cancelled check is not a verdict on the target.
        m_discardNext = true;
        m_probe->cancel();
    }
}

void ProbeMonitor::checkNow()
{
    if (m_probe->isRunning()) {
        ++m_skipped;
        qCDebug(lcHealth) << m_id << "still running, check skipped";
        return;
    }
    m_discardNext = false;
    m_probe->start();
}

void ProbeMonitor::onTimer()
{
    const qint64 now = m_clock.monotonicMs();
    if (m_nextDueMs >= 0)
        m_worstLagMs = std::max(m_worstLagMs, now - m_nextDueMs);
    m_nextDueMs = now + m_interval.count();
    checkNow();
}

void ProbeMonitor::onFinished(const ProbeResult& result)
{
    if (m_discardNext) {
        m_discardNext = false;
        return;
    }
    ++m_checks;
    m_lastResult = result;
    m_lastCheck = m_clock.now();
    m_samples.push_back({m_lastCheck, result.ok ? result.latencyMs : -1, result.ok});
    while (m_samples.size() > MaxSamples)
        m_samples.pop_front();

    // The verdict first, so that whoever listens to checked() sees it.
    const std::optional<StateChange> change =
        m_hysteresis.record(result.ok, m_lastCheck, result.message);
    if (change) {
        qCInfo(lcHealth).noquote()
            << m_id << healthStateName(change->from) << "→" << healthStateName(change->to)
            << (change->flapping ? QStringLiteral("(flapping) ") : QString()) + change->reason;
        emit stateChanged(*change);
    }
    emit checked(result);
}

} // namespace relais
