#include "common/Database.h"
#include "common/ManualClock.h"
#include "plan/PlanError.h"
#include "plan/ReverseSyncStepJob.h"
#include "plan/SyncStepJob.h"
#include "site/Site.h"
#include "sync/ReplicationLock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// The reverse sync step without hosts: what it refuses before anything
// runs (the transfers and the conflict check run against the lab in
// tst_drillreplication), and how it finds the job's reverse key.
class TestReverseSyncStepJob : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 4), QTime(15, 0), Qt::UTC)};

    static SyncJob job()
    {
        SyncJob j;
        j.name = QStringLiteral("www");
        j.sources = {QStringLiteral("/srv/www/")};
        j.destination = QStringLiteral("/srv/copy");
        return j;
    }

    /// Runs the step (no sessions) to its end: its result.
    static Result<void> runStep(ReverseSyncStepJob& step)
    {
        QSignalSpy finished(&step, &StepJob::finished);
        step.start();
        if (finished.count() != 0) // never from inside start()
            return Error(PlanError::StepFailed, QStringLiteral("finished inside start()"));
        if (!finished.wait(5000) || finished.count() != 1)
            return Error(PlanError::StepFailed, QStringLiteral("no single finished()"));
        return finished.first().first().value<Result<void>>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<Result<void>>();
    }

    void refusals_data()
    {
        QTest::addColumn<bool>("twoSources");
        QTest::addColumn<bool>("withDatabase");
        QTest::addColumn<bool>("locked");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("two sources") << true << true << true << int(PlanError::NotConfigured)
                                     << QStringLiteral("one source");
        QTest::newRow("no database") << false << false << false << int(PlanError::NotConfigured)
                                     << QStringLiteral("No database");
        QTest::newRow("never failed over")
            << false << true << false << int(PlanError::StepFailed) << QStringLiteral("not locked");
    }

    void refusals()
    {
        QFETCH(bool, twoSources);
        QFETCH(bool, withDatabase);
        QFETCH(bool, locked);
        QFETCH(int, code);
        QFETCH(QString, says);
        auto db = Database::open(
            m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".db")),
            m_clock);
        QVERIFY(db.ok());
        if (locked)
            QVERIFY(ReplicationLock(**db, QStringLiteral("site")).lock(QStringLiteral("t")).ok());
        SyncJob j = job();
        if (twoSources)
            j.sources.append(QStringLiteral("/etc/www"));
        for (const auto mode : {ReverseSyncStepJob::Mode::Review, ReverseSyncStepJob::Mode::Run}) {
            ReverseSyncStepJob step(j, {}, nullptr, nullptr, m_clock,
                                    withDatabase ? db->get() : nullptr, QStringLiteral("site"),
                                    mode);
            const Result<void> result = runStep(step);
            QVERIFY(!result.ok());
            QVERIFY2(result.error().is(PlanError(code)), qPrintable(result.error().toString()));
            QVERIFY2(result.error().message().contains(says), qPrintable(result.error().message()));
        }
    }

    // Locked, the step goes on to the dry run, which needs the host: it is
    // the sync's own error that ends it, not a refusal of the step.
    void lockedGoesOnToTheDryRun()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("locked.db")), m_clock);
        QVERIFY(db.ok());
        QVERIFY(ReplicationLock(**db, QStringLiteral("site")).lock(QStringLiteral("t")).ok());
        ReverseSyncStepJob step(job(), {}, nullptr, nullptr, m_clock, db->get(),
                                QStringLiteral("site"), ReverseSyncStepJob::Mode::Review);
        QSignalSpy output(&step, &StepJob::output);
        const Result<void> result = runStep(step);
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromLatin1(result.error().domain()), QStringLiteral("sync"));
        QVERIFY(!output.isEmpty());
        QVERIFY(output.first().first().toString().contains(QStringLiteral("2026-12-04T15:00:00Z")));
    }

    void peers_data()
    {
        QTest::addColumn<int>("direction");
        QTest::addColumn<int>("flow");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("key");
        QTest::newRow("push") << int(SyncJob::Direction::Push) << int(RsyncCommand::Flow::Forward)
                              << QStringLiteral("192.0.2.20") << QStringLiteral("/k/www");
        QTest::newRow("push, reverse")
            << int(SyncJob::Direction::Push) << int(RsyncCommand::Flow::Reverse)
            << QStringLiteral("192.0.2.20") << QStringLiteral("/k/www.reverse");
        QTest::newRow("pull, reverse")
            << int(SyncJob::Direction::Pull) << int(RsyncCommand::Flow::Reverse)
            << QStringLiteral("192.0.2.10") << QStringLiteral("/k/www.reverse");
    }

    void peers()
    {
        QFETCH(int, direction);
        QFETCH(int, flow);
        QFETCH(QString, address);
        QFETCH(QString, key);
        Site site;
        site.main.address = QStringLiteral("192.0.2.10");
        site.main.ssh.port = 2222;
        site.backup.address = QStringLiteral("192.0.2.20");
        site.backup.ssh.user = QStringLiteral("sync");
        SyncJob j = job();
        j.direction = SyncJob::Direction(direction);
        site.syncJobs = {j};
        const RsyncCommand::Peer peer =
            SyncStepJob::peerFor(site, j, QStringLiteral("/k"), RsyncCommand::Flow(flow));
        QCOMPARE(peer.address, address);
        QCOMPARE(peer.keyPath, key);
        QCOMPARE(peer.knownHostsPath, key + QStringLiteral(".known_hosts"));
        const bool toBackup = j.direction == SyncJob::Direction::Push;
        QCOMPARE(peer.user, toBackup ? QStringLiteral("sync") : QStringLiteral("root"));
        QCOMPARE(peer.port, toBackup ? 22 : 2222);
        QVERIFY(SyncStepJob::findJob(site, QStringLiteral("www")).has_value());
        QVERIFY(!SyncStepJob::findJob(site, QStringLiteral("db")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestReverseSyncStepJob)
#include "tst_reversesyncstepjob.moc"
