#pragma once

#include "StepJob.h"
#include "site/SyncJob.h"

#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QStringList>
#include <optional>

namespace relais {

class DrillContext;
class LxdClient;
class LxdExecJob;
class LxdOperation;
class SshCommandJob;
class SshSession;

/// Reads the RPO canary of each sync job on backup (SyncCanary): the age
/// of the oldest is the data the side would lose now, the drill's RPO. A
/// job without a canary yet fails a rehearsal's step (its data was never
/// copied); before a failover's switch it is only said: measuring must not
/// stand in the way of the failover (Missing::Warns).
///
/// In a rehearsal (readInside()), the canary is read inside the clones:
/// the first clone whose disk devices mount the job's destination (or a
/// folder above it) is asked for the file at its own path (LXD exec, `cat`),
/// so the RPO is what the clone really serves; the time is backup's, read
/// over SSH. A job whose destination no clone mounts is read on backup
/// itself, and the step says so.
class CanaryStepJob : public StepJob
{
    Q_OBJECT

public:
    enum class Missing
    {
        Fails,
        Warns,
    };
    /// The session and context must outlive the job.
    CanaryStepJob(SshSession* backup, QList<SyncJob> jobs, DrillContext& context, Missing missing,
                  QObject* parent = nullptr);
    ~CanaryStepJob() override;

    /// Reads the canaries inside @p clones, through @p lxd (backup's; it
    /// must outlive the job). Set before start().
    void readInside(LxdClient* lxd, QStringList clones);

    /// Where @p hostPath is seen inside an instance with @p devices (its
    /// expanded_devices): through a disk device whose source is the path or
    /// a folder above it (pool volumes are not host paths); nothing when no
    /// device mounts it.
    static std::optional<QString> pathInside(const QJsonObject& devices, const QString& hostPath);

    void start() override;
    void cancel() override;

private:
    void readDevices();
    void readNext();
    void onRead();
    void onReadInside(const QString& clone);
    void measured(const SyncJob& job, const QByteArray& read, const QString& where);
    void missing(const QString& text);

    QPointer<SshSession> m_backup;
    QList<SyncJob> m_jobs;
    Missing m_missing = Missing::Fails;
    bool m_missed = false;
    DrillContext& m_context;
    QPointer<LxdClient> m_lxd;
    QStringList m_clones;
    QStringList m_toRead;                 ///< clones whose devices are still to read
    QMap<QString, QJsonObject> m_devices; ///< each clone's expanded devices
    LxdOperation* m_operation = nullptr;
    SshCommandJob* m_command = nullptr;
    LxdExecJob* m_exec = nullptr;
    QByteArray m_hostOutput; ///< backup's time (and its own canary), for the one read inside
    qint64 m_oldestMs = -1;
    bool m_cancelled = false;
};

} // namespace relais
