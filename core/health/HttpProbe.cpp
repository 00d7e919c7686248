#include "HttpProbe.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace relais {

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

/// A server-supplied phrase made safe to show: printable, trimmed, short.
QString sanitized(const QString& text, qsizetype max = 80)
{
    QString clean;
    for (const QChar c : text) {
        if (clean.size() >= max) {
            clean += QStringLiteral("...");
            break;
        }
        clean += c.isPrint() ? c : QLatin1Char('?');
    }
    return clean.trimmed();
}

} // namespace

HttpProbe::HttpProbe(QNetworkAccessManager& manager, QUrl url, int statusMin, int statusMax,
                     QString keyword, int timeoutMs, QString pinnedSha256, QObject* parent)
    : TimedProbe(timeoutMs, parent)
    , m_network(&manager)
    , m_url(std::move(url))
    , m_statusMin(statusMin)
    , m_statusMax(statusMax)
    , m_keyword(std::move(keyword))
{
    const QString scheme = m_url.scheme();
    if (!m_url.isValid() || m_url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        m_setupError = QStringLiteral("invalid URL \"%1\": expected http:// or https:// and a host")
                           .arg(m_url.toDisplayString());
    } else if (m_statusMin > m_statusMax) {
        m_setupError =
            QStringLiteral("invalid status range %1-%2").arg(m_statusMin).arg(m_statusMax);
    } else if (timeoutMs <= 0) {
        m_setupError = QStringLiteral("invalid timeout %1 ms").arg(timeoutMs);
    }

    if (m_keyword.startsWith(QLatin1String("re:"))) {
        QRegularExpression pattern(m_keyword.mid(3));
        if (pattern.isValid()) {
            m_pattern = std::move(pattern);
        } else if (m_setupError.isEmpty()) {
            m_setupError = QStringLiteral("invalid keyword pattern \"%1\": %2 at offset %3")
                               .arg(m_keyword, pattern.errorString())
                               .arg(pattern.patternErrorOffset());
        }
    }

    if (!pinnedSha256.isEmpty()) {
        const std::optional<QByteArray> pin = parsePin(pinnedSha256);
        if (pin)
            m_pin = *pin;
        else if (m_setupError.isEmpty())
            m_setupError = QStringLiteral("invalid certificate pin: expected a SHA-256 "
                                          "fingerprint (64 hexadecimal digits)");
        if (pin && scheme != QLatin1String("https") && m_setupError.isEmpty())
            m_setupError = QStringLiteral("a certificate pin needs an https:// URL");
    }
    if (!m_pin.isEmpty()) {
        // See the class comment: a pin's exceptions must stay with this probe.
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(manager.proxy());
    }
}

HttpProbe::~HttpProbe()
{
    dropReply();
}

QString HttpProbe::describe() const
{
    return QStringLiteral("HTTP ") + m_url.toDisplayString();
}

std::optional<QByteArray> HttpProbe::parsePin(const QString& fingerprint)
{
    QString hex = fingerprint.trimmed();
    hex.remove(QLatin1Char(':'));
    if (hex.size() != 64)
        return std::nullopt;
    for (const QChar c : hex) {
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const bool lower = c >= QLatin1Char('a') && c <= QLatin1Char('f');
        const bool upper = c >= QLatin1Char('A') && c <= QLatin1Char('F');
        if (!digit && !lower && !upper)
            return std::nullopt;
    }
    return QByteArray::fromHex(hex.toLatin1());
}

QString HttpProbe::formatPin(const QByteArray& digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

void HttpProbe::begin()
{
    m_body.clear();
    m_bodyBytes = 0;
    m_truncated = false;
    m_tlsErrors.clear();
    m_pinMismatch.clear();

    if (!m_setupError.isEmpty()) {
        finish(ProbeResult::failure(HealthError::Failed, 0, m_setupError));
        return;
    }

    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxRedirects);
    request.setTransferTimeout(timeoutMs());
    // A health check must reach the server itself, alone: no cache, no
    // cookies, no shared or kept-alive connection.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Connection", "close");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Relais-health-probe"));

    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpProbe::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpProbe::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, &HttpProbe::onSslErrors);
    connect(m_reply, &QNetworkReply::encrypted, this, &HttpProbe::onEncrypted);
}

void HttpProbe::onReadyRead()
{
    if (!m_reply)
        return;
    while (m_reply->bytesAvailable() > 0) {
        const qint64 room = MaxBodyBytes - m_bodyBytes;
        if (room <= 0) {
            // Enough: judge on the beginning of the page.
            m_truncated = true;
            finish(evaluate());
            return;
        }
        const QByteArray chunk = m_reply->read(std::min(room, ReadChunk));
        if (chunk.isEmpty())
            break;
        m_bodyBytes += chunk.size();
        if (!m_keyword.isEmpty())
            m_body += chunk;
    }
}

void HttpProbe::onFinished()
{
    if (!m_reply)
        return;
    onReadyRead();
    if (isRunning())
        finish(evaluate());
}

