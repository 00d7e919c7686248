#pragma once

#include "LxdProbeContext.h"
#include "TimedProbe.h"

#include <QPointer>

namespace relais {

class Clock;
class LxdOperation;

/// Checks one LXD instance on a host (GET /1.0/instances/NAME): on main it
/// must be running; on the backup the copy must exist (stopped, as
/// replication leaves it, or running after a failover). With a copy age
/// limit, the instance's last successful replication must also be recent
/// enough. The message says running, stopped or missing, and the copy's
/// age.
///
/// Without a client (the vault is locked) each check fails saying so.
class LxdProbe final : public TimedProbe
{
    Q_OBJECT

public:
    /// @p client may be null and must outlive the probe; @p lastCopy may be
    /// empty when @p maxCopyAgeMinutes is 0.
    LxdProbe(LxdClient* client, HostRole host, QString instance, int maxCopyAgeMinutes,
             std::function<Result<std::optional<QDateTime>>(const QString&)> lastCopy,
             const Clock& clock, int timeoutMs, QObject* parent = nullptr);
    /// @p client is asked for the client at each check (null while there is
    /// none: the vault has not been unlocked yet; an error says why it
    /// cannot be made), so a probe made before the vault was unlocked checks
    /// the instance once it is.
    LxdProbe(std::function<Result<LxdClient*>()> client, HostRole host, QString instance,
             int maxCopyAgeMinutes,
             std::function<Result<std::optional<QDateTime>>(const QString&)> lastCopy,
             const Clock& clock, int timeoutMs, QObject* parent = nullptr);
    ~LxdProbe() override;

    /// "LXD web on backup".
    QString describe() const override;

    /// The verdict on an instance's state and its copy's age, without I/O
    /// (also for tests): @p status is LXD's ("Running", "Stopped"), empty
    /// when the instance is missing; @p lastCopy as the context gives it.
    static ProbeResult judge(HostRole host, const QString& instance, const QString& status,
                             int maxCopyAgeMinutes,
                             const Result<std::optional<QDateTime>>& lastCopy, const QDateTime& now,
                             qint64 latencyMs);
    /// Why the check failed when LXD could not be asked: a timeout, a host
    /// that cannot be reached, a host key or certificate that was refused.
    static HealthError errorOf(const Error& lxdError);

protected:
    void begin() override;
    void release(bool ok) override;

private:
    void onAnswer();

    std::function<Result<LxdClient*>()> m_client;
    HostRole m_host;
    QString m_instance;
    int m_maxCopyAgeMinutes;
    std::function<Result<std::optional<QDateTime>>(const QString&)> m_lastCopy;
    const Clock& m_clock;
    /// Owned by the client, which may go while a check runs.
    QPointer<LxdOperation> m_op;
};

} // namespace relais
