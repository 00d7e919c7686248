#pragma once

#include "RsyncCommand.h"
#include "RsyncItem.h"
#include "RsyncOutputParser.h"
#include "RsyncProgress.h"
#include "SyncRunRecord.h"
#include "common/Result.h"
#include "site/SyncJob.h"

#include <QObject>
#include <QPointer>
#include <algorithm>
#include <optional>

class QTimer;

namespace relais {

class Clock;
class SshCommandJob;
class SshSession;

/// One run of a sync job (a job: start() never blocks, finished() comes
/// exactly once, also after cancel()): the direction guard, the pre-sync
/// hooks in order (each with its timeout; a failing hook stops the run
/// before anything is copied), the RPO canary on main, then rsync on the
/// initiating host, its progress and change list streamed, its outcome
/// judged by RsyncExitPolicy. A dry run, and the reverse flow, skip hooks
/// and canary. For a push, the canary and rsync go to main as one command
/// (SyncCanary::writeThenRunCommand(): one round trip and one remote shell
/// fewer); the canary keeps its own 30 s limit and its own error.
///
/// A run (not a dry run) first takes, without waiting, the lock of the job
/// installed on its initiating host (SyncHostInstall::lockCommand(), in the
/// transfer's own command, before the canary): while the host's runner or
/// another console runs the job, it ends with SyncError::AlreadyRunning,
/// exit status SyncHostInstall::BusyStatus, nothing copied, not retried.
/// A job with pre-sync hooks, or a pull (its canary is a command of its
/// own on main), looks at the lock first, so that they do not run while
/// the host runs the job (one command more; the transfer takes the lock).
///
/// A transfer that fails in a transient way (RsyncExitPolicy's Retry: the
/// connection broke, ssh failed, a timeout) is started again after a
/// back-off delay, up to maxAttempts() in all; hooks and canary are not
/// repeated. cancel() during the wait ends the run at once.
class SyncRunJob : public QObject
{
    Q_OBJECT

public:
    enum class Step
    {
        Hooks,
        Canary,
        Transfer,
        Done,
    };
    Q_ENUM(Step)

    /// @p main and @p backup are the sessions to the two hosts; they must
    /// outlive the job.
    SyncRunJob(SyncJob job, RsyncCommand::Peer peer, SshSession* main, SshSession* backup,
               RsyncCommand::Mode mode, const Clock& clock, QObject* parent = nullptr);
    ~SyncRunJob() override;

    /// The direction guard's lock (from ReplicationLock): a locked run
    /// main → backup refuses to start with SyncError::DirectionLocked; the
    /// explicit reverse flow (failback) is what the lock is for, so it runs.
    void setLocked(std::optional<QString> reason) { m_lockReason = std::move(reason); }
    /// Forward (main → backup, default) or the failback's reverse flow
    /// (backup → main, RsyncCommand::Flow::Reverse: no hooks, no canary,
    /// the job's ".reverse" key in the peer). Set before start().
    void setFlow(RsyncCommand::Flow flow) { m_flow = flow; }
    RsyncCommand::Flow flow() const { return m_flow; }
    /// Time limit of the transfer itself (0: none).
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    /// Transfers tried in all (1: no retry). Default 3.
    void setMaxAttempts(int attempts) { m_maxAttempts = std::max(1, attempts); }
    /// The wait before the first retry; it doubles for each further one, at
    /// most 15 minutes. Default: RsyncExitPolicy::retryDelaySeconds(1).
    void setFirstRetryDelayMs(int ms) { m_firstRetryDelayMs = std::max(0, ms); }
    int maxAttempts() const { return m_maxAttempts; }
    /// The wait before retry number @p retry (1, 2, …).
    int retryDelayMs(int retry) const;

    void start();
    void cancel();
    bool isFinished() const { return m_result.has_value(); }

    /// Success, or why the run failed; valid once finished.
    const Result<void>& result() const { return *m_result; }
    /// The run as kept in the history, with the last transfer's --stats
    /// totals and its first SyncRunRecord::MaxItems changes (items() has
    /// them all); valid once finished.
    const SyncRunRecord& record() const { return m_record; }
    const QList<RsyncItem>& items() const { return m_items; }
    const RsyncStats& stats() const { return m_parser.stats(); }
    const QStringList& messages() const { return m_messages; }
    Step step() const { return m_step; }
    /// Transfers started so far (the first one included).
    int attempts() const { return m_attempts; }
    /// True while waiting to retry the transfer.
    bool isWaitingToRetry() const;

signals:
    void stepChanged(relais::SyncRunJob::Step step);
    void progress(const relais::RsyncProgress& progress);
    void itemsAdded(const QList<relais::RsyncItem>& items);
    /// Transfer attempt @p attempt failed with @p reason; the next one
    /// starts in @p delayMs.
    void retrying(int attempt, int delayMs, const QString& reason);
    void finished();

private:
    /// Looks at the job's lock on the initiating host before the hooks.
    void checkLock();
    /// Ends the run: another run holds the job's lock.
    void failBusy();
    void runHook(qsizetype index);
    void writeCanary();
    /// The canary came out written (its line, or rsync's first output).
    void canaryWritten();
    void failCanary(const QString& why);
    void transfer();
    void onTransferFinished();
    /// Retries when the policy allows it and attempts remain; false when not.
    bool retryLater(const QString& reason);
    void setStep(Step step);
    void fail(const Error& error, SyncRunRecord::Outcome outcome);
    void finish(Result<void> result);
    SshSession* sessionOf(HostRole role) const;
    /// "main (ADDRESS)" or "backup (ADDRESS)": where rsync starts.
    QString initiatingHostName() const;
    SshCommandJob* startCommand(SshSession* session, const QString& command, int timeoutMs);

    SyncJob m_job;
    RsyncCommand::Peer m_peer;
    QPointer<SshSession> m_main;
    QPointer<SshSession> m_backup;
    RsyncCommand::Mode m_mode;
    RsyncCommand::Flow m_flow = RsyncCommand::Flow::Forward;
    const Clock& m_clock;
    std::optional<QString> m_lockReason;
    int m_transferTimeoutMs = 0;
    int m_maxAttempts = 3;
    int m_firstRetryDelayMs = -1;
    int m_attempts = 0;
    QTimer* m_retryTimer = nullptr;
    QTimer* m_canaryTimer = nullptr;
    /// The next transfer writes the canary first (a push's first attempt).
    bool m_canaryFirst = false;
    /// The command running writes the canary first: its marker lines are
    /// never messages.
    bool m_canaryInCommand = false;
    /// The messages before the running command's (the hooks').
    qsizetype m_messagesBeforeCommand = 0;
    /// The canary of the running command reported failure.
    bool m_canaryFailed = false;
    /// The running command found the job's lock held on its host.
    bool m_lockBusy = false;

    Step m_step = Step::Hooks;
    QPointer<SshCommandJob> m_command;
    RsyncOutputParser m_parser;
    QList<RsyncItem> m_items;
    QStringList m_messages;
    SyncRunRecord m_record;
    std::optional<Result<void>> m_result;
    bool m_started = false;
};

} // namespace relais
