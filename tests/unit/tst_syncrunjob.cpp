#include "common/ManualClock.h"
#include "sync/SyncError.h"
#include "sync/SyncRunJob.h"

#include <QSignalSpy>
#include <QTest>

using namespace relais;

// SyncRunJob without hosts: its back-off and the runs that end before any
// transfer (the transfers themselves run against the lab in tst_sync).
class TestSyncRunJob : public QObject
{
    Q_OBJECT

    static SyncJob job()
    {
        SyncJob j;
        j.name = QStringLiteral("www");
        j.sources = {QStringLiteral("/srv/www/")};
        j.destination = QStringLiteral("/srv/copy");
        return j;
    }

private slots:
    void backOff()
    {
        ManualClock clock;
        SyncRunJob run(job(), {}, nullptr, nullptr, RsyncCommand::Mode::Run, clock);
        QCOMPARE(run.maxAttempts(), 3);
        QCOMPARE(run.retryDelayMs(1), 30000);
        QCOMPARE(run.retryDelayMs(2), 60000);
        QCOMPARE(run.retryDelayMs(6), 900000); // 16 min, capped at 15
        run.setFirstRetryDelayMs(500);
        QCOMPARE(run.retryDelayMs(1), 500);
        QCOMPARE(run.retryDelayMs(3), 2000);
        run.setMaxAttempts(0);
        QCOMPARE(run.maxAttempts(), 1);
    }

    void noHostNoRun()
    {
        ManualClock clock;
        SyncRunJob run(job(), {}, nullptr, nullptr, RsyncCommand::Mode::DryRun, clock);
        QSignalSpy finished(&run, &SyncRunJob::finished);
        QSignalSpy retrying(&run, &SyncRunJob::retrying);
        run.start();
        QVERIFY(!run.isFinished()); // never from inside start()
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(run.result().error().is(SyncError::NotConnected));
        QCOMPARE(retrying.count(), 0);
        QCOMPARE(run.attempts(), 0);
    }

    void lockedRefuses()
    {
        ManualClock clock;
        SyncRunJob run(job(), {}, nullptr, nullptr, RsyncCommand::Mode::Run, clock);
        run.setLocked(QStringLiteral("backup is active"));
        QSignalSpy finished(&run, &SyncRunJob::finished);
        run.start();
        QVERIFY(finished.wait(2000));
        QVERIFY(run.result().error().is(SyncError::DirectionLocked));
        QCOMPARE(run.record().outcome, SyncRunRecord::Outcome::Fail);
    }

    // The lock waits for the failback: the explicit reverse flow is not
    // refused (here it goes as far as the missing host), and it skips the
    // hooks and the canary (no session to main asked for them).
    void lockedLetsTheReverseFlowThrough()
    {
        ManualClock clock;
        SyncJob j = job();
        j.preHooks = {SyncHook{HostRole::Main, QStringLiteral("dump"), 60}};
        SyncRunJob run(j, {}, nullptr, nullptr, RsyncCommand::Mode::Run, clock);
        run.setLocked(QStringLiteral("backup is active"));
        run.setFlow(RsyncCommand::Flow::Reverse);
        QSignalSpy finished(&run, &SyncRunJob::finished);
        QSignalSpy steps(&run, &SyncRunJob::stepChanged);
        run.start();
        QVERIFY(finished.wait(2000));
        QVERIFY(run.result().error().is(SyncError::NotConnected));
        QVERIFY(!run.result().error().message().contains(QStringLiteral("hook")));
        for (const QList<QVariant>& step : std::as_const(steps))
            QVERIFY(step.first().value<SyncRunJob::Step>() != SyncRunJob::Step::Hooks &&
                    step.first().value<SyncRunJob::Step>() != SyncRunJob::Step::Canary);
    }

    void reverseNeedsOneSource()
    {
        ManualClock clock;
        SyncJob j = job();
        j.sources.append(QStringLiteral("/etc/www"));
        SyncRunJob run(j, {}, nullptr, nullptr, RsyncCommand::Mode::DryRun, clock);
        run.setFlow(RsyncCommand::Flow::Reverse);
        QSignalSpy finished(&run, &SyncRunJob::finished);
        run.start();
        QVERIFY(finished.wait(2000));
        QVERIFY(run.result().error().is(SyncError::RsyncFailed));
        QVERIFY(run.result().error().message().contains(QStringLiteral("one source")));
    }
};

QTEST_GUILESS_MAIN(TestSyncRunJob)
#include "tst_syncrunjob.moc"
