#pragma once

#include "common/Result.h"
#include "site/Site.h"
#include "vault/KdfParams.h"
#include "vault/KeychainStore.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QNetworkAccessManager;
class QSettings;
class QStackedWidget;
class QTabWidget;

namespace relais {

class AutoFailover;
class Clock;
class ContainersView;
class CredentialsDialog;
class Database;
class GuiHostKeyVerifier;
class GuiTlsTrust;
class HostKeyVerifier;
class DashboardView;
struct DrillRecord;
class DrillJournal;
class DrillRunner;
class DrillView;
class SiteConnections;
class SiteStepJobFactory;
class DnsSwitchHistory;
class DnsView;
class HealthHistory;
class LxdReplicationHistory;
class LxdHealthAccess;
class Notifier;
struct NotifyMessage;
class RecentSites;
class RehearsalReminder;
class SiteHealth;
class SyncConsole;
class SyncView;
class UnlockDialog;
class Vault;

/// The console's main window: opens a site (command line, File › Open,
/// recent sites), watches its health and shows its dashboard.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Makes the live health of a site that was just opened; @p history
    /// (may be null) keeps its events. Tests give one that needs no network.
    using HealthFactory =
        std::function<std::unique_ptr<SiteHealth>(const Site& site, HealthHistory* history)>;

    /// What closing the window does.
    enum class CloseAction
    {
        Close,              ///< close, nothing else (the default)
        HideToTray,         ///< hide: the tray icon keeps Relais running
        QuitAndExplainOnce, ///< no tray: closing quits, and the first close says so
    };

