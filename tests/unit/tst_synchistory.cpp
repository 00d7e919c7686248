#include "common/Database.h"
#include "common/ManualClock.h"
#include "sync/ReplicationLock.h"
#include "sync/RsyncOutputParser.h"
#include "sync/SyncHistory.h"

#include <QSqlQuery>
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

    static RsyncItem change(const char* line)
    {
        const QString text = QLatin1String(line);
        if (text.startsWith(QStringLiteral("*deleting ")))
            return SyncHistory::itemFrom(QStringLiteral("*deleting"), text.mid(10));
        return SyncHistory::itemFrom(text.left(11), text.mid(12));
    }

    static RsyncStats someStats()
    {
        RsyncStats stats;
        stats.files = 120;
        stats.createdFiles = 3;
        stats.deletedFiles = 2;
        stats.transferredFiles = 10;
        stats.totalSize = 5000000000;
        stats.transferredSize = 123456;
        stats.literalData = 100000;
        stats.matchedData = 23456;
        stats.bytesSent = 101234;
        stats.bytesReceived = 4321;
        return stats;
    }

private slots:
    // The flags rsync printed are enough to rebuild the item the parser made.
    void itemsAreRebuiltFromTheirFlags()
    {
        for (const char* line : {"<f+++++++++ new file.txt", ">f.st...... data/changed.bin",
                                 "cd+++++++++ data/dir/", "cL+++++++++ link", "hf+++++++++ hard",
                                 ".d..t...... ./", "*deleting   old/gone.txt"}) {
            const auto parsed = RsyncOutputParser::parseItem(QLatin1String(line));
            QVERIFY2(parsed.has_value(), line);
            QCOMPARE(SyncHistory::itemFrom(parsed->flags, parsed->path), *parsed);
        }
    }

    // rsync's totals and the change list come back as they were kept.
    void statsAndChangesRoundTrip()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("stats.db")), m_clock);
        QVERIFY(db.ok());
        SyncHistory history(**db, QStringLiteral("site-a"));
        SyncRunRecord r = run("www", SyncRunRecord::Outcome::Success, 5);
        r.stats = someStats();
        r.setItems({change("<f+++++++++ new file.txt"), change("*deleting   old/gone.txt"),
                    change("cd+++++++++ data/dir/"), change("cL+++++++++ link")});
        QCOMPARE(r.itemCount, 4);
        QVERIFY(history.record(r).ok());

        const auto full = history.recent(QStringLiteral("www"), 10, SyncHistory::Detail::WithItems);
        QVERIFY(full.ok());
        QCOMPARE(full->size(), 1);
        QCOMPARE(full->first(), r);
        QCOMPARE(full->first().items.at(1).change, RsyncItem::Change::Deleted);

        // The summary has the totals and the count, not the list.
        const auto summary = history.recent(QStringLiteral("www"));
        QVERIFY(summary.ok());
        QCOMPARE(summary->first().stats, someStats());
        QCOMPARE(summary->first().itemCount, 4);
        QVERIFY(summary->first().items.isEmpty());
        const auto items = history.items(QStringLiteral("www"), r.startedAt);
        QVERIFY(items.ok());
        QCOMPARE(*items, r.items);
        QVERIFY(history.items(QStringLiteral("www"), r.startedAt.addSecs(1))->isEmpty());
    }

    // A run keeps its first MaxItems changes and counts the rest.
    void aLongChangeListIsCapped()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("capped.db")), m_clock);
        QVERIFY(db.ok());
        SyncHistory history(**db, QStringLiteral("site-a"));
        QList<RsyncItem> all;
        for (int i = 0; i < SyncRunRecord::MaxItems + 500; ++i)
            all.append(
                SyncHistory::itemFrom(QStringLiteral("<f+++++++++"), QStringLiteral("f%1").arg(i)));
        SyncRunRecord r = run("www", SyncRunRecord::Outcome::Success, 6);
        r.setItems(all);
        QCOMPARE(r.items.size(), SyncRunRecord::MaxItems);
        QCOMPARE(r.itemsNotKept(), 500);
        QVERIFY(history.record(r).ok());
        const auto back = history.recent(QStringLiteral("www"), 1, SyncHistory::Detail::WithItems);
        QVERIFY(back.ok());
        QCOMPARE(back->first().items.size(), SyncRunRecord::MaxItems);
        QCOMPARE(back->first().items.last().path, QStringLiteral("f999"));
        QCOMPARE(back->first().itemCount, SyncRunRecord::MaxItems + 500);
        QCOMPARE(back->first().itemsNotKept(), 500);
        QSqlQuery count((*db)->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM sync_run_items")) && count.next());
        QCOMPARE(count.value(0).toInt(), SyncRunRecord::MaxItems);
    }

    // Only the newest runs of a job keep their list; older ones keep the count.
    void oldChangeListsAreTrimmed()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("trim.db")), m_clock);
        QVERIFY(db.ok());
        SyncHistory history(**db, QStringLiteral("site-a"));
        SyncRunRecord other = run("mail", SyncRunRecord::Outcome::Success, 0);
        other.setItems({change("<f+++++++++ inbox")});
        QVERIFY(history.record(other).ok());
        for (int i = 0; i < SyncHistory::KeptItemRuns + 2; ++i) {
            SyncRunRecord r = run("www", SyncRunRecord::Outcome::Success, 0);
            r.startedAt = r.startedAt.addSecs(i);
            r.setItems({change("<f+++++++++ index.html")});
            QVERIFY(history.record(r).ok());
        }
        const auto runs =
            history.recent(QStringLiteral("www"), 1000, SyncHistory::Detail::WithItems);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), SyncHistory::KeptItemRuns + 2);
        QCOMPARE(runs->first().items.size(), 1);
        QCOMPARE(runs->at(SyncHistory::KeptItemRuns - 1).items.size(), 1);
        QVERIFY(runs->at(SyncHistory::KeptItemRuns).items.isEmpty());
        QVERIFY(runs->last().items.isEmpty());
        QCOMPARE(runs->last().itemCount, 1);
        // Another job's list is not touched.
        QCOMPARE(history.recent(QStringLiteral("mail"), 1, SyncHistory::Detail::WithItems)
                     ->first()
                     .items.size(),
                 1);
    }

    // Dry runs are kept (with what they would change) but are not the last run.
    void lastRunSkipsDryRuns()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("last.db")), m_clock);
        QVERIFY(db.ok());
        SyncHistory history(**db, QStringLiteral("site-a"));
        QVERIFY(!history.lastRun(QStringLiteral("www"))->has_value());
        const SyncRunRecord real = run("www", SyncRunRecord::Outcome::Success, 1);
        QVERIFY(history.record(real).ok());
        for (int i = 0; i < 30; ++i) {
            SyncRunRecord dry = run("www", SyncRunRecord::Outcome::Success, 2);
            dry.dryRun = true;
            dry.setItems({change("<f+++++++++ would-send")});
            QVERIFY(history.record(dry).ok());
        }
        const auto last = history.lastRun(QStringLiteral("www"));
        QVERIFY(last.ok() && last->has_value());
        QCOMPARE(**last, real);
    }

    // A relais.db of the schema before the totals: its runs read with
    // unknown totals and no changes.
    void runsKeptBeforeTheTotalsReadBack()
    {
        const QString file = m_dir.filePath(QStringLiteral("v7.db"));
        std::vector<Migration> before;
        for (const Migration& m : Database::migrations()) {
            if (m.version <= 7)
                before.push_back(m);
        }
        {
            auto db = Database::open(file, before, m_clock);
            QVERIFY(db.ok());
            QSqlQuery insert((*db)->connection());
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO sync_runs(site, job, started_at, ended_at, exit_status, outcome, "
                "files, bytes) VALUES ('site-a', 'www', '2026-11-22T03:00:00.000Z', "
                "'2026-11-22T03:00:01.000Z', 0, 'success', 4, 500)")));
        }
        auto db = Database::open(file, m_clock);
        QVERIFY(db.ok());
        const auto runs = SyncHistory(**db, QStringLiteral("site-a")).recent();
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().files, 4);
        QCOMPARE(runs->first().stats, RsyncStats());
        QCOMPARE(runs->first().itemCount, 0);
    }

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