void HttpProbe::onSslErrors(const QList<QSslError>& errors)
{
    if (!m_reply)
        return;
    QList<QSslError> ignorable;
    if (!m_pin.isEmpty()) {
        if (!checkPin())
            return; // nothing ignored: the handshake fails, reported as PinMismatch
        const QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
        for (const QSslError& error : errors) {
            if (error.certificate() == leaf)
                ignorable.append(error);
        }
        m_reply->ignoreSslErrors(ignorable);
    }
    for (const QSslError& error : errors) {
        if (!ignorable.contains(error) && !m_tlsErrors.contains(error.errorString()))
            m_tlsErrors.append(error.errorString());
    }
}

void HttpProbe::onEncrypted()
{
    // With a CA-valid certificate there were no errors to look at: the pin
    // is checked here, before the request is answered.
    if (m_reply && !m_pin.isEmpty() && !checkPin())
        finish(evaluate());
}

bool HttpProbe::checkPin()
{
    const QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
    if (leaf.isNull()) {
        m_pinMismatch = QStringLiteral("the server presented no certificate");
        return false;
    }
    const QByteArray digest = leaf.digest(QCryptographicHash::Sha256);
    if (digest == m_pin)
        return true;
    m_pinMismatch = QStringLiteral("certificate SHA-256 fingerprint %1 is not the pinned %2")
                        .arg(formatPin(digest), formatPin(m_pin));
    return false;
}

ProbeResult HttpProbe::evaluate()
{
    const qint64 latency = elapsedMs();
    if (!m_pinMismatch.isEmpty())
        return ProbeResult::failure(HealthError::PinMismatch, latency, m_pinMismatch);

    const QNetworkReply::NetworkError error =
        m_truncated ? QNetworkReply::NoError : m_reply->error();
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.toInt();
    const QString statusText = QStringLiteral("HTTP %1").arg(status) + [&] {
        const QString reason =
            sanitized(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        return reason.isEmpty() ? QString() : QLatin1Char(' ') + reason;
    }();

    if (error == QNetworkReply::TooManyRedirectsError && statusAttribute.isValid())
        return ProbeResult::failure(
            HealthError::HttpStatus, latency,
            statusText + QStringLiteral(": more than %1 redirects").arg(MaxRedirects));
    if (error == QNetworkReply::InsecureRedirectError && statusAttribute.isValid())
        return ProbeResult::failure(HealthError::HttpStatus, latency,
                                    statusText +
                                        QStringLiteral(": redirect from https to http refused"));
    // Errors below 100 are transport errors; above, Qt's names for HTTP
    // statuses, judged by the status itself.
    if (error != QNetworkReply::NoError && (error < 100 || !statusAttribute.isValid()))
        return networkFailure(error);
    if (!statusAttribute.isValid())
        return ProbeResult::failure(HealthError::Failed, latency,
                                    QStringLiteral("no HTTP status in the answer"));

    if (!m_pin.isEmpty() && !checkPin())
        return ProbeResult::failure(HealthError::PinMismatch, latency, m_pinMismatch);

    if (status < m_statusMin || status > m_statusMax)
        return ProbeResult::failure(HealthError::HttpStatus, latency, statusText);

    if (!m_keyword.isEmpty()) {
        const bool found = m_pattern ? m_pattern->match(QString::fromUtf8(m_body)).hasMatch()
                                     : m_body.contains(m_keyword.toUtf8());
        if (!found) {
            QString message = (m_pattern ? QStringLiteral("the page does not match \"")
                                         : QStringLiteral("the page does not contain \"")) +
                              m_keyword + QLatin1Char('"');
            if (m_truncated)
                message += QStringLiteral(" in its first %1 bytes").arg(MaxBodyBytes);
            return ProbeResult::failure(HealthError::KeywordMissing, latency, message);
        }
    }
    return ProbeResult::success(latency, statusText);
}

ProbeResult HttpProbe::networkFailure(int error)
{
    const qint64 latency = elapsedMs();
    const QString text = m_reply->errorString();
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return ProbeResult::failure(HealthError::ConnectionRefused, latency, text);
    case QNetworkReply::HostNotFoundError:
        return ProbeResult::failure(HealthError::HostNotFound, latency, text);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout; cancel() never gets here
        return ProbeResult::failure(
            HealthError::Timeout, latency,
            QStringLiteral("no answer within %1 ms (%2)").arg(QString::number(timeoutMs()), text));
    case QNetworkReply::SslHandshakeFailedError:
        return ProbeResult::failure(HealthError::TlsFailed, latency,
                                    m_tlsErrors.isEmpty() ? text
                                                          : m_tlsErrors.join(QStringLiteral("; ")));
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return ProbeResult::failure(HealthError::Unreachable, latency, text);
    default:
        return ProbeResult::failure(HealthError::Failed, latency, text);
    }
}

void HttpProbe::release(bool)
{
    dropReply();
    m_body.clear();
}

void HttpProbe::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}

} // namespace relais
