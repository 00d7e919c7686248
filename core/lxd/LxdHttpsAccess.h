#pragma once

#include "LxdClientIdentity.h"
#include "LxdServerCertificates.h"
#include "common/Result.h"

#include <QUrl>

namespace relais {

class LxdHttpsTransport;
class TlsTrust;
class Vault;
struct LxdEndpoint;

/// What it takes to reach one LXD daemon over HTTPS (an endpoint of
/// transport `https`): its URL and the console's client certificate, read
/// from the vault once, so that transports can be made later while the
/// vault is locked. Every part of Relais that speaks to LXD over HTTPS
/// (relaisctl, the drills' and the console's SiteConnections) makes its
/// transports here: the server certificate is checked against the pins of
/// LxdServerCertificates and an unknown one goes to the TlsTrust given.
class LxdHttpsAccess
{
public:
    /// Reads @p endpoint's client certificate from @p vault;
    /// InvalidClientCertificate when the entry is missing or unusable.
    static Result<LxdHttpsAccess> read(Vault& vault, const LxdEndpoint& endpoint);

    /// A new transport to the daemon (the caller, or the LxdClient it is
    /// given to, owns it). @p trust may be null (unknown certificates are
    /// refused) and must outlive the transport.
    LxdHttpsTransport* transport(TlsTrust* trust,
                                 LxdServerCertificates store = LxdServerCertificates()) const;

    const QUrl& url() const { return m_url; }
    const LxdClientIdentity& identity() const { return m_identity; }

private:
    LxdHttpsAccess(QUrl url, LxdClientIdentity identity);

    QUrl m_url;
    LxdClientIdentity m_identity;
};

} // namespace relais
