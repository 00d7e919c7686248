#pragma once

#include "common/Result.h"
#include "site/Site.h"
#include "ssh/SshSessionOptions.h"

#include <QObject>
#include <array>
#include <memory>
#include <optional>

namespace relais {

class HostKeyVerifier;
class LxdClient;
class SshSession;
class Vault;

/// The ways to act on a site's two hosts, opened on demand and shared by
/// the jobs of a drill: one SSH session per host (host keys checked by the
/// verifier) and one LXD client per host through that session. The keys
/// are read from the vault when this object is made, so the vault may lock
/// during a drill; the verifier must outlive this object.
class SiteConnections : public QObject
{
    Q_OBJECT

public:
    SiteConnections(Site site, Vault& vault, HostKeyVerifier* verifier, QObject* parent = nullptr);
    ~SiteConnections() override;

    const Site& site() const { return m_site; }
    /// The host's session (it connects when a command first needs it).
    Result<SshSession*> session(HostRole role);
    /// The host's LXD daemon through its session and Unix socket.
    Result<LxdClient*> lxd(HostRole role);

private:
    Site m_site;
    HostKeyVerifier* m_verifier;
    /// Per host: how to connect, or why it cannot.
    std::array<std::optional<SshSessionOptions>, 2> m_options;
    std::array<std::optional<Error>, 2> m_optionErrors;
    std::array<std::unique_ptr<SshSession>, 2> m_sessions;
    std::array<LxdClient*, 2> m_lxd{};
};

} // namespace relais
