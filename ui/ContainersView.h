#pragma once

#include "common/Result.h"
#include "lxd/LxdSnapshotSettings.h"
#include "site/Host.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QShortcut;
class QStackedWidget;
class QTableView;

namespace relais {

class Clock;
class ContainerActionRunner;
class InstanceTableModel;
class LxdClient;
class LxdOperation;
class LxdReplicationHistory;
class SnapshotTimeline;

/// The console's containers tab: per host (main or backup), the LXD
/// instances with their status, addresses, snapshots and backup copy age;
/// the actions on the selected one (start, stop, restart, snapshot, safe
/// restore, delete a snapshot, scheduled snapshot settings, replicate to
/// the backup) with LXD's progress and a Cancel button; and the selected
/// instance's snapshots on a timeline.
///
/// The LXD clients come from a provider (the window's SiteConnections once
/// the vault is unlocked); without one the view asks for the vault. The
/// list is read again every refreshIntervalMs() while the view is shown,
/// never blocking: one listing at a time, one action at a time.
class ContainersView : public QWidget
{
    Q_OBJECT

public:
    using ClientProvider = std::function<Result<LxdClient*>(HostRole role)>;

    explicit ContainersView(const Clock& clock, QWidget* parent = nullptr);
    ~ContainersView() override;

    /// Where the LXD clients come from; an empty provider (vault locked)
    /// cancels a running action and shows that the vault is needed.
    void setClientProvider(ClientProvider provider);
    bool hasClientProvider() const { return bool(m_provider); }
    /// Lets go of the provider once the running action (if any) has ended,
    /// then emits clientProviderReleased(): a vault that locks by itself
    /// does not cut a replication short. setClientProvider() calls it off.
    void releaseClientProviderWhenIdle();
    bool isReleasePending() const { return m_releasePending; }
    /// Last successful replication of each container (null: unknown).
    /// Must outlive the view or be replaced first.
    void setReplicationHistory(LxdReplicationHistory* history);

    HostRole host() const { return m_host; }
    void setHost(HostRole role);
    void setRefreshIntervalMs(int ms);
    int refreshIntervalMs() const { return m_refreshTimer.interval(); }
    /// Whether the list is read again every refreshIntervalMs().
    bool isAutoRefreshing() const { return m_refreshTimer.isActive(); }

