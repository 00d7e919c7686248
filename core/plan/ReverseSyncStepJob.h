#pragma once

#include "StepJob.h"
#include "sync/RsyncCommand.h"

#include <QDateTime>
#include <QPointer>

namespace relais {

class Clock;
class Database;
class SshCommandJob;
class SshSession;
class SyncRunJob;

/// The failback's reverse sync of a sync job, backup → main, with the
/// job's reverse key (RsyncCommand::Flow::Reverse):
/// 1. a dry run lists what would change on main;
/// 2. main lists its own files changed since the failover — the time
///    ReplicationLock locked main → backup replication, so a site that is
///    not locked has no failover to fail back from and the step fails;
/// 3. a file in both lists changed on both sides: the step fails and names
///    them (ReverseSyncConflicts), nothing is copied;
/// 4. Review: the change list goes to output() for the user to read in the
///    report, and the step ends; Run: the real transfer, its progress to
///    output().
/// The direction guard does not stop this run: it is the explicit reverse
/// flow the lock is waiting for. cancel() cancels the command under way.
class ReverseSyncStepJob : public StepJob
{
    Q_OBJECT

public:
    enum class Mode
    {
        Review, ///< dry run and conflict check only
        Run,    ///< the same, then the transfer
    };

    /// The sessions, @p clock and @p database must outlive the job; @p peer
    /// names the reverse key (SyncStepJob::peerFor with Flow::Reverse).
    ReverseSyncStepJob(SyncJob job, RsyncCommand::Peer peer, SshSession* main, SshSession* backup,
                       const Clock& clock, Database* database, QString siteKey, Mode mode,
                       QObject* parent = nullptr);
    ~ReverseSyncStepJob() override;

    void start() override;
    void cancel() override;

private:
    SyncRunJob* makeRun(RsyncCommand::Mode mode);
    void onDryRun();
    void onChangedOnMain();
    void onTransferred();
    void done(const Result<void>& result);

    SyncJob m_job;
    RsyncCommand::Peer m_peer;
    QPointer<SshSession> m_main;
    QPointer<SshSession> m_backup;
    const Clock& m_clock;
    Database* m_database;
    QString m_siteKey;
    Mode m_mode;
    QDateTime m_since;
    SyncRunJob* m_dryRun = nullptr;
    SyncRunJob* m_run = nullptr;
    SshCommandJob* m_check = nullptr;
    bool m_cancelled = false;
    bool m_done = false;
    int m_lastTenth = -1;
};

} // namespace relais
