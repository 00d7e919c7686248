#include "common/AtomicFile.h"
#include "common/Database.h"
#include "common/DatabaseError.h"
#include "common/ManualClock.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;

    static std::vector<Migration> twoSteps()
    {
        return {{1, "first", {QStringLiteral("CREATE TABLE a (x INTEGER)")}},
                {2, "second", {QStringLiteral("CREATE TABLE b (y TEXT)")}}};
    }

private slots:
    void createsWithTheLatestSchema()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("data/relais.db")), m_clock);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message()));
        QCOMPARE((*db)->schemaVersion(), Database::migrations().back().version);
        QVERIFY(
            (*db)
                ->audit(QStringLiteral("site.open"), QStringLiteral("lab"), QStringLiteral("ok"))
                .ok());
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT action, target, outcome, at FROM audit_log")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("site.open"));
        // Times come from the injected clock.
        QCOMPARE(query.value(3).toString(), m_clock.now().toString(Qt::ISODateWithMs));
    }

    void commitsToTheWriteAheadLogWithoutWaitingForTheDisk()
    {
        // WAL with synchronous NORMAL: a commit is in the log (kept when the
        // program is killed) but is not synced at once.
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("relais.db")), m_clock);
        QVERIFY(db.ok());
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA synchronous")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1); // NORMAL
        QVERIFY((*db)->audit(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")).ok());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("relais.db-wal"))).size() > 0);
    }

    // The few writes a power cut must not lose are synced at their commit;
    // the connection then goes back to NORMAL, and the write's own result
    // comes back.
    void durableWritesSyncTheirCommit()
    {
        auto db = Database::open(QStringLiteral(":memory:"), m_clock);
        QVERIFY(db.ok());
        const auto level = [&db] {
            QSqlQuery query((*db)->connection());
            return query.exec(QStringLiteral("PRAGMA synchronous")) && query.next()
                       ? query.value(0).toInt()
                       : -1;
        };
        int inside = -1;
        const Result<void> ok = (*db)->durably([&] {
            inside = level();
            return (*db)->audit(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"));
        });
        QVERIFY(ok.ok());
        QCOMPARE(inside, 2);  // FULL
        QCOMPARE(level(), 1); // NORMAL again
        const Result<void> failed = (*db)->durably(
            [] { return Result<void>(Error(DatabaseError::QueryFailed, QStringLiteral("x"))); });
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().is(DatabaseError::QueryFailed));
        QCOMPARE(level(), 1);
    }

    void appliesOnlyMissingMigrationsAndKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relais.db"));
        std::vector<Migration> steps = twoSteps();
        steps.pop_back();
        {
            auto db = Database::open(path, steps, m_clock);
            QVERIFY(db.ok());
            QCOMPARE((*db)->schemaVersion(), 1);
            QSqlQuery insert((*db)->connection());
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO a VALUES (42)")));
        }
        auto db = Database::open(path, twoSteps(), m_clock);
        QVERIFY(db.ok());
        QCOMPARE((*db)->schemaVersion(), 2);
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT x FROM a")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 42);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM b")));
    }

    void failedMigrationRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relais.db"));
        std::vector<Migration> broken = twoSteps();
        broken[1].statements << QStringLiteral("THIS IS NOT SQL");
        {
            auto db = Database::open(path, broken, m_clock);
            QVERIFY(!db.ok());
            QVERIFY(db.error().is(DatabaseError::MigrationFailed));
            QVERIFY(db.error().message().contains(QStringLiteral("migration 2")));
        }
        auto db = Database::open(path, {twoSteps()[0]}, m_clock);
        QVERIFY(db.ok());
        // Step 1 stayed, step 2's table was rolled back with it.
        QCOMPARE((*db)->schemaVersion(), 1);
        QSqlQuery query((*db)->connection());
        QVERIFY(!query.exec(QStringLiteral("SELECT count(*) FROM b")));
    }

    void refusesANewerDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relais.db"));
        QVERIFY(Database::open(path, twoSteps(), m_clock).ok());
        auto older = Database::open(path, {twoSteps()[0]}, m_clock);
        QVERIFY(!older.ok());
        QVERIFY(older.error().is(DatabaseError::NewerSchema));
    }

    void refusesAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relais.db"));
        QVERIFY(AtomicFile::write(path, QByteArray(4096, 'Z')).ok());
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY(db.error().is(DatabaseError::OpenFailed));
        // The foreign file is left as it was.
        QCOMPARE(*AtomicFile::read(path), QByteArray(4096, 'Z'));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
