#include "Database.h"

#include "DatabaseError.h"
#include "Logging.h"
#include "SystemClock.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("relais-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString describe(const QSqlError& error)
{
    return error.text().trimmed();
}

} // namespace

const std::vector<Migration>& Database::migrations()
{
    static const std::vector<Migration> list = {
        {1,
         "audit journal",
         {QStringLiteral("CREATE TABLE audit_log ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " at TEXT NOT NULL,"
                         " action TEXT NOT NULL,"
                         " target TEXT NOT NULL,"
                         " outcome TEXT NOT NULL,"
                         " detail TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)")}},
        {2,
         "health events",
         {QStringLiteral("CREATE TABLE health_events ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " site TEXT NOT NULL,"
                         " at TEXT NOT NULL,"
                         " scope TEXT NOT NULL CHECK (scope IN ('probe', 'host', 'site')),"
                         " target TEXT NOT NULL,"
                         " from_state TEXT NOT NULL,"
                         " to_state TEXT NOT NULL,"
                         " flapping INTEGER NOT NULL DEFAULT 0,"
                         " reason TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("CREATE INDEX health_events_site ON health_events(site, id)")}},
        {3,
         "sync runs and the replication lock",
         {QStringLiteral(
              "CREATE TABLE sync_runs ("
              " id INTEGER PRIMARY KEY AUTOINCREMENT,"
              " site TEXT NOT NULL,"
              " job TEXT NOT NULL,"
              " started_at TEXT NOT NULL,"
              " ended_at TEXT NOT NULL,"
              " dry_run INTEGER NOT NULL DEFAULT 0,"
              " exit_status INTEGER NOT NULL,"
              " outcome TEXT NOT NULL"
              "  CHECK (outcome IN ('success', 'warning', 'retry', 'fail', 'cancelled')),"
              " files INTEGER NOT NULL DEFAULT -1,"
              " bytes INTEGER NOT NULL DEFAULT -1,"
              " message TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("CREATE INDEX sync_runs_site_job ON sync_runs(site, job, id)"),
          QStringLiteral("CREATE TABLE replication_locks ("
                         " site TEXT PRIMARY KEY,"
                         " locked_at TEXT NOT NULL,"
                         " reason TEXT NOT NULL)")}},
        {4,
         "container replications",
         {QStringLiteral(
              "CREATE TABLE lxd_replications ("
              " id INTEGER PRIMARY KEY AUTOINCREMENT,"
              " site TEXT NOT NULL,"
              " instance TEXT NOT NULL,"
              " started_at TEXT NOT NULL,"
              " ended_at TEXT NOT NULL,"
              " outcome TEXT NOT NULL CHECK (outcome IN ('success', 'fail', 'cancelled')),"
              " incremental INTEGER NOT NULL DEFAULT 0,"
              " bytes INTEGER NOT NULL DEFAULT -1,"
              " message TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("CREATE INDEX lxd_replications_site_instance ON lxd_replications(site, "
                         "instance, id)")}},
        {6,
         "DNS switches",
         {QStringLiteral(
              "CREATE TABLE dns_switches ("
              " id INTEGER PRIMARY KEY AUTOINCREMENT,"
              " site TEXT NOT NULL,"
              " service TEXT NOT NULL,"
              " from_side TEXT NOT NULL CHECK (from_side IN ('main', 'backup', 'neither')),"
              " to_side TEXT NOT NULL CHECK (to_side IN ('main', 'backup')),"
              " mode TEXT NOT NULL CHECK (mode IN ('planned', 'emergency')),"
              " started_at TEXT NOT NULL,"
              " ended_at TEXT NOT NULL,"
              " convergence_ms INTEGER NOT NULL DEFAULT -1,"
              " outcome TEXT NOT NULL"
              "  CHECK (outcome IN ('success', 'already', 'failed', 'cancelled')),"
              " message TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("CREATE INDEX dns_switches_site ON dns_switches(site, service, id)")}},
        {7,
         "drill journal",
         {QStringLiteral("CREATE TABLE drill_runs ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " site TEXT NOT NULL,"
                         " mode TEXT NOT NULL,"
                         " state TEXT NOT NULL"
                         "  CHECK (state IN ('running', 'succeeded', 'failed', 'cancelled')),"
                         " started_at TEXT NOT NULL,"
                         " ended_at TEXT NOT NULL DEFAULT '',"
                         " rto_ms INTEGER,"
                         " rpo_seconds INTEGER,"
                         " message TEXT NOT NULL DEFAULT '',"
                         " decisions TEXT NOT NULL DEFAULT '[]')"),
          QStringLiteral("CREATE INDEX drill_runs_site ON drill_runs(site, id)"),
          QStringLiteral("CREATE TABLE drill_steps ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " run_id INTEGER NOT NULL REFERENCES drill_runs(id) ON DELETE CASCADE,"
                         " position INTEGER NOT NULL,"
                         " step TEXT NOT NULL,"
                         " state TEXT NOT NULL CHECK (state IN ('pending', 'running', "
                         "'succeeded', 'failed', 'cancelled', 'skipped')),"
                         " attempts INTEGER NOT NULL DEFAULT 0,"
                         " started_at TEXT NOT NULL DEFAULT '',"
                         " ended_at TEXT NOT NULL DEFAULT '',"
                         " message TEXT NOT NULL DEFAULT '',"
                         " output TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("CREATE INDEX drill_steps_run ON drill_steps(run_id, position)")}},
        {8,
         "sync runs: rsync's totals and change list",
         {QStringLiteral("ALTER TABLE sync_runs ADD COLUMN stat_files INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral(
              "ALTER TABLE sync_runs ADD COLUMN created_files INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral(
              "ALTER TABLE sync_runs ADD COLUMN deleted_files INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral(
              "ALTER TABLE sync_runs ADD COLUMN transferred_files INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral("ALTER TABLE sync_runs ADD COLUMN total_size INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral(
              "ALTER TABLE sync_runs ADD COLUMN transferred_size INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral(
              "ALTER TABLE sync_runs ADD COLUMN literal_data INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral(
              "ALTER TABLE sync_runs ADD COLUMN matched_data INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral("ALTER TABLE sync_runs ADD COLUMN bytes_sent INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral(
              "ALTER TABLE sync_runs ADD COLUMN bytes_received INTEGER NOT NULL DEFAULT -1"),
          QStringLiteral("ALTER TABLE sync_runs ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("CREATE TABLE sync_run_items ("
                         " run_id INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,"
                         " position INTEGER NOT NULL,"
                         " flags TEXT NOT NULL,"
                         " path TEXT NOT NULL,"
                         " PRIMARY KEY (run_id, position))")}},
    };
    return list;
}

Database::Database(QString connectionName, const Clock& clock)
    : m_connectionName(std::move(connectionName))
    , m_clock(clock)
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    return open(path, migrations(), SystemClock::instance());
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Clock& clock)
{
    return open(path, migrations(), clock);
}

Result<std::unique_ptr<Database>>
Database::open(const QString& path, const std::vector<Migration>& migrations, const Clock& clock)
{
    const bool inMemory = path == QStringLiteral(":memory:");
    if (!inMemory) {
        const QDir dir = QFileInfo(path).absoluteDir();
        if (!dir.exists() && !dir.mkpath(QStringLiteral("."))) {
            return Error(DatabaseError::OpenFailed,
                         QStringLiteral("cannot create directory %1").arg(dir.absolutePath()));
        }
    }

    std::unique_ptr<Database> database(new Database(nextConnectionName(), clock));
    QSqlDatabase db =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        return Error(DatabaseError::OpenFailed,
                     QStringLiteral("cannot open %1: %2").arg(path, describe(db.lastError())));
    }

    QSqlQuery pragma(db);
    // A file that is not a database fails here, on first read. In WAL mode,
    // synchronous NORMAL syncs the log at checkpoints rather than at every
    // commit: a commit survives Relais being killed (what the drill journal
    // is for), only a power cut may lose the last ones, and a journal write
    // before and after each drill step no longer waits for the disk.
    if (!pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON")) ||
        !pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) ||
        !pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL")) ||
        !pragma.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        return Error(DatabaseError::OpenFailed, QStringLiteral("%1 is not a usable database: %2")
                                                    .arg(path, describe(pragma.lastError())));
    }

    if (auto migrated = database->migrate(migrations); !migrated)
        return migrated.error();
    return database;
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<void> Database::migrate(const std::vector<Migration>& migrations)
{
    QSqlDatabase db = connection();
    const int current = schemaVersion();
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current > latest) {
        return Error(DatabaseError::NewerSchema,
                     QStringLiteral("the database has schema version %1 but this Relais knows "
                                    "only up to %2; use a newer Relais")
                         .arg(current)
                         .arg(latest));
    }

    for (const Migration& migration : migrations) {
        if (migration.version <= current)
            continue;
        if (!db.transaction()) {
            return Error(DatabaseError::MigrationFailed,
                         QStringLiteral("cannot start migration %1: %2")
                             .arg(migration.version)
                             .arg(describe(db.lastError())));
        }
        QSqlQuery query(db);
        for (const QString& statement : migration.statements) {
            if (!query.exec(statement)) {
                const QString reason = describe(query.lastError());
                db.rollback();
                return Error(DatabaseError::MigrationFailed,
                             QStringLiteral("migration %1 (%2) failed: %3")
                                 .arg(migration.version)
                                 .arg(QLatin1String(migration.description), reason));
            }
        }
        // PRAGMA does not take bound values; the version is an integer we own.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)) ||
            !db.commit()) {
            const QString reason = describe(db.lastError());
            db.rollback();
            return Error(DatabaseError::MigrationFailed,
                         QStringLiteral("cannot record migration %1: %2")
                             .arg(migration.version)
                             .arg(reason));
        }
        qCInfo(lcDatabase) << "applied migration" << migration.version << migration.description;
    }
    return Result<void>::success();
}

Result<void> Database::durably(const std::function<Result<void>()>& write)
{
    QSqlQuery pragma(connection());
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"))) {
        return Error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot make the write durable: %1").arg(describe(pragma.lastError())));
    }
    const Result<void> written = write();
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        qCWarning(lcDatabase) << "cannot go back to synchronous NORMAL:"
                              << describe(pragma.lastError());
    return written;
}

Result<void> Database::audit(const QString& action, const QString& target, const QString& outcome,
                             const QString& detail)
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral(
        "INSERT INTO audit_log(at, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(m_clock.now().toString(Qt::ISODateWithMs));
    query.addBindValue(action);
    query.addBindValue(target);
    query.addBindValue(outcome);
    query.addBindValue(detail.isNull() ? QStringLiteral("") : detail); // NOT NULL column
    if (!query.exec()) {
        return Error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot write the audit journal: %1").arg(describe(query.lastError())));
    }
    return Result<void>::success();
}

} // namespace relais
