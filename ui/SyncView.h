#pragma once

#include "site/Site.h"
#include "sync/ReplicationLock.h"
#include "sync/RsyncItem.h"
#include "sync/RsyncProgress.h"
#include "sync/SyncRunRecord.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>
#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace relais {

class SyncHistory;
class SyncRunChart;
class SyncRunDetails;

/// The site's sync jobs: schedule and next run, last result, measured RPO
/// against the site's target and the direction guard's lock; Run now, Dry
/// run and Cancel for the selected job; the running job's progress with
/// rate and ETA; the selected job's run history and its chart, and the
/// selected run's details (rsync's totals and change list; Enter or a
/// double click on a run moves to its change list); "Set Up Key…" for the
/// selected job's replication key (keySetupRequested(), only while the
/// vault is unlocked).
///
/// The view runs nothing itself: it asks with runRequested() and
/// cancelRequested(), and whoever runs the jobs (SyncConsole, or a test)
/// reports back with runStarted(), showProgress(), runFinished() and
/// runSkipped(); scheduled runs show like manual ones.
class SyncView : public QWidget
{
    Q_OBJECT

public:
    explicit SyncView(QWidget* parent = nullptr);

    void setSite(const Site& site);
    /// Where the runs are read from (may be null: no history).
    void setHistory(SyncHistory* history);
    /// The direction guard (none: replication runs normally).
    void setLock(const std::optional<ReplicationLock::State>& lock);
    void setNextRun(const QString& job, const std::optional<QDateTime>& at);
    /// The canary's age on backup (none: unknown).
    void setRpo(const QString& job, const std::optional<qint64>& ageMs);
    /// Whether the site's vault is unlocked (the key set-up needs its SSH keys).
    void setVaultUnlocked(bool unlocked);

    QString selectedJob() const;
    void selectJob(const QString& job);
    bool isRunning(const QString& job) const { return m_running.contains(job); }

    /// The words shown in the jobs table for a schedule ("every 5 min").
    static QString scheduleText(const SyncSchedule& schedule);
    static QString outcomeText(SyncRunRecord::Outcome outcome);

    enum Column
    {
        NameColumn,
        DirectionColumn,
        ScheduleColumn,
        NextRunColumn,
        LastResultColumn,
        TransferColumn,
        RpoColumn,
        LockColumn,
        ColumnCount
    };

public slots:
    void runStarted(const QString& job, bool dryRun);
    void showProgress(const QString& job, const relais::RsyncProgress& progress);
    void runFinished(const relais::SyncRunRecord& record, const QList<relais::RsyncItem>& items);
    /// A scheduled run did not start (the lock held, the vault is locked...).
    void runSkipped(const QString& job, const QString& reason);
    /// The installed job's runner started at @p at (UTC) on its host and
    /// found a run still going: shown until a run ending later is known.
    void hostStartSkipped(const QString& job, const QDateTime& at);

signals:
    void runRequested(const QString& job, bool dryRun);
    void cancelRequested(const QString& job);
    /// "Set Up Key…" for @p job: the owner opens ReplicationKeyDialog.
    void keySetupRequested(const QString& job);

private:
    void fillJobs();
    void fillRow(int row);
    void loadHistory();
    void showSelectedRun();
    void updateButtons();
    int rowOf(const QString& job) const;
    bool lockApplies(const SyncJob& job) const;

    std::optional<Site> m_site;
    SyncHistory* m_history = nullptr;
    std::optional<ReplicationLock::State> m_lock;
    QHash<QString, std::optional<QDateTime>> m_nextRun;
    QHash<QString, std::optional<qint64>> m_rpo;
    QHash<QString, SyncRunRecord> m_last;
    QHash<QString, QString> m_skipped;
    QHash<QString, QDateTime> m_hostSkip; ///< the host's newest start that found a run going
    QHash<QString, bool> m_running;       ///< job → dry run
    bool m_vaultUnlocked = false;

    QLabel* m_lockBanner;
    QTableWidget* m_jobs;
    QPushButton* m_run;
    QPushButton* m_dryRun;
    QPushButton* m_cancel;
    QPushButton* m_setupKey;
    QLabel* m_status;
    QProgressBar* m_progress;
    QLabel* m_rate;
    QListWidget* m_dryRunList;
    QTableWidget* m_runs;
    QList<SyncRunRecord> m_shownRuns; ///< the rows of m_runs
    SyncRunChart* m_chart;
    SyncRunDetails* m_details;
};

} // namespace relais
