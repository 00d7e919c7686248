#pragma once

#include "DnsServerAddress.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace relais {

/// What one authoritative server answered during a switch's verification.
struct DnsServerAnswer
{
    DnsServerAddress server;
    /// The name server's name when found through NS records, else empty.
    QString nameServer;
    /// The addresses of its last answer.
    QList<QHostAddress> addresses;
    qint64 ttl = -1;
    /// It answers the new address.
    bool converged = false;
    /// Milliseconds from the change's confirmation to its first answer with
    /// the new address; -1 while it has not converged.
    qint64 convergedAfterMs = -1;
    /// Why its last question got no usable answer; empty when it answered.
    QString error;
};

} // namespace relais
