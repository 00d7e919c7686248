#pragma once

#include "DnsAnswer.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace relais {

/// One RFC 2136 update of the RRset NAME TYPE of a zone:
///
/// - replace it with new addresses and TTL, on the condition (RFC 2136
///   §2.4.2, "RRset exists, value dependent") that it holds exactly the
///   expected addresses now;
/// - create it (no expected address): on the condition (§2.4.3, "RRset
///   does not exist") that there is no such RRset;
/// - delete it (no new address): §2.5.2 "delete an RRset", on the §2.4.2
///   condition that it holds exactly the expected addresses.
struct DnsUpdate
{
    /// The primary server: an IPv4 or IPv6 address, or a name resolved by
    /// the system first.
    QString server;
    quint16 port = 53;
    QString zone; ///< "example.test"
    QString name; ///< the owner, absolute ("www.example.test") and inside the zone
    DnsRecordType type = DnsRecordType::A;
    /// What the RRset holds now, in any order: the prerequisite. Empty:
    /// the RRset must not exist (a creation).
    QList<QHostAddress> expected;
    /// What it will hold, of the record type. Empty: the RRset is deleted.
    /// Not both empty.
    QList<QHostAddress> addresses;
    /// The TTL of the new RRset, in seconds (0 .. 2^31-1).
    qint64 ttl = 60;
    int timeoutMs = 5000;
};

/// What a successful update reports.
struct DnsUpdateResult
{
    /// The answer came over TCP after a truncated UDP answer.
    bool overTcp = false;
    /// Milliseconds from sending the update to its verified answer.
    qint64 latencyMs = -1;
};

} // namespace relais
