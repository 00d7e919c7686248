#include "AboutDialog.h"
#include "CertificateDialog.h"
#include "ContainersView.h"
#include "CredentialsDialog.h"
#include "DashboardView.h"
#include "DrillStepModel.h"
#include "DrillView.h"
#include "GuiHostKeyVerifier.h"
#include "GuiTlsTrust.h"
#include "HealthEventModel.h"
#include "HostCard.h"
#include "HostKeyDialog.h"
#include "LocalSite.h"
#include "MainWindow.h"
#include "RecentSites.h"
#include "RehearsalBadge.h"
#include "ReplicationKeyDialog.h"
#include "SyncConsole.h"
#include "SyncView.h"
#include "UnlockDialog.h"
#include "common/Database.h"
#include "common/Language.h"
#include "common/ManualClock.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"
#include "lxd/LxdError.h"
#include "site/SiteDocument.h"
#include "site/SiteError.h"
#include "ssh/HostKeyVerifier.h"
#include "sync/ReplicationLock.h"
#include "vault/Vault.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace relais;
using namespace relais::test;

namespace {

/// A port nothing listens on: every check of it is refused at once.
quint16 closedPort()
{
    LocalPort port;
    if (!port.open())
        return 9;
    const quint16 number = port.port();
    port.close();
    return number;
}

/// The health of @p site with every probe turned into a TCP check of a
/// closed loopback port (for the host it speaks for), and DNS questions put
/// to that port: no network, and the hosts stay Unknown for a while (three
/// failures before Down).
std::unique_ptr<SiteHealth> offlineHealth(const Site& site, HealthHistory* history,
                                          QNetworkAccessManager& network)
{
    Site offline = site;
    const quint16 port = closedPort();
    for (Host* host : {&offline.main, &offline.backup}) {
        host->address = QStringLiteral("127.0.0.1");
        host->publicAddress.clear();
    }
    for (Service& service : offline.services) {
        for (ProbeSpec& spec : service.probes) {
            if (spec.kind == ProbeSpec::Kind::Dns) {
                spec.server = QStringLiteral("127.0.0.1");
                spec.port = port;
                spec.intervalSeconds = 60;
                continue;
            }
            const std::optional<HostRole> target = SiteHealth::targetOf(spec, site);
            spec = tcpProbe(target.value_or(HostRole::Main), port, 60);
            spec.failThreshold = 3;
        }
    }
    return std::make_unique<SiteHealth>(offline, network, SystemClock::instance(), history);
}

QString labelTexts(QWidget* widget)
{
    QStringList all;
    for (QLabel* label : widget->findChildren<QLabel*>())
        all << label->text();
    return all.join(QLatin1Char('|'));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static QString data(const QString& relative)
    {
        return QStringLiteral(RELAIS_TEST_DATA_DIR "/") + relative;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;

    std::unique_ptr<QSettings> settings()
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                           QSettings::IniFormat);
    }

    /// A window whose sites are watched without the network.
    std::unique_ptr<MainWindow> makeWindow(RecentSites& recent)
    {
        auto window = std::make_unique<MainWindow>(recent);
        window->setHealthFactory([this](const Site& site, HealthHistory* history) {
            return offlineHealth(site, history, m_network);
        });
        return window;
    }

private slots:
    void initTestCase()
    {
        // The history database goes to the temporary directory.
        qputenv("RELAIS_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
        QApplication::setQuitOnLastWindowClosed(false);
    }

    void init()
    {
        auto s = settings();
        s->clear();
    }

    void opensASiteOnTheDashboard()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy opened(&window, &MainWindow::siteOpened);
        const QString path = data(QStringLiteral("site/good/lab.json"));
        QVERIFY(window.openSite(path).ok());
        QCOMPARE(opened.count(), 1);
        QCOMPARE(window.windowTitle(), QStringLiteral("Relais lab — Relais"));
        QCOMPARE(window.dashboard()->findChild<QLabel*>(QStringLiteral("siteName"))->text(),
                 QStringLiteral("Relais lab"));

        // Both cards show their host, and the state in words.
        HostCard* main = window.dashboard()->mainCard();
        HostCard* backup = window.dashboard()->backupCard();
        const auto texts = labelTexts;
        QVERIFY2(texts(main).contains(QStringLiteral("10.231.0.10")), qPrintable(texts(main)));
        QVERIFY2(texts(backup).contains(QStringLiteral("10.231.0.20")), qPrintable(texts(backup)));
        QVERIFY(main->stateText().startsWith(QStringLiteral("Unknown")));

        // The site is remembered, most recent first.
        QCOMPARE(recent.paths().value(0), QFileInfo(path).absoluteFilePath());
        const QString services =
            labelTexts(window.dashboard()->findChild<QGroupBox*>(QStringLiteral("services")));
        QVERIFY2(services.contains(QStringLiteral("www.example.test")), qPrintable(services));
        QCOMPARE(window.dashboard()->dnsSideText(QStringLiteral("www")),
                 QStringLiteral("www.example.test → not checked yet"));

        // Its health is watched: a monitor per probe.
        QVERIFY(window.health());
        QCOMPARE(window.dashboard()->health(), window.health());
        QCOMPARE(qsizetype(window.health()->monitors().size()),
                 window.site()->services.value(0).probes.size());
    }

