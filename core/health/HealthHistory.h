#pragma once

#include "HealthEvent.h"
#include "common/Result.h"

#include <QList>

namespace relais {

class Database;

/// The health events of a site, kept in relais.db across restarts.
class HealthHistory
{
public:
    /// @p site names the site the events belong to (its document path or name).
    HealthHistory(Database& database, QString site);

    Result<void> record(const HealthEvent& event);
    /// The newest @p limit events, newest first.
    Result<QList<HealthEvent>> recent(int limit = 200) const;

private:
    Database& m_database;
    QString m_site;
};

} // namespace relais
