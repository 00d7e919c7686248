#pragma once

#include "ReplicationKeyRequest.h"
#include "common/Result.h"
#include "health/HealthEvent.h"
#include "site/Site.h"
#include "sync/RsyncItem.h"
#include "sync/RsyncProgress.h"
#include "sync/SyncRunRecord.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

namespace relais {

class Clock;
class Database;
class ReplicationKeySetup;
class RpoProbe;
class SiteConnections;
class SshCommandJob;
class SyncHistory;
class SyncRunJob;
class SyncScheduler;

/// Runs a site's sync jobs for the console: by hand (runJob()) and on their
/// schedules while Relais runs, window open or in the tray. One run at a time
/// per job; a run main → backup while the direction guard's lock holds is
/// skipped and said so (runSkipped()), never started; a scheduled run that
/// did not start in time is reported with alert(). Every run, whatever
/// started it, is recorded in the site's SyncHistory and reported with
/// runStarted(), progress() and runFinished().
///
/// The hosts are reached through the SiteConnections set with
/// setConnections() (made when the vault is unlocked); without them a
/// scheduled run is skipped ("the vault is locked").
class SyncConsole : public QObject
{
    Q_OBJECT

public:
    /// @p database (may be null: no history, no lock) and @p clock must
    /// outlive the console; @p siteKey names the site in relais.db
    /// (SiteDocument::siteKey()).
    SyncConsole(Site site, QString siteKey, Database* database, const Clock& clock,
                QObject* parent = nullptr);
    ~SyncConsole() override;

    const Site& site() const { return m_site; }
    SyncHistory* history() const { return m_history.get(); }
    SyncScheduler* scheduler() const { return m_scheduler.get(); }

    /// May be null; must outlive the runs started with it. The sessions it
    /// makes from now on keep a shell ready on their host
    /// (SiteConnections::setReadyShells).
    void setConnections(SiteConnections* connections);
    SiteConnections* connections() const { return m_connections; }
    /// Where the replication keys are on the initiating hosts.
    void setKeyDir(const QString& dir) { m_keyDir = dir; }
    const QString& keyDir() const { return m_keyDir; }
    /// The set-up of a job's replication key with the console's connections
    /// (not started; the caller owns it), or why there is none (no
    /// connections: the vault was never unlocked for sync). The other
    /// host's keys are read from the known_hosts its session checks, once
    /// it has been reached.
    Result<ReplicationKeySetup*> setUpKey(const ReplicationKeyRequest& request) const;

    /// Starts the schedules.
    void start();
    bool isRunning(const QString& job) const;
    /// Whether the job's runs were found on its host (installed there).
    bool isInstalled(const QString& job) const { return m_installed.contains(job); }
    /// The lock's reason when main → backup replication is locked.
    std::optional<QString> lockReason() const;

public slots:
    /// Starts @p job now (false when it did not start: runSkipped() says why).
    bool runJob(const QString& job, bool dryRun);
    void cancel(const QString& job);
    /// Reads the canary's age on backup for every job (needs connections).
    void checkRpo();
    /// Reads the runs of jobs installed on their initiating host (cron or
    /// systemd timer) into the history; the schedule counts them, so a
    /// run the host missed raises alert() like one the console missed. A
    /// job with runs on its host is left to the host: the console does not
    /// start it on schedule (by hand it still can).
    void readHostRuns();

signals:
    void runStarted(const QString& job, bool dryRun);
    void progress(const QString& job, const relais::RsyncProgress& progress);
    void runFinished(const relais::SyncRunRecord& record, const QList<relais::RsyncItem>& items);
    void runSkipped(const QString& job, const QString& reason);
    void nextRunChanged(const QString& job, const std::optional<QDateTime>& at);
    void rpoMeasured(const QString& job, const std::optional<qint64>& ageMs);
    /// Runs were added to the history from a host.
    void historyChanged();
    /// The newest start of @p job's installed runner that found a run still
    /// holding the job's lock, at @p at (UTC), read from its host.
    void hostStartSkipped(const QString& job, const QDateTime& at);
    /// Worth a tray notification (a missed run).
    void alert(const QString& title, const QString& body);
    /// A missed run as a health event (SyncScheduler::missedRunEvent), for
    /// the site's event list and health history.
    void healthEvent(const relais::HealthEvent& event);

private:
    const SyncJob* find(const QString& job) const;
    bool startRun(const SyncJob& job, bool dryRun, bool scheduled);
    void onRunFinished(const QString& job);
    void announceNextRuns();

    Site m_site;
    QString m_siteKey;
    Database* m_database;
    const Clock& m_clock;
    std::unique_ptr<SyncHistory> m_history;
    std::unique_ptr<SyncScheduler> m_scheduler;
    SiteConnections* m_connections = nullptr;
    QString m_keyDir = QStringLiteral("~/.ssh/relais-sync");
    QHash<QString, SyncRunJob*> m_runs;
    QHash<QString, RpoProbe*> m_probes;
    QHash<QString, SshCommandJob*> m_hostReads;
    QSet<QString> m_installed;         ///< jobs whose host runs them (runs read back)
    QSet<QString> m_rpoAgain;          ///< asked while a probe of the job ran
    QHash<QString, QString> m_waiting; ///< job → why its due run waits
    QTimer m_refresh;
};

} // namespace relais
