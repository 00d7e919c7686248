#pragma once

#include "StepJob.h"
#include "site/Site.h"
#include "sync/RsyncCommand.h"

#include <QPointer>
#include <optional>

namespace relais {

class Clock;
class Database;
struct RsyncProgress;
class SshSession;
class SyncRunJob;

/// The failover's final sync: one more run of the step's sync job, main →
/// backup, the way `relaisctl sync run` does it (SyncRunJob: the direction
/// guard, the pre-sync hooks, the RPO canary, rsync between the hosts with
/// the job's key on the initiating host). rsync's progress goes to output()
/// every tenth of the transfer; the run is kept in the sync history when a
/// database is given (which also holds the direction lock: a locked site
/// refuses the run). cancel() cancels the rsync.
class SyncStepJob : public StepJob
{
    Q_OBJECT

public:
    /// The sessions, @p clock and @p database (optional) must outlive the job.
    SyncStepJob(SyncJob job, RsyncCommand::Peer peer, SshSession* main, SshSession* backup,
                const Clock& clock, Database* database, QString siteKey, QObject* parent = nullptr);
    ~SyncStepJob() override;

    /// How @p job's initiating host reaches the other one: its site address,
    /// SSH port and user, the job's key (RsyncCommand::keyName()) and its
    /// ".known_hosts" in @p keyDirectory on the initiating host.
    static RsyncCommand::Peer peerFor(const Site& site, const SyncJob& job,
                                      const QString& keyDirectory, RsyncCommand::Flow flow);
    /// The site's sync job called @p name.
    static std::optional<SyncJob> findJob(const Site& site, const QString& name);
    /// "12.5 MB  40 %  3.1 MB/s" for the step's output.
    static QString progressLine(const RsyncProgress& progress);

    void start() override;
    void cancel() override;

private:
    void onFinished();

    SyncJob m_job;
    RsyncCommand::Peer m_peer;
    QPointer<SshSession> m_main;
    QPointer<SshSession> m_backup;
    const Clock& m_clock;
    Database* m_database;
    QString m_siteKey;
    SyncRunJob* m_run = nullptr;
    int m_lastTenth = -1;
};

} // namespace relais
