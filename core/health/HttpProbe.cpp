#include "HttpProbe.h"

#include "ProbeConnection.h"
#include "TcpProbe.h"
#include "common/CertificatePin.h"
#include "http/HttpRequestWriter.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace relais {

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

/// What a plain check reads per wake-up before it judges (the rest waits
/// for the next pass of the event loop).
constexpr qint64 PlainReadPerPass = 256 * 1024;

/// Above any body the plain check reads: it stops at MaxBodyBytes itself,
/// so a long page is judged on its beginning instead of refused.
constexpr qsizetype ParserBodyLimit = qsizetype(1) << 60;

bool isRedirect(int status)
{
    // The statuses QNetworkAccessManager follows.
    return status == 301 || status == 302 || status == 303 || status == 305 || status == 307 ||
           status == 308;
}

/// The Host header for @p url: the host (IPv6 in brackets) and a port other
/// than 80.
QByteArray hostHeader(const QUrl& url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port(80);
    if (port != 80)
        host += ':' + QByteArray::number(port);
    return host;
}

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
    if (!m_keyword.isEmpty() && !m_keyword.startsWith(QLatin1String("re:"))) {
        m_keywordUtf8 = m_keyword.toUtf8();
        m_keywordMatcher.setPattern(m_keywordUtf8);
    }
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
    if (m_setupError.isEmpty() && scheme == QLatin1String("http")) {
        // The same bytes for every check: written once.
        if (Result<QByteArray> request = plainRequest(m_url))
            m_firstRequest = std::move(request).value();
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
    if (m_connection) {
        m_connection->disconnect(this);
        delete m_connection;
    }
}

QString HttpProbe::describe() const
{
    return QStringLiteral("HTTP ") + m_url.toDisplayString();
}

std::optional<QByteArray> HttpProbe::parsePin(const QString& fingerprint)
{
    return CertificatePin::parse(fingerprint);
}

QString HttpProbe::formatPin(const QByteArray& digest)
{
    return CertificatePin::format(digest);
}

void HttpProbe::begin()
{
    m_body.clear();
    m_bodyBytes = 0;
    m_truncated = false;
    m_tlsErrors.clear();
    m_pinMismatch.clear();
    m_redirects = 0;

    if (!m_setupError.isEmpty()) {
        finish(ProbeResult::failure(HealthError::Failed, 0, m_setupError));
        return;
    }
    if (m_url.scheme() == QLatin1String("http") && plainWithoutProxy(m_url))
        startPlain(m_url, m_firstRequest);
    else
        startReply(m_url, MaxRedirects);
}

bool HttpProbe::plainWithoutProxy(const QUrl& url) const
{
    const QNetworkProxy& proxy = m_network->proxy();
    if (proxy.type() == QNetworkProxy::NoProxy)
        return true; // SiteHealth's setting: nothing to ask
    if (proxy.type() != QNetworkProxy::DefaultProxy)
        return false;
    // The application's proxy (or the system's, when the application asked
    // for it), as QTcpSocket would use it.
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    return proxies.isEmpty() || proxies.first().type() == QNetworkProxy::NoProxy ||
           proxies.first().type() == QNetworkProxy::DefaultProxy;
}

void HttpProbe::startReply(const QUrl& url, int redirectsLeft)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(redirectsLeft);
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

Result<QByteArray> HttpProbe::plainRequest(const QUrl& url)
{
    HttpRequest request;
    request.target = url.path(QUrl::FullyEncoded).toLatin1();
    if (request.target.isEmpty())
        request.target = "/";
    if (url.hasQuery())
        request.target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    request.host = hostHeader(url);
    // As through QNetworkAccessManager: alone, uncached, no cookies; and no
    // Accept-Encoding, so the body comes as the server has it.
    request.headers = {{"Connection", "close"},
                       {"Cache-Control", "no-cache"},
                       {"User-Agent", "Relais-health-probe"}};
    return HttpRequestWriter::write(request);
}

