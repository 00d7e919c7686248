#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace relais {

class Database;

/// The direction guard: while backup is the active side (after a
/// failover), main→backup replication of the site is locked, so that the
/// old data of main never overwrites what backup received since. The lock
/// lives in relais.db and survives restarts; only an explicit unlock
/// (failback) lifts it.
class ReplicationLock
{
public:
    struct State
    {
        QDateTime lockedAt; ///< UTC
        QString reason;
    };

    ReplicationLock(Database& database, QString site);

    /// Locks (keeps the first lock's time and reason when already locked).
    /// Lock and unlock are synced to disk before they return
    /// (Database::durably).
    Result<void> lock(const QString& reason);
    Result<void> unlock();
    /// The lock, or nullopt when replication runs normally.
    Result<std::optional<State>> state() const;

private:
    Database& m_database;
    QString m_site;
};

} // namespace relais
