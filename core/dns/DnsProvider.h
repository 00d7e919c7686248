#pragma once

#include "DnsAnswer.h"
#include "common/Result.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

namespace relais {

/// A record as the provider holds it: what it publishes, or will publish
/// once its change reaches the authoritative servers.
struct DnsRecordState
{
    QString name; ///< absolute owner name, "www.example.test"
    DnsRecordType type = DnsRecordType::A;
    /// Empty when the provider holds no such record.
    QList<QHostAddress> addresses;
    /// Seconds; -1 when there is no record.
    qint64 ttl = -1;
};

/// One change of a record: from what it holds now to new addresses and TTL.
/// The same structure creates and deletes a record:
///
/// | expected | addresses | change |
/// | --- | --- | --- |
/// | some | some | replace: the record must hold exactly @c expected |
/// | empty | some | create: the record must not exist (no address of this type) |
/// | some | empty | delete: the record must hold exactly @c expected |
/// | empty | empty | refused (BadRequest): nothing to do |
///
/// The condition is always checked: a record that holds anything else (or
/// exists when it is created) is refused and left as it is.
struct DnsRecordChange
{
    QString name; ///< absolute owner name, inside the provider's zone
    DnsRecordType type = DnsRecordType::A;
    /// What the record must hold when the change is applied, in any order;
    /// empty: the record must not exist. A provider that can make the
    /// change conditional (RFC 2136 prerequisites) does so; the others
    /// compare right before writing.
    QList<QHostAddress> expected;
    /// What it will hold, of the record type; empty: the record is deleted.
    QList<QHostAddress> addresses;
    /// The TTL of the new addresses (not used by a deletion).
    qint64 ttl = 60;

    bool isCreation() const { return expected.isEmpty() && !addresses.isEmpty(); }
    bool isDeletion() const { return !expected.isEmpty() && addresses.isEmpty(); }
};

/// What a successful change reports.
struct DnsChangeResult
{
    /// Milliseconds from the first request to the provider's confirmation.
    qint64 latencyMs = -1;
};

/// One way of reading and changing a service's DNS record (RFC 2136 with
/// TSIG, the PowerDNS API, OVH, Cloudflare, Gandi). A provider is a job
/// object living in the thread that created it: read() and change() start
/// background work and return at once; readFinished() / changeFinished()
/// are emitted exactly once per call, also on timeout and after cancel().
/// One call runs at a time: a call while one runs finishes at once with an
/// error. Credentials come from the vault and are never logged.
class DnsProvider : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~DnsProvider() override = default;

    /// "RFC 2136", "PowerDNS API", "OVH"…: for messages and logs.
    virtual QString displayName() const = 0;

    /// Reads the record from the provider.
    virtual void read(const QString& name, DnsRecordType type) = 0;
    /// Applies @p change.
    virtual void change(const DnsRecordChange& change) = 0;
    /// Abandons the running call; its finished signal still comes, with a
    /// cancelled error. A change the provider already received may still
    /// be applied: read the record before trying again.
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

signals:
    void readFinished(const relais::Result<relais::DnsRecordState>& result);
    void changeFinished(const relais::Result<relais::DnsChangeResult>& result);
};

} // namespace relais
