#include "TimedProbe.h"

namespace relais {

TimedProbe::TimedProbe(int timeoutMs, QObject* parent)
    : Probe(parent)
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    // Coarse timers may fire up to 5 % early: a timeout must not.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { finish(timedOut()); });
}

void TimedProbe::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_run;
    m_elapsed.start();
    m_starting = true;
    if (m_timeoutMs <= 0) {
        finish(ProbeResult::failure(HealthError::Failed, 0,
                                    QStringLiteral("invalid timeout %1 ms").arg(m_timeoutMs)));
    } else {
        m_timer.start(m_timeoutMs);
        begin();
    }
    m_starting = false;
}

void TimedProbe::cancel()
{
    finish(ProbeResult::failure(HealthError::Cancelled, elapsedMs(), QStringLiteral("cancelled")));
}

ProbeResult TimedProbe::timedOut()
{
    return ProbeResult::failure(HealthError::Timeout, elapsedMs(),
                                QStringLiteral("no answer within %1 ms").arg(m_timeoutMs));
}

void TimedProbe::finish(ProbeResult result)
{
    if (!m_running)
        return;
    if (m_starting) {
        finishLater(std::move(result));
        return;
    }
    m_running = false;
    m_timer.stop();
    release(result.ok);
    // Nothing after the emit: a receiver may start the probe again or delete it.
    emit finished(result);
}

void TimedProbe::finishLater(ProbeResult result)
{
    QMetaObject::invokeMethod(
        this,
        [this, run = m_run, result = std::move(result)]() mutable {
            if (m_run == run)
                finish(std::move(result));
        },
        Qt::QueuedConnection);
}

} // namespace relais
