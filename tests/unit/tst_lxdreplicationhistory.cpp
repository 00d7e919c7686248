#include "common/Database.h"
#include "common/ManualClock.h"
#include "lxd/LxdReplicationHistory.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestLxdReplicationHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(3, 0), Qt::UTC)};

    QString path() const { return m_dir.filePath(QStringLiteral("relais.db")); }

    static LxdReplicationRecord run(const char* instance, LxdReplicationRecord::Outcome outcome,
                                    int minute)
    {
        LxdReplicationRecord r;
        r.instance = QLatin1String(instance);
        r.startedAt = QDateTime(QDate(2026, 11, 22), QTime(3, minute, 0), Qt::UTC);
        r.endedAt = r.startedAt.addMSecs(2500);
        r.outcome = outcome;
        r.incremental = minute % 2 == 0;
        r.bytes = outcome == LxdReplicationRecord::Outcome::Success ? 123456789012 : -1;
        if (outcome != LxdReplicationRecord::Outcome::Success)
            r.message = QStringLiteral("error %1").arg(minute);
        return r;
    }

private slots:
    void schemaVersionFourHasTheTable()
    {
        auto db = Database::open(path(), m_clock);
        QVERIFY(db.ok());
        QVERIFY((*db)->schemaVersion() >= 4);
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM lxd_replications")));
        // The outcome is constrained.
        QVERIFY(!query.exec(QStringLiteral(
            "INSERT INTO lxd_replications(site, instance, started_at, ended_at, outcome) "
            "VALUES ('s', 'web', 'a', 'b', 'maybe')")));
    }

    void recordsAndReadsBackNewestFirst()
    {
        auto db = Database::open(path(), m_clock);
        QVERIFY(db.ok());
        LxdReplicationHistory history(**db, QStringLiteral("site-a"));
        LxdReplicationHistory other(**db, QStringLiteral("site-b"));
        using O = LxdReplicationRecord::Outcome;
        QVERIFY(history.record(run("web", O::Success, 1)).ok());
        QVERIFY(history.record(run("mail", O::Fail, 2)).ok());
        QVERIFY(history.record(run("web", O::Cancelled, 3)).ok());
        QVERIFY(history.record(run("web", O::Fail, 4)).ok());
        QVERIFY(other.record(run("web", O::Success, 5)).ok());

        const auto all = history.recent();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->first(), run("web", O::Fail, 4));
        QCOMPARE(all->last(), run("web", O::Success, 1));
        QCOMPARE(all->last().durationMs(), 2500);
        QCOMPARE(all->last().bytes, 123456789012);

        const auto web = history.recent(QStringLiteral("web"), 2);
        QVERIFY(web.ok());
        QCOMPARE(web->size(), 2);
        QCOMPARE(web->at(1).outcome, O::Cancelled);

        // The last good copy is the newest success, not the newest run.
        const auto last = history.lastSuccess(QStringLiteral("web"));
        QVERIFY(last.ok());
        QVERIFY(last->has_value());
        QCOMPARE(**last, run("web", O::Success, 1));
        const auto none = history.lastSuccess(QStringLiteral("mail"));
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        QCOMPARE((*other.lastSuccess(QStringLiteral("web")))->startedAt.time(), QTime(3, 5));
    }

    void survivesReopening()
    {
        {
            auto db = Database::open(path(), m_clock);
            QVERIFY(db.ok());
        }
        auto db = Database::open(path(), m_clock);
        QVERIFY(db.ok());
        LxdReplicationHistory history(**db, QStringLiteral("site-a"));
        QCOMPARE(history.recent()->size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestLxdReplicationHistory)
#include "tst_lxdreplicationhistory.moc"
