#include "sync/RpoProbe.h"

#include <QSignalSpy>
#include <QTest>

using namespace relais;

// The RPO probe's verdict on what backup answered: its clock, then the
// canary main wrote (milliseconds since the epoch).
class TestRpoProbe : public QObject
{
    Q_OBJECT

private slots:
    void judge_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<int>("target");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QTest::newRow("fresh") << QByteArray("1700000060000\n1700000000000\n") << 15 << true
                               << QStringLiteral("backup's copy is 1.0 min old (target 15 min)");
        QTest::newRow("at the target")
            << QByteArray("1700000900000\n1700000000000\n") << 15 << true
            << QStringLiteral("backup's copy is 15.0 min old (target 15 min)");
        QTest::newRow("over the target")
            << QByteArray("1700000900001\n1700000000000\n") << 15 << false
            << QStringLiteral("backup's copy is 15.0 min old (target 15 min)");
        QTest::newRow("hours old")
            << QByteArray("1700007200000\n1700000000000\n") << 60 << false
            << QStringLiteral("backup's copy is 120.0 min old (target 60 min)");
        QTest::newRow("no canary") << QByteArray("1700000000000\n") << 15 << false
                                   << QStringLiteral("no RPO canary on backup yet: the job has "
                                                     "not copied anything");
        QTest::newRow("garbled") << QByteArray("x\ny\n") << 15 << false
                                 << QStringLiteral("no RPO canary on backup yet: the job has not "
                                                   "copied anything");
    }

    void judge()
    {
        QFETCH(QByteArray, output);
        QFETCH(int, target);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        const ProbeResult result = RpoProbe::judge(output, target, 12);
        QCOMPARE(result.ok, ok);
        QCOMPARE(result.message, message);
        QCOMPARE(result.latencyMs, 12);
        QCOMPARE(result.error.has_value(), !ok);
    }

    void withoutSessionFails()
    {
        SyncJob job;
        job.name = QStringLiteral("www");
        job.sources = {QStringLiteral("/srv/www/")};
        job.destination = QStringLiteral("/srv/copy");
        RpoProbe probe(nullptr, job, 15, 1000);
        QCOMPARE(probe.describe(), QStringLiteral("RPO www (target 15 min)"));
        QSignalSpy finished(&probe, &Probe::finished);
        probe.start();
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).value<ProbeResult>().ok);
    }
};

QTEST_GUILESS_MAIN(TestRpoProbe)
#include "tst_rpoprobe.moc"
