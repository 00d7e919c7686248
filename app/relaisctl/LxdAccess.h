#pragma once

#include "common/FingerprintTrust.h"
#include "health/LxdProbeContext.h"
#include "plan/LxdHealthAccess.h"
#include "ssh/RejectAllVerifier.h"

#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class Database;
struct Site;

/// The hosts' LXD clients (SiteConnections: through SSH or over HTTPS, as
/// the site says, keys and client certificates from the vault) and the
/// replication history that `relaisctl health` hands to its lxd probes.
/// Unknown SSH host keys and unknown LXD certificates are refused.
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

    /// Opens the vault and prepares the connections to the hosts' LXD;
    /// false (with the reason on @p err) when the vault cannot be opened or
    /// an SSH key is missing.
    bool open(const Site& site, const QString& sitePath, const QString& vaultPath,
              const std::optional<QString>& passphraseFile, QTextStream& err);

    const LxdProbeContext& context() const { return m_access.context(); }

    /// What to run for each unknown SSH host key and LXD certificate that
    /// was refused, once each.
    QStringList trustHints() const;

private:
    RejectAllVerifier m_verifier;
    FingerprintTrust m_tlsTrust;
    std::unique_ptr<Database> m_database;
    LxdHealthAccess m_access;
};

} // namespace relais
