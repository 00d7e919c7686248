#pragma once

#include "Hysteresis.h"
#include "LatencySample.h"
#include "Probe.h"
#include "ProbeResult.h"
#include "site/Host.h"

#include <QObject>
#include <QTimer>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>

namespace relais {

class Clock;

/// Runs one probe at its interval, feeds the results to its hysteresis and
/// reports the state changes. Never blocks: a check that is still running
/// when the next is due is skipped (counted in skippedChecks()).
class ProbeMonitor : public QObject
{
    Q_OBJECT

public:
    /// How many latency samples are kept (the last minutes at 1–5 s).
    static constexpr std::size_t MaxSamples = 180;

    /// @p target is the host this probe speaks for (none: the probe is about
    /// the service, like a DNS answer).
    ProbeMonitor(QString id, std::unique_ptr<Probe> probe, std::chrono::milliseconds interval,
                 const HysteresisPolicy& policy, std::optional<HostRole> target, const Clock& clock,
                 QObject* parent = nullptr);
    ~ProbeMonitor() override;

    /// Starts checking: a first check after @p firstDelay (at once by
    /// default), then one per interval.
    void start(std::chrono::milliseconds firstDelay = std::chrono::milliseconds(0));
    void stop();
    bool isActive() const { return m_timer.isActive() || m_firstCheck.isActive(); }
    /// Runs one check now unless one is running.
    void checkNow();

    QString id() const { return m_id; }
    QString description() const;
    std::optional<HostRole> target() const { return m_target; }
    std::chrono::milliseconds interval() const { return m_interval; }

    HealthState state() const { return m_hysteresis.state(); }
    bool flapping() const { return m_hysteresis.flapping(); }
    const Hysteresis& hysteresis() const { return m_hysteresis; }
    /// The last check's result; empty before the first answer.
    const std::optional<ProbeResult>& lastResult() const { return m_lastResult; }
    QDateTime lastCheck() const { return m_lastCheck; }
    const std::deque<LatencySample>& samples() const { return m_samples; }
    int skippedChecks() const { return m_skipped; }
    /// Checks answered since construction.
    int checkCount() const { return m_checks; }
    /// The largest delay observed between when a check was due and when
    /// its timer fired (event-loop stall), in milliseconds.
    qint64 worstTimerLagMs() const { return m_worstLagMs; }

signals:
    void checked(const relais::ProbeResult& result);
    void stateChanged(const relais::StateChange& change);

private:
    void onTimer();
    void onFinished(const ProbeResult& result);

    QString m_id;
    std::unique_ptr<Probe> m_probe;
    std::chrono::milliseconds m_interval;
    std::optional<HostRole> m_target;
    const Clock& m_clock;
    Hysteresis m_hysteresis;
    QTimer m_timer;
    QTimer m_firstCheck;
    std::optional<ProbeResult> m_lastResult;
    QDateTime m_lastCheck;
    std::deque<LatencySample> m_samples;
    int m_skipped = 0;
    int m_checks = 0;
    bool m_discardNext = false;
    qint64 m_nextDueMs = -1;
    qint64 m_worstLagMs = 0;
};

} // namespace relais
