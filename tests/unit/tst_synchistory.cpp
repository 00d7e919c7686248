#include "common/Database.h"
#include "common/ManualClock.h"
#include "sync/ReplicationLock.h"
#include "sync/SyncHistory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestSyncHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(3, 0), Qt::UTC)};

    QString path() const { return m_dir.filePath(QStringLiteral("relais.db")); }

    static SyncRunRecord run(const char* job, SyncRunRecord::Outcome outcome, int minute)
    {
        SyncRunRecord r;
        r.job = QLatin1String(job);
        r.startedAt = QDateTime(QDate(2026, 11, 22), QTime(3, minute, 0), Qt::UTC);
        r.endedAt = r.startedAt.addMSecs(1500);
        r.exitStatus = outcome == SyncRunRecord::Outcome::Success ? 0 : 23;
        r.outcome = outcome;
        r.files = 10;
        r.bytes = 123456789012;
        r.message = QStringLiteral("message %1").arg(minute);
        return r;
    }

private slots:
    void recordsAndReadsBackNewestFirst()
    {
        auto db = Database::open(path(), m_clock);
        QVERIFY(db.ok());
        SyncHistory history(**db, QStringLiteral("site-a"));
        SyncHistory other(**db, QStringLiteral("site-b"));
        QVERIFY(history.record(run("www", SyncRunRecord::Outcome::Success, 1)).ok());
        QVERIFY(history.record(run("mail", SyncRunRecord::Outcome::Fail, 2)).ok());
        SyncRunRecord dry = run("www", SyncRunRecord::Outcome::Warning, 3);
        dry.dryRun = true;
        QVERIFY(history.record(dry).ok());
        QVERIFY(other.record(run("www", SyncRunRecord::Outcome::Cancelled, 4)).ok());

        const auto all = history.recent();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->first(), dry);
        QCOMPARE(all->last(), run("www", SyncRunRecord::Outcome::Success, 1));
        QCOMPARE(all->last().durationMs(), 1500);

        const auto www = history.recent(QStringLiteral("www"));
        QVERIFY(www.ok());
        QCOMPARE(www->size(), 2);
        const auto limited = history.recent(QString(), 1);
        QCOMPARE(limited->size(), 1);
        QCOMPARE(other.recent()->first().outcome, SyncRunRecord::Outcome::Cancelled);
    }

    // Runs read again from a host's state file are kept once.
    void recordOnceDeduplicates()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("once.db")), m_clock);
        QVERIFY(db.ok());
        SyncHistory history(**db, QStringLiteral("site-a"));
        const SyncRunRecord first = run("www", SyncRunRecord::Outcome::Success, 1);
        QCOMPARE(*history.recordOnce(first), true);
        QCOMPARE(*history.recordOnce(first), false);
        QCOMPARE(*history.recordOnce(run("db", SyncRunRecord::Outcome::Success, 1)), true);
        QCOMPARE(*history.recordOnce(run("www", SyncRunRecord::Outcome::Success, 2)), true);
        QCOMPARE(history.recent()->size(), 3);
    }

    void theLockSurvivesARestartUntilUnlocked()
    {
        {
            auto db = Database::open(path(), m_clock);
            QVERIFY(db.ok());
            ReplicationLock lock(**db, QStringLiteral("site-a"));
            QVERIFY(lock.state().ok());
            QVERIFY(!lock.state()->has_value());
            QVERIFY(lock.lock(QStringLiteral("failover to backup")).ok());
            m_clock.advanceMs(60000);
            // Locking again keeps the first lock.
            QVERIFY(lock.lock(QStringLiteral("again")).ok());
        }
        auto db = Database::open(path(), m_clock);
        QVERIFY(db.ok());
        ReplicationLock lock(**db, QStringLiteral("site-a"));
        const auto state = lock.state();
        QVERIFY(state.ok() && state->has_value());
        QCOMPARE((*state)->reason, QStringLiteral("failover to backup"));
        QCOMPARE((*state)->lockedAt, QDateTime(QDate(2026, 11, 22), QTime(3, 0), Qt::UTC));
        // Another site is not locked.
        QVERIFY(!ReplicationLock(**db, QStringLiteral("site-b")).state()->has_value());
        QVERIFY(lock.unlock().ok());
        QVERIFY(!lock.state()->has_value());
    }
};

QTEST_GUILESS_MAIN(TestSyncHistory)
#include "tst_synchistory.moc"
