#pragma once

#include <QString>
#include <QStringList>

namespace relais {

/// The DNS record that says which side serves a service, and how to change it.
struct DnsBinding
{
    enum class Provider
    {
        Rfc2136,
        PowerDns,
        Ovh,
        Cloudflare,
        Gandi,
    };

    Provider provider = Provider::Rfc2136;
    QString zone;
    QString record; ///< relative to the zone, "@" for the apex
    QString type = QStringLiteral("A");
    int ttl = 60;
    QString server; ///< rfc2136: primary server address
    int port = 53;
    QString tsigId;        ///< rfc2136: vault id of the TSIG key (optional)
    QString apiUrl;        ///< powerdns; ovh/cloudflare/gandi: endpoint, empty for the default
    QString credentialsId; ///< powerdns/ovh/cloudflare/gandi: vault id
    /// The servers a switch is verified at, "address[:port]" each ("verify"
    /// in the document); empty: the zone's NS records, port 53.
    QStringList verifyServers;

    bool operator==(const DnsBinding&) const = default;
};

} // namespace relais
