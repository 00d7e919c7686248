#pragma once

#include <QString>

namespace relais {

/// An OVH failover (additional) IP that follows the active side: switching
/// routes it to the other side's server (seed 004) instead of, or besides,
/// changing a DNS record.
struct FailoverIp
{
    QString ip;            ///< "203.0.113.5" or a block "203.0.113.4/30"
    QString mainService;   ///< OVH service name of main's server, "ns1111.ip-198-51-100.eu"
    QString backupService; ///< the same for backup's server
    QString apiUrl;        ///< OVH API endpoint; empty for OVH Europe
    QString credentialsId; ///< vault id: APPLICATION_KEY:APPLICATION_SECRET:CONSUMER_KEY

    bool operator==(const FailoverIp&) const = default;
};

} // namespace relais
