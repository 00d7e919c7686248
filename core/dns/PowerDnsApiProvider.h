#pragma once

#include "HttpDnsProvider.h"
#include "vault/SecretBytes.h"

#include <QUrl>

namespace relais {

/// The PowerDNS Authoritative HTTP API: GET /api/v1/servers/localhost/zones/
/// ZONE. reads the zone's RRsets; PATCH on the same path with one RRset of
/// changetype REPLACE changes the record. The key goes in X-API-Key. The
/// service's {"error": "..."} reaches the error message.
class PowerDnsApiProvider final : public HttpDnsProvider
{
    Q_OBJECT

public:
    /// @p apiUrl: "http://127.0.0.1:8081" (or ending in /api/v1); @p apiKey:
    /// the vault entry's secret.
    PowerDnsApiProvider(QUrl apiUrl, QString zone, SecretBytes apiKey, QObject* parent = nullptr);

    QString displayName() const override { return QStringLiteral("PowerDNS API"); }

    /// The URL of the zone: ".../api/v1/servers/localhost/zones/example.test.".
    QUrl zoneUrl() const;

protected:
    void beginRead(const QString& name, DnsRecordType type) override;
    void beginChange(const DnsRecordChange& change) override;

private:
    using Handler = std::function<void(const Result<DnsRecordState>&)>;
    void fetch(const QString& name, DnsRecordType type, Handler handler);
    HttpApiClient::Headers headers() const;
    static QString serviceMessage(const QByteArray& body);

    QUrl m_apiUrl;
    SecretBytes m_apiKey;
};

} // namespace relais
