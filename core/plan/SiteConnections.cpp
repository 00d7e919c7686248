#include "SiteConnections.h"

#include "PlanError.h"
#include "dns/DnsProvider.h"
#include "dns/DnsProviderFactory.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdHttpsTransport.h"
#include "lxd/LxdSshTransport.h"
#include "ssh/SshHostOptions.h"
#include "ssh/SshSession.h"
#include "vault/Vault.h"

namespace relais {

namespace {

std::size_t slot(HostRole role)
{
    return role == HostRole::Main ? 0 : 1;
}

} // namespace

SiteConnections::SiteConnections(Site site, Vault& vault, HostKeyVerifier* verifier,
                                 QObject* parent, TlsTrust* tlsTrust, Credentials credentials)
    : QObject(parent)
    , m_site(std::move(site))
    , m_verifier(verifier)
    , m_tlsTrust(tlsTrust)
{
    for (HostRole role : {HostRole::Main, HostRole::Backup}) {
        const Host& host = m_site.host(role);
        Result<SshSessionOptions> options = sshSessionOptions(vault, host);
        if (options)
            m_options[slot(role)] = std::move(options).value();
        else
            m_optionErrors[slot(role)] = options.error();
        if (host.lxd && host.lxd->transport == LxdEndpoint::Transport::Https)
            m_https[slot(role)] = LxdHttpsAccess::read(vault, *host.lxd);
    }
    if (credentials == Credentials::HostsOnly)
        return;
    for (const Service& service : std::as_const(m_site.services)) {
        QStringList ids;
        if (service.dns)
            ids << service.dns->tsigId << service.dns->credentialsId;
        if (service.failoverIp)
            ids << service.failoverIp->credentialsId;
        for (const QString& id : std::as_const(ids)) {
            if (!id.isEmpty() && !m_dnsSecrets.contains(id))
                m_dnsSecrets.insert(id, vault.entry(id));
        }
    }
}

void SiteConnections::setReadyShells(bool on)
{
    for (std::optional<SshSessionOptions>& options : m_options) {
        if (options)
            options->readyShell = on;
    }
}

SiteConnections::~SiteConnections()
{
    // The LXD clients (and their tunnels) go before the sessions they use.
    for (LxdClient*& client : m_lxd) {
        delete client;
        client = nullptr;
    }
}

Result<SshSession*> SiteConnections::session(HostRole role)
{
    std::unique_ptr<SshSession>& session = m_sessions[slot(role)];
    if (!session) {
        if (m_optionErrors[slot(role)])
            return *m_optionErrors[slot(role)];
        session = std::make_unique<SshSession>(*m_options[slot(role)], m_verifier);
    }
    return session.get();
}

SshSession* SiteConnections::existingSession(HostRole role) const
{
    return m_sessions[slot(role)].get();
}

DnsProviderFactory::SecretLookup SiteConnections::secrets() const
{
    return [this](const QString& id) -> Result<VaultEntry> {
        const auto found = m_dnsSecrets.constFind(id);
        if (found == m_dnsSecrets.cend())
            return Error(PlanError::NotConfigured,
                         tr("The vault entry \"%1\" was not read when these connections were "
                            "opened.")
                             .arg(id));
        return *found;
    };
}

Result<std::unique_ptr<DnsProvider>> SiteConnections::dnsProvider(const DnsBinding& binding,
                                                                  int timeoutMs)
{
    return DnsProviderFactory::createWith(binding, secrets(), timeoutMs);
}

Result<std::unique_ptr<OvhFailoverIpMove>>
SiteConnections::failoverIpMove(const FailoverIp& failoverIp, int timeoutMs)
{
    return DnsProviderFactory::createFailoverIpMoveWith(failoverIp, secrets(), timeoutMs);
}

Result<LxdClient*> SiteConnections::lxd(HostRole role)
{
    LxdClient*& client = m_lxd[slot(role)];
    if (!client) {
        const Host& host = m_site.host(role);
        if (!host.lxd)
            return Error(
                PlanError::NotConfigured,
                tr("The site gives no LXD daemon for %1 (\"lxd\" of the host).").arg(host.name));
        if (host.lxd->transport == LxdEndpoint::Transport::Https) {
            const std::optional<Result<LxdHttpsAccess>>& https = m_https[slot(role)];
            if (!https)
                return Error(
                    PlanError::NotConfigured,
                    tr("The LXD endpoint of %1 was not read from the vault.").arg(host.name));
            if (!*https)
                return https->error();
            client = new LxdClient((*https)->transport(m_tlsTrust));
            return client;
        }
        Result<SshSession*> ssh = session(role);
        if (!ssh)
            return ssh.error();
        client = new LxdClient(new LxdSshTransport(*ssh, host.lxd->socketPath));
    }
    return client;
}

} // namespace relais
