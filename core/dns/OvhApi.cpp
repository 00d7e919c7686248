#include "OvhApi.h"

#include "DnsApiError.h"
#include "HttpDnsProvider.h"
#include "common/Clock.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

namespace {

bool isKey(QByteArrayView part)
{
    if (part.isEmpty() || part.size() > 128)
        return false;
    for (const char c : part) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

Result<OvhApi> OvhApi::create(QUrl endpoint, const SecretBytes& credentials, const Clock* clock)
{
    OvhApi api;
    api.m_endpoint =
        endpoint.isEmpty() ? QUrl(QLatin1String(DefaultEndpoint)) : std::move(endpoint);
    api.m_clock = clock;
    const QString scheme = api.m_endpoint.scheme();
    if (!api.m_endpoint.isValid() || api.m_endpoint.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return Error(DnsApiError::BadUrl, QStringLiteral("invalid OVH API endpoint \"%1\"")
                                              .arg(api.m_endpoint.toDisplayString()));

    QByteArrayView text = credentials.view().trimmed();
    const qsizetype first = text.indexOf(':');
    const qsizetype second = first < 0 ? -1 : text.sliced(first + 1).indexOf(':');
    if (first < 0 || second < 0)
        return Error(DnsApiError::BadCredentials,
                     QStringLiteral("the OVH credentials must read "
                                    "APPLICATION_KEY:APPLICATION_SECRET:CONSUMER_KEY"));
    const QByteArrayView key = text.first(first);
    const QByteArrayView secret = text.sliced(first + 1, second);
    const QByteArrayView consumer = text.sliced(first + 1 + second + 1);
    if (!isKey(key) || !isKey(secret) || !isKey(consumer))
        return Error(DnsApiError::BadCredentials,
                     QStringLiteral("the OVH credentials must read "
                                    "APPLICATION_KEY:APPLICATION_SECRET:CONSUMER_KEY, each made "
                                    "of letters and digits"));
    api.m_applicationKey = SecretBytes(key);
    api.m_applicationSecret = SecretBytes(secret);
    api.m_consumerKey = SecretBytes(consumer);
    return api;
}

QByteArray OvhApi::signature(QByteArrayView applicationSecret, QByteArrayView consumerKey,
                             QByteArrayView method, QByteArrayView fullUrl, QByteArrayView body,
                             qint64 timestamp)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(applicationSecret);
    hash.addData("+");
    hash.addData(consumerKey);
    hash.addData("+");
    hash.addData(method);
    hash.addData("+");
    hash.addData(fullUrl);
    hash.addData("+");
    hash.addData(body);
    hash.addData("+");
    hash.addData(QByteArray::number(timestamp));
    return QByteArrayLiteral("$1$") + hash.result().toHex();
}

QUrl OvhApi::url(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_endpoint;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    url.setQuery(query);
    return url;
}

qint64 OvhApi::localSeconds() const
{
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    return now.toSecsSinceEpoch();
}

void OvhApi::send(HttpApiClient& client, const QByteArray& verb, const QUrl& url,
                  const QByteArray& body, HttpApiClient::Handler handler)
{
    // When OVH finds the time wrong although the offset is known (this
    // computer's clock jumped since), the offset is asked again and the
    // request sent once more.
    auto retryOnSkew = [this, &client, verb, url, body, handler](const HttpApiReply& reply) {
        if (!reply.failure && reply.status == 400 && isOutOfTime(reply.body)) {
            m_offset.reset();
            sendTimed(client, verb, url, body, handler);
            return;
        }
        handler(reply);
    };
    if (m_offset)
        sendSigned(client, verb, url, body, std::move(retryOnSkew));
    else
        sendTimed(client, verb, url, body, std::move(handler));
}

bool OvhApi::isOutOfTime(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    return object.value(QLatin1String("message"))
               .toString()
               .contains(QLatin1String("out of time"), Qt::CaseInsensitive) ||
           object.value(QLatin1String("errorCode")).toString() == QLatin1String("QUERY_TIME_OUT");
}

void OvhApi::sendTimed(HttpApiClient& client, const QByteArray& verb, const QUrl& url,
                       const QByteArray& body, HttpApiClient::Handler handler)
{
    const qint64 asked = localSeconds();
    client.send("GET", this->url(QStringLiteral("/auth/time")), {}, {},
                [this, &client, verb, url, body, asked,
                 handler = std::move(handler)](const HttpApiReply& reply) {
                    bool ok = false;
                    const qint64 serverTime = reply.body.trimmed().toLongLong(&ok);
                    if (!reply.isSuccess() || !ok) {
                        HttpApiReply failed = reply;
                        if (reply.isSuccess())
                            failed.failure = Error(DnsApiError::Malformed,
                                                   QStringLiteral("OVH /auth/time: not a time"));
                        handler(failed);
                        return;
                    }
                    m_offset = serverTime - (asked + localSeconds()) / 2;
                    sendSigned(client, verb, url, body, handler);
                });
}

void OvhApi::sendSigned(HttpApiClient& client, const QByteArray& verb, const QUrl& url,
                        const QByteArray& body, HttpApiClient::Handler handler)
{
    const qint64 timestamp = localSeconds() + m_offset.value_or(0);
    const QByteArray fullUrl = url.toEncoded();
    HttpApiClient::Headers headers{
        {QByteArrayLiteral("X-Ovh-Application"), m_applicationKey.view().toByteArray()},
        {QByteArrayLiteral("X-Ovh-Consumer"), m_consumerKey.view().toByteArray()},
        {QByteArrayLiteral("X-Ovh-Timestamp"), QByteArray::number(timestamp)},
        {QByteArrayLiteral("X-Ovh-Signature"),
         signature(m_applicationSecret.view(), m_consumerKey.view(), verb, fullUrl, body,
                   timestamp)},
    };
    client.send(verb, url, headers, body, std::move(handler));
    for (auto& header : headers)
        SecretBytes::wipe(header.second);
}

Error OvhApi::replyError(const HttpApiReply& reply, const QString& what)
{
    const QJsonObject object = QJsonDocument::fromJson(reply.body).object();
    const QString message = object.value(QLatin1String("message")).toString();
    const QString code = object.value(QLatin1String("errorCode")).toString();
    QString said = message;
    if (!code.isEmpty())
        said = message.isEmpty() ? code : QStringLiteral("%1 (%2)").arg(message, code);
    const Error error = HttpDnsProvider::replyError(reply, what, said);
    if (reply.failure)
        return error;
    if (reply.status == 400 && isOutOfTime(reply.body))
        return Error(DnsApiError::ClockSkew, error.message());
    if (code == QLatin1String("INVALID_SIGNATURE") || code == QLatin1String("INVALID_CREDENTIAL") ||
        code == QLatin1String("INVALID_KEY") || code == QLatin1String("NOT_CREDENTIAL"))
        return Error(DnsApiError::Unauthorized, error.message());
    return error;
}

} // namespace relais
