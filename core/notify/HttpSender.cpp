#include "HttpSender.h"

#include "NotifyError.h"
#include "common/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace relais {

HttpSender::HttpSender(QString channel, HttpPost post, QString caFile, QObject* parent)
    : ChannelSender(parent)
    , m_channel(std::move(channel))
    , m_post(std::move(post))
    , m_caFile(std::move(caFile))
    , m_network(new QNetworkAccessManager(this))
{}

HttpSender::~HttpSender()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    for (auto& header : m_post.headers)
        header.second.fill('\0');
}

void HttpSender::start()
{
    if (m_started)
        return;
    m_started = true;
    // finished() never comes from inside start().
    QTimer::singleShot(0, this, &HttpSender::send);
}

void HttpSender::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    // finished() never comes from inside cancel(); send() reports a cancel
    // that came before it ran.
    if (m_started)
        QTimer::singleShot(0, this, [this] {
            finish(Error(NotifyError::Cancelled,
                         QStringLiteral("%1: sending cancelled").arg(m_channel)));
        });
}

void HttpSender::send()
{
    if (m_done)
        return;
    if (m_cancelled) {
        finish(
            Error(NotifyError::Cancelled, QStringLiteral("%1: sending cancelled").arg(m_channel)));
        return;
    }
    QNetworkRequest request(m_post.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Relais"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, m_post.contentType);
    for (const auto& [name, value] : std::as_const(m_post.headers))
        request.setRawHeader(name, value);
    if (!m_caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            finish(Error(NotifyError::NotConfigured,
                         QStringLiteral("%1: no PEM certificate in the CA file %2")
                             .arg(m_channel, m_caFile)));
            return;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(cas);
        request.setSslConfiguration(tls);
    }
    qCDebug(lcNotify).noquote() << "POST to channel" << m_channel << "at"
                                << m_post.url.toDisplayString(QUrl::RemoveUserInfo |
                                                              QUrl::RemovePath | QUrl::RemoveQuery);
    m_reply = m_network->post(request, m_post.body);
    connect(m_reply, &QNetworkReply::finished, this, &HttpSender::onFinished);
}

void HttpSender::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const QString where =
        reply->url().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && status.toInt() > 0) {
        const int code = status.toInt();
        if (code >= 200 && code < 300) {
            qCDebug(lcNotify).noquote() << "channel" << m_channel << "answered" << code;
            finish(Result<void>::success());
            return;
        }
        // The answer's first line, for the user; servers say why there.
        QString said = QString::fromUtf8(reply->read(300)).section(QLatin1Char('\n'), 0, 0);
        said = said.simplified();
        const QString text = QStringLiteral("%1: %2 answered HTTP %3%4")
                                 .arg(m_channel, where)
                                 .arg(code)
                                 .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said);
        finish(Error(
            code == 401 || code == 403 ? NotifyError::AuthRefused : NotifyError::HttpStatus, text));
        return;
    }
    const QString text = QStringLiteral("%1: %2: %3").arg(m_channel, where, reply->errorString());
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
        finish(Error(m_cancelled ? NotifyError::Cancelled : NotifyError::Timeout, text));
        return;
    case QNetworkReply::TimeoutError:
        finish(Error(NotifyError::Timeout, text));
        return;
    case QNetworkReply::SslHandshakeFailedError:
        finish(Error(NotifyError::Tls, text));
        return;
    default:
        finish(Error(NotifyError::Unreachable, text));
        return;
    }
}

void HttpSender::finish(const Result<void>& result)
{
    if (m_done)
        return;
    m_done = true;
    if (!result)
        qCInfo(lcNotify).noquote() << result.error().message();
    emit finished(result);
}

} // namespace relais