void HttpProbe::startPlain(const QUrl& url, const QByteArray& prepared)
{
    dropSocket();
    m_plainUrl = url;
    if (!prepared.isEmpty()) {
        m_request = prepared;
    } else {
        Result<QByteArray> bytes = plainRequest(url);
        if (!bytes) {
            finish(ProbeResult::failure(HealthError::Failed, elapsedMs(),
                                        QStringLiteral("cannot request %1: %2")
                                            .arg(url.toDisplayString(), bytes.error().message())));
            return;
        }
        m_request = std::move(bytes).value();
    }

    HttpResponseParser::Limits limits;
    limits.maxBodyBytes = ParserBodyLimit;
    m_parser.emplace(limits);
    m_searched = 0;

    // One connection object for all the checks of the probe (each on a
    // connection of its own): nothing made, wired and deleted per check.
    if (!m_connection) {
        m_connection = new ProbeConnection(this);
        m_connection->setReading(true);
        connect(m_connection, &ProbeConnection::connected, this, &HttpProbe::onPlainConnected);
        connect(m_connection, &ProbeConnection::readyRead, this, &HttpProbe::onPlainReadyRead);
        connect(m_connection, &ProbeConnection::errorOccurred, this, &HttpProbe::onPlainError);
    }
    m_connection->connectToHost(url.host(), quint16(url.port(80)));
}

void HttpProbe::onPlainConnected()
{
    if (m_parser)
        m_connection->send(m_request);
}

void HttpProbe::onPlainReadyRead()
{
    if (!m_parser)
        return;
    // Straight from the socket into the parser, then one verdict.
    char chunk[16 * 1024];
    qint64 taken = 0;
    while (taken < PlainReadPerPass) {
        const qint64 n = m_connection->read(chunk, sizeof chunk);
        if (n == 0)
            break;
        if (n < 0) {
            onPlainError(m_connection->error());
            return;
        }
        m_parser->feed(QByteArrayView(chunk, n));
        taken += n;
    }
    advancePlain(false);
}

void HttpProbe::onPlainError(QAbstractSocket::SocketError error)
{
    if (!m_parser)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError && m_parser->receivedAnything()) {
        // The server closed after (part of) its answer: what it sent decides.
        m_parser->finish();
        advancePlain(true);
        return;
    }
    const qint64 latency = elapsedMs();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        finish(ProbeResult::failure(HealthError::Failed, latency,
                                    QStringLiteral("the server closed the connection without "
                                                   "answering")));
        return;
    }
    finish(
        ProbeResult::failure(TcpProbe::healthError(error), latency, m_connection->errorString()));
}

void HttpProbe::advancePlain(bool closed)
{
    if (!isRunning())
        return;
    const HttpResponseParser& parser = *m_parser;
    if (parser.state() == HttpResponseParser::State::Failed) {
        finish(ProbeResult::failure(HealthError::Failed, elapsedMs(),
                                    QStringLiteral("invalid HTTP answer: ") +
                                        parser.error().message()));
        return;
    }
    if (!parser.headersComplete()) {
        if (closed)
            finish(ProbeResult::failure(HealthError::Failed, elapsedMs(),
                                        QStringLiteral("the connection closed before the end "
                                                       "of the HTTP headers")));
        return;
    }

    const HttpResponse& response = parser.response();
    if (followPlainRedirect())
        return;
    const QString& shown = plainStatusText(response);
    if (response.status < m_statusMin || response.status > m_statusMax) {
        // The status decides alone: no need for the body.
        finish(ProbeResult::failure(HealthError::HttpStatus, elapsedMs(), shown));
        return;
    }

    const QByteArray& body = response.body;
    const qsizetype usable = std::min<qsizetype>(body.size(), MaxBodyBytes);
    if (!m_keywordUtf8.isEmpty() && usable > m_searched) {
        // Search only what is new, and the keyword's length before it, so a
        // keyword split between two reads is found once.
        const qsizetype from = std::max<qsizetype>(0, m_searched - m_keywordUtf8.size() + 1);
        const qsizetype at = m_keywordMatcher.indexIn(body.constData(), usable, from);
        m_searched = usable;
        if (at >= 0) {
            finish(ProbeResult::success(elapsedMs(), shown));
            return;
        }
    }
    const bool complete = parser.state() == HttpResponseParser::State::Complete;
    const bool truncated = !complete && body.size() >= MaxBodyBytes;
    if (complete || truncated)
        finish(judge(response.status, QString::fromLatin1(response.reason), body.first(usable),
                     truncated));
}

