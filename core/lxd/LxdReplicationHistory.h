#pragma once

#include "LxdReplicationRecord.h"
#include "common/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace relais {

class Database;

/// The container replications of a site, kept in relais.db across restarts:
/// when each container was last copied to the backup, and how it went.
class LxdReplicationHistory
{
public:
    LxdReplicationHistory(Database& database, QString site);

    Result<void> record(const LxdReplicationRecord& run);
    /// The newest @p limit replications of @p instance (every instance when
    /// empty), newest first.
    Result<QList<LxdReplicationRecord>> recent(const QString& instance = QString(),
                                               int limit = 200) const;
    /// The newest successful replication of @p instance, if any.
    Result<std::optional<LxdReplicationRecord>> lastSuccess(const QString& instance) const;

private:
    Result<QList<LxdReplicationRecord>> select(const QString& instance, bool successOnly,
                                               int limit) const;

    Database& m_database;
    QString m_site;
};

} // namespace relais
