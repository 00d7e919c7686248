#include "LocalSite.h"
#include "TrayIcon.h"
#include "common/SystemClock.h"
#include "health/SiteHealth.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace relais;
using namespace relais::test;

/// The tray icon in a real tray: run by run-with-tray.sh under Xvfb with
/// trayer as the tray host (QT_QPA_PLATFORM=xcb).
class TestTray : public QObject
{
    Q_OBJECT

private:
    /// What the tray shows where the icon is embedded, read from the screen.
    static QImage onScreen(const QSystemTrayIcon& icon)
    {
        const QRect area = icon.geometry();
        return QGuiApplication::primaryScreen()
            ->grabWindow(0, area.x(), area.y(), area.width(), area.height())
            .toImage();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QGuiApplication::platformName() == QStringLiteral("xcb"),
                 "run through run-with-tray.sh (Xvfb, trayer, QT_QPA_PLATFORM=xcb)");
        // trayer starts beside the test: give it time to claim the tray.
        QDeadlineTimer deadline(15000);
        while (!QSystemTrayIcon::isSystemTrayAvailable() && !deadline.hasExpired())
            QTest::qWait(100);
        if (!QSystemTrayIcon::isSystemTrayAvailable())
            QSKIP("trayer did not provide a system tray on the Xvfb display within 15 s");
    }

    void menuOffersConsoleDrillAndQuit()
    {
        TrayIcon tray;
        QMenu* menu = tray.menu();
        QCOMPARE(tray.systemTrayIcon()->contextMenu(), menu);
        QStringList texts;
        for (QAction* action : menu->actions())
            if (!action->isSeparator())
                texts << action->text();
        QCOMPARE(texts,
                 (QStringList{QStringLiteral("&Open Console"), QStringLiteral("Run &Rehearsal Now"),
                              QStringLiteral("&Quit")}));
        auto* drill = menu->findChild<QAction*>(QStringLiteral("trayRunDrill"));
        QVERIFY(drill);
        QVERIFY(!drill->isEnabled());
        QVERIFY(drill->toolTip().contains(QStringLiteral("plan")));
        tray.setDrillAvailable(true);
        QVERIFY(drill->isEnabled());
        QSignalSpy rehearsal(&tray, &TrayIcon::rehearsalRequested);
        drill->trigger();
        QCOMPARE(rehearsal.size(), 1);
        tray.setDrillAvailable(false);
        QSignalSpy shown(&tray, &TrayIcon::messageShown);
        tray.showDrillMessage(QStringLiteral("Rehearsal succeeded"), QStringLiteral("RTO 1 min"),
                              true);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(tray.messages().last().title, QStringLiteral("Rehearsal succeeded"));
        QVERIFY(menu->toolTipsVisible());

        QSignalSpy open(&tray, &TrayIcon::openConsoleRequested);
        QSignalSpy quit(&tray, &TrayIcon::quitRequested);
        menu->findChild<QAction*>(QStringLiteral("trayOpenConsole"))->trigger();
        menu->findChild<QAction*>(QStringLiteral("trayQuit"))->trigger();
        QCOMPARE(open.count(), 1);
        QCOMPARE(quit.count(), 1);
        emit tray.systemTrayIcon()->activated(QSystemTrayIcon::Trigger);
        QCOMPARE(open.count(), 2);
        QCOMPARE(tray.toolTip(), QStringLiteral("Relais — no site open"));
    }

    void iconAppearsAndFollowsTheHealth()
    {
        LocalPort mainPort;
        LocalPort backupPort;
        QVERIFY(mainPort.open());
        QVERIFY(backupPort.open());
        QNetworkAccessManager network;
        SiteHealth health(localSite(mainPort.port(), backupPort.port(), 0, 60), network,
                          SystemClock::instance());

        TrayIcon tray;
        tray.setHealth(&health);
        QSystemTrayIcon* icon = tray.systemTrayIcon();
        tray.show();
        QVERIFY(icon->isVisible());
        // Embedded in trayer: the icon has a place on the screen.
        QTRY_VERIFY_WITH_TIMEOUT(icon->geometry().isValid() && !icon->geometry().isEmpty(), 10000);
        QCOMPARE(tray.shownState(), HealthState::Unknown);
        QCOMPARE(icon->toolTip(), QStringLiteral("Local site — main: unknown, backup: unknown"));
        const qint64 unknownKey = icon->icon().cacheKey();
        const QImage unknownPixels = icon->icon().pixmap(22).toImage();
        QTRY_VERIFY_WITH_TIMEOUT(!onScreen(*icon).isNull(), 5000);
        QTest::qWait(200); // let trayer paint the embedded icon
        const QImage unknownScreen = onScreen(*icon);

        // Up: both hosts answer. The first verdict is not announced.
        health.start();
        health.checkAll(); // start() spreads the first checks over the interval
        QTRY_COMPARE(tray.shownState(), HealthState::Up);
        QCOMPARE(icon->toolTip(), QStringLiteral("Local site — main: up, backup: up"));
        QVERIFY(icon->icon().cacheKey() != unknownKey);
        const QImage upPixels = icon->icon().pixmap(22).toImage();
        QVERIFY(upPixels != unknownPixels);
        QTRY_VERIFY_WITH_TIMEOUT(onScreen(*icon) != unknownScreen, 5000);
        QVERIFY(tray.messages().isEmpty());

        // Down: main's port closes.
        const QImage upScreen = onScreen(*icon);
        QSignalSpy shown(&tray, &TrayIcon::messageShown);
        mainPort.close();
        health.checkAll();
        QTRY_COMPARE(tray.shownState(), HealthState::Down);
        QCOMPARE(icon->toolTip(), QStringLiteral("Local site — main: down, backup: up"));
        QVERIFY(icon->icon().pixmap(22).toImage() != upPixels);
        QTRY_VERIFY_WITH_TIMEOUT(onScreen(*icon) != upScreen, 5000);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(tray.messages().last().title, QStringLiteral("Local site"));
        QCOMPARE(tray.messages().last().body,
                 QStringLiteral("Main is down: The port is closed (connection refused)\n"
                                "TCP 127.0.0.1:%1")
                     .arg(mainPort.port()));
        QCOMPARE(tray.messages().last().icon, QSystemTrayIcon::Critical);

        // Recovered.
        QVERIFY(mainPort.open());
        health.checkAll();
        QTRY_COMPARE(tray.shownState(), HealthState::Up);
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(tray.messages().last().body, QStringLiteral("Main recovered"));
        QCOMPARE(icon->icon().pixmap(22).toImage(), upPixels);
    }

    void aHealthThatGoesLeavesNoSite()
    {
        LocalPort mainPort;
        LocalPort backupPort;
        QVERIFY(mainPort.open());
        QVERIFY(backupPort.open());
        QNetworkAccessManager network;
        auto health = std::make_unique<SiteHealth>(localSite(mainPort.port(), backupPort.port()),
                                                   network, SystemClock::instance());
        TrayIcon tray;
        tray.setHealth(health.get());
        health->start();
        QTRY_COMPARE(tray.shownState(), HealthState::Up);
        health.reset();
        QCOMPARE(tray.shownState(), HealthState::Unknown);
        QCOMPARE(tray.systemTrayIcon()->toolTip(), QStringLiteral("Relais — no site open"));
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
