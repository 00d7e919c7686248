#pragma once

#include "common/Result.h"
#include "vault/SecretBytes.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace relais {

/// The console's identity towards LXD over HTTPS: a client certificate and
/// its private key. The vault keeps it as one `tls-client-certificate`
/// entry: the PEM certificate followed by the PEM private key
/// (docs/lxd.md). OpenSSL's types stay in the .cpp file.
class LxdClientIdentity
{
public:
    static constexpr int ValidityYears = 10;

    /// A new EC P-384 key and a self-signed certificate for it: subject
    /// CN=@p commonName, valid from now (minus a minute of clock skew) for
    /// ValidityYears, SHA-384 signature, a random serial, marked for client
    /// authentication.
    static Result<LxdClientIdentity> generate(const QString& commonName);
    /// Reads a vault entry's secret: a PEM certificate and a PEM private key
    /// (EC or RSA), in any order; InvalidClientCertificate when either is
    /// missing or they do not belong together.
    static Result<LxdClientIdentity> fromPem(const SecretBytes& pem);
    /// "relais@HOSTNAME".
    static QString defaultCommonName();

    /// The certificate then the key, as the vault keeps them.
    SecretBytes toPem() const;

    const QSslCertificate& certificate() const { return m_certificate; }
    const QSslKey& key() const { return m_key; }
    /// The certificate's SHA-256 digest (32 bytes): the fingerprint LXD lists.
    QByteArray fingerprint() const;

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace relais
