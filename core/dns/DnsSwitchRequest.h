#pragma once

#include "DnsAnswer.h"
#include "DnsServerAddress.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace relais {

/// One switch of a service's record to a side (DnsSwitchJob).
struct DnsSwitchRequest
{
    enum class Side
    {
        Main,
        Backup,
    };
    enum class Mode
    {
        /// Lower the TTL, wait the old TTL out, then change the address.
        Planned,
        /// Change the address at once.
        Emergency,
    };

    /// What the job does with the record.
    enum class Operation
    {
        /// Point the record, which holds one side's address, at `to`.
        Switch,
        /// The same; a record that does not exist is created pointing at
        /// `to` (the rehearsal's drill record). A record holding anything
        /// else is still refused (NeitherSide): never overwritten.
        SwitchOrCreate,
        /// Delete the record, on the condition that it holds `to`'s
        /// address (the side Relais created it on); verified when every
        /// server answers no address for it (NXDOMAIN or NODATA). A record
        /// that does not exist is done already; one holding anything else
        /// is refused (NeitherSide) and left as it is.
        Remove,
    };

    Operation operation = Operation::Switch;
    QString service; ///< the service's name, for the history
    QString zone;    ///< "example.test"
    QString name;    ///< the record, absolute: "www.example.test"
    DnsRecordType type = DnsRecordType::A;
    QHostAddress mainAddress;   ///< what the record holds when main serves
    QHostAddress backupAddress; ///< what it holds when backup serves
    Side to = Side::Backup;
    Mode mode = Mode::Planned;
    /// The TTL the record gets with its new address (the binding's).
    qint64 ttl = 60;
    /// Planned: the TTL set first, with the old addresses.
    qint64 lowTtl = 30;

    /// Where the switch is verified. Empty: the zone's NS records, asked
    /// from nsServer, each at port 53.
    QList<DnsServerAddress> verifyServers;
    /// The server asked for the zone's NS records and their addresses (the
    /// RFC 2136 primary); empty: no discovery, verifyServers are needed.
    QString nsServer;
    quint16 nsPort = 53;

    /// Verification gives up after this long.
    int propagationTimeoutMs = 120000;
    /// The longest time between two rounds of questions to the servers not
    /// yet converged: the second round comes 100 ms after the first (or
    /// this, when shorter), each wait then doubled up to this.
    int pollIntervalMs = 1000;
    /// Each question's own limit.
    int queryTimeoutMs = 2000;

    QHostAddress address(Side side) const
    {
        return side == Side::Main ? mainAddress : backupAddress;
    }
};

} // namespace relais
