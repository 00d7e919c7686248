#pragma once

#include "common/Result.h"
#include "site/Site.h"
#include "ssh/RejectAllVerifier.h"
#include "sync/RsyncCommand.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <QTimer>
#include <memory>
#include <optional>

namespace relais {

class Database;
class ReplicationKeySetup;
class SshCommandJob;
class SshSession;
class SyncRunJob;
struct RsyncProgress;

/// `relaisctl sync run|dry-run|status|install|setup-key --site FILE JOB`: one run of a sync
/// job the way the console runs it (hooks, canary, rsync on the initiating
/// host with the job's replication key, retries, history in relais.db); a
/// dry run listing what would change; the job's state (last runs, next run,
/// direction lock, canary age on backup = the RPO now against the site's
/// target; the runs of the job installed on its host are read into the
/// history first, and a missed scheduled run is reported); install puts
/// the job on its initiating host (SyncHostInstall: a systemd timer, else
/// a cron entry; --remove takes it away; refused while the direction guard
/// holds); setup-key makes the job's replication key (ReplicationKeySetup:
/// its private half on the initiating host, its public half confined to
/// rrsync on the other host; --reverse for failback's key). run shows a progress line on standard
/// error when it is a terminal; interrupt() (Ctrl-C) cancels it.
///
/// Exit status: 0 the run succeeded (a warning included) / the status is
/// within target; 1 the run failed or was cancelled, or the RPO is over its
/// target or unknown; 2 usage or set-up error (site, vault, unknown job).
class SyncCommand : public QObject
{
    Q_OBJECT

public:
    SyncCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~SyncCommand() override;

    /// Parses @p arguments and starts; returns an exit code when already
    /// done, or -1 when the answer will come with finished().
    int start(const QStringList& arguments);
    /// Cancels a running run (Ctrl-C).
    void interrupt();

signals:
    void finished(int exitCode);

private:
    enum class Action
    {
        Run,
        DryRun,
        Status,
        Install,
        SetupKey,
    };

    int prepare(Action action, const QStringList& arguments);
    void startRun(RsyncCommand::Mode mode);
    void onRunFinished();
    void onProgress(const RsyncProgress& progress);
    void startStatus();
    void onHostRunsRead();
    void onCanaryRead();
    void startInstall();
    void onDetected();
    void install(int scheduler);
    void startSetupKey();
    SshSession* initiating() const;
    void finish(int code);

    QTextStream& m_out;
    QTextStream& m_err;
    Action m_action = Action::Status;
    bool m_json = false;
    bool m_terminal = false;
    bool m_progressShown = false;
    bool m_done = false;
    bool m_remove = false;
    bool m_reverse = false;
    QString m_keyDir;
    QString m_authorizedKeys;
    std::optional<int> m_forcedScheduler; ///< SyncHostInstall::Scheduler
    int m_imported = 0;
    QDateTime m_lastBusySkip; ///< the host's newest start that found a run going
    QString m_sitePath;
    std::optional<Site> m_site;
    SyncJob m_job;
    RsyncCommand::Peer m_peer;
    std::unique_ptr<Database> m_database;
    RejectAllVerifier m_verifier;
    std::unique_ptr<SshSession> m_main;
    std::unique_ptr<SshSession> m_backup;
    std::unique_ptr<SyncRunJob> m_run;
    std::unique_ptr<SshCommandJob> m_canary;
    std::unique_ptr<SshCommandJob> m_hostJob;
    std::unique_ptr<ReplicationKeySetup> m_keySetup;
};

} // namespace relais
