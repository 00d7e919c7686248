#pragma once

#include "SyncRunRecord.h"
#include "common/Result.h"

#include <QList>
#include <QString>

namespace relais {

class Database;

/// The runs of a site's sync jobs, kept in relais.db across restarts.
class SyncHistory
{
public:
    SyncHistory(Database& database, QString site);

    Result<void> record(const SyncRunRecord& run);
    /// record(), unless a run of the same job that started at the same
    /// instant is already kept (runs read again from a host's state file).
    /// True when it was added.
    Result<bool> recordOnce(const SyncRunRecord& run);
    /// The newest @p limit runs of @p job (every job when empty), newest first.
    Result<QList<SyncRunRecord>> recent(const QString& job = QString(), int limit = 200) const;

private:
    Database& m_database;
    QString m_site;
};

} // namespace relais
