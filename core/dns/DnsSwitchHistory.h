#pragma once

#include "DnsSwitchRecord.h"
#include "common/Result.h"

#include <QList>
#include <QString>

namespace relais {

class Database;

/// The DNS switches of a site, kept in relais.db across restarts.
class DnsSwitchHistory
{
public:
    DnsSwitchHistory(Database& database, QString site);

    Result<void> record(const DnsSwitchRecord& run);
    /// The newest @p limit switches of @p service (every service when
    /// empty), newest first.
    Result<QList<DnsSwitchRecord>> recent(const QString& service = QString(),
                                          int limit = 200) const;

private:
    Database& m_database;
    QString m_site;
};

} // namespace relais
