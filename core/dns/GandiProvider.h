#pragma once

#include "HttpDnsProvider.h"
#include "vault/SecretBytes.h"

#include <QUrl>

namespace relais {

/// A record in a Gandi LiveDNS zone, through the API v5.
///
/// The vault entry holds a personal access token (sent as
/// "Authorization: Bearer TOKEN"), or, written "apikey:KEY", a legacy API
/// key (sent as "Authorization: Apikey KEY"; Gandi deprecates those).
///
/// - Read: GET /domains/ZONE/records/NAME/A (a 404 about the record means
///   there is none).
/// - Change: after the same read and the comparison with the expected
///   addresses, PUT /domains/ZONE/records/NAME/A {"rrset_ttl",
///   "rrset_values"}, which replaces the whole RRset. Gandi accepts TTLs
///   from 300 to 2592000 seconds.
/// - Errors are {"code", "message", "object", "cause"}; the message reaches
///   the error.
class GandiProvider final : public HttpDnsProvider
{
    Q_OBJECT

public:
    static constexpr const char* DefaultEndpoint = "https://api.gandi.net/v5/livedns";
    static constexpr qint64 MinTtl = 300;
    static constexpr qint64 MaxTtl = 2592000;

    /// @p endpoint: the site's api_url, empty for DefaultEndpoint.
    GandiProvider(QUrl endpoint, QString zone, SecretBytes credential, QObject* parent = nullptr);

    QString displayName() const override { return QStringLiteral("Gandi LiveDNS"); }

protected:
    void beginRead(const QString& name, DnsRecordType type) override;
    void beginChange(const DnsRecordChange& change) override;
    std::optional<Error> checkChange(const DnsRecordChange& change) const override;

private:
    using StateHandler = std::function<void(const Result<DnsRecordState>&)>;
    QUrl recordUrl(const QString& name, DnsRecordType type) const;
    HttpApiClient::Headers headers() const;
    void fetch(const QString& name, DnsRecordType type, StateHandler handler);
    static QString serviceMessage(const QByteArray& body);

    QUrl m_endpoint;
    SecretBytes m_credential;
};

} // namespace relais
