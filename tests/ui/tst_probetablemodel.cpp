#include "HealthText.h"
#include "LocalSite.h"
#include "ProbeTableModel.h"
#include "common/SystemClock.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace relais;
using namespace relais::test;

/// ProbeTableModel over a live SiteHealth whose probes point at local ports
/// the test opens and closes.
class TestProbeTableModel : public QObject
{
    Q_OBJECT

private:
    static QString cell(const ProbeTableModel& model, int row, int column,
                        int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, column), role).toString();
    }

private slots:
    void emptyWithoutHealth()
    {
        ProbeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ProbeTableModel::ColumnCount));
        QCOMPARE(model.headerData(ProbeTableModel::LastErrorColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Last error"));
    }

    void followsTheChecksWithoutResets()
    {
        LocalPort main;
        LocalPort backup;
        QVERIFY(main.open());
        QVERIFY(backup.open());
        const Site site = localSite(main.port(), backup.port(), 0, 60);
        QNetworkAccessManager network;
        SiteHealth health(site, network, SystemClock::instance());

        ProbeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHealth(&health);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.monitor(0), health.monitors()[0]);
        QCOMPARE(cell(model, 0, ProbeTableModel::ServiceColumn), QStringLiteral("www"));
        QCOMPARE(cell(model, 0, ProbeTableModel::ProbeColumn),
                 QStringLiteral("TCP 127.0.0.1:%1").arg(main.port()));
        QCOMPARE(cell(model, 0, ProbeTableModel::HostColumn), QStringLiteral("Main"));
        QCOMPARE(cell(model, 1, ProbeTableModel::HostColumn), QStringLiteral("Backup"));
        QCOMPARE(cell(model, 0, ProbeTableModel::StateColumn), QStringLiteral("Unknown"));
        QCOMPARE(cell(model, 0, ProbeTableModel::LastCheckColumn), QStringLiteral("never"));
        QCOMPARE(cell(model, 0, ProbeTableModel::LastErrorColumn), QString());

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        health.start();
        health.checkAll(); // start() spreads the first checks over the interval
        QTRY_COMPARE(cell(model, 0, ProbeTableModel::StateColumn), QStringLiteral("Up"));
        QTRY_COMPARE(cell(model, 1, ProbeTableModel::StateColumn), QStringLiteral("Up"));
        QVERIFY(cell(model, 0, ProbeTableModel::LatencyColumn).endsWith(QStringLiteral(" ms")));
        QCOMPARE(cell(model, 0, ProbeTableModel::FlappingColumn), QStringLiteral("Steady"));
        QVERIFY(cell(model, 0, ProbeTableModel::LastCheckColumn) != QStringLiteral("never"));
        // The state is in words, and its colour and icon only repeat it.
        QCOMPARE(model.data(model.index(0, ProbeTableModel::StateColumn), Qt::ForegroundRole)
                     .value<QColor>(),
                 HealthText::stateColor(HealthState::Up));
        QVERIFY(!model.data(model.index(0, ProbeTableModel::StateColumn), Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());

        main.close();
        health.checkAll();
        QTRY_COMPARE(cell(model, 0, ProbeTableModel::StateColumn), QStringLiteral("Down"));
        QCOMPARE(cell(model, 0, ProbeTableModel::LastErrorColumn),
                 QStringLiteral("The port is closed (connection refused)"));
        QCOMPARE(cell(model, 0, ProbeTableModel::LatencyColumn), QStringLiteral("failed"));
        QVERIFY(!cell(model, 0, ProbeTableModel::LastErrorColumn, Qt::ToolTipRole).isEmpty());
        QCOMPARE(cell(model, 1, ProbeTableModel::StateColumn), QStringLiteral("Up"));

        QVERIFY(main.open());
        health.checkAll();
        QTRY_COMPARE(cell(model, 0, ProbeTableModel::StateColumn), QStringLiteral("Up"));
        // The last error stays, said to be over.
        const QString lastError = cell(model, 0, ProbeTableModel::LastErrorColumn);
        QVERIFY2(lastError.startsWith(QStringLiteral("The port is closed")) &&
                     lastError.contains(QStringLiteral("since answered")),
                 qPrintable(lastError));

        QCOMPARE(resets.count(), 0);
        QVERIFY(changed.count() >= 6);
        for (const QList<QVariant>& arguments : changed) {
            const auto topLeft = arguments[0].value<QModelIndex>();
            const auto bottomRight = arguments[1].value<QModelIndex>();
            QCOMPARE(topLeft.row(), bottomRight.row());
            QCOMPARE(topLeft.column(), 0);
            QCOMPARE(bottomRight.column(), ProbeTableModel::ColumnCount - 1);
        }
    }

    void forgetsAHealthThatGoes()
    {
        LocalPort main;
        LocalPort backup;
        QVERIFY(main.open());
        QVERIFY(backup.open());
        QNetworkAccessManager network;
        auto health = std::make_unique<SiteHealth>(localSite(main.port(), backup.port()), network,
                                                   SystemClock::instance());
        ProbeTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHealth(health.get());
        health->start();
        QTRY_COMPARE(cell(model, 1, ProbeTableModel::StateColumn), QStringLiteral("Up"));
        health.reset();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.health(), nullptr);
    }
};

QTEST_MAIN(TestProbeTableModel)
#include "tst_probetablemodel.moc"
