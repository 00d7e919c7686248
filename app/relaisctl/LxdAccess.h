#pragma once

#include "health/LxdProbeContext.h"
#include "ssh/HostKeyVerifier.h"

#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class Database;
class LxdClient;
class LxdReplicationHistory;
class SshSession;
struct Site;

/// The hosts' LXD clients (through SSH, keys from the vault) and the
/// replication history that `relaisctl health` hands to its lxd probes.
/// Unknown SSH host keys are refused.
class LxdAccess
{
public:
    LxdAccess();
    /// Closes the clients and sessions and lets the sessions' threads end.
    ~LxdAccess();
    LxdAccess(const LxdAccess&) = delete;
    LxdAccess& operator=(const LxdAccess&) = delete;

    /// Whether @p site has a probe of kind lxd.
    static bool needed(const Site& site);

    /// Opens the vault and prepares a client for each host that has an
    /// LXD endpoint through SSH; false (with the reason on @p err) when the
    /// vault cannot be opened.
    bool open(const Site& site, const QString& sitePath, const QString& vaultPath,
              const std::optional<QString>& passphraseFile, QTextStream& err);

    const LxdProbeContext& context() const { return m_context; }

private:
    class RefuseUnknown : public HostKeyVerifier
    {
    public:
        void verify(const HostKeyQuestion&, std::function<void(bool accept)> answer) override
        {
            answer(false);
        }
    };

    RefuseUnknown m_verifier;
    std::unique_ptr<SshSession> m_sessions[2];
    LxdClient* m_clients[2] = {nullptr, nullptr};
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LxdReplicationHistory> m_history;
    LxdProbeContext m_context;
};

} // namespace relais
