#pragma once

#include "common/Result.h"
#include "dns/DnsProviderFactory.h"
#include "dns/OvhFailoverIpMove.h"
#include "lxd/LxdHttpsAccess.h"
#include "site/Site.h"
#include "ssh/SshSessionOptions.h"
#include "vault/VaultEntry.h"

#include <QHash>
#include <QObject>
#include <array>
#include <memory>
#include <optional>

namespace relais {

class DnsProvider;
class HostKeyVerifier;
class LxdClient;
class SshSession;
class TlsTrust;
class Vault;

/// The ways to act on a site's two hosts, opened on demand and shared by
/// the jobs of a drill: one SSH session per host (host keys checked by the
/// verifier) and one LXD client per host, through that session or, for an
/// LXD endpoint of transport `https`, over HTTPS with the console's client
/// certificate and the server certificate pinned (LxdServerCertificates;
/// an unknown one goes to @p tlsTrust, refused without one). The keys and
/// client certificates are read from the vault when this object is made,
/// so the vault may lock during a drill; the verifier and the TlsTrust must
/// outlive this object. The credentials of the services' DNS records and
/// failover IPs are copied from the vault then too, unless the connections
/// only reach the hosts (Credentials::HostsOnly: health probes, sync runs,
/// the containers view), which then hold no DNS secret.
class SiteConnections : public QObject
{
    Q_OBJECT

public:
    /// Which credentials are read from the vault.
    enum class Credentials
    {
        HostsAndDns, ///< SSH keys, LXD client certificates, DNS and failover IP credentials
        HostsOnly,   ///< SSH keys and LXD client certificates
    };

    SiteConnections(Site site, Vault& vault, HostKeyVerifier* verifier, QObject* parent = nullptr,
                    TlsTrust* tlsTrust = nullptr,
                    Credentials credentials = Credentials::HostsAndDns);
    ~SiteConnections() override;

    const Site& site() const { return m_site; }
    /// Sessions made from now on keep a shell ready on their host
    /// (SshSessionOptions::readyShell), for connections that live long and
    /// run commands now and then.
    void setReadyShells(bool on);
    /// The host's session (it connects when a command first needs it).
    Result<SshSession*> session(HostRole role);
    /// The host's session if one was made, else nullptr (none is made).
    SshSession* existingSession(HostRole role) const;
    /// The host's LXD daemon: through its session and Unix socket, or over
    /// HTTPS, as the host's "lxd" endpoint says.
    Result<LxdClient*> lxd(HostRole role);
    /// A new provider for @p binding (one of the site's), with the
    /// credentials read from the vault when this object was made.
    Result<std::unique_ptr<DnsProvider>> dnsProvider(const DnsBinding& binding, int timeoutMs);
    /// A new move job for @p failoverIp (one of the site's), with the OVH
    /// credentials read from the vault when this object was made.
    Result<std::unique_ptr<OvhFailoverIpMove>> failoverIpMove(const FailoverIp& failoverIp,
                                                              int timeoutMs = 15000);

private:
    /// The credentials read when this object was made.
    DnsProviderFactory::SecretLookup secrets() const;

    Site m_site;
    HostKeyVerifier* m_verifier;
    TlsTrust* m_tlsTrust;
    /// Per host: how to connect, or why it cannot.
    std::array<std::optional<SshSessionOptions>, 2> m_options;
    std::array<std::optional<Error>, 2> m_optionErrors;
    /// Per host with an HTTPS LXD endpoint: its URL and client certificate,
    /// or why the vault could not give them.
    std::array<std::optional<Result<LxdHttpsAccess>>, 2> m_https;
    std::array<std::unique_ptr<SshSession>, 2> m_sessions;
    std::array<LxdClient*, 2> m_lxd{};
    /// DNS credentials by vault id, or why the vault could not give them.
    QHash<QString, Result<VaultEntry>> m_dnsSecrets;
};

} // namespace relais