    void aBrokenSiteIsExplainedAndTheOpenSiteStays()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.show();
        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());

        const Result<void> failed =
            window.openSite(data(QStringLiteral("site/bad/port-out-of-range.json")));
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().is(SiteError::Invalid));
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->detailedText().contains(
            QStringLiteral("hosts.backup.ssh.port: expected 1–65535, got 70000")));
        QVERIFY(!box->text().isEmpty());
        box->close();

        // The site that was open is still the one shown; the bad file is not remembered.
        QCOMPARE(window.site()->name, QStringLiteral("Relais lab"));
        QCOMPARE(recent.paths().size(), 1);
    }

    void recentMenuReopensSites()
    {
        auto s = settings();
        RecentSites recent(*s);
        recent.add(data(QStringLiteral("site/good/lab.json")));
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QAction* first = menu->actions().value(0);
        QVERIFY(first && first->isEnabled());
        first->trigger();
        QVERIFY(window.site().has_value());
        QCOMPARE(window.site()->name, QStringLiteral("Relais lab"));

        recent.clear();
        QCOMPARE(menu->actions().size(), 1);
        QVERIFY(!menu->actions().first()->isEnabled());
    }

    void recentListIsBounded()
    {
        auto s = settings();
        RecentSites recent(*s);
        for (int i = 0; i < RecentSites::MaxEntries + 3; ++i)
            recent.add(m_dir.filePath(QStringLiteral("site%1.json").arg(i)));
        QCOMPARE(recent.paths().size(), RecentSites::MaxEntries);
        QVERIFY(recent.paths().first().endsWith(
            QStringLiteral("site%1.json").arg(RecentSites::MaxEntries + 2)));
    }

    void builtInLabSiteOpens()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        QVERIFY(window.openSite(QStringLiteral(":/sites/lab.json")).ok());
        QCOMPARE(window.site()->main.address, QStringLiteral("10.231.0.10"));
        // The resource is not a file to remember.
        QVERIFY(recent.paths().isEmpty());
    }

    // The vault is the open site's, else the user's default one.
    void vaultFollowsTheSite()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        QCOMPARE(window.vaultPath(), Paths::vaultFile());
        QVERIFY(window.openSite(data(QStringLiteral("site/good/full.json"))).ok());
        QCOMPARE(window.vaultPath(),
                 QDir::cleanPath(data(QStringLiteral("site/good/secrets/full.vault"))));
        QVERIFY(window.openSite(QStringLiteral(":/sites/lab.json")).ok());
        QCOMPARE(window.vaultPath(), QStringLiteral("/var/tmp/relais-lab/vault"));
        QVERIFY(window.openSite(data(QStringLiteral("site/good/minimal.json"))).ok());
        QCOMPARE(window.vaultPath(), Paths::vaultFile());
    }

    void aboutIsReachable()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.show();
        auto* about = window.findChild<QAction*>(QStringLiteral("actionAbout"));
        QVERIFY(about);
        about->trigger();
        auto* dialog = window.findChild<AboutDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("aboutText"))
                    ->text()
                    .contains(QStringLiteral(RELAIS_VERSION)));
        dialog->close();
    }

    void openShortcutIsStandard()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        auto* open = window.findChild<QAction*>(QStringLiteral("actionOpen"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
    }

    void checkNowRunsEveryProbe()
    {
        LocalPort mainPort;
        LocalPort backupPort;
        QVERIFY(mainPort.open());
        QVERIFY(backupPort.open());
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        window.setHealthFactory([&](const Site&, HealthHistory* history) {
            // Checks every minute: only start() and Check Now check here.
            return std::make_unique<SiteHealth>(
                localSite(mainPort.port(), backupPort.port(), 0, 60), m_network,
                SystemClock::instance(), history);
        });
        auto* checkNow = window.findChild<QAction*>(QStringLiteral("actionCheckNow"));
        QVERIFY(checkNow);
        QCOMPARE(checkNow->shortcut(), QKeySequence(QKeySequence::Refresh));
        QVERIFY(!checkNow->isEnabled());

        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());
        QVERIFY(checkNow->isEnabled());
        SiteHealth* health = window.health();
        QVERIFY(health);
        window.checkNow(); // start() spreads the first checks over the interval
        QTRY_COMPARE(window.dashboard()->mainCard()->state(), HealthState::Up);
        QTRY_VERIFY(health->allChecked());

        QSignalSpy checked(health->monitors()[0], &ProbeMonitor::checked);
        mainPort.close();
        checkNow->trigger();
        QTRY_COMPARE(checked.count(), 1);
        QTRY_COMPARE(window.dashboard()->mainCard()->state(), HealthState::Down);
    }

    void openingAnotherSiteReplacesTheHealth()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        QSignalSpy changed(&window, &MainWindow::healthChanged);
        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());
        QPointer<SiteHealth> first = window.health();
        QVERIFY(first);
        QVERIFY(first->monitors().front()->isActive());
        QCOMPARE(changed.count(), 1);

        QVERIFY(window.openSite(QStringLiteral(":/sites/lab.json")).ok());
        QVERIFY(first.isNull());
        QVERIFY(window.health());
        QVERIFY(window.health()->monitors().front()->isActive());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed[1][0].value<SiteHealth*>(), nullptr);
        QCOMPARE(changed[2][0].value<SiteHealth*>(), window.health());

        // A site that fails to open leaves the health running.
        QPointer<SiteHealth> second = window.health();
        QVERIFY(!window.openSite(data(QStringLiteral("site/bad/port-out-of-range.json"))).ok());
        QCOMPARE(window.health(), second.data());
        window.findChild<QMessageBox*>(QStringLiteral("errorBox"))->close();
    }

    void historyIsShownWhenTheSiteOpensAgain()
    {
        LocalPort mainPort;
        LocalPort backupPort;
        QVERIFY(mainPort.open());
        QVERIFY(backupPort.open());
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        window.setHealthFactory([&](const Site&, HealthHistory* history) {
            return std::make_unique<SiteHealth>(
                localSite(mainPort.port(), backupPort.port(), 0, 60), m_network,
                SystemClock::instance(), history);
        });
        const QString path = data(QStringLiteral("site/good/lab.json"));
        QVERIFY(window.openSite(path).ok());
        window.checkNow();
        QTRY_COMPARE(window.dashboard()->backupCard()->state(), HealthState::Up);
        QTRY_VERIFY(window.dashboard()->eventModel()->rowCount() >= 5);
        QVERIFY(!window.findChild<QMessageBox*>(QStringLiteral("historyErrorBox")));

        QVERIFY(window.openSite(QStringLiteral(":/sites/lab.json")).ok());
        // Another site, another history.
        QCOMPARE(window.dashboard()->eventModel()->rowCount(), 0);

        // Back to the first: its events are there before any new check answers.
        QVERIFY(window.openSite(path).ok());
        HealthEventModel* events = window.dashboard()->eventModel();
        QVERIFY2(events->rowCount() >= 5, qPrintable(QString::number(events->rowCount())));
        bool mainUp = false;
        for (int row = 0; row < events->rowCount(); ++row) {
            const HealthEvent& event = events->event(row);
            mainUp |= event.scope == HealthEvent::Scope::Host &&
                      event.target == QStringLiteral("main") && event.to == HealthState::Up;
        }
        QVERIFY(mainUp);
    }

    void aDatabaseThatCannotOpenIsExplainedAndWatchingGoesOn()
    {
        // The data directory is a file: the database cannot be made there.
        const QString file = m_dir.filePath(QStringLiteral("not-a-directory"));
        {
            QFile blocker(file);
            QVERIFY(blocker.open(QIODevice::WriteOnly));
        }
        const QByteArray previous = qgetenv("RELAIS_DATA_DIR");
        qputenv("RELAIS_DATA_DIR", file.toLocal8Bit());
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.show();
        const bool opened = window.openSite(data(QStringLiteral("site/good/lab.json"))).ok();
        qputenv("RELAIS_DATA_DIR", previous);
        QVERIFY(opened);
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("historyErrorBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("keeps watching")), qPrintable(box->text()));
        QVERIFY(window.health());
        QVERIFY(window.health()->monitors().front()->isActive());
        box->close();
    }

    void closingHidesToTheTray()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.setCloseAction(MainWindow::CloseAction::HideToTray);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy hidden(&window, &MainWindow::hiddenToTray);
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
        QCOMPARE(hidden.count(), 1);
        window.showConsole();
        QVERIFY(window.isVisible());

        // Quit (from the tray or File › Quit) really quits, window hidden or not.
        QVERIFY(window.close());
        QTimer::singleShot(0, &window, &MainWindow::quit);
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(7); });
        guard.start(10000);
        QCOMPARE(QApplication::exec(), 0);
        QCOMPARE(hidden.count(), 2);
    }

    void withoutATrayClosingQuitsAndSaysSoOnce()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.setCloseAction(MainWindow::CloseAction::QuitAndExplainOnce, s.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The first close is held back to say why, without a modal loop.
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        auto* notice = window.findChild<QMessageBox*>(QStringLiteral("quitNotice"));
        QVERIFY(notice);
        QVERIFY(notice->isVisible());
        QVERIFY(!notice->isModal() || notice->windowModality() == Qt::WindowModal);
        QVERIFY(s->value(QStringLiteral("notices/closingQuits")).toBool());
        // Keep Open: the window stays.
        notice->findChild<QPushButton*>(QStringLiteral("quitNoticeKeep"))->click();
        QVERIFY(window.isVisible());

        // Said once: the next close closes.
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
        QVERIFY(!window.findChild<QMessageBox*>(QStringLiteral("quitNotice")) ||
                !window.findChild<QMessageBox*>(QStringLiteral("quitNotice"))->isVisible());
    }

    void quitChosenInTheNoticeCloses()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.setCloseAction(MainWindow::CloseAction::QuitAndExplainOnce, s.get());
        window.show();
        QVERIFY(!window.close());
        auto* notice = window.findChild<QMessageBox*>(QStringLiteral("quitNotice"));
        QVERIFY(notice);
        notice->findChild<QPushButton*>(QStringLiteral("quitNoticeQuit"))->click();
        QVERIFY(!window.isVisible());
    }

    void fileQuitQuitsWithoutTheNotice()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.setCloseAction(MainWindow::CloseAction::QuitAndExplainOnce, s.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        QVERIFY(quit);
        // Quitting needs a running event loop; a guard ends it if quitting hangs.
        QTimer::singleShot(0, quit, &QAction::trigger);
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(7); });
        guard.start(10000);
        QCOMPARE(QApplication::exec(), 0);
        QVERIFY(!window.isVisible());
        QVERIFY(!window.findChild<QMessageBox*>(QStringLiteral("quitNotice")));
        QVERIFY(!s->value(QStringLiteral("notices/closingQuits")).toBool());
    }

    // The Containers tab says the vault is needed, asks for it, has the
    // LXD clients once it is unlocked and loses them when it locks.
    void containersTabFollowsTheVault()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        ManualClock clock;
        window.setKeychain(std::nullopt);
        window.setVaultClock(clock);
        window.setNewVaultKdf(KdfParams{10, 8, 1});
        QFile::remove(window.vaultPath());
        QFile::remove(window.vaultPath() + QStringLiteral(".bak"));
        window.show();
        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());

        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("siteTabs"));
        ContainersView* view = window.containersView();
        QVERIFY(view);
        QCOMPARE(tabs->tabText(tabs->indexOf(view)), QStringLiteral("&Containers"));
        auto* locked = view->findChild<QLabel*>(QStringLiteral("containersLocked"));
        QVERIFY(locked->isVisibleTo(view));
        QVERIFY(!view->hasClientProvider());

        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("containersUnlock")),
                          Qt::LeftButton);
        UnlockDialog* unlock = window.unlockDialog();
        QVERIFY(unlock);
        const QString passphrase = QStringLiteral("containers tab pass phrase");
        unlock->findChild<QLineEdit*>(QStringLiteral("passphrase"))->setText(passphrase);
        unlock->findChild<QLineEdit*>(QStringLiteral("confirmPassphrase"))->setText(passphrase);
        QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.vault(), 10000);
        QVERIFY(view->hasClientProvider());
        QVERIFY(!locked->isVisibleTo(view));

        window.lockVault();
        QVERIFY(!view->hasClientProvider());
        QVERIFY(locked->isVisibleTo(view));
    }

    void aSiteWithAPlanCanBeRehearsedInOneClick()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.setKeychain(std::nullopt);
        window.show();
        QSignalSpy available(&window, &MainWindow::drillAvailable);

        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());
        QCOMPARE(available.last().first().toBool(), false);
        QVERIFY(!window.dashboard()->rehearsalButton()->isEnabled());

        QVERIFY(window.openSite(data(QStringLiteral("site/good/plan.json"))).ok());
        QCOMPARE(available.last().first().toBool(), true);
        QVERIFY(window.dashboard()->rehearsalButton()->isEnabled());
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("siteTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), window.dashboard());
        QVERIFY(window.drills()->runButton()->isEnabled());

        // One click: the drills show, and the vault is asked for first
        // (the drill's SSH keys are in it); nothing runs before.
        QTest::mouseClick(window.dashboard()->rehearsalButton(), Qt::LeftButton);
        QCOMPARE(tabs->currentWidget(), window.drills());
        QTRY_VERIFY(window.unlockDialog());
        QVERIFY(window.drills()->stepModel()->rowCount() == 0);
        window.unlockDialog()->reject();
        QTRY_VERIFY(!window.unlockDialog());
        QVERIFY(window.drills()->runButton()->isEnabled());
    }

    // The Sync tab shows the site's jobs and a failover's lock, taken under
    // the key drills and relaisctl use; Run now stays off while it holds, a
    // dry run asks for the vault first and runs nothing without it.
    void syncTabShowsJobsAndTheLock()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.setKeychain(std::nullopt);
        window.show();
        const QString path = data(QStringLiteral("site/good/full.json"));
        {
            QDir().mkpath(QFileInfo(Paths::databaseFile()).absolutePath());
            auto db = Database::open(Paths::databaseFile());
            QVERIFY(db);
            QVERIFY(ReplicationLock(**db, SiteDocument::siteKey(path))
                        .lock(QStringLiteral("Failed over to backup.")));
        }
        QVERIFY(window.openSite(path).ok());
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("siteTabs"));
        QCOMPARE(tabs->tabText(tabs->indexOf(window.syncView())), QStringLiteral("&Sync"));
        QVERIFY(window.syncConsole());
        QCOMPARE(window.syncConsole()->site().syncJobs.size(), 2);
        auto* jobs = window.syncView()->findChild<QTableWidget*>(QStringLiteral("syncJobs"));
        QCOMPARE(jobs->rowCount(), 2);
        QVERIFY(
            jobs->item(0, SyncView::LockColumn)->text().contains(QStringLiteral("Failed over")));
        QVERIFY(
            !window.syncView()->findChild<QLabel*>(QStringLiteral("syncLockBanner"))->isHidden());
        auto* run = window.syncView()->findChild<QPushButton*>(QStringLiteral("syncRunButton"));
        QVERIFY(!run->isEnabled());

        tabs->setCurrentWidget(window.syncView());
        QSignalSpy started(window.syncConsole(), &SyncConsole::runStarted);
        QTest::mouseClick(
            window.syncView()->findChild<QPushButton*>(QStringLiteral("syncDryRunButton")),
            Qt::LeftButton);
        QTRY_VERIFY(window.unlockDialog());
        window.unlockDialog()->reject();
        QTRY_VERIFY(!window.unlockDialog());
        QCOMPARE(started.size(), 0);
    }

    // "Set Up Key…" waits for the vault, opens the key dialog for the
    // selected job without blocking, and the dialog goes with the site.
    void syncKeySetUpFollowsTheVault()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        ManualClock clock;
        window.setKeychain(std::nullopt);
        window.setVaultClock(clock);
        window.setNewVaultKdf(KdfParams{10, 8, 1});
        window.show();
        // A copy: its vault is made beside it, not in the sources.
        const QString path = m_dir.filePath(QStringLiteral("sync-key/full.json"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile::remove(path);
        QVERIFY(QFile::copy(data(QStringLiteral("site/good/full.json")), path));
        QVERIFY(window.openSite(path).ok());
        QFile::remove(window.vaultPath());
        QFile::remove(window.vaultPath() + QStringLiteral(".bak"));
        QVERIFY(window.vaultPath().startsWith(m_dir.path()));
        auto* setUp =
            window.syncView()->findChild<QPushButton*>(QStringLiteral("syncSetupKeyButton"));
        QVERIFY(setUp);
        QVERIFY(!setUp->isEnabled());
        QVERIFY(setUp->toolTip().startsWith(QStringLiteral("Unlock the vault first")));

        window.findChild<QAction*>(QStringLiteral("actionCredentials"))->trigger();
        UnlockDialog* unlock = window.unlockDialog();
        QVERIFY(unlock);
        const QString passphrase = QStringLiteral("sync key pass phrase");
        unlock->findChild<QLineEdit*>(QStringLiteral("passphrase"))->setText(passphrase);
        unlock->findChild<QLineEdit*>(QStringLiteral("confirmPassphrase"))->setText(passphrase);
        QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.credentialsDialog(), 10000);
        window.credentialsDialog()->close();
        QVERIFY(setUp->isEnabled());

        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("siteTabs"));
        tabs->setCurrentWidget(window.syncView());
        QTest::mouseClick(setUp, Qt::LeftButton);
        QPointer<ReplicationKeyDialog> dialog = window.findChild<ReplicationKeyDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal());
        QCOMPARE(dialog->request().job, window.syncView()->selectedJob());
        // The console's connections are made for it, as for a run.
        QVERIFY(window.syncConsole()->connections());

        // The site opens again: the dialog and its connections go.
        QVERIFY(window.openSite(path).ok());
        QTRY_VERIFY(!dialog);

        window.lockVault();
        QVERIFY(!setUp->isEnabled());
    }

    void rehearsalBadgeAndReminderFollowTheJournal()
    {
        ManualClock clock(QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC));
        const QString plan = data(QStringLiteral("site/good/plan.json"));
        {
            auto s = settings();
            RecentSites recent(*s);
            auto window = makeWindow(recent);
            window->setReminderSettings(s.get());
            window->setRehearsalClock(clock);
            QSignalSpy messages(window.get(), &MainWindow::drillMessage);
            QVERIFY(window->openSite(plan).ok());
            RehearsalBadge* badge = window->dashboard()->rehearsalBadge();
            QCOMPARE(badge->text(), QStringLiteral("No rehearsal yet — time to run one"));
            QVERIFY(badge->isWarning());
            // Once, though the journal is read more than once on opening.
            QCOMPARE(messages.size(), 1);
            QCOMPARE(messages.first().at(1).toString(),
                     QStringLiteral("No good rehearsal yet on Site with a recovery plan: run "
                                    "one from the tray menu"));
            QCOMPARE(messages.first().at(2).toBool(), false);

            // The hourly check and opening the site again stay quiet.
            clock.advanceSeconds(3600);
            window->checkRehearsals();
            QVERIFY(window->openSite(plan).ok());
            QCOMPARE(messages.size(), 1);

            // The badge leads to the drills.
            auto* tabs = window->findChild<QTabWidget*>(QStringLiteral("siteTabs"));
            QVERIFY(tabs);
            QCOMPARE(tabs->currentWidget(), window->dashboard());
            badge->openButton()->click();
            QCOMPARE(tabs->currentWidget(), window->drills());
        }
        // Restarted the same day: quiet; the next day: said again.
        auto s = settings();
        RecentSites recent(*s);
        auto window = makeWindow(recent);
        window->setReminderSettings(s.get());
        window->setRehearsalClock(clock);
        QSignalSpy messages(window.get(), &MainWindow::drillMessage);
        QVERIFY(window->openSite(plan).ok());
        QCOMPARE(messages.size(), 0);
        clock.advanceSeconds(23 * 3600);
        window->checkRehearsals();
        QCOMPARE(messages.size(), 1);

        // A site without a plan is never reminded.
        QVERIFY(window->openSite(data(QStringLiteral("site/good/lab.json"))).ok());
        QCOMPARE(window->dashboard()->rehearsalBadge()->text(),
                 QStringLiteral("No recovery plan to rehearse"));
        clock.advanceSeconds(2 * 24 * 3600);
        window->checkRehearsals();
        QCOMPARE(messages.size(), 1);
    }

    void credentialsUnlockTheVaultOnDemandAndLock()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        ManualClock clock;
        window.setKeychain(std::nullopt);
        window.setVaultClock(clock);
        window.setNewVaultKdf(KdfParams{10, 8, 1});
        QCOMPARE(window.vaultPath(), Paths::vaultFile());
        QFile::remove(window.vaultPath());
        QFile::remove(window.vaultPath() + QStringLiteral(".bak"));
        window.show();

        auto* credentials = window.findChild<QAction*>(QStringLiteral("actionCredentials"));
        auto* lock = window.findChild<QAction*>(QStringLiteral("actionLockVault"));
        QVERIFY(credentials);
        QVERIFY(lock);
        QVERIFY(!credentials->shortcut().isEmpty());
        QVERIFY(!lock->isEnabled());

        // No vault yet: the first use creates it, then shows the manager.
        credentials->trigger();
        UnlockDialog* unlock = window.unlockDialog();
        QVERIFY(unlock);
        QCOMPARE(unlock->mode(), UnlockDialog::Mode::Create);
        const QString passphrase = QStringLiteral("main window pass phrase");
        unlock->findChild<QLineEdit*>(QStringLiteral("passphrase"))->setText(passphrase);
        unlock->findChild<QLineEdit*>(QStringLiteral("confirmPassphrase"))->setText(passphrase);
        QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.credentialsDialog(), 10000);
        QVERIFY(window.vault());
        QVERIFY(QFile::exists(window.vaultPath()));
        QVERIFY(lock->isEnabled());
        QPointer<CredentialsDialog> manager = window.credentialsDialog();
        QVERIFY(manager->isVisible());

        // Asking again shows the same manager.
        credentials->trigger();
        QCOMPARE(window.credentialsDialog(), manager.data());

        // Lock Vault closes it and wipes the vault.
        lock->trigger();
        QVERIFY(!window.vault());
        QTRY_VERIFY(!manager);
        QVERIFY(!lock->isEnabled());

        // Next time the passphrase is asked again.
        credentials->trigger();
        unlock = window.unlockDialog();
        QVERIFY(unlock);
        QCOMPARE(unlock->mode(), UnlockDialog::Mode::Unlock);
        unlock->findChild<QLineEdit*>(QStringLiteral("passphrase"))->setText(passphrase);
        QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.credentialsDialog(), 10000);
        manager = window.credentialsDialog();

        // Idle for the vault's delay: it locks itself and the manager goes.
        clock.advanceMs(Vault::DefaultIdleTimeoutMs - 1000);
        window.checkVaultIdle();
        QVERIFY(window.vault());
        QVERIFY(manager);
        clock.advanceMs(1000);
        window.checkVaultIdle();
        QVERIFY(!window.vault());
        QTRY_VERIFY(!manager);
        QVERIFY(!lock->isEnabled());
    }

    void asksAboutHostKeysOverTheWindow()
    {
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        window.show();
        HostKeyQuestion question;
        question.host = QStringLiteral("10.231.0.10");
        question.keyType = QStringLiteral("ssh-ed25519");
        question.fingerprint = QStringLiteral("SHA256:abc");
        QList<bool> answers;
        window.hostKeyVerifier().verify(question, [&answers](bool accept) { answers << accept; });
        QCOMPARE(&window.hostKeyVerifier(), &window.hostKeyVerifier());
        auto* dialog = window.findChild<HostKeyDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QCOMPARE(answers, QList<bool>{true});
    }

    void speaksFrench()
    {
        QVERIFY(Language::install(*qApp, QStringLiteral("fr")));
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Fichier")), qPrintable(menus.join(u',')));
        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());
        QVERIFY2(window.dashboard()->mainCard()->stateText().startsWith(QStringLiteral("Inconnu")),
                 qPrintable(window.dashboard()->mainCard()->stateText()));
        const Result<void> failed =
            window.openSite(data(QStringLiteral("site/bad/port-out-of-range.json")));
        QVERIFY(!failed.ok());
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("erreurs")), qPrintable(box->text()));
    }

    // A host key or certificate refused in this session is not asked about
    // at each health round, but again once the user checks again (Check
    // Now, the containers' Refresh) or opens a site.
    void refusalsAreAskedAgainWhenTheUserChecksAgain_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("check now") << "check";
        QTest::newRow("containers refresh") << "refresh";
        QTest::newRow("site opened") << "open";
    }

    void refusalsAreAskedAgainWhenTheUserChecksAgain()
    {
        QFETCH(QString, how);
        auto s = settings();
        RecentSites recent(*s);
        auto owned = makeWindow(recent);
        MainWindow& window = *owned;
        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());

        HostKeyQuestion key;
        key.host = QStringLiteral("10.231.0.3");
        key.keyType = QStringLiteral("ssh-ed25519");
        key.fingerprint = QStringLiteral("SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        TlsQuestion certificate;
        certificate.host = QStringLiteral("10.231.0.10");
        certificate.port = 8443;
        certificate.fingerprint = QStringLiteral("CE:F1:6E:80");
        QList<bool> answers;
        const auto record = [&answers](bool accept) {
            answers << accept;
        };
        window.hostKeyVerifier().verify(key, record);
        QVERIFY(window.hostKeyVerifier().lastDialog());
        window.hostKeyVerifier().lastDialog()->reject();
        window.tlsTrust().verify(certificate, record);
        QVERIFY(window.tlsTrust().lastDialog());
        window.tlsTrust().lastDialog()->reject();
        QCOMPARE(answers, (QList<bool>{false, false}));
        QTRY_VERIFY(!window.hostKeyVerifier().lastDialog() && !window.tlsTrust().lastDialog());

        // The next rounds hear "no" at once, without a dialog.
        window.hostKeyVerifier().verify(key, record);
        window.tlsTrust().verify(certificate, record);
        QCOMPARE(answers, (QList<bool>{false, false, false, false}));
        QVERIFY(!window.hostKeyVerifier().lastDialog());
        QVERIFY(!window.tlsTrust().lastDialog());

        if (how == QLatin1String("check")) {
            auto* checkNow = window.findChild<QAction*>(QStringLiteral("actionCheckNow"));
            QVERIFY(checkNow && checkNow->isEnabled());
            checkNow->trigger();
        } else if (how == QLatin1String("refresh")) {
            ContainersView* containers = window.containersView();
            containers->setClientProvider([](HostRole) -> Result<LxdClient*> {
                return Error(LxdError::Unreachable, QStringLiteral("no LXD here"));
            });
            QVERIFY(containers->refreshAction()->isEnabled());
            containers->refreshAction()->trigger();
            containers->setClientProvider({});
        } else {
            QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());
        }
        QVERIFY(!window.hostKeyVerifier().isRefused(key));
        QVERIFY(!window.tlsTrust().isRefused(certificate));
        window.hostKeyVerifier().verify(key, record);
        window.tlsTrust().verify(certificate, record);
        QVERIFY(window.hostKeyVerifier().lastDialog());
        QVERIFY(window.tlsTrust().lastDialog());
        QCOMPARE(answers.size(), 4); // the user is asked again
        window.hostKeyVerifier().lastDialog()->reject();
        window.tlsTrust().lastDialog()->reject();
        QCOMPARE(answers.size(), 6);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
