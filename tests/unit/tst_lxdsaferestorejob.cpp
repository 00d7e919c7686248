#include "common/ManualClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdSafeRestoreJob.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace relais;

// LxdSafeRestoreJob without a daemon: naming, and a daemon that is not
// there ends the job in its check step, once, with no safety snapshot.
class TestLxdSafeRestoreJob : public QObject
{
    Q_OBJECT

private slots:
    void namesTheSafetySnapshotInUtc_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("name");
        QTest::newRow("utc") << QDateTime(QDate(2026, 11, 22), QTime(6, 30, 15), Qt::UTC)
                             << QStringLiteral("relais-before-restore-20261122-063015");
        QTest::newRow("plus one hour")
            << QDateTime(QDate(2026, 1, 1), QTime(0, 0, 9), QTimeZone(3600))
            << QStringLiteral("relais-before-restore-20251231-230009");
    }

    void namesTheSafetySnapshotInUtc()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, name);
        QCOMPARE(LxdSafeRestoreJob::safetySnapshotName(time), name);
    }

    void defaultsToSevenDays()
    {
        ManualClock clock;
        LxdSafeRestoreJob job(nullptr, QStringLiteral("web"), QStringLiteral("s1"), clock);
        QCOMPARE(job.safetyLifetimeSeconds(), 7 * 24 * 3600);
    }

    void unreachableDaemonStopsAtTheCheck()
    {
        QTemporaryDir dir;
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("none.socket"))));
        ManualClock clock;
        LxdSafeRestoreJob job(&client, QStringLiteral("web"), QStringLiteral("s1"), clock);
        QSignalSpy finished(&job, &LxdSafeRestoreJob::finished);
        QSignalSpy steps(&job, &LxdSafeRestoreJob::stepChanged);
        job.start();
        QCOMPARE(finished.size(), 0); // never from start()
        QVERIFY(finished.wait(5000));
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(steps.size(), 1);
        QCOMPARE(job.step(), LxdSafeRestoreJob::Step::Check);
        QVERIFY(job.result().error().is(LxdError::Unreachable));
        QVERIFY(job.safetySnapshot().isEmpty());
    }

    void withoutClientFailsLater()
    {
        ManualClock clock;
        LxdSafeRestoreJob job(nullptr, QStringLiteral("web"), QStringLiteral("s1"), clock);
        QSignalSpy finished(&job, &LxdSafeRestoreJob::finished);
        job.start();
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(1000));
        QVERIFY(job.result().error().is(LxdError::Unreachable));
    }
};

QTEST_GUILESS_MAIN(TestLxdSafeRestoreJob)
#include "tst_lxdsaferestorejob.moc"
