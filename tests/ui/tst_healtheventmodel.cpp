#include "HealthEventModel.h"
#include "HealthText.h"
#include "LocalSite.h"
#include "common/SystemClock.h"
#include "health/SiteHealth.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

HealthEvent hostEvent(const QDateTime& at, const char* host, HealthState from, HealthState to,
                      const QString& reason = {})
{
    return {at, HealthEvent::Scope::Host, QLatin1String(host), from, to, false, reason};
}

} // namespace

/// HealthEventModel: seeded from the history, newest first, live events on
/// top, bounded.
class TestHealthEventModel : public QObject
{
    Q_OBJECT

private:
    static QString cell(const HealthEventModel& model, int row, int column)
    {
        return model.data(model.index(row, column)).toString();
    }

private slots:
    void showsThePastNewestFirst()
    {
        HealthEventModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(HealthEventModel::ColumnCount));

        const QDateTime today(QDate::currentDate(), QTime(10, 0), Qt::LocalTime);
        const QList<HealthEvent> past{
            hostEvent(today.addSecs(120), "main", HealthState::Down, HealthState::Up),
            hostEvent(today.addSecs(60), "main", HealthState::Up, HealthState::Down,
                      QStringLiteral("TCP 10.0.0.1:80: connection refused")),
            {today,
             HealthEvent::Scope::Site,
             QStringLiteral("Lab"),
             HealthState::Unknown,
             HealthState::Up,
             false,
             {}},
            {today, HealthEvent::Scope::Probe, QStringLiteral("www/1"), HealthState::Up,
             HealthState::Up, true, QStringLiteral("flapping: 4 state changes")},
        };
        model.setHealth(nullptr, past);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(cell(model, 0, HealthEventModel::TimeColumn), QStringLiteral("10:02:00"));
        QCOMPARE(cell(model, 0, HealthEventModel::TargetColumn), QStringLiteral("Host Main"));
        QCOMPARE(cell(model, 0, HealthEventModel::ChangeColumn), QStringLiteral("Down → Up"));
        QCOMPARE(cell(model, 1, HealthEventModel::ChangeColumn), QStringLiteral("Up → Down"));
        QCOMPARE(cell(model, 1, HealthEventModel::ReasonColumn),
                 QStringLiteral("TCP 10.0.0.1:80: connection refused"));
        QCOMPARE(cell(model, 2, HealthEventModel::TargetColumn), QStringLiteral("Site Lab"));
        // Without the live health, a probe is named by its id.
        QCOMPARE(cell(model, 3, HealthEventModel::TargetColumn), QStringLiteral("Probe www/1"));
        QCOMPARE(cell(model, 3, HealthEventModel::ChangeColumn), QStringLiteral("Up, flapping"));
        QCOMPARE(model.data(model.index(1, HealthEventModel::ChangeColumn), Qt::ForegroundRole)
                     .value<QColor>(),
                 HealthText::stateColor(HealthState::Down));
    }

    void newEventsGoOnTopAndTheOldestGo()
    {
        HealthEventModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime start = QDateTime::currentDateTime();
        QList<HealthEvent> past;
        for (int i = 0; i < HealthEventModel::MaxRows + 20; ++i)
            past.prepend(hostEvent(start.addSecs(i), "backup", HealthState::Up, HealthState::Down,
                                   QString::number(i)));
        model.setHealth(nullptr, past);
        QCOMPARE(model.rowCount(), HealthEventModel::MaxRows);
        QCOMPARE(cell(model, 0, HealthEventModel::ReasonColumn),
                 QString::number(HealthEventModel::MaxRows + 19));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.prepend(hostEvent(start.addSecs(1000), "backup", HealthState::Down, HealthState::Up,
                                QStringLiteral("newest")));
        QCOMPARE(model.rowCount(), HealthEventModel::MaxRows);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(cell(model, 0, HealthEventModel::ReasonColumn), QStringLiteral("newest"));
        QCOMPARE(cell(model, 0, HealthEventModel::TargetColumn), QStringLiteral("Host Backup"));
    }

    void followsTheLiveHealth()
    {
        LocalPort main;
        LocalPort backup;
        QVERIFY(main.open());
        QVERIFY(backup.open());
        QNetworkAccessManager network;
        SiteHealth health(localSite(main.port(), backup.port(), 0, 60), network,
                          SystemClock::instance());
        HealthEventModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<HealthEvent> past{hostEvent(QDateTime::currentDateTime().addDays(-1), "main",
                                                HealthState::Unknown, HealthState::Up)};
        model.setHealth(&health, past);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        health.start();
        health.checkAll(); // start() spreads the first checks over the interval
        // Two probes, two hosts and the site: five events.
        QTRY_COMPARE(model.rowCount(), 6);
        QCOMPARE(model.event(5), past.first());
        QStringList targets;
        for (int row = 0; row < 5; ++row)
            targets << cell(model, row, HealthEventModel::TargetColumn);
        QVERIFY2(targets.contains(QStringLiteral("Probe TCP 127.0.0.1:%1 (www)").arg(main.port())),
                 qPrintable(targets.join(u'|')));
        QVERIFY(targets.contains(QStringLiteral("Host Main")));
        QVERIFY(targets.contains(QStringLiteral("Host Backup")));
        QVERIFY(targets.contains(QStringLiteral("Site Local site")));

        main.close();
        health.checkAll();
        QTRY_COMPARE(cell(model, 0, HealthEventModel::ChangeColumn), QStringLiteral("Up → Down"));
        QCOMPARE(resets.count(), 0);
    }
};

QTEST_MAIN(TestHealthEventModel)
#include "tst_healtheventmodel.moc"