    InstanceTableModel* model() const { return m_model; }
    SnapshotTimeline* timeline() const { return m_timeline; }
    ContainerActionRunner* runner() const { return m_runner; }
    QTableView* table() const { return m_table; }
    QComboBox* snapshotSelector() const { return m_snapshots; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* cancelButton() const { return m_cancel; }
    QAction* refreshAction() const { return m_refreshAction; }
    /// Whether a listing is on its way.
    bool isRefreshing() const { return !m_listing.isNull(); }

    /// Snapshot settings saved while an action ran, waiting for its end.
    qsizetype queuedSettingsSaves() const { return m_queuedSaves.size(); }
    /// Whether settings typed for @p instance of @p role were not saved
    /// (yet): the schedule dialog shows them again.
    bool hasUnsavedSettings(HostRole role, const QString& instance) const;
    /// Forgets the settings typed and not saved (another site is opened).
    void forgetUnsavedSettings();

    /// Selects the row of @p name; false when it is not listed.
    bool selectInstance(const QString& name);
    QString selectedInstance() const;
    /// The snapshot chosen for restore and delete (selector or timeline).
    QString selectedSnapshot() const;
    bool selectSnapshot(const QString& name);

public slots:
    /// Reads the host's instances again (nothing when a listing runs or
    /// the provider is being let go).
    void refresh();
    void startSelected();
    /// Stops the selected instance cleanly, waiting up to 30 s.
    void stopSelected();
    void forceStopSelected();
    void restartSelected();
    /// Asks for the snapshot's name and lifetime, then takes it.
    void snapshotSelected();
    /// Takes snapshot @p name of the selected instance (invalid
    /// @p expiresAt: never expires).
    void takeSnapshot(const QString& name, const QDateTime& expiresAt = {});
    /// Asks for confirmation (Cancel is the default), then restores the
    /// selected snapshot after a safety snapshot.
    void restoreSelected();
    /// Asks for confirmation, then deletes the selected snapshot.
    void deleteSnapshotSelected();
    /// Reads the selected instance's snapshot settings and shows them to edit.
    void editSnapshotSettings();
    /// Copies the selected container (main only) to the backup.
    void replicateSelected();
    void cancelAction();

signals:
    /// The user asked to unlock the vault.
    void vaultNeeded();
    /// The provider was let go after releaseClientProviderWhenIdle().
    void clientProviderReleased();
    /// A listing ended (successfully or not).
    void refreshed(bool ok);
    /// An action ended; the list is read again.
    void actionFinished(bool ok);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    /// Snapshot settings the user saved: only the keys changed.
    struct SettingsSave
    {
        QString instance;
        HostRole role = HostRole::Main;
        QJsonObject changes;
    };

    QAction* makeAction(const QString& text, const QKeySequence& shortcut, const QString& name,
                        void (ContainersView::*slot)());
    /// The client of the shown host, or null with the reason shown.
    LxdClient* client();
    void onListed(LxdOperation* op, HostRole role);
    void updateBackupCopies();
    void onSelectionChanged();
    void updateActions();
    void runOperation(const QString& description, LxdOperation* op);
    void onActionStarted(const QString& description);
    void onActionProgress(const QString& text, int percent);
    void onActionFinished(bool ok);
    void updateCancel();
    /// Writes @p save now, or once the running action ends; says when it
    /// cannot be written (the typed values are kept for the dialog).
    void saveSnapshotSettings(const SettingsSave& save);
    void settingsNotSaved(const SettingsSave& save, const QString& why);
    void noteQueuedSaves();
    static QString unsavedKey(HostRole role, const QString& instance);
    /// The sentence for @p error after @p what, then LXD's own words.
    static QString errorText(const QString& what, const Error& error);
    /// Shows the status parts, one under the other.
    void updateStatus();
    void contextMenu(const QPoint& pos);

    const Clock& m_clock;
    ClientProvider m_provider;
    LxdReplicationHistory* m_history = nullptr;
    HostRole m_host = HostRole::Main;
    bool m_releasePending = false;
    /// An action ended while a listing ran: that listing may predate its
    /// changes, so the host is listed again instead.
    bool m_listAgain = false;
    QTimer m_refreshTimer;
    /// The status line's parts: how the action before a queued save ended;
    /// the running action or how the last one ended; a note (settings being
    /// read, saved later or not saved); the last listing's failure. A
    /// listing's failure never hides an action's.
    QString m_earlierOutcome;
    QString m_actionText;
    QString m_notice;
    QString m_listingError;
    /// The next action to start is a queued save: the outcome before it stays.
    bool m_startingQueuedSave = false;
    QList<SettingsSave> m_queuedSaves;
    /// The running action is this save.
    std::optional<SettingsSave> m_runningSave;
    /// Settings typed and not saved, by unsavedKey().
    QHash<QString, LxdSnapshotSettings> m_unsavedSettings;
    QPointer<LxdOperation> m_listing;
    QPointer<LxdOperation> m_settingsRead;
    InstanceTableModel* m_model;
    ContainerActionRunner* m_runner;

    QStackedWidget* m_pages;
    QWidget* m_lockedPage;
    QComboBox* m_hosts;
    QTableView* m_table;
    QComboBox* m_snapshots;
    SnapshotTimeline* m_timeline;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QShortcut* m_cancelShortcut;

    QAction* m_refreshAction;
    QAction* m_start;
    QAction* m_stop;
    QAction* m_forceStop;
    QAction* m_restart;
    QAction* m_snapshot;
    QAction* m_restore;
    QAction* m_deleteSnapshot;
    QAction* m_settings;
    QAction* m_replicate;
};

} // namespace relais
