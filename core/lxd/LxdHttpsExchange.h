#pragma once

#include "LxdError.h"
#include "LxdExchange.h"

#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

class QNetworkReply;

namespace relais {

class LxdHttpsTransport;

/// One HTTP request to LXD over HTTPS through the transport's
/// QNetworkAccessManager (client certificate, pinned server certificate:
/// see LxdHttpsTransport). The pin is checked when the handshake reports
/// errors and again once it is complete, before the request is written;
/// an unknown certificate drops the connection, asks the transport's
/// TlsTrust and, when accepted, sends the request again once.
///
/// Errors: Unreachable (refused, no route, closed), Timeout,
/// CertificateMismatch, CertificateUnknown, TlsFailed (other TLS failures,
/// Qt's text), ProtocolError (an answer without an HTTP status, or a body
/// over 64 MiB). Any HTTP status is a result, for LxdResponse to read.
class LxdHttpsExchange : public LxdExchange
{
    Q_OBJECT

public:
    static constexpr qint64 MaxBodyBytes = 64 * 1024 * 1024;

    LxdHttpsExchange(LxdHttpsTransport* transport, HttpRequest request, int timeoutMs,
                     QObject* parent = nullptr);
    ~LxdHttpsExchange() override;

    void start() override;
    void abort() override;

private:
    void run();
    void onSslErrors(const QList<QSslError>& errors);
    void onEncrypted();
    void onFinished();
    /// Records why the handshake must not go on and drops the connection.
    void refuse(Error error);
    void dropReply();
    void finish(Result<HttpResponse> result);
    Error failure(LxdError code, const QString& why) const;

    QPointer<LxdHttpsTransport> m_transport;
    int m_timeoutMs;
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_pin;
    std::optional<Error> m_refusal; ///< mismatch or other TLS failure, seen in the handshake
    QSslCertificate m_unknown;      ///< an unpinned certificate the server presented
    QStringList m_tlsErrors;
    bool m_running = false;
    bool m_retried = false;
};

} // namespace relais
