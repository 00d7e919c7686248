#pragma once

#include "HttpApiClient.h"
#include "common/Result.h"
#include "vault/SecretBytes.h"

#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace relais {

class Clock;

/// How Relais signs a request to the OVH API (v1), shared by OvhProvider
/// and OvhFailoverIpMove.
///
/// The vault entry holds the three keys of an OVH application on one line,
/// "APPLICATION_KEY:APPLICATION_SECRET:CONSUMER_KEY". Each request carries
/// X-Ovh-Application, X-Ovh-Consumer, X-Ovh-Timestamp (the OVH clock, in
/// seconds) and X-Ovh-Signature = "$1$" + hex SHA-1 of
/// "SECRET+CONSUMER+METHOD+FULL_URL+BODY+TIMESTAMP". The offset between
/// this computer's clock and OVH's comes from GET /auth/time (unsigned)
/// before the first signed request, and is kept for the object's life (asked
/// again when OVH answers "Query out of time").
class OvhApi
{
public:
    /// OVH Europe.
    static constexpr const char* DefaultEndpoint = "https://eu.api.ovh.com/1.0";

    /// @p endpoint: empty for DefaultEndpoint. @p clock: this computer's
    /// clock (the system's when null); it must outlive the object.
    static Result<OvhApi> create(QUrl endpoint, const SecretBytes& credentials,
                                 const Clock* clock = nullptr);

    /// "$1$" + SHA-1 hex, as OVH documents it.
    static QByteArray signature(QByteArrayView applicationSecret, QByteArrayView consumerKey,
                                QByteArrayView method, QByteArrayView fullUrl, QByteArrayView body,
                                qint64 timestamp);

    const QUrl& endpoint() const { return m_endpoint; }
    /// The endpoint with @p path ("/domain/zone/example.test/record",
    /// percent-encoded: "/ip/203.0.113.5%2F32") and @p query appended.
    QUrl url(const QString& path, const QUrlQuery& query = {}) const;
    /// OVH's clock minus this computer's, in seconds, once known.
    std::optional<qint64> clockOffset() const { return m_offset; }

    /// Sends a signed request; the first one asks /auth/time before, and
    /// so does one that OVH finds out of time (then sent once more).
    void send(HttpApiClient& client, const QByteArray& verb, const QUrl& url,
              const QByteArray& body, HttpApiClient::Handler handler);

    /// The error for a reply that is not a success, with OVH's message and
    /// errorCode; INVALID_SIGNATURE, INVALID_CREDENTIAL, INVALID_KEY and
    /// NOT_CREDENTIAL give Unauthorized, "Query out of time" ClockSkew.
    static Error replyError(const HttpApiReply& reply, const QString& what);

private:
    OvhApi() = default;
    /// Asks /auth/time, then sends the request signed.
    void sendTimed(HttpApiClient& client, const QByteArray& verb, const QUrl& url,
                   const QByteArray& body, HttpApiClient::Handler handler);
    static bool isOutOfTime(const QByteArray& body);
    void sendSigned(HttpApiClient& client, const QByteArray& verb, const QUrl& url,
                    const QByteArray& body, HttpApiClient::Handler handler);
    qint64 localSeconds() const;

    QUrl m_endpoint;
    SecretBytes m_applicationKey;
    SecretBytes m_applicationSecret;
    SecretBytes m_consumerKey;
    const Clock* m_clock = nullptr;
    std::optional<qint64> m_offset;
};

} // namespace relais
