#include "SyncHistory.h"

#include "common/Database.h"
#include "common/DatabaseError.h"

#include <QSqlError>
#include <QSqlQuery>
#include <array>

namespace relais {

namespace {

constexpr std::array<const char*, 5> OutcomeNames = {"success", "warning", "retry", "fail",
                                                     "cancelled"};

SyncRunRecord::Outcome outcomeFromName(const QString& name)
{
    for (std::size_t i = 0; i < OutcomeNames.size(); ++i) {
        if (name == QLatin1String(OutcomeNames[i]))
            return static_cast<SyncRunRecord::Outcome>(i);
    }
    return SyncRunRecord::Outcome::Fail;
}

} // namespace

SyncHistory::SyncHistory(Database& database, QString site)
    : m_database(database)
    , m_site(std::move(site))
{}

Result<void> SyncHistory::record(const SyncRunRecord& run)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO sync_runs(site, job, started_at, ended_at, dry_run, exit_status, outcome, "
        "files, bytes, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(m_site);
    query.addBindValue(run.job);
    query.addBindValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(run.endedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(run.dryRun ? 1 : 0);
    query.addBindValue(run.exitStatus);
    query.addBindValue(QLatin1String(OutcomeNames[static_cast<std::size_t>(run.outcome)]));
    query.addBindValue(run.files);
    query.addBindValue(run.bytes);
    query.addBindValue(run.message.isNull() ? QStringLiteral("") : run.message);
    if (!query.exec()) {
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("cannot record a sync run: %1").arg(query.lastError().text()));
    }
    return Result<void>::success();
}

Result<bool> SyncHistory::recordOnce(const SyncRunRecord& run)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM sync_runs WHERE site = ? AND job = ? AND started_at = ?"));
    query.addBindValue(m_site);
    query.addBindValue(run.job);
    query.addBindValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec() || !query.next()) {
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("cannot read sync runs: %1").arg(query.lastError().text()));
    }
    if (query.value(0).toInt() > 0)
        return false;
    const Result<void> added = record(run);
    if (!added)
        return added.error();
    return true;
}

Result<QList<SyncRunRecord>> SyncHistory::recent(const QString& job, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT job, started_at, ended_at, dry_run, exit_status, outcome, files, bytes, message "
        "FROM sync_runs WHERE site = ? AND (? = '' OR job = ?) ORDER BY id DESC LIMIT ?"));
    query.addBindValue(m_site);
    query.addBindValue(job.isNull() ? QStringLiteral("") : job);
    query.addBindValue(job.isNull() ? QStringLiteral("") : job);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("cannot read sync runs: %1").arg(query.lastError().text()));
    }
    QList<SyncRunRecord> runs;
    while (query.next()) {
        SyncRunRecord run;
        run.job = query.value(0).toString();
        run.startedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        run.endedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        run.dryRun = query.value(3).toInt() != 0;
        run.exitStatus = query.value(4).toInt();
        run.outcome = outcomeFromName(query.value(5).toString());
        run.files = query.value(6).toLongLong();
        run.bytes = query.value(7).toLongLong();
        run.message = query.value(8).toString();
        runs.append(run);
    }
    return runs;
}

} // namespace relais
