#pragma once

#include "LxdClientIdentity.h"
#include "LxdServerCertificates.h"
#include "LxdTransport.h"

#include <QList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSslCertificate;

namespace relais {

class TlsTrust;

/// A remote daemon over HTTPS (the site's lxd `transport: https`): requests
/// go through a QNetworkAccessManager of the transport's own, with the
/// console's client certificate, and the server's certificate must be the
/// one pinned for the URL's host and port.
///
/// - Pinned (in LxdServerCertificates, or given by setPin()): the leaf
///   certificate must have that SHA-256 fingerprint; exactly the
///   verification errors of that certificate are ignored (LXD's certificate
///   is self-signed and names only loopback), nothing else. Another
///   certificate fails with LxdError::CertificateMismatch before any request
///   is sent, and nobody is asked.
/// - Not pinned: the connection is dropped before any request is sent and
///   the injected TlsTrust is asked (once for all the requests waiting on
///   it); accepted, the fingerprint is pinned in the store and the requests
///   are sent again; refused (or no TlsTrust), LxdError::CertificateUnknown.
///
/// The manager is private so that the errors a pinned certificate let Qt
/// ignore never carry over to another connection (see HttpProbe).
class LxdHttpsTransport : public LxdTransport
{
    Q_OBJECT

public:
    /// @p url: "https://host:port" (8443 when left out). @p trust may be
    /// null (unknown certificates are refused); it must outlive the
    /// transport.
    LxdHttpsTransport(QUrl url, LxdClientIdentity identity, LxdServerCertificates store,
                      TlsTrust* trust, QObject* parent = nullptr);
    ~LxdHttpsTransport() override;

    LxdExchange* createExchange(HttpRequest request, int timeoutMs,
                                QObject* parent = nullptr) override;
    QString describe() const override;

    const QUrl& url() const { return m_url; }
    QString host() const { return m_url.host(); }
    int port() const { return m_url.port(8443); }
    const LxdClientIdentity& identity() const { return m_identity; }
    const LxdServerCertificates& store() const { return m_store; }

    /// Pins @p digest for this transport only (not written to the store):
    /// onboarding with a trust token that names the server's certificate.
    void setPin(const QByteArray& digest) { m_pin = digest; }
    /// The pin in use: setPin()'s, else the store's (read once, then kept);
    /// nullopt when none.
    Result<std::optional<QByteArray>> pin();

    // For LxdHttpsExchange.
    QNetworkAccessManager* network() const { return m_network; }
    /// Asks the TlsTrust about @p certificate (one question at a time, the
    /// answer shared by every exchange that saw the same certificate);
    /// accepted, pins it in the store. @p done gets success or the error.
    void askTrust(const QSslCertificate& certificate, std::function<void(Result<void>)> done);
    /// Calls @p done once the question being asked (if any) is answered:
    /// success when a certificate is pinned by then, CertificateUnknown
    /// otherwise.
    void afterQuestion(std::function<void(Result<void>)> done);

private:
    void onTrustAnswer(const QByteArray& digest, bool accept);

    QUrl m_url;
    LxdClientIdentity m_identity;
    LxdServerCertificates m_store;
    TlsTrust* m_trust;
    QNetworkAccessManager* m_network;
    std::optional<QByteArray> m_pin;
    QByteArray m_asking; ///< the digest being asked about
    QList<std::function<void(Result<void>)>> m_waiting;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace relais
