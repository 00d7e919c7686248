#include "LxdReplicationHistory.h"

#include "common/Database.h"
#include "common/DatabaseError.h"

#include <QSqlError>
#include <QSqlQuery>
#include <array>

namespace relais {

namespace {

constexpr std::array<const char*, 3> OutcomeNames = {"success", "fail", "cancelled"};

LxdReplicationRecord::Outcome outcomeFromName(const QString& name)
{
    for (std::size_t i = 0; i < OutcomeNames.size(); ++i) {
        if (name == QLatin1String(OutcomeNames[i]))
            return static_cast<LxdReplicationRecord::Outcome>(i);
    }
    return LxdReplicationRecord::Outcome::Fail;
}

QString orEmpty(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

LxdReplicationHistory::LxdReplicationHistory(Database& database, QString site)
    : m_database(database)
    , m_site(std::move(site))
{}

Result<void> LxdReplicationHistory::record(const LxdReplicationRecord& run)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO lxd_replications(site, instance, started_at, "
                                 "ended_at, outcome, incremental, bytes, message) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(m_site);
    query.addBindValue(run.instance);
    query.addBindValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(run.endedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(QLatin1String(OutcomeNames[static_cast<std::size_t>(run.outcome)]));
    query.addBindValue(run.incremental ? 1 : 0);
    query.addBindValue(run.bytes);
    query.addBindValue(orEmpty(run.message));
    if (!query.exec()) {
        return Error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot record a replication: %1").arg(query.lastError().text()));
    }
    return Result<void>::success();
}

Result<QList<LxdReplicationRecord>> LxdReplicationHistory::recent(const QString& instance,
                                                                  int limit) const
{
    return select(instance, false, limit);
}

Result<std::optional<LxdReplicationRecord>>
LxdReplicationHistory::lastSuccess(const QString& instance) const
{
    auto list = select(instance, true, 1);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return std::optional<LxdReplicationRecord>();
    return std::optional<LxdReplicationRecord>(list->first());
}

Result<QList<LxdReplicationRecord>> LxdReplicationHistory::select(const QString& instance,
                                                                  bool successOnly, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT instance, started_at, ended_at, outcome, incremental, bytes, message "
        "FROM lxd_replications WHERE site = ? AND (? = '' OR instance = ?) "
        "AND (? = 0 OR outcome = 'success') ORDER BY id DESC LIMIT ?"));
    query.addBindValue(m_site);
    query.addBindValue(orEmpty(instance));
    query.addBindValue(orEmpty(instance));
    query.addBindValue(successOnly ? 1 : 0);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("cannot read replications: %1").arg(query.lastError().text()));
    }
    QList<LxdReplicationRecord> runs;
    while (query.next()) {
        LxdReplicationRecord run;
        run.instance = query.value(0).toString();
        run.startedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        run.endedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        run.outcome = outcomeFromName(query.value(3).toString());
        run.incremental = query.value(4).toInt() != 0;
        run.bytes = query.value(5).toLongLong();
        run.message = query.value(6).toString();
        runs.append(run);
    }
    return runs;
}

} // namespace relais
