#pragma once

#include "TimedProbe.h"
#include "common/Result.h"
#include "http/HttpResponseParser.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QByteArrayMatcher>
#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QSslError>
#include <QUrl>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace relais {

class ProbeConnection;

/// Checks a web page: GET @p url, the status must lie in
/// [statusMin, statusMax] and the body, when a keyword is given, must
/// contain it.
///
/// - At most MaxRedirects redirects are followed, never from https to
///   http; a redirect beyond that gives HttpStatus.
/// - Only the first MaxBodyBytes of the body are read (and searched).
/// - The keyword is plain text (UTF-8, case-sensitive), or with the prefix
///   "re:" a QRegularExpression matched against the body read as UTF-8.
/// - The request bypasses caches and cookies, uses HTTP/1.1 and asks the
///   server to close the connection, so each check opens its own
///   connection (a connection accepted thanks to one probe's pin is never
///   reused by another request).
///
/// TLS is verified as usual; errors give TlsFailed with Qt's text. With a
/// pinned SHA-256 fingerprint of the server's certificate (and only then),
/// the leaf certificate must have that fingerprint: when it does, exactly
/// the verification errors of that certificate are ignored (a self-signed
/// or otherwise untrusted certificate is accepted because it is the pinned
/// one); when it does not, PinMismatch, even if a CA vouches for it.
/// Nothing else is ever ignored.
///
/// Plain http:// checks do not go through QNetworkAccessManager, whose
/// per-request machinery (a reply object, a worker thread, header maps)
/// costs several times the exchange itself: when no proxy applies, they
/// write the GET on a ProbeConnection (a bare socket, ended with a reset
/// once the check is done) and read the answer with HttpResponseParser.
/// Through a proxy they go through the manager. The verdict is the same: the status is judged
/// as soon as the headers are in, a plain keyword ends the check as soon as
/// it is found (a regular expression waits for the body's end or its first
/// MaxBodyBytes), and redirects are followed here under the same rules (an
/// http:// to https:// redirect continues through the manager, with the
/// redirects left).
///
/// A pinned probe sends its requests through a QNetworkAccessManager of
/// its own (same proxy as the shared one), never through the shared one:
/// Qt keeps the errors a reply ignored on its connection channel and
/// applies them again whenever that channel reconnects, so an exception
/// made for the pinned certificate would otherwise carry over to later
/// requests to the same host and port that have no pin.
class HttpProbe final : public TimedProbe
{
    Q_OBJECT

public:
    static constexpr int MaxRedirects = 3;
    static constexpr qint64 MaxBodyBytes = 1024 * 1024;

    /// @p manager: shared by the probes without a pin; it must outlive the
    /// probe.
    /// @p pinnedSha256: the certificate's SHA-256 fingerprint in hex, with
    /// or without colons (as `openssl x509 -fingerprint -sha256` prints
    /// it); empty for none. An invalid pin, keyword pattern or URL makes
    /// every check fail with HealthError::Failed.
    HttpProbe(QNetworkAccessManager& manager, QUrl url, int statusMin, int statusMax,
              QString keyword, int timeoutMs, QString pinnedSha256 = {}, QObject* parent = nullptr);
    ~HttpProbe() override;

    /// "HTTP https://www.example.test/".
    QString describe() const override;

    const QUrl& url() const { return m_url; }
    int statusMin() const { return m_statusMin; }
    int statusMax() const { return m_statusMax; }
    const QString& keyword() const { return m_keyword; }
    /// The pin as 32 raw bytes; empty for none.
    const QByteArray& pin() const { return m_pin; }

    /// Parses a SHA-256 fingerprint (64 hex digits, optionally in pairs
    /// separated by colons, any case) into its 32 bytes.
    static std::optional<QByteArray> parsePin(const QString& fingerprint);
    /// The fingerprint as `openssl x509 -fingerprint -sha256` prints it
    /// ("AB:CD:...").
    static QString formatPin(const QByteArray& digest);

protected:
    void begin() override;
    void release(bool ok) override;

private:
    // https:// (and redirects to it): through QNetworkAccessManager.
    void startReply(const QUrl& url, int redirectsLeft);
    void onReadyRead();
    void onFinished();
    void onSslErrors(const QList<QSslError>& errors);
    void onEncrypted();
    /// The verdict on the reply as it stands.
    ProbeResult evaluate();
    ProbeResult networkFailure(int error);
    /// Whether the certificate the reply carries is the pinned one;
    /// records the mismatch.
    bool checkPin();
    void dropReply();

    // http://: one GET over a socket of its own.
    /// @p prepared: the request's bytes if already written, else empty.
    void startPlain(const QUrl& url, const QByteArray& prepared = {});
    static Result<QByteArray> plainRequest(const QUrl& url);
    /// Whether a plain http:// URL may go over a bare connection: no proxy
    /// applies to it.
    bool plainWithoutProxy(const QUrl& url) const;
    void onPlainConnected();
    void onPlainReadyRead();
    void onPlainError(QAbstractSocket::SocketError error);
    /// Judges what the parser holds after new bytes or the end of the
    /// connection; finishes or follows a redirect when there is a verdict.
    void advancePlain(bool closed);
    /// Follows the redirect in the headers received; false when the status
    /// is not a redirect (or has no Location).
    bool followPlainRedirect();
    void dropSocket();

    /// The verdict on a complete (or truncated) answer.
    ProbeResult judge(int status, const QString& reason, const QByteArray& body, bool truncated);
    /// "HTTP 200 OK".
    static QString statusText(int status, const QString& reason);
    /// statusText() of the plain answer, kept while the server repeats it.
    const QString& plainStatusText(const HttpResponse& response);

    QNetworkAccessManager* m_network; ///< the shared manager, or the pinned probe's own
    QUrl m_url;
    int m_statusMin;
    int m_statusMax;
    QString m_keyword;
    QByteArray m_keywordUtf8;
    QByteArrayMatcher m_keywordMatcher;
    QByteArray m_pin;
    QString m_setupError; ///< why every check fails, if the settings are invalid
    std::optional<QRegularExpression> m_pattern;

    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    qint64 m_bodyBytes = 0;
    bool m_truncated = false;
    QStringList m_tlsErrors;
    QString m_pinMismatch; ///< the certificate seen instead of the pinned one

    ProbeConnection* m_connection = nullptr;
    std::optional<HttpResponseParser> m_parser;
    QUrl m_plainUrl;           ///< the URL the socket asks (after redirects)
    QByteArray m_firstRequest; ///< the GET for url(), written once
    QByteArray m_request;      ///< the GET to write once connected
    int m_redirects = 0;       ///< redirects followed in this run
    qsizetype m_searched = 0;  ///< body bytes already searched for the keyword
    int m_shownStatus = 0;
    QByteArray m_shownReason;
    QString m_shownStatusText;
};

} // namespace relais
