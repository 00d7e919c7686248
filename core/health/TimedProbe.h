#pragma once

#include "Probe.h"

#include <QElapsedTimer>
#include <QTimer>

namespace relais {

/// The life of a probe that runs one exchange under a timeout (TcpProbe,
/// SshProbe, HttpProbe): start() arms the timer and calls begin();
/// finish() stops the timer, lets the subclass release() what the run used
/// and emits finished() once. A finish() from inside begin() is delivered
/// on the next event-loop pass, so finished() never comes from start().
/// cancel() finishes with HealthError::Cancelled, the timer with timedOut().
class TimedProbe : public Probe
{
    Q_OBJECT

public:
    explicit TimedProbe(int timeoutMs, QObject* parent = nullptr);

    void start() final;
    void cancel() final;
    bool isRunning() const final { return m_running; }

    int timeoutMs() const { return m_timeoutMs; }

protected:
    /// Begins the exchange of one run; may finish() at once.
    virtual void begin() = 0;
    /// Releases what the run used (socket, reply, buffers); @p ok tells
    /// whether the run succeeded (a socket may then close gracefully).
    virtual void release(bool ok) = 0;
    /// The result when the timeout expires; by default "no answer within N ms".
    virtual ProbeResult timedOut();

    /// Ends the run with @p result; ignored when no run is going.
    void finish(ProbeResult result);
    /// Milliseconds since the run began.
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }

private:
    void finishLater(ProbeResult result);

    int m_timeoutMs;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    bool m_running = false;
    bool m_starting = false;
    quint64 m_run = 0;
};

} // namespace relais
