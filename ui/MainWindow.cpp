#include "MainWindow.h"

#include "AboutDialog.h"
#include "ContainersView.h"
#include "CredentialsDialog.h"
#include "DashboardView.h"
#include "DnsView.h"
#include "DrillView.h"
#include "ErrorText.h"
#include "GuiHostKeyVerifier.h"
#include "GuiTlsTrust.h"
#include "HealthEventModel.h"
#include "HealthText.h"
#include "RecentSites.h"
#include "RehearsalReminder.h"
#include "RehearsalStatus.h"
#include "ReplicationKeyDialog.h"
#include "SyncConsole.h"
#include "SyncView.h"
#include "UnlockDialog.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "dns/DnsSwitchHistory.h"
#include "health/HealthHistory.h"
#include "health/SiteHealth.h"
#include "lxd/LxdReplicationHistory.h"
#include "notify/Notifier.h"
#include "notify/NotifyJob.h"
#include "plan/AutoFailover.h"
#include "plan/DrillJournal.h"
#include "plan/DrillNotification.h"
#include "plan/DrillReport.h"
#include "plan/DrillRunner.h"
#include "plan/DrillText.h"
#include "plan/LxdHealthAccess.h"
#include "plan/MainVantageProbe.h"
#include "plan/PlanError.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "site/SiteDocument.h"
#include "sync/ReplicationLock.h"
#include "vault/Vault.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace relais {

namespace {
// Remembers that the user was told that closing the window quits Relais.
const QString QuitNoticeKey = QStringLiteral("notices/closingQuits");
} // namespace

MainWindow::MainWindow(RecentSites& recent, QWidget* parent)
    : QMainWindow(parent)
    , m_recent(recent)
    , m_stack(new QStackedWidget(this))
    , m_welcome(new QWidget(this))
    , m_siteTabs(new QTabWidget(this))
    , m_dashboard(new DashboardView(this))
    , m_drills(new DrillView(SystemClock::instance(), this))
    , m_dnsView(new DnsView(this))
    , m_syncView(new SyncView(this))
    , m_containersView(new ContainersView(SystemClock::instance(), this))
    , m_statusPath(new QLabel(this))
    , m_lxdAccess(std::make_unique<LxdHealthAccess>())
    , m_vaultClock(&SystemClock::instance())
    , m_rehearsalClock(&SystemClock::instance())
    , m_reminder(new RehearsalReminder(SystemClock::instance(), nullptr, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Relais"));
    resize(1000, 720);

    auto* welcomeText = new QLabel(tr("No site is open. Open a site document to see its "
                                      "main and backup hosts."),
                                   m_welcome);
    welcomeText->setWordWrap(true);
    welcomeText->setAlignment(Qt::AlignCenter);
    auto* openButton = new QPushButton(tr("&Open a site…"), m_welcome);
    openButton->setObjectName(QStringLiteral("welcomeOpen"));
    connect(openButton, &QPushButton::clicked, this, &MainWindow::showOpenDialog);
    auto* welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->addStretch();
    welcomeLayout->addWidget(welcomeText);
    welcomeLayout->addWidget(openButton, 0, Qt::AlignHCenter);
    welcomeLayout->addStretch();

    m_siteTabs->setObjectName(QStringLiteral("siteTabs"));
    m_siteTabs->addTab(m_dashboard, tr("&Dashboard"));
    m_siteTabs->addTab(m_dnsView, tr("D&NS"));
    m_siteTabs->addTab(m_drills, tr("D&rills"));
    m_siteTabs->addTab(m_syncView, tr("&Sync"));
    m_siteTabs->addTab(m_containersView, tr("&Containers"));
    // F5 is the window's "Check now", which refreshes the containers too.
    m_containersView->refreshAction()->setShortcut(QKeySequence());
    // Refreshing by hand reconnects: a refused key is asked about again.
    connect(m_containersView->refreshAction(), &QAction::triggered, this,
            &MainWindow::askAgainAboutRefusals);
    connect(m_containersView, &ContainersView::vaultNeeded, this,
            [this] { unlockVault([this] { openContainers(); }); });
    // Released from the end of the view's last action: that action's LXD
    // socket and reply may still be on the stack, so the connections go
    // once it has unwound (gone from here at once all the same).
    connect(m_containersView, &ContainersView::clientProviderReleased, this, [this] {
        if (m_containerConnections)
            m_containerConnections.release()->deleteLater();
    });
    connect(m_syncView, &SyncView::runRequested, this, &MainWindow::runSync);
    connect(m_syncView, &SyncView::cancelRequested, this, [this](const QString& job) {
        if (m_syncConsole)
            m_syncConsole->cancel(job);
    });
    connect(m_syncView, &SyncView::keySetupRequested, this, &MainWindow::setUpSyncKey);
    connect(m_dnsView, &DnsView::vaultNeeded, this, [this] { unlockVault({}); });
    connect(m_dashboard, &DashboardView::rehearsalRequested, this, &MainWindow::runRehearsal);
    m_drills->setRunnerProvider(
        [this](std::function<void(DrillRunner*)> ready) { provideDrillRunner(std::move(ready)); });
    connect(m_drills, &DrillView::drillFinished, this, &MainWindow::onDrillFinished);
    // The journal read (site opened, drill ended, hourly check): the badge
    // and the reminder follow.
    connect(m_drills, &DrillView::historyLoaded, this, &MainWindow::onDrillHistory);
    connect(m_dashboard, &DashboardView::drillsRequested, this,
            [this] { m_siteTabs->setCurrentWidget(m_drills); });
    connect(m_reminder, &RehearsalReminder::reminderDue, this,
            [this](const QString& title, const QString& body) {
                emit drillMessage(title, body, false);
            });
    m_rehearsalTimer.setInterval(60 * 60 * 1000);
    connect(&m_rehearsalTimer, &QTimer::timeout, this, &MainWindow::checkRehearsals);
    m_rehearsalTimer.start();

    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_siteTabs);
    setCentralWidget(m_stack);
    statusBar()->addPermanentWidget(m_statusPath);

    m_vaultIdleTimer.setSingleShot(true);
    connect(&m_vaultIdleTimer, &QTimer::timeout, this, &MainWindow::checkVaultIdle);

    buildMenus();
    connect(&m_recent, &RecentSites::changed, this, &MainWindow::rebuildRecentMenu);
}

