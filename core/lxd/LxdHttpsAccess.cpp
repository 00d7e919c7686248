#include "LxdHttpsAccess.h"

#include "LxdError.h"
#include "LxdHttpsTransport.h"
#include "site/LxdEndpoint.h"
#include "vault/Vault.h"

namespace relais {

LxdHttpsAccess::LxdHttpsAccess(QUrl url, LxdClientIdentity identity)
    : m_url(std::move(url))
    , m_identity(std::move(identity))
{}

Result<LxdHttpsAccess> LxdHttpsAccess::read(Vault& vault, const LxdEndpoint& endpoint)
{
    const Result<VaultEntry> entry = vault.entry(endpoint.clientCertificateId);
    if (!entry)
        return Error(LxdError::InvalidClientCertificate,
                     QStringLiteral("the LXD client certificate %1 is not in the vault: %2")
                         .arg(endpoint.clientCertificateId, entry.error().message()));
    Result<LxdClientIdentity> identity = LxdClientIdentity::fromPem(entry->secret);
    if (!identity)
        return identity.error();
    return LxdHttpsAccess(QUrl(endpoint.url), std::move(identity).value());
}

LxdHttpsTransport* LxdHttpsAccess::transport(TlsTrust* trust, LxdServerCertificates store) const
{
    return new LxdHttpsTransport(m_url, m_identity, std::move(store), trust);
}

} // namespace relais