    explicit MainWindow(RecentSites& recent, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads the site at @p path and shows it. On failure the current site
    /// stays open and the user is told why, with every problem listed. On
    /// success the previous site's health stops and the new one's starts.
    Result<void> openSite(const QString& path);

    const std::optional<Site>& site() const { return m_site; }
    QString sitePath() const { return m_sitePath; }
    DashboardView* dashboard() const { return m_dashboard; }
    DrillView* drills() const { return m_drills; }
    /// The DNS view, in the tab beside the dashboard.
    DnsView* dnsView() const { return m_dnsView; }
    SyncView* syncView() const { return m_syncView; }
    /// The containers of main and backup, in the tab after Sync.
    ContainersView* containersView() const { return m_containersView; }
    /// The open site's sync jobs and their schedules (none: no site).
    SyncConsole* syncConsole() const { return m_syncConsole.get(); }
    /// The live health of the open site; null when none is open.
    SiteHealth* health() const { return m_health.get(); }

    /// Replaces how the health of an opened site is made (tests); an empty
    /// function restores the real one (network probes, system clock).
    void setHealthFactory(HealthFactory factory);
    /// @p settings remembers that the user was told closing quits.
    void setCloseAction(CloseAction action, QSettings* settings = nullptr);
    CloseAction closeAction() const { return m_closeAction; }

    /// The credentials vault file. The one place the GUI asks for it.
    QString vaultPath() const;
    /// The unlocked vault (null while locked).
    Vault* vault() const { return m_vault.get(); }
    /// The credentials manager while it is open, else null.
    CredentialsDialog* credentialsDialog() const;
    /// The unlock dialog while it asks, else null.
    UnlockDialog* unlockDialog() const;
    /// Where "remember on this computer" keeps the vault key; nullopt
    /// offers no remembering (tests).
    void setKeychain(std::optional<KeychainStore> keychain) { m_keychain = std::move(keychain); }
    /// The clock of the vault's idle auto-lock; must outlive the window.
    void setVaultClock(const Clock& clock) { m_vaultClock = &clock; }
    /// Asks the user about unknown host keys, with dialogs over this window;
    /// for every SshSession the GUI opens.
    GuiHostKeyVerifier& hostKeyVerifier();
    /// Asks the user about unknown LXD server certificates (HTTPS endpoints).
    GuiTlsTrust& tlsTrust();
    /// Host keys and certificates refused in this session are asked about
    /// again: the user checks now, refreshes the containers or opens a site.
    void askAgainAboutRefusals();
    /// The LXD access of the open site's health (LXD probes); for tests.
    const LxdHealthAccess& lxdHealthAccess() const { return *m_lxdAccess; }
    /// Where the rehearsal reminder remembers when it last spoke (null:
    /// only while running); must outlive the window.
    void setReminderSettings(QSettings* settings);
    /// The clock of the rehearsal badge and reminder; must outlive the window.
    void setRehearsalClock(const Clock& clock);
    RehearsalReminder* rehearsalReminder() const { return m_reminder; }
    /// Reads the drills' journal again: the rehearsal badge and the reminder
    /// follow (also done every hour).
    void checkRehearsals();
    /// The scrypt parameters of a vault created from the GUI (tests).
    void setNewVaultKdf(const KdfParams& params) { m_newVaultKdf = params; }

public slots:
    void showOpenDialog();
    void showAbout();
    /// Checks every probe of the open site now.
    void checkNow();
    /// Shows the window again (from the tray), raised and focused.
    void showConsole();
    /// Quits Relais, whatever closing the window does.
    void quit();
    /// Tools › Credentials: unlocks the vault if needed, then shows the
    /// credentials manager.
    void showCredentials();
    /// Locks the vault: the manager closes and every secret is wiped.
    void lockVault();
    /// Locks the vault if it has been idle long enough, else waits again.
    void checkVaultIdle();
    /// Shows the drills and runs a rehearsal of the site's plan (tray,
    /// dashboard).
    void runRehearsal();

signals:
    void siteOpened(const QString& path);
    /// The live health changed (null: none); the tray follows it.
    void healthChanged(relais::SiteHealth* health);
    /// The window was closed while Relais keeps running in the tray.
    void hiddenToTray();
    /// Whether the open site has a recovery plan to rehearse (the tray follows).
    void drillAvailable(bool available);
    /// News of a drill for the tray: a notify step, a drill's end.
    void drillMessage(const QString& title, const QString& body, bool good);
    /// A sync alert worth a tray notification (a missed run).
    void syncMessage(const QString& title, const QString& body);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    void showError(const QString& title, const Error& error, const QString& advice = {},
                   const QString& objectName = QStringLiteral("errorBox"));
    void stopHealth();
    void startHealth();
    /// Automatic failover when the site's plan asks for it.
    void setUpAutoFailover();
    void askBackupAboutMain(std::function<void(const Result<bool>&)> answer);
    void onAutoFailoverDue(const QDateTime& detectedAt);
    void updateAutoFailover();
    /// Keeps what an automatic failover needs (keys, credentials) once
    /// the vault has been unlocked, so that it can act after it locks.
    void keepAutoFailoverKeys();
    HealthHistory* openHistory();
    /// The open site's name in relais.db: its document's absolute path.
    QString siteKey() const;
    /// The DNS switches of the open site (null without a database).
    DnsSwitchHistory* openDnsHistory();
    /// Asks for the vault passphrase unless the vault is unlocked, then
    /// runs @p then (not when the user gives up).
    void unlockVault(std::function<void()> then);
    std::unique_ptr<SiteHealth> makeHealth(const Site& site, HealthHistory* history);
    void explainQuitting();
    void openCredentialsDialog();
    void armVaultLock();
    /// Makes the runner of the next drill on the open site (a fresh one
    /// when none runs) and gives it to @p ready.
    void provideDrillRunner(std::function<void(DrillRunner*)> ready);
    void openDrillJournal();
    void onDrillFinished(const DrillRecord& record, const Targets& targets);
    void onDrillHistory(const QList<DrillRecord>& drills);
    /// The channels of the open site for health news, with the secrets of
    /// the vault when it is unlocked (channels that need one fail without).
    void refreshNotifier();
    /// Sends @p message through @p notifier; a failure shows in the status bar.
    void sendNotification(const Notifier* notifier, const NotifyMessage& message);
    void updateVaultActions();
    void openSync();
    void runSync(const QString& job, bool dryRun);
    /// Opens ReplicationKeyDialog for @p job (the vault must be unlocked).
    void setUpSyncKey(const QString& job);
    void refreshSyncLock();
    /// Gives the containers view its replication history and, once the
    /// vault is unlocked, its own connections to the LXD of both hosts.
    void openContainers();
    /// The vault locked: the containers view lets go of its connections
    /// once its running action, if any, has ended.
    void releaseContainerConnections();
    /// The containers view loses its connections at once (a running
    /// action is cancelled)...
    void closeContainerConnections();
    /// ...and its history (the site closes).
    void closeContainers();
    /// Once the vault is unlocked, gives the health's LXD probes their
    /// connections to the hosts' LXD (kept when the vault locks again, as
    /// the sync's and automatic failover's are).
    void keepLxdAccess();

    RecentSites& m_recent;
    std::optional<Site> m_site;
    QString m_sitePath;
    QStackedWidget* m_stack;
    QWidget* m_welcome;
    QTabWidget* m_siteTabs;
    DashboardView* m_dashboard;
    DrillView* m_drills;
    DnsView* m_dnsView;
    SyncView* m_syncView;
    ContainersView* m_containersView;
    QMenu* m_recentMenu = nullptr;
    QAction* m_checkNow = nullptr;
    QLabel* m_statusPath;

    HealthFactory m_healthFactory;
    // Declared in the order they depend on each other: destroyed backwards.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Database> m_database;
    bool m_databaseTried = false;
    std::unique_ptr<HealthHistory> m_history;
    std::unique_ptr<DnsSwitchHistory> m_dnsHistory;
    std::unique_ptr<GuiHostKeyVerifier> m_hostKeyVerifier;
    std::unique_ptr<GuiTlsTrust> m_tlsTrust;
    std::unique_ptr<LxdHealthAccess> m_lxdAccess;
    std::unique_ptr<SiteHealth> m_health;
    std::unique_ptr<Notifier> m_notifier;

    std::optional<KeychainStore> m_keychain = KeychainStore();
    const Clock* m_vaultClock;
    KdfParams m_newVaultKdf;
    std::unique_ptr<Vault> m_vault;
    QPointer<UnlockDialog> m_unlock;
    QPointer<CredentialsDialog> m_credentials;
    QAction* m_lockVault = nullptr;
    QTimer m_vaultIdleTimer;

    // The drill of the open site: runner, then its factory, then their
    // connections (destroyed backwards).
    std::unique_ptr<DrillJournal> m_drillJournal;
    std::unique_ptr<SiteConnections> m_drillConnections;
    std::unique_ptr<Notifier> m_drillNotifier;
    std::unique_ptr<SiteStepJobFactory> m_drillFactory;
    std::unique_ptr<DrillRunner> m_drillRunner;
    std::unique_ptr<AutoFailover> m_autoFailover;
    std::unique_ptr<SiteConnections> m_autoConnections;
    QTimer* m_autoFailoverTimer = nullptr;

    // The sync jobs of the open site: their connections (made when the
    // vault is unlocked), then the console running them.
    std::unique_ptr<SiteConnections> m_syncConnections;
    std::unique_ptr<SyncConsole> m_syncConsole;

    // The containers view's replication history and LXD connections.
    std::unique_ptr<LxdReplicationHistory> m_lxdHistory;
    std::unique_ptr<SiteConnections> m_containerConnections;

    const Clock* m_rehearsalClock;
    RehearsalReminder* m_reminder;
    QTimer m_rehearsalTimer;

    CloseAction m_closeAction = CloseAction::Close;
    QSettings* m_settings = nullptr;
    bool m_quitting = false;
    bool m_explaining = false;
};

} // namespace relais
