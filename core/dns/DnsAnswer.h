#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

namespace relais {

/// The record types Relais asks for: the address records it switches, and
/// NS to find a zone's authoritative servers.
enum class DnsRecordType
{
    A,
    AAAA,
    NS,
};

/// "A", "AAAA" or "NS".
constexpr const char* dnsRecordTypeName(DnsRecordType type)
{
    return type == DnsRecordType::AAAA ? "AAAA" : type == DnsRecordType::NS ? "NS" : "A";
}

/// A DNS server's answer to one query, as parsed by DnsClient: the
/// response code and the addresses of the type asked for, owned by the
/// name asked or by the end of a CNAME chain inside the answer.
struct DnsAnswer
{
    /// Response codes (RFC 1035 §4.1.1, RFC 2136 §2.2).
    enum Rcode : int
    {
        NoError = 0,
        FormErr = 1,
        ServFail = 2,
        NxDomain = 3,
        NotImp = 4,
        Refused = 5,
        NotAuth = 9,
    };

    int rcode = NoError;
    /// "NOERROR", "SERVFAIL", "NXDOMAIN", "REFUSED"... ("RCODE12" when unnamed).
    QString rcodeName;
    /// The addresses of the answer section, in the server's order.
    QList<QHostAddress> addresses;
    /// The names followed from the name asked (CNAME targets), if any.
    QStringList cnames;
    /// For an NS question: the name servers of the answer, without the
    /// final dot, in the server's order.
    QStringList nameServers;
    /// The TTL of the RRset asked for (addresses, or name servers) in seconds (the smallest of its
    /// records, as servers may round), or -1 when the answer holds no address.
    qint64 ttl = -1;
    bool authoritative = false;
    /// The answer came over TCP after a truncated UDP answer.
    bool overTcp = false;
    /// Milliseconds from sending the query to the answer.
    qint64 latencyMs = -1;
};

} // namespace relais
