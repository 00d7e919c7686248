#pragma once

#include "HttpApiReply.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace relais {

/// Sends the JSON requests of a DNS provider's HTTP API, without blocking
/// the calling thread, and hands each answer to a callback.
///
/// - TLS is verified as usual against the system's CAs plus those given to
///   addCaCertificates() (a private CA, or a test CA) and those of the PEM
///   file the environment variable RELAIS_CA_FILE names; nothing is ever
///   ignored.
/// - Redirects are not followed: an API answers where it is asked.
/// - Each request has a transfer timeout; an answer body above
///   MaxBodyBytes is refused as Malformed.
/// - abort() drops every pending request: their callbacks never run.
///
/// Header values (keys, tokens, signatures) are never logged.
class HttpApiClient : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxBodyBytes = 8 * 1024 * 1024;
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using Handler = std::function<void(const HttpApiReply&)>;

    explicit HttpApiClient(QObject* parent = nullptr);
    ~HttpApiClient() override;

    /// Trusts @p certificates as CAs besides the system's.
    void addCaCertificates(const QList<QSslCertificate>& certificates);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    /// Sends @p verb ("GET", "PUT"...) to @p url; a non-empty @p body goes
    /// as application/json.
    void send(const QByteArray& verb, const QUrl& url, const Headers& headers,
              const QByteArray& body, Handler handler);
    void abort();

private:
    void onFinished(QNetworkReply* reply, const Handler& handler);

    QNetworkAccessManager* m_network;
    QList<QSslCertificate> m_caCertificates;
    QList<QPointer<QNetworkReply>> m_replies;
    int m_timeoutMs = 15000;
};

} // namespace relais