MainWindow::~MainWindow()
{
    // A container action stops before the LXD clients and its history go.
    closeContainers();
    // Sync runs stop before their connections and the database go.
    m_syncView->setHistory(nullptr);
    m_syncConsole.reset();
    m_syncConnections.reset();
    // A drill stops (its jobs cancelled) before its connections go.
    m_drills->setRunner(nullptr);
    m_drillRunner.reset();
    m_drillFactory.reset();
    m_drillConnections.reset();
    // The views let go of the health before it goes, and it before its history.
    m_dashboard->setHealth(nullptr);
    m_dnsView->setHealth(nullptr);
    m_autoFailover.reset();
    if (!m_drillRunner || !m_drillRunner->isRunning()) {
        // Nothing may keep using the connections that go.
        if (m_drillFactory && m_autoConnections && !m_drillConnections) {
            m_drills->setRunner(nullptr);
            m_drillRunner.reset();
            m_drillFactory.reset();
        }
        m_autoConnections.reset();
    }
    if (m_autoFailoverTimer)
        m_autoFailoverTimer->stop();
    m_drills->setAutoFailoverStatus(QString());
    m_health.reset();
    m_history.reset();
    // A running switch ends (and is recorded) before its history goes.
    m_dnsView->cancelSwitch();
    m_dnsView->setVault(nullptr);
    m_dnsHistory.reset();
    // The manager lets go of the vault before it is wiped.
    if (m_credentials)
        m_credentials->forgetVault();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Site…"), this, &MainWindow::showOpenDialog);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_checkNow = view->addAction(tr("&Check Now"), this, &MainWindow::checkNow);
    m_checkNow->setObjectName(QStringLiteral("actionCheckNow"));
    m_checkNow->setShortcut(QKeySequence::Refresh);
    m_checkNow->setStatusTip(tr("Check every probe of the site now"));
    m_checkNow->setEnabled(false);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* credentials =
        tools->addAction(tr("&Credentials…"), this, &MainWindow::showCredentials);
    credentials->setObjectName(QStringLiteral("actionCredentials"));
    credentials->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    credentials->setStatusTip(tr("Keep SSH keys, passwords and tokens in the encrypted vault"));
    m_lockVault = tools->addAction(tr("&Lock Vault"), this, &MainWindow::lockVault);
    m_lockVault->setObjectName(QStringLiteral("actionLockVault"));
    m_lockVault->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_lockVault->setStatusTip(tr("Forget the vault's key until the passphrase is typed again"));
    m_lockVault->setEnabled(false);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Relais"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = m_recent.paths();
    int index = 1;
    for (const QString& path : paths) {
        const QString label = index < 10 ? QStringLiteral("&%1 %2").arg(index).arg(path) : path;
        QAction* action = m_recentMenu->addAction(label);
        connect(action, &QAction::triggered, this, [this, path] { (void)openSite(path); });
        ++index;
    }
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("No recent sites"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), &m_recent, &RecentSites::clear);
}