const QString& HttpProbe::plainStatusText(const HttpResponse& response)
{
    if (m_shownStatusText.isEmpty() || response.status != m_shownStatus ||
        response.reason != m_shownReason) {
        m_shownStatus = response.status;
        m_shownReason = response.reason;
        m_shownStatusText = statusText(response.status, QString::fromLatin1(response.reason));
    }
    return m_shownStatusText;
}

bool HttpProbe::followPlainRedirect()
{
    const HttpResponse& response = m_parser->response();
    const QByteArray location = response.header("Location").trimmed();
    if (!isRedirect(response.status) || location.isEmpty())
        return false;
    if (m_redirects >= MaxRedirects) {
        finish(
            ProbeResult::failure(HealthError::HttpStatus, elapsedMs(),
                                 statusText(response.status, QString::fromLatin1(response.reason)) +
                                     QStringLiteral(": more than %1 redirects").arg(MaxRedirects)));
        return true;
    }
    ++m_redirects;
    const QUrl next = m_plainUrl.resolved(QUrl::fromEncoded(location));
    const QString scheme = next.scheme();
    if (!next.isValid() || next.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        finish(ProbeResult::failure(HealthError::Failed, elapsedMs(),
                                    QStringLiteral("redirect to an unsupported URL \"%1\"")
                                        .arg(sanitized(QString::fromLatin1(location)))));
        return true;
    }
    dropSocket();
    if (scheme == QLatin1String("http"))
        startPlain(next);
    else
        startReply(next, MaxRedirects - m_redirects);
    return true;
}

void HttpProbe::dropSocket()
{
    // The parser is what marks an exchange as going: without it the
    // socket's late signals are ignored.
    m_parser.reset();
    if (m_connection)
        m_connection->abort();
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
        ignorable =
            CertificatePin::ignorable(errors, m_reply->sslConfiguration().peerCertificate(), m_pin);
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
    m_pinMismatch = CertificatePin::mismatch(m_reply->sslConfiguration().peerCertificate(), m_pin);
    return m_pinMismatch.isEmpty();
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
    const QString shownStatus = statusText(
        status, m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());

    if (error == QNetworkReply::TooManyRedirectsError && statusAttribute.isValid())
        return ProbeResult::failure(
            HealthError::HttpStatus, latency,
            shownStatus + QStringLiteral(": more than %1 redirects").arg(MaxRedirects));
    if (error == QNetworkReply::InsecureRedirectError && statusAttribute.isValid())
        return ProbeResult::failure(HealthError::HttpStatus, latency,
                                    shownStatus +
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

    return judge(status, m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
                 m_body, m_truncated);
}

QString HttpProbe::statusText(int status, const QString& reason)
{
    const QString clean = sanitized(reason);
    return QStringLiteral("HTTP %1").arg(status) +
           (clean.isEmpty() ? QString() : QLatin1Char(' ') + clean);
}

ProbeResult HttpProbe::judge(int status, const QString& reason, const QByteArray& body,
                             bool truncated)
{
    const qint64 latency = elapsedMs();
    if (status < m_statusMin || status > m_statusMax)
        return ProbeResult::failure(HealthError::HttpStatus, latency, statusText(status, reason));

    if (!m_keyword.isEmpty()) {
        const bool found = m_pattern ? m_pattern->match(QString::fromUtf8(body)).hasMatch()
                                     : m_keywordMatcher.indexIn(body) >= 0;
        if (!found) {
            QString message = (m_pattern ? QStringLiteral("the page does not match \"")
                                         : QStringLiteral("the page does not contain \"")) +
                              m_keyword + QLatin1Char('"');
            if (truncated)
                message += QStringLiteral(" in its first %1 bytes").arg(MaxBodyBytes);
            return ProbeResult::failure(HealthError::KeywordMissing, latency, message);
        }
    }
    return ProbeResult::success(latency, statusText(status, reason));
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
    dropSocket();
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
