#pragma once

#include "common/Result.h"
#include "vault/SecretBytes.h"

#include <QString>

namespace relais {

/// A TSIG key (RFC 8945) as the vault holds it: "name:algorithm:base64secret",
/// for example "relais-lab:hmac-sha256:c2VjcmV0...". The secret stays in a
/// SecretBytes; nothing here prints it.
class TsigKey
{
public:
    enum class Algorithm
    {
        HmacSha256,
        HmacSha512,
        HmacSha1,
    };

    TsigKey() = default;

    /// Parses the vault entry text (surrounding white space is ignored).
    /// The algorithm is one of hmac-sha256, hmac-sha512, hmac-sha1 (case
    /// does not matter); "name:base64secret" means hmac-sha256. The secret
    /// must be valid, non-empty base64. Errors
    /// are DnsUpdateError::BadKeyText and never quote the secret.
    static Result<TsigKey> parse(const SecretBytes& text);

    /// The key name, absolute and lower case ("relais-lab.").
    const QString& name() const { return m_name; }
    Algorithm algorithm() const { return m_algorithm; }
    /// The algorithm's domain name as TSIG carries it ("hmac-sha256.").
    static QString algorithmName(Algorithm algorithm);
    /// The secret in base64 (constData() is NUL-terminated, as QByteArray
    /// keeps it).
    const SecretBytes& secretBase64() const { return m_secret; }

private:
    QString m_name;
    Algorithm m_algorithm = Algorithm::HmacSha256;
    SecretBytes m_secret;
};

} // namespace relais