Result<void> MainWindow::openSite(const QString& path)
{
    Result<Site> loaded = SiteDocument::load(path);
    if (!loaded) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), loaded.error());
        return loaded.error();
    }
    stopHealth();
    closeContainers();
    // Opened (again): what was refused is asked about again.
    askAgainAboutRefusals();
    // The LXD connections and history belong to the site that goes.
    m_lxdAccess->clear();
    const QString previousVault = vaultPath();
    m_site = std::move(loaded).value();
    m_sitePath = path;
    // Another site may keep its secrets in another vault.
    if (m_vault && vaultPath() != previousVault)
        lockVault();
    refreshNotifier();
    m_dashboard->setSite(*m_site);
    startHealth();
    m_dnsView->setSite(*m_site, openDnsHistory());
    m_dnsView->setHealth(m_health.get());
    openDrillJournal();
    m_drills->setSite(*m_site);
    openSync();
    openContainers();
    emit drillAvailable(!m_site->plan.isEmpty());
    m_stack->setCurrentWidget(m_siteTabs);
    setWindowTitle(tr("%1 — Relais").arg(m_site->name));
    m_statusPath->setText(path.startsWith(QLatin1Char(':')) ? tr("built-in lab site") : path);
    m_recent.add(path);
    emit siteOpened(path);
    return Result<void>::success();
}

