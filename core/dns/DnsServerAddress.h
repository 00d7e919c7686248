#pragma once

#include <QString>
#include <optional>

namespace relais {

/// A DNS server asked directly: an IP address and a port.
struct DnsServerAddress
{
    QString address; ///< IPv4 or IPv6, without brackets
    quint16 port = 53;

    /// Parses "address[:port]": "192.0.2.1", "192.0.2.1:5353", "2001:db8::1",
    /// "[2001:db8::1]:5353". Names are not accepted (nothing to resolve).
    static std::optional<DnsServerAddress> parse(const QString& text);
    /// "192.0.2.1:53", "[2001:db8::1]:53".
    QString toString() const;

    bool operator==(const DnsServerAddress&) const = default;
};

} // namespace relais
