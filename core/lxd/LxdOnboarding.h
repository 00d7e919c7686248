#pragma once

#include "LxdClientIdentity.h"
#include "LxdServerCertificates.h"
#include "LxdTrustToken.h"
#include "common/Result.h"
#include "vault/SecretBytes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <optional>

namespace relais {

class LxdClient;
class LxdHttpsTransport;
class LxdOperation;
class TlsTrust;

/// Makes an LXD daemon trust the console's client certificate, as a job:
///
/// 1. GET /1.0 over HTTPS with @p identity: when LXD already answers
///    `"auth": "trusted"`, done (nothing is sent, a token is not used up).
/// 2. Otherwise POST /1.0/certificates {"type": "client", "name": …} with
///    the secret: a trust token goes in both `password` (LXD 5.0) and
///    `trust_token` (later versions); a plain trust password
///    (core.trust_password, LXD 5.0) in `password` only.
/// 3. GET /1.0 again: LXD must now answer `"auth": "trusted"`.
///
/// A token that names the server's certificate pins it for the connection,
/// so first contact asks nobody; the pin is written to the store once the
/// daemon trusts the console (a certificate other than the token's fails
/// with CertificateMismatch before anything is sent). With a trust password
/// the server certificate goes through @p trust like any first contact.
///
/// start() never blocks; finished() comes exactly once, never from start().
class LxdOnboarding : public QObject
{
    Q_OBJECT

public:
    LxdOnboarding(QUrl url, LxdClientIdentity identity, LxdServerCertificates store,
                  TlsTrust* trust, QObject* parent = nullptr);
    ~LxdOnboarding() override;

    void setToken(const LxdTrustToken& token);
    void setTrustPassword(const SecretBytes& password);
    /// The name LXD lists the certificate under (default: its common name).
    void setName(const QString& name) { m_name = name; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    void start();
    void cancel();
    bool isFinished() const { return m_result.has_value(); }
    const Result<void>& result() const { return *m_result; }
    /// Whether LXD trusted the console before (nothing was sent).
    bool wasAlreadyTrusted() const { return m_alreadyTrusted; }
    /// The server certificate's fingerprint now pinned (32 bytes).
    const QByteArray& serverFingerprint() const { return m_serverFingerprint; }

signals:
    void finished();

private:
    void run();
    void checkTrusted(bool afterPost);
    void post();
    void finish(Result<void> result);
    LxdOperation* track(LxdOperation* operation);

    LxdServerCertificates m_store;
    LxdClient* m_client = nullptr;
    LxdHttpsTransport* m_transport = nullptr;
    QString m_name;
    std::optional<LxdTrustToken> m_token;
    SecretBytes m_password;
    int m_timeoutMs = 30000;
    QPointer<LxdOperation> m_operation;
    bool m_running = false;
    bool m_alreadyTrusted = false;
    QByteArray m_serverFingerprint;
    std::optional<Result<void>> m_result;
};

} // namespace relais
