#pragma once

#include "DnsProvider.h"
#include "DnsUpdate.h"
#include "TsigKey.h"

#include <optional>

namespace relais {

class DnsClient;
class DnsUpdater;

/// The DNS provider of a zone whose primary server takes RFC 2136 updates
/// signed with TSIG (BIND, Knot, PowerDNS): read() asks the primary
/// directly (DnsClient), change() is a conditional update (DnsUpdater)
/// whose prerequisite is the change's expected addresses, so a record
/// changed behind our back is refused by the server itself.
///
/// Without a key the provider reads but does not change: change() fails
/// with DnsProviderError::MissingCredentials, since Relais only sends
/// signed updates.
class Rfc2136Provider : public DnsProvider
{
    Q_OBJECT

public:
    Rfc2136Provider(QString server, quint16 port, QString zone, std::optional<TsigKey> key,
                    QObject* parent = nullptr);
    ~Rfc2136Provider() override;

    QString displayName() const override;
    void read(const QString& name, DnsRecordType type) override;
    void change(const DnsRecordChange& change) override;
    void cancel() override;
    bool isRunning() const override;

    /// Each call's limit; 5 s unless set.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    const QString& server() const { return m_server; }
    quint16 port() const { return m_port; }

private:
    void onAnswer(const Result<DnsAnswer>& result);
    void onUpdated(const Result<DnsUpdateResult>& result);
    /// Emits @p error for a call refused before it started, after this one returns.
    void refuseRead(const Error& error);
    void refuseChange(const Error& error);

    QString m_server;
    quint16 m_port = 53;
    QString m_zone;
    std::optional<TsigKey> m_key;
    int m_timeoutMs = 5000;
    QString m_name;
    DnsRecordType m_type = DnsRecordType::A;
    DnsClient* m_client = nullptr;
    DnsUpdater* m_updater = nullptr;
};

} // namespace relais
