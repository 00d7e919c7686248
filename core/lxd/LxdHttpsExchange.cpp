#include "LxdHttpsExchange.h"

#include "LxdHttpsTransport.h"
#include "common/CertificatePin.h"
#include "common/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace relais {

LxdHttpsExchange::LxdHttpsExchange(LxdHttpsTransport* transport, HttpRequest request, int timeoutMs,
                                   QObject* parent)
    : LxdExchange(std::move(request), parent)
    , m_transport(transport)
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(failure(LxdError::Timeout,
                       QStringLiteral("LXD did not answer within %1 s").arg(m_timeoutMs / 1000.0)));
    });
}

LxdHttpsExchange::~LxdHttpsExchange()
{
    abort();
}

Error LxdHttpsExchange::failure(LxdError code, const QString& why) const
{
    QStringList details{describe()};
    if (m_transport)
        details.prepend(m_transport->describe());
    return Error(code, why, details);
}

void LxdHttpsExchange::start()
{
    if (m_running || isFinished())
        return;
    m_running = true;
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    // Deliver on the next pass: finished() never comes from start().
    QMetaObject::invokeMethod(this, &LxdHttpsExchange::run, Qt::QueuedConnection);
}

void LxdHttpsExchange::abort()
{
    m_running = false;
    m_timer.stop();
    dropReply();
}

void LxdHttpsExchange::dropReply()
{
    if (QNetworkReply* reply = m_reply.data()) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void LxdHttpsExchange::run()
{
    if (!m_running)
        return;
    if (!m_transport) {
        finish(failure(LxdError::Unreachable, QStringLiteral("the LXD transport is gone")));
        return;
    }
    const auto pin = m_transport->pin();
    if (!pin) {
        finish(pin.error());
        return;
    }
    m_pin = pin->value_or(QByteArray());
    m_refusal.reset();
    m_unknown = QSslCertificate();
    m_tlsErrors.clear();

    QUrl url = m_transport->url();
    const QUrl target = QUrl::fromEncoded(request().target, QUrl::StrictMode);
    url.setPath(target.path(QUrl::FullyEncoded), QUrl::StrictMode);
    url.setQuery(target.query(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest networkRequest(url);
    for (const HttpHeader& header : request().headers)
        networkRequest.setRawHeader(header.first, header.second);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setLocalCertificate(m_transport->identity().certificate());
    tls.setPrivateKey(m_transport->identity().key());
    networkRequest.setSslConfiguration(tls);

    qCDebug(lcLxd) << describe() << "via" << m_transport->describe();
    QNetworkReply* reply =
        m_transport->network()->sendCustomRequest(networkRequest, request().method, request().body);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, &LxdHttpsExchange::onSslErrors);
    connect(reply, &QNetworkReply::encrypted, this, &LxdHttpsExchange::onEncrypted);
    connect(reply, &QNetworkReply::finished, this, &LxdHttpsExchange::onFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > MaxBodyBytes)
            finish(failure(LxdError::ProtocolError,
                           QStringLiteral("LXD's answer is larger than %1 MiB")
                               .arg(MaxBodyBytes / (1024 * 1024))));
    });
}

void LxdHttpsExchange::onSslErrors(const QList<QSslError>& errors)
{
    if (!m_reply)
        return;
    const QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
    if (m_pin.isEmpty()) {
        // Nothing ignored: the handshake fails and onFinished() asks.
        m_unknown = leaf;
        return;
    }
    const QString mismatch = CertificatePin::mismatch(leaf, m_pin);
    if (!mismatch.isEmpty()) {
        refuse(failure(
            LxdError::CertificateMismatch,
            QStringLiteral("the LXD server's %1: it is NOT the certificate Relais "
                           "trusts for %2. Someone may be intercepting the "
                           "connection; if the server's certificate really "
                           "changed, remove its line from %3 and trust it again")
                .arg(mismatch, LxdServerCertificates::key(m_transport->host(), m_transport->port()),
                     m_transport->store().path())));
        return;
    }
    const QList<QSslError> ignorable = CertificatePin::ignorable(errors, leaf, m_pin);
    QStringList others;
    for (const QSslError& error : errors) {
        if (!ignorable.contains(error))
            others.append(error.errorString());
    }
    if (!others.isEmpty()) {
        m_tlsErrors = others;
        return; // not ignored: the handshake fails with these
    }
    m_reply->ignoreSslErrors(ignorable);
}

