#include "ReplicationLock.h"

#include "common/Clock.h"
#include "common/Database.h"
#include "common/DatabaseError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace relais {

ReplicationLock::ReplicationLock(Database& database, QString site)
    : m_database(database)
    , m_site(std::move(site))
{}

Result<void> ReplicationLock::lock(const QString& reason)
{
    // After a failover, losing the lock to a power cut would let a
    // main → backup run overwrite the side now in service.
    return m_database.durably([&]() -> Result<void> {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO replication_locks(site, locked_at, reason) VALUES (?, ?, ?)"));
        query.addBindValue(m_site);
        query.addBindValue(m_database.clock().now().toUTC().toString(Qt::ISODateWithMs));
        query.addBindValue(reason.isNull() ? QStringLiteral("") : reason);
        if (!query.exec()) {
            return Error(
                DatabaseError::QueryFailed,
                QStringLiteral("cannot lock replication: %1").arg(query.lastError().text()));
        }
        return m_database.audit(QStringLiteral("replication.lock"), m_site, QStringLiteral("ok"),
                                reason);
    });
}

Result<void> ReplicationLock::unlock()
{
    return m_database.durably([&]() -> Result<void> {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM replication_locks WHERE site = ?"));
        query.addBindValue(m_site);
        if (!query.exec()) {
            return Error(
                DatabaseError::QueryFailed,
                QStringLiteral("cannot unlock replication: %1").arg(query.lastError().text()));
        }
        return m_database.audit(QStringLiteral("replication.unlock"), m_site, QStringLiteral("ok"),
                                QString());
    });
}

Result<std::optional<ReplicationLock::State>> ReplicationLock::state() const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT locked_at, reason FROM replication_locks WHERE site = ?"));
    query.addBindValue(m_site);
    if (!query.exec()) {
        return Error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot read the replication lock: %1").arg(query.lastError().text()));
    }
    if (!query.next())
        return std::optional<State>();
    State state;
    state.lockedAt = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
    state.reason = query.value(1).toString();
    return std::optional<State>(state);
}

} // namespace relais
