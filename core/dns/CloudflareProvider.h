#pragma once

#include "HttpDnsProvider.h"
#include "vault/SecretBytes.h"

#include <QUrl>
#include <QUrlQuery>

namespace relais {

/// A record in a Cloudflare zone, through the API v4 with an API token
/// (Authorization: Bearer; the token needs Zone:Read and DNS:Edit).
///
/// - The zone's id comes from GET /zones?name=ZONE (kept afterwards).
/// - Read: GET /zones/ID/dns_records?type=A&name=FQDN.
/// - Change: after the same read and the comparison with the expected
///   addresses, PUT /zones/ID/dns_records/RID {"type", "name", "content",
///   "ttl", "proxied"} on the existing records (the proxied flag kept as it
///   is), POST one for an address more, DELETE one less.
/// - Every answer is the {"success", "errors": [{"code", "message"}],
///   "result"} envelope; the errors' messages reach the error.
class CloudflareProvider final : public HttpDnsProvider
{
    Q_OBJECT

public:
    static constexpr const char* DefaultEndpoint = "https://api.cloudflare.com/client/v4";

    /// @p endpoint: the site's api_url, empty for DefaultEndpoint.
    CloudflareProvider(QUrl endpoint, QString zone, SecretBytes token, QObject* parent = nullptr);

    QString displayName() const override { return QStringLiteral("Cloudflare"); }

protected:
    void beginRead(const QString& name, DnsRecordType type) override;
    void beginChange(const DnsRecordChange& change) override;
    std::optional<Error> checkChange(const DnsRecordChange& change) const override;

private:
    struct Record
    {
        QString id;
        QHostAddress content;
        qint64 ttl = 0;
        bool proxied = false;
    };
    struct Step
    {
        QByteArray verb;
        QUrl url;
        QByteArray body;
    };
    using RecordsHandler = std::function<void(const Result<QList<Record>>&)>;
    using ResultHandler = std::function<void(const Result<QJsonValue>&)>;

    QUrl url(const QString& path, const QUrlQuery& query = {}) const;
    /// Sends a request and unwraps the envelope's result.
    void call(const QByteArray& verb, const QUrl& url, const QByteArray& body,
              ResultHandler handler);
    void withZoneId(std::function<void()> next);
    void fetch(const QString& name, DnsRecordType type, RecordsHandler handler);
    void runSteps(QList<Step> steps);
    static DnsRecordState stateOf(const QString& name, DnsRecordType type,
                                  const QList<Record>& records);

    QUrl m_endpoint;
    SecretBytes m_token;
    QString m_zoneId;
};

} // namespace relais
