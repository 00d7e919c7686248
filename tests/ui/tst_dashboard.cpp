#include "DashboardView.h"
#include "HealthEventModel.h"
#include "HostCard.h"
#include "LocalSite.h"
#include "ProbeTableModel.h"
#include "Sparkline.h"
#include "common/SystemClock.h"
#include "health/SiteHealth.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTest>

using namespace relais;
using namespace relais::test;

/// The dashboard follows a scripted sequence of states: main's port is
/// opened, closed and opened again (unknown → up → down → up), and the DNS
/// answer moves from main to backup to neither.
class TestDashboard : public QObject
{
    Q_OBJECT

private:
    /// The changes of one host in the event list, oldest first.
    static QStringList hostChanges(const QAbstractItemModel* model, const QString& host)
    {
        QStringList changes;
        for (int row = model->rowCount() - 1; row >= 0; --row) {
            if (model->index(row, HealthEventModel::TargetColumn).data().toString() == host)
                changes << model->index(row, HealthEventModel::ChangeColumn).data().toString();
        }
        return changes;
    }

private slots:
    void reflectsAScriptedSequenceOfStates()
    {
        LocalPort mainPort;
        LocalPort backupPort;
        LocalDns dns;
        QVERIFY(mainPort.open());
        QVERIFY(backupPort.open());
        QVERIFY(dns.open());
        dns.setAddress(QString::fromLatin1(MainPublic));
        const Site site = localSite(mainPort.port(), backupPort.port(), dns.port());
        QNetworkAccessManager network;
        SiteHealth health(site, network, SystemClock::instance());

        DashboardView view;
        view.resize(1000, 700);
        view.setSite(site);
        view.setHealth(&health);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        HostCard* main = view.mainCard();
        HostCard* backup = view.backupCard();
        const QAbstractItemModel* events = view.eventView()->model();
        QCOMPARE(events, view.eventModel());
        QCOMPARE(view.probeView()->model(), view.probeModel());

        // Unknown: nothing checked yet.
        QCOMPARE(main->state(), HealthState::Unknown);
        QCOMPARE(main->stateText(), QStringLiteral("Unknown: not checked yet"));
        QCOMPARE(main->lastCheckText(), QStringLiteral("never"));
        QCOMPARE(events->rowCount(), 0);
        QCOMPARE(view.dnsSideText(QStringLiteral("www")),
                 QStringLiteral("www.example.test → not checked yet"));
        QCOMPARE(
            main->probeTexts(),
            QStringList{QStringLiteral("TCP 127.0.0.1:%1: not checked yet").arg(mainPort.port())});

        // Up.
        health.start();
        QTRY_COMPARE(main->state(), HealthState::Up);
        QVERIFY2(main->stateText().startsWith(QStringLiteral("Up: 1 probe")),
                 qPrintable(main->stateText()));
        QTRY_COMPARE(backup->state(), HealthState::Up);
        QTRY_COMPARE(view.dnsSideText(QStringLiteral("www")),
                     QStringLiteral("www.example.test → main (192.0.2.10)"));
        QVERIFY(main->lastCheckText() != QStringLiteral("never"));
        QVERIFY2(main->probeTexts().value(0).contains(QStringLiteral(": Up, ")),
                 qPrintable(main->probeTexts().value(0)));
        QCOMPARE(hostChanges(events, QStringLiteral("Host Main")),
                 QStringList{QStringLiteral("Unknown → Up")});

        // Down: main's port closes; backup stays up, the DNS moves to backup.
        mainPort.close();
        dns.setAddress(QString::fromLatin1(BackupPublic));
        health.checkAll();
        QTRY_COMPARE(main->state(), HealthState::Down);
        QCOMPARE(main->stateText(), QStringLiteral("Down: no probe answers"));
        QCOMPARE(main->probeTexts(),
                 QStringList{QStringLiteral("TCP 127.0.0.1:%1: Down — The port is closed "
                                            "(connection refused)")
                                 .arg(mainPort.port())});
        QCOMPARE(backup->state(), HealthState::Up);
        QTRY_COMPARE(view.dnsSideText(QStringLiteral("www")),
                     QStringLiteral("www.example.test → backup (192.0.2.20)"));
        QTRY_COMPARE(hostChanges(events, QStringLiteral("Host Main")),
                     (QStringList{QStringLiteral("Unknown → Up"), QStringLiteral("Up → Down")}));
        QCOMPARE(events->index(0, HealthEventModel::ChangeColumn).data().toString(),
                 QStringLiteral("Up → Down"));
        QVERIFY(main->sparkline()->shownFailures() >= 1);
        QVERIFY(main->sparkline()->shownChecks() >= 2);

        // Up again; the DNS answer is neither side's address.
        QVERIFY(mainPort.open());
        dns.setAddress(QStringLiteral("198.51.100.7"));
        health.checkAll();
        QTRY_COMPARE(main->state(), HealthState::Up);
        QTRY_COMPARE(view.dnsSideText(QStringLiteral("www")),
                     QStringLiteral("www.example.test → neither side (198.51.100.7)"));
        QTRY_COMPARE(hostChanges(events, QStringLiteral("Host Main")),
                     (QStringList{QStringLiteral("Unknown → Up"), QStringLiteral("Up → Down"),
                                  QStringLiteral("Down → Up")}));
        QCOMPARE(hostChanges(events, QStringLiteral("Host Backup")),
                 QStringList{QStringLiteral("Unknown → Up")});
        // The probe table says the same in words.
        QCOMPARE(view.probeModel()->index(0, ProbeTableModel::StateColumn).data().toString(),
                 QStringLiteral("Up"));
        QCOMPARE(view.probeModel()->index(2, ProbeTableModel::HostColumn).data().toString(),
                 QStringLiteral("—"));
    }

    void letsGoOfAHealthThatGoes()
    {
        LocalPort mainPort;
        LocalPort backupPort;
        QVERIFY(mainPort.open());
        QVERIFY(backupPort.open());
        const Site site = localSite(mainPort.port(), backupPort.port());
        QNetworkAccessManager network;
        auto health = std::make_unique<SiteHealth>(site, network, SystemClock::instance());
        DashboardView view;
        view.setSite(site);
        view.setHealth(health.get());
        health->start();
        QTRY_COMPARE(view.mainCard()->state(), HealthState::Up);
        health.reset();
        QCOMPARE(view.health(), nullptr);
        QCOMPARE(view.probeModel()->rowCount(), 0);
        view.refresh();
        QCOMPARE(view.mainCard()->stateText(), QStringLiteral("Unknown: not checked yet"));
        // The events seen stay readable.
        QVERIFY(view.eventModel()->rowCount() > 0);
    }

    void keyboardReachesTheLists()
    {
        DashboardView view;
        QVERIFY(view.eventView()->focusPolicy() & Qt::TabFocus);
        QVERIFY(view.probeView()->focusPolicy() & Qt::TabFocus);
        QCOMPARE(view.eventView()->objectName(), QStringLiteral("events"));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
