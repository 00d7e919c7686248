#include "HttpApiClient.h"

#include "DnsApiError.h"
#include "common/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace relais {

HttpApiClient::HttpApiClient(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // A private CA (a company's TLS proxy, a test server) added by the
    // user: trusted besides the system's, never instead of checking.
    const QString caFile = qEnvironmentVariable("RELAIS_CA_FILE");
    if (!caFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (extra.isEmpty())
            qCWarning(lcDns).noquote()
                << "RELAIS_CA_FILE" << caFile << "holds no PEM certificate; ignored";
        m_caCertificates += extra;
    }
}

HttpApiClient::~HttpApiClient()
{
    abort();
}

void HttpApiClient::addCaCertificates(const QList<QSslCertificate>& certificates)
{
    m_caCertificates += certificates;
}

void HttpApiClient::send(const QByteArray& verb, const QUrl& url, const Headers& headers,
                         const QByteArray& body, Handler handler)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Relais"));
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    if (url.scheme() == QLatin1String("https") && !m_caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }

    qCDebug(lcDns).noquote() << verb
                             << url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    QNetworkReply* reply = m_network->sendCustomRequest(request, verb, body);
    m_replies.append(reply);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, handler = std::move(handler)] { onFinished(reply, handler); });
}

void HttpApiClient::abort()
{
    const QList<QPointer<QNetworkReply>> replies = std::exchange(m_replies, {});
    for (const QPointer<QNetworkReply>& reply : replies) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpApiClient::onFinished(QNetworkReply* reply, const Handler& handler)
{
    m_replies.removeAll(reply);
    reply->deleteLater();

    HttpApiReply result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QString where = reply->url().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (status.isValid() && status.toInt() > 0) {
        result.status = status.toInt();
        if (reply->bytesAvailable() > MaxBodyBytes) {
            result.failure = Error(DnsApiError::Malformed,
                                   QStringLiteral("%1: the answer is larger than %2 bytes")
                                       .arg(where)
                                       .arg(MaxBodyBytes));
        } else {
            result.body = reply->readAll();
        }
    } else {
        const QNetworkReply::NetworkError error = reply->error();
        const QString text = QStringLiteral("%1: %2").arg(where, reply->errorString());
        if (error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError)
            result.failure = Error(DnsApiError::Timeout, text);
        else if (error == QNetworkReply::SslHandshakeFailedError)
            result.failure = Error(DnsApiError::Tls, text);
        else
            result.failure = Error(DnsApiError::Network, text);
    }
    qCDebug(lcDns).noquote() << "answer" << result.status << "from" << where;
    handler(result);
}

} // namespace relais