void MainWindow::showOpenDialog()
{
    auto* dialog = new QFileDialog(this, tr("Open Site"), QFileInfo(m_sitePath).absolutePath(),
                                   tr("Site documents (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("openDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& file) { (void)openSite(file); });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::setHealthFactory(HealthFactory factory)
{
    m_healthFactory = std::move(factory);
}

void MainWindow::stopHealth()
{
    if (!m_health)
        return;
    emit healthChanged(nullptr);
    m_dashboard->setHealth(nullptr);
    m_dnsView->setHealth(nullptr);
    m_health.reset();
    m_history.reset();
    m_checkNow->setEnabled(false);
}

QString MainWindow::siteKey() const
{
    // Events and drills belong to the site document they were seen with.
    return SiteDocument::siteKey(m_sitePath);
}

HealthHistory* MainWindow::openHistory()
{
    if (!m_databaseTried) {
        m_databaseTried = true;
        Result<std::unique_ptr<Database>> opened = Database::open(Paths::databaseFile());
        if (opened) {
            m_database = std::move(opened).value();
        } else {
            showError(tr("No history of state changes"), opened.error(),
                      tr("Relais keeps watching the site, but the changes it sees are not kept "
                         "after it quits."),
                      QStringLiteral("historyErrorBox"));
        }
    }
    if (!m_database)
        return nullptr;
    m_history = std::make_unique<HealthHistory>(*m_database, siteKey());
    return m_history.get();
}

DnsSwitchHistory* MainWindow::openDnsHistory()
{
    // A running switch ends (and is recorded) before its history goes.
    m_dnsView->cancelSwitch();
    m_dnsHistory.reset();
    // openHistory() opened the database (or said why not).
    if (!m_database)
        return nullptr;
    const QString key = m_sitePath.startsWith(QLatin1Char(':'))
                            ? m_sitePath
                            : QFileInfo(m_sitePath).absoluteFilePath();
    m_dnsHistory = std::make_unique<DnsSwitchHistory>(*m_database, key);
    return m_dnsHistory.get();
}

std::unique_ptr<SiteHealth> MainWindow::makeHealth(const Site& site, HealthHistory* history)
{
    if (m_healthFactory)
        return m_healthFactory(site, history);
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return std::make_unique<SiteHealth>(site, *m_network, SystemClock::instance(), history,
                                        SiteHealth::Mode::Continuous, nullptr,
                                        &m_lxdAccess->context());
}

void MainWindow::keepLxdAccess()
{
    // Kept across locks; made again at an unlock when they could not reach
    // a probed host (its key or LXD client certificate added since).
    if (!m_site || !m_vault || m_vault->isLocked() || m_lxdAccess->reachesEveryProbedHost() ||
        !LxdHealthAccess::needed(*m_site))
        return;
    m_lxdAccess->setConnections(
        std::make_unique<SiteConnections>(*m_site, *m_vault, &hostKeyVerifier(), nullptr,
                                          &tlsTrust(), SiteConnections::Credentials::HostsOnly));
    // Until now the LXD probes could only say that the vault was locked.
    if (m_health)
        m_health->checkAll();
}

void MainWindow::startHealth()
{
    HealthHistory* history = openHistory();
    QList<HealthEvent> past;
    if (history) {
        Result<QList<HealthEvent>> recent = history->recent(HealthEventModel::MaxRows);
        if (recent)
            past = std::move(recent).value();
    }
    // The copies' ages come from the replications recorded with the site.
    m_lxdAccess->setHistory(
        m_database ? std::make_unique<LxdReplicationHistory>(*m_database, siteKey()) : nullptr);
    m_health = makeHealth(*m_site, history);
    if (!m_health)
        return;
    m_dashboard->setHealth(m_health.get(), past);
    m_drills->setMainState(m_health->hostState(HostRole::Main));
    connect(m_health.get(), &SiteHealth::hostStateChanged, this,
            [this](HostRole role, HealthState, HealthState to, const QString&) {
                if (role == HostRole::Main)
                    m_drills->setMainState(to);
                if (role == HostRole::Main && m_autoFailover)
                    m_autoFailover->setMainState(to);
            });
    setUpAutoFailover();
    connect(m_health.get(), &SiteHealth::hostStateChanged, this,
            [this](HostRole role, HealthState from, HealthState to, const QString& reason) {
                // As the tray says it: the first verdict of a start is not news.
                if (!m_site || from == HealthState::Unknown)
                    return;
                const QString host = HealthText::roleName(role);
                NotifyMessage message;
                message.event = NotificationChannel::Event::Health;
                message.site = m_site->name;
                message.time = QDateTime::currentDateTimeUtc();
                switch (to) {
                case HealthState::Down:
                    message.title = tr("%1 is down").arg(host);
                    message.severity = NotifyMessage::Severity::Critical;
                    break;
                case HealthState::Degraded:
                    message.title = tr("%1 is degraded").arg(host);
                    message.severity = NotifyMessage::Severity::Warning;
                    break;
                case HealthState::Up:
                    message.title = tr("%1 recovered").arg(host);
                    break;
                case HealthState::Unknown:
                    message.title = tr("%1: state unknown").arg(host);
                    message.severity = NotifyMessage::Severity::Warning;
                    break;
                }
                message.body = reason.isEmpty() ? message.title : reason;
                sendNotification(m_notifier.get(), message);
            });
    m_checkNow->setEnabled(true);
    m_health->start();
    emit healthChanged(m_health.get());
    keepLxdAccess();
}

void MainWindow::checkNow()
{
    // Checking again is the way to be asked again about a refused key.
    askAgainAboutRefusals();
    if (m_health)
        m_health->checkAll();
    if (m_siteTabs->currentWidget() == m_containersView)
        m_containersView->refresh();
}

void MainWindow::showConsole()
{
    setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

void MainWindow::quit()
{
    m_quitting = true;
    QApplication::quit();
}

void MainWindow::setCloseAction(CloseAction action, QSettings* settings)
{
    m_closeAction = action;
    m_settings = settings;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    switch (m_closeAction) {
    case CloseAction::Close:
        break;
    case CloseAction::HideToTray:
        // Accepting hides the window; the application does not quit on it.
        if (!m_quitting)
            emit hiddenToTray();
        break;
    case CloseAction::QuitAndExplainOnce:
        if (!m_quitting && m_settings && !m_settings->value(QuitNoticeKey).toBool()) {
            event->ignore();
            explainQuitting();
            return;
        }
        break;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::explainQuitting()
{
    if (m_explaining)
        return;
    m_explaining = true;
    m_settings->setValue(QuitNoticeKey, true);
    m_settings->sync();
    auto* box = new QMessageBox(
        QMessageBox::Information, tr("Closing quits Relais"),
        tr("This desktop has no system tray, so Relais cannot keep watching the site once its "
           "window is closed."),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("quitNotice"));
    box->setInformativeText(tr("Keep the window open (it may be minimised) to be told when "
                               "main or backup changes state. This is said only once."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* quitButton = box->addButton(tr("&Quit Relais"), QMessageBox::AcceptRole);
    quitButton->setObjectName(QStringLiteral("quitNoticeQuit"));
    QPushButton* keep = box->addButton(tr("&Keep Open"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("quitNoticeKeep"));
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, quitButton] {
        m_explaining = false;
        if (box->clickedButton() == quitButton) {
            m_quitting = true;
            close();
        }
    });
    box->open();
}

QString MainWindow::vaultPath() const
{
    return m_site ? SiteDocument::vaultPath(*m_site, m_sitePath) : Paths::vaultFile();
}

GuiHostKeyVerifier& MainWindow::hostKeyVerifier()
{
    if (!m_hostKeyVerifier)
        m_hostKeyVerifier = std::make_unique<GuiHostKeyVerifier>(this);
    return *m_hostKeyVerifier;
}

GuiTlsTrust& MainWindow::tlsTrust()
{
    if (!m_tlsTrust)
        m_tlsTrust = std::make_unique<GuiTlsTrust>(this);
    return *m_tlsTrust;
}

void MainWindow::askAgainAboutRefusals()
{
    if (m_hostKeyVerifier)
        m_hostKeyVerifier->forgetRefusals();
    if (m_tlsTrust)
        m_tlsTrust->forgetRefusals();
}

CredentialsDialog* MainWindow::credentialsDialog() const
{
    return m_credentials;
}

UnlockDialog* MainWindow::unlockDialog() const
{
    return m_unlock;
}

void MainWindow::showCredentials()
{
    if (m_credentials) {
        m_credentials->raise();
        m_credentials->activateWindow();
        return;
    }
    unlockVault([this] {
        if (!m_credentials)
            openCredentialsDialog();
    });
}

void MainWindow::unlockVault(std::function<void()> then)
{
    if (m_vault && !m_vault->isLocked()) {
        if (then)
            then();
        return;
    }
    if (m_unlock) {
        m_unlock->raise();
        m_unlock->activateWindow();
        return;
    }
    m_vault.reset();
    m_unlock =
        new UnlockDialog(vaultPath(), m_keychain ? &*m_keychain : nullptr, *m_vaultClock, this);
    m_unlock->setKdfParams(m_newVaultKdf);
    m_unlock->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_unlock, &QDialog::accepted, this, [this, dialog = m_unlock, then] {
        m_vault = dialog->takeVault();
        if (!m_vault)
            return;
        statusBar()->showMessage(tr("Vault unlocked"), 5000);
        keepAutoFailoverKeys();
        keepLxdAccess();
        refreshNotifier();
        armVaultLock();
        updateVaultActions();
        if (then)
            then();
    });
    m_unlock->open();
}

void MainWindow::openDrillJournal()
{
    m_drills->setJournal(nullptr);
    m_drillJournal.reset();
    // startHealth() opened the database (or could not).
    if (!m_database)
        return;
    m_drillJournal = std::make_unique<DrillJournal>(*m_database, siteKey());
    m_drills->setJournal(m_drillJournal.get());
}

void MainWindow::provideDrillRunner(std::function<void(DrillRunner*)> ready)
{
    if (!m_site) {
        ready(nullptr);
        return;
    }
    if (m_drillRunner && m_drillRunner->isRunning()) {
        ready(nullptr);
        return;
    }
    if ((!m_vault || m_vault->isLocked()) && m_autoConnections) {
        // Automatic failover kept the keys: it acts without a passphrase.
        m_drills->setRunner(nullptr);
        m_drillRunner.reset();
        m_drillFactory = std::make_unique<SiteStepJobFactory>(
            *m_autoConnections, SystemClock::instance(), m_database.get(), siteKey(),
            [this](const QString& message) {
                emit drillMessage(tr("Relais drill"), message, true);
            });
        m_drillConnections.reset();
        m_drillRunner = std::make_unique<DrillRunner>(*m_drillFactory, SystemClock::instance());
        m_drillRunner->setJournal(m_drillJournal.get());
        m_drillRunner->setSite(siteKey());
        ready(m_drillRunner.get());
        return;
    }
    unlockVault([this, ready = std::move(ready)] {
        if (!m_site || (m_drillRunner && m_drillRunner->isRunning()))
            return;
        m_drills->setRunner(nullptr);
        m_drillRunner.reset();
        m_drillFactory.reset();
        // The keys are read now: the vault may lock during the drill.
        m_drillConnections = std::make_unique<SiteConnections>(
            *m_site, *m_vault, &hostKeyVerifier(), nullptr, &tlsTrust());
        m_drillFactory = std::make_unique<SiteStepJobFactory>(
            *m_drillConnections, SystemClock::instance(), m_database.get(), siteKey(),
            [this](const QString& message) {
                emit drillMessage(tr("Relais drill"), message, true);
            });
        // The channels' secrets too: the drill's end is told after it.
        m_drillNotifier =
            std::make_unique<Notifier>(Notifier::fromVault(m_site->notifications, *m_vault));
        m_drillFactory->setChannels(m_drillNotifier.get());
        m_drillRunner = std::make_unique<DrillRunner>(*m_drillFactory, SystemClock::instance());
        m_drillRunner->setJournal(m_drillJournal.get());
        m_drillRunner->setSite(siteKey());
        ready(m_drillRunner.get());
    });
}

void MainWindow::setUpAutoFailover()
{
    m_autoFailover.reset();
    if (!m_site || m_site->plan.isEmpty() || !m_site->plan.autoFailover) {
        m_drills->setAutoFailoverStatus(QString());
        return;
    }
    m_autoFailover =
        std::make_unique<AutoFailover>(SystemClock::instance(), m_site->plan.deadTimeSeconds,
                                       [this](std::function<void(const Result<bool>&)> answer) {
                                           askBackupAboutMain(std::move(answer));
                                       });
    connect(m_autoFailover.get(), &AutoFailover::phaseChanged, this,
            &MainWindow::updateAutoFailover);
    connect(m_autoFailover.get(), &AutoFailover::failoverDue, this, &MainWindow::onAutoFailoverDue);
    connect(m_autoFailover.get(), &AutoFailover::mainAnswersFromBackup, this, [this] {
        emit drillMessage(tr("Main answers from backup"),
                          tr("The console cannot reach main, but backup can: no automatic "
                             "failover (the console's own network may be at fault)."),
                          false);
    });
    if (!m_autoFailoverTimer) {
        m_autoFailoverTimer = new QTimer(this);
        m_autoFailoverTimer->setInterval(1000);
        connect(m_autoFailoverTimer, &QTimer::timeout, this, &MainWindow::updateAutoFailover);
    }
    m_autoFailoverTimer->start();
    keepAutoFailoverKeys();
    updateAutoFailover();
}

void MainWindow::keepAutoFailoverKeys()
{
    if (!m_autoFailover || m_autoConnections || !m_site || !m_vault || m_vault->isLocked())
        return;
    m_autoConnections = std::make_unique<SiteConnections>(*m_site, *m_vault, &hostKeyVerifier(),
                                                          nullptr, &tlsTrust());
    updateAutoFailover();
}

void MainWindow::askBackupAboutMain(std::function<void(const Result<bool>&)> answer)
{
    Result<SshSession*> backup =
        m_autoConnections
            ? m_autoConnections->session(HostRole::Backup)
            : Result<SshSession*>(
                  Error(PlanError::NotConfigured, tr("the vault has not been unlocked since Relais "
                                                     "started, so backup cannot be asked")));
    if (!backup) {
        answer(backup.error());
        return;
    }
    auto* probe = new MainVantageProbe(**backup, m_site->main.address,
                                       MainVantageProbe::portsOf(*m_site), this);
    connect(probe, &MainVantageProbe::finished, this,
            [probe, answer = std::move(answer)](const Result<bool>& result) {
                probe->deleteLater();
                answer(result);
            });
    probe->start();
}

void MainWindow::updateAutoFailover()
{
    if (!m_autoFailover)
        return;
    const bool drillRunning = m_drillRunner && m_drillRunner->isRunning();
    bool locked = false;
    if (m_database) {
        const Result<std::optional<ReplicationLock::State>> state =
            ReplicationLock(*m_database, siteKey()).state();
        locked = state && state->has_value();
    }
    m_autoFailover->setArmed(m_autoConnections && !drillRunning && !locked);
    const int dead = m_autoFailover->deadTimeSeconds();
    const auto since = [this] {
        return QLocale().toString(m_autoFailover->downSince()->toLocalTime().time(),
                                  QLocale::ShortFormat);
    };
    QString text;
    switch (m_autoFailover->phase()) {
    case AutoFailover::Phase::Idle:
        if (locked)
            text = tr("Automatic failover is on; backup is the active side now, so it waits.");
        else if (!m_autoConnections)
            text = tr("Automatic failover is on, but it cannot act until the vault has been "
                      "unlocked once since Relais started.");
        else
            text = tr("Automatic failover is on: after %n second(s) with main down from the "
                      "console and from backup.",
                      nullptr, dead);
        break;
    case AutoFailover::Phase::Watching:
        text = tr("Main is down from the console since %1; asking backup whether it sees main "
                  "down too.")
                   .arg(since());
        break;
    case AutoFailover::Phase::Confirmed:
        text = m_autoFailover->isArmed()
                   ? tr("Main is down from the console and from backup: automatic failover in "
                        "%n second(s).",
                        nullptr, int(m_autoFailover->secondsLeft().value_or(0)))
                   : tr("Main is down from the console and from backup, but automatic failover "
                        "cannot act now (a drill runs, backup is already active, or the vault "
                        "was never unlocked).");
        break;
    case AutoFailover::Phase::Triggered:
        text = tr("Automatic failover started: main down since %1.").arg(since());
        break;
    }
    m_drills->setAutoFailoverStatus(text);
}

void MainWindow::onAutoFailoverDue(const QDateTime& detectedAt)
{
    const int dead = m_autoFailover ? m_autoFailover->deadTimeSeconds() : 0;
    emit drillMessage(tr("Automatic failover"),
                      tr("Main has been down from the console and from backup for %n second(s): "
                         "failing over to backup.",
                         nullptr, dead),
                      true);
    m_siteTabs->setCurrentWidget(m_drills);
    if (!m_drills->startAutomaticFailover(detectedAt, dead))
        emit drillMessage(tr("Automatic failover"),
                          tr("The failover could not start (a drill runs or one is "
                             "unfinished): fail over by hand from the Drills tab."),
                          true);
    updateAutoFailover();
}

void MainWindow::runRehearsal()
{
    if (!m_site || m_site->plan.isEmpty())
        return;
    showConsole();
    m_siteTabs->setCurrentWidget(m_drills);
    m_drills->runRehearsal();
}

void MainWindow::onDrillFinished(const DrillRecord& record, const Targets& targets)
{
    // A failover locks replication main → backup, a failback lifts it.
    refreshSyncLock();
    const QString rto = record.rtoMs ? DrillText::duration(*record.rtoMs) : tr("not measured");
    const QString rpo =
        record.rpoSeconds ? DrillText::duration(*record.rpoSeconds * 1000) : tr("not measured");
    const bool good = record.state == DrillRecord::State::Succeeded &&
                      DrillReport::rtoMet(record, targets).value_or(true) &&
                      DrillReport::rpoMet(record, targets).value_or(true);
    emit drillMessage(
        tr("%1 %2").arg(DrillText::mode(record.mode), DrillText::runState(record.state)),
        tr("RTO %1 (target %2 min), RPO %3 (target %4 min).")
                .arg(rto)
                .arg(targets.rtoMinutes)
                .arg(rpo)
                .arg(targets.rpoMinutes) +
            (record.message.isEmpty() ? QString() : QLatin1Char(' ') + record.message),
        good);

    if (!m_site || !m_drillNotifier)
        return;
    sendNotification(m_drillNotifier.get(),
                     DrillNotification::message(record, m_site->name, targets));
}

void MainWindow::refreshNotifier()
{
    if (!m_site) {
        m_notifier.reset();
        return;
    }
    m_notifier = std::make_unique<Notifier>(
        m_vault && !m_vault->isLocked() ? Notifier::fromVault(m_site->notifications, *m_vault)
                                        : Notifier(m_site->notifications, {}));
}

void MainWindow::sendNotification(const Notifier* notifier, const NotifyMessage& message)
{
    if (!notifier || !notifier->hasChannelFor(message.event))
        return;
    NotifyJob* job = notifier->send(message, this);
    connect(job, &NotifyJob::channelFinished, this, [this](const ChannelResult& sent) {
        if (!sent.result)
            statusBar()->showMessage(
                tr("Notification channel %1: %2")
                    .arg(sent.channel, ErrorText::summary(sent.result.error())),
                10000);
    });
}

void MainWindow::openSync()
{
    m_syncView->setHistory(nullptr);
    m_syncConsole.reset();
    m_syncConnections.reset();
    m_syncView->setSite(*m_site);
    // startHealth() opened the database (or said why not).
    m_syncConsole = std::make_unique<SyncConsole>(*m_site, siteKey(), m_database.get(),
                                                  SystemClock::instance());
    SyncConsole* console = m_syncConsole.get();
    connect(console, &SyncConsole::runStarted, m_syncView, &SyncView::runStarted);
    connect(console, &SyncConsole::progress, m_syncView, &SyncView::showProgress);
    connect(console, &SyncConsole::runFinished, m_syncView, &SyncView::runFinished);
    connect(console, &SyncConsole::runSkipped, m_syncView, &SyncView::runSkipped);
    connect(console, &SyncConsole::hostStartSkipped, m_syncView, &SyncView::hostStartSkipped);
    connect(console, &SyncConsole::nextRunChanged, m_syncView, &SyncView::setNextRun);
    connect(console, &SyncConsole::rpoMeasured, m_syncView, &SyncView::setRpo);
    connect(console, &SyncConsole::runFinished, this, &MainWindow::refreshSyncLock);
    connect(console, &SyncConsole::runSkipped, this, &MainWindow::refreshSyncLock);
    connect(console, &SyncConsole::alert, this, &MainWindow::syncMessage);
    connect(console, &SyncConsole::healthEvent, this, [this](const HealthEvent& event) {
        if (m_health)
            m_health->addEvent(event);
    });
    connect(console, &SyncConsole::historyChanged, this,
            [this, console] { m_syncView->setHistory(console->history()); });
    m_syncView->setHistory(console->history());
    refreshSyncLock();
    console->start();
}

void MainWindow::runSync(const QString& job, bool dryRun)
{
    if (!m_syncConsole)
        return;
    if (m_syncConsole->connections()) {
        m_syncConsole->runJob(job, dryRun);
        return;
    }
    unlockVault([this, job, dryRun] {
        if (!m_syncConsole || !m_site || !m_vault)
            return;
        if (!m_syncConnections) {
            // The keys are read now: scheduled runs go on when the vault locks.
            m_syncConnections = std::make_unique<SiteConnections>(
                *m_site, *m_vault, &hostKeyVerifier(), nullptr, &tlsTrust(),
                SiteConnections::Credentials::HostsOnly);
            m_syncConsole->setConnections(m_syncConnections.get());
        }
        m_syncConsole->runJob(job, dryRun);
        m_syncConsole->checkRpo();
    });
}

void MainWindow::setUpSyncKey(const QString& job)
{
    if (!m_syncConsole || !m_site || !m_vault || m_vault->isLocked())
        return;
    const auto found = std::find_if(m_site->syncJobs.cbegin(), m_site->syncJobs.cend(),
                                    [&](const SyncJob& j) { return j.name == job; });
    if (found == m_site->syncJobs.cend())
        return;
    if (!m_syncConnections) {
        // The same connections as the sync runs: made once, kept.
        m_syncConnections =
            std::make_unique<SiteConnections>(*m_site, *m_vault, &hostKeyVerifier(), nullptr,
                                              &tlsTrust(), SiteConnections::Credentials::HostsOnly);
        m_syncConsole->setConnections(m_syncConnections.get());
    }
    auto* dialog = new ReplicationKeyDialog(*m_site, *found, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    SyncConsole* console = m_syncConsole.get();
    dialog->setKeyDirectory(console->keyDir());
    dialog->setStarter([console = QPointer<SyncConsole>(console)](const ReplicationKeyRequest& r) {
        return console ? console->setUpKey(r)
                       : Result<ReplicationKeySetup*>(static_cast<ReplicationKeySetup*>(nullptr));
    });
    // The site closes or opens again: its connections go, the set-up first.
    connect(console, &QObject::destroyed, dialog, &ReplicationKeyDialog::abandon);
    dialog->open();
}

void MainWindow::refreshSyncLock()
{
    std::optional<ReplicationLock::State> lock;
    if (m_database && m_site) {
        const Result<std::optional<ReplicationLock::State>> state =
            ReplicationLock(*m_database, siteKey()).state();
        if (state)
            lock = *state;
    }
    m_syncView->setLock(lock);
}

void MainWindow::setReminderSettings(QSettings* settings)
{
    m_reminder->setSettings(settings);
}

void MainWindow::setRehearsalClock(const Clock& clock)
{
    m_rehearsalClock = &clock;
    m_reminder->setClock(clock);
}

void MainWindow::checkRehearsals()
{
    if (m_site)
        m_drills->reload();
}

void MainWindow::onDrillHistory(const QList<DrillRecord>& drills)
{
    if (!m_site)
        return;
    const RehearsalStatus status = RehearsalStatus::evaluate(
        drills, m_site->targets, !m_site->plan.isEmpty(), m_rehearsalClock->now());
    m_dashboard->setRehearsalStatus(status);
    // Without the site's journal nothing is known of its drills: no reminder.
    if (m_drillJournal && m_drills->journal() == m_drillJournal.get())
        m_reminder->check(siteKey(), m_site->name, status);
}

void MainWindow::openCredentialsDialog()
{
    m_credentials = new CredentialsDialog(*m_vault, this);
    m_credentials->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_credentials, &CredentialsDialog::vaultLocked, this, &MainWindow::lockVault);
    // Not modal: the dashboard stays usable beside the manager.
    m_credentials->show();
    m_credentials->raise();
    m_credentials->activateWindow();
}

void MainWindow::lockVault()
{
    m_vaultIdleTimer.stop();
    if (m_credentials) {
        m_credentials->forgetVault();
        m_credentials->close();
    }
    if (m_vault) {
        m_vault.reset();
        statusBar()->showMessage(tr("Vault locked"), 5000);
    }
    refreshNotifier();
    updateVaultActions();
}

void MainWindow::checkVaultIdle()
{
    if (!m_vault)
        return;
    if (m_vault->lockIfIdle() || m_vault->isLocked()) {
        lockVault();
        return;
    }
    armVaultLock();
}

void MainWindow::armVaultLock()
{
    const qint64 wait = m_vault ? m_vault->msUntilAutoLock() : -1;
    if (wait < 0) {
        m_vaultIdleTimer.stop();
        return;
    }
    // Checked again when due: any use of the vault in between pushes it back.
    m_vaultIdleTimer.start(int(qMin<qint64>(wait, 60 * 60 * 1000)));
}

void MainWindow::updateVaultActions()
{
    m_lockVault->setEnabled(m_vault != nullptr);
    m_dnsView->setVault(m_vault.get());
    m_syncView->setVaultUnlocked(m_vault && !m_vault->isLocked());
    if (!m_vault)
        releaseContainerConnections();
    else
        openContainers();
}

void MainWindow::openContainers()
{
    if (!m_site)
        return;
    if (!m_lxdHistory && m_database)
        m_lxdHistory = std::make_unique<LxdReplicationHistory>(*m_database, siteKey());
    m_containersView->setReplicationHistory(m_lxdHistory.get());
    if (!m_vault || m_vault->isLocked())
        return;
    // Unlocked again while an action finished with the old connections:
    // they stay.
    if (m_containerConnections && !m_containersView->isReleasePending())
        return;
    if (!m_containerConnections) {
        // The containers view has its own connections: its listings and
        // actions never wait behind a drill's or a sync's.
        m_containerConnections =
            std::make_unique<SiteConnections>(*m_site, *m_vault, &hostKeyVerifier(), nullptr,
                                              &tlsTrust(), SiteConnections::Credentials::HostsOnly);
    }
    SiteConnections* connections = m_containerConnections.get();
    m_containersView->setClientProvider(
        [connections](HostRole role) { return connections->lxd(role); });
}

void MainWindow::releaseContainerConnections()
{
    if (!m_containerConnections) {
        m_containersView->setClientProvider({});
        return;
    }
    // An action that runs keeps them to its end; clientProviderReleased()
    // then lets them go.
    m_containersView->releaseClientProviderWhenIdle();
}

void MainWindow::closeContainerConnections()
{
    m_containersView->setClientProvider({});
    m_containerConnections.reset();
}

void MainWindow::closeContainers()
{
    closeContainerConnections();
    // Settings typed for this site's containers are not another site's.
    m_containersView->forgetUnsavedSettings();
    m_containersView->setReplicationHistory(nullptr);
    m_lxdHistory.reset();
}

void MainWindow::showError(const QString& title, const Error& error, const QString& advice,
                           const QString& objectName)
{
    QString text = ErrorText::summary(error);
    if (!advice.isEmpty())
        text += QLatin1Char(' ') + advice;
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The first problems are shown at once; the full list is one click away.
    constexpr qsizetype Shown = 8;
    QStringList lines{error.message()};
    lines += error.details().mid(0, Shown);
    if (error.details().size() > Shown)
        lines << tr("…and %n more (see the details).", nullptr,
                    int(error.details().size() - Shown));
    box->setInformativeText(lines.join(QLatin1Char('\n')));
    if (!error.details().isEmpty())
        box->setDetailedText(error.details().join(QLatin1Char('\n')));
    box->open();
}

} // namespace relais
