#pragma once

#include "DnsServerAnswer.h"
#include "DnsSwitchRequest.h"

#include <QDateTime>
#include <QList>

namespace relais {

/// What a successful DnsSwitchJob did.
struct DnsSwitchReport
{
    /// The record already pointed to the side asked (Remove: it did not
    /// exist): nothing was changed.
    bool alreadySwitched = false;
    /// SwitchOrCreate: the record did not exist and was created.
    bool created = false;
    /// Remove: the record was deleted.
    bool removed = false;
    /// The side the record pointed to before.
    DnsSwitchRequest::Side from = DnsSwitchRequest::Side::Main;
    DnsSwitchRequest::Side to = DnsSwitchRequest::Side::Backup;
    DnsSwitchRequest::Mode mode = DnsSwitchRequest::Mode::Planned;
    QList<QHostAddress> oldAddresses;
    qint64 oldTtl = -1;
    /// Planned: the TTL was lowered first (not when it already was low).
    bool ttlLowered = false;
    /// Milliseconds from the change's request to the provider's confirmation.
    qint64 changeLatencyMs = -1;
    /// Milliseconds from the change's confirmation to the last server
    /// answering the new address.
    qint64 convergenceMs = -1;
    /// Each verified server's last answer.
    QList<DnsServerAnswer> servers;
    QDateTime startedAt; ///< UTC
    QDateTime endedAt;   ///< UTC
};

} // namespace relais
