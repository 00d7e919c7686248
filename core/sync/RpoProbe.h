#pragma once

#include "health/Probe.h"
#include "site/SyncJob.h"

#include <QElapsedTimer>
#include <QPointer>
#include <optional>

namespace relais {

class SshCommandJob;
class SshSession;

/// The measured RPO of a sync job as a health check (kind "rpo"): reads
/// the job's canary on backup over SSH (SyncCanary::readCommand, backup's
/// own clock against the time main wrote in the canary) and passes while
/// its age is within the site's RPO target. No canary on backup yet, or an
/// age over the target, is a failure whose message gives the age; the
/// dashboard and the tray show it like any other probe.
class RpoProbe : public Probe
{
    Q_OBJECT

public:
    /// @p backup must outlive the probe.
    RpoProbe(SshSession* backup, SyncJob job, int targetMinutes, int timeoutMs,
             QObject* parent = nullptr);
    ~RpoProbe() override;

    void start() override;
    void cancel() override;
    bool isRunning() const override;
    QString describe() const override;

    /// The age of backup's copy at the last check (none: unknown).
    std::optional<qint64> lastAgeMs() const { return m_lastAgeMs; }

    /// The verdict on readCommand()'s @p output for @p targetMinutes.
    static ProbeResult judge(const QByteArray& output, int targetMinutes, qint64 latencyMs);

private:
    void onFinished();

    QPointer<SshSession> m_backup;
    SyncJob m_job;
    int m_targetMinutes;
    int m_timeoutMs;
    QPointer<SshCommandJob> m_command;
    QElapsedTimer m_elapsed;
    std::optional<qint64> m_lastAgeMs;
};

} // namespace relais