void LxdHttpsExchange::onEncrypted()
{
    // With a certificate a CA vouches for there were no errors to look at:
    // the pin is checked here, before the request is written.
    if (!m_reply)
        return;
    const QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
    if (m_pin.isEmpty()) {
        m_unknown = leaf;
        dropReply();
        onFinished();
        return;
    }
    const QString mismatch = CertificatePin::mismatch(leaf, m_pin);
    if (!mismatch.isEmpty())
        refuse(failure(LxdError::CertificateMismatch,
                       QStringLiteral("the LXD server's %1: it is NOT the certificate Relais "
                                      "trusts")
                           .arg(mismatch)));
}

void LxdHttpsExchange::refuse(Error error)
{
    m_refusal = std::move(error);
    dropReply();
    finish(*m_refusal);
}

void LxdHttpsExchange::onFinished()
{
    if (!m_running)
        return;
    if (m_refusal) {
        finish(*m_refusal);
        return;
    }
    if (!m_unknown.isNull()) {
        const QSslCertificate unknown = std::exchange(m_unknown, QSslCertificate());
        dropReply();
        if (m_retried || !m_transport) {
            finish(failure(LxdError::CertificateUnknown,
                           QStringLiteral("the LXD certificate (SHA-256 %1) is not trusted")
                               .arg(CertificatePin::format(CertificatePin::digestOf(unknown)))));
            return;
        }
        m_retried = true;
        QPointer<LxdHttpsExchange> self(this);
        m_transport->askTrust(unknown, [self](Result<void> outcome) {
            if (!self || !self->m_running)
                return;
            if (outcome)
                self->run();
            else
                self->finish(outcome.error());
        });
        return;
    }
    QNetworkReply* reply = m_reply.data();
    if (!reply)
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        HttpResponse response;
        response.status = status.toInt();
        response.reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        for (const auto& pair : reply->rawHeaderPairs())
            response.headers.append(HttpHeader(pair.first, pair.second));
        response.body = reply->readAll();
        finish(std::move(response));
        return;
    }
    const auto error = reply->error();
    const QString text = reply->errorString();
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        finish(failure(LxdError::Unreachable,
                       QStringLiteral("LXD cannot be reached at %1: %2")
                           .arg(m_transport ? m_transport->describe() : QString(), text)));
        return;
    case QNetworkReply::SslHandshakeFailedError:
        if (m_pin.isEmpty() && m_tlsErrors.isEmpty() && !m_retried && m_transport) {
            // Qt reports a certificate's errors to one of the replies that
            // wait for the same server; the others just fail. That one asks
            // the TlsTrust: go on with its answer.
            m_retried = true;
            dropReply();
            QPointer<LxdHttpsExchange> self(this);
            m_transport->afterQuestion([self](Result<void> outcome) {
                if (!self || !self->m_running)
                    return;
                if (outcome)
                    self->run();
                else
                    self->finish(outcome.error());
            });
            return;
        }
        finish(failure(LxdError::TlsFailed,
                       m_tlsErrors.isEmpty()
                           ? QStringLiteral("the TLS handshake with LXD failed: %1").arg(text)
                           : QStringLiteral("the TLS handshake with LXD failed: %1")
                                 .arg(m_tlsErrors.join(QStringLiteral("; ")))));
        return;
    default:
        finish(failure(LxdError::ProtocolError,
                       QStringLiteral("no HTTP answer from LXD: %1").arg(text)));
        return;
    }
}

void LxdHttpsExchange::finish(Result<HttpResponse> result)
{
    if (!m_running)
        return;
    abort();
    deliver(std::move(result));
}

} // namespace relais
