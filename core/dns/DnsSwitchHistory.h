#pragma once

#include "DnsSwitchRecord.h"
#include "OvhFailoverIpMove.h"
#include "common/Result.h"
#include "site/FailoverIp.h"

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
    /// Records the move of @p service's failover IP to @p to's server,
    /// started at @p startedAt (UTC), as OvhFailoverIpMove ended it.
    Result<void> recordMove(const QString& service, const FailoverIp& failoverIp,
                            DnsSwitchRequest::Side to, DnsSwitchRequest::Mode mode,
                            const QDateTime& startedAt,
                            const Result<OvhFailoverIpMoveResult>& result);
    /// The newest @p limit switches of @p service (every service when
    /// empty), newest first.
    Result<QList<DnsSwitchRecord>> recent(const QString& service = QString(),
                                          int limit = 200) const;

private:
    Database& m_database;
    QString m_site;
};

} // namespace relais
