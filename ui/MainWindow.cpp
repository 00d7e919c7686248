#include "MainWindow.h"

#include "AboutDialog.h"
#include "CredentialsDialog.h"
#include "DashboardView.h"
#include "DnsView.h"
#include "DrillView.h"
#include "ErrorText.h"
#include "GuiHostKeyVerifier.h"
#include "HealthEventModel.h"
#include "HealthText.h"
#include "RecentSites.h"
#include "UnlockDialog.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "dns/DnsSwitchHistory.h"
#include "health/HealthHistory.h"
#include "health/SiteHealth.h"
#include "notify/Notifier.h"
#include "notify/NotifyJob.h"
#include "plan/DrillJournal.h"
#include "plan/DrillNotification.h"
#include "plan/DrillReport.h"
#include "plan/DrillRunner.h"
#include "plan/DrillText.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "site/SiteDocument.h"
#include "vault/Vault.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
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
    , m_statusPath(new QLabel(this))
    , m_vaultClock(&SystemClock::instance())
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
    connect(m_dnsView, &DnsView::vaultNeeded, this, [this] { unlockVault({}); });
    connect(m_dashboard, &DashboardView::rehearsalRequested, this, &MainWindow::runRehearsal);
    m_drills->setRunnerProvider(
        [this](std::function<void(DrillRunner*)> ready) { provideDrillRunner(std::move(ready)); });
    connect(m_drills, &DrillView::drillFinished, this, &MainWindow::onDrillFinished);

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
    // A drill stops (its jobs cancelled) before its connections go.
    m_drills->setRunner(nullptr);
    m_drillRunner.reset();
    m_drillFactory.reset();
    m_drillConnections.reset();
    // The views let go of the health before it goes, and it before its history.
    m_dashboard->setHealth(nullptr);
    m_dnsView->setHealth(nullptr);
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
    return m_sitePath.startsWith(QLatin1Char(':')) ? m_sitePath
                                                   : QFileInfo(m_sitePath).absoluteFilePath();
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
    return std::make_unique<SiteHealth>(site, *m_network, SystemClock::instance(), history);
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
    m_health = makeHealth(*m_site, history);
    if (!m_health)
        return;
    m_dashboard->setHealth(m_health.get(), past);
    m_drills->setMainServing(false);
    connect(m_health.get(), &SiteHealth::hostStateChanged, this,
            [this](HostRole role, HealthState, HealthState to, const QString&) {
                if (role == HostRole::Main)
                    m_drills->setMainServing(to == HealthState::Up || to == HealthState::Degraded);
            });
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
}

void MainWindow::checkNow()
{
    if (m_health)
        m_health->checkAll();
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

HostKeyVerifier& MainWindow::hostKeyVerifier()
{
    if (!m_hostKeyVerifier)
        m_hostKeyVerifier = std::make_unique<GuiHostKeyVerifier>(this);
    return *m_hostKeyVerifier;
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
    unlockVault([this, ready = std::move(ready)] {
        if (!m_site || (m_drillRunner && m_drillRunner->isRunning()))
            return;
        m_drills->setRunner(nullptr);
        m_drillRunner.reset();
        m_drillFactory.reset();
        // The keys are read now: the vault may lock during the drill.
        m_drillConnections =
            std::make_unique<SiteConnections>(*m_site, *m_vault, &hostKeyVerifier());
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
