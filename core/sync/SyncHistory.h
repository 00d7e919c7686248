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
    /// The newest @p limit runs of @p job (every job when empty), newest first.
    Result<QList<SyncRunRecord>> recent(const QString& job = QString(), int limit = 200) const;

private:
    Database& m_database;
    QString m_site;
};

} // namespace relais
