#pragma once

#include "health/LxdProbeContext.h"

#include <memory>

namespace relais {

class LxdReplicationHistory;
class SiteConnections;
struct Site;

/// The LXD access of a health model that lives longer than the vault's
/// unlocking: its context() is given to SiteHealth when the site is opened,
/// and looks up, at each check, the connections set since (the vault was
/// unlocked) and the replication history. Before setConnections(), the
/// LXD probes say that the vault is locked; after it, they reach LXD
/// through SiteConnections::lxd() (SSH or HTTPS, as the site says).
///
/// The SiteHealth that uses context() must go before this object.
class LxdHealthAccess
{
public:
    LxdHealthAccess();
    ~LxdHealthAccess();
    LxdHealthAccess(const LxdHealthAccess&) = delete;
    LxdHealthAccess& operator=(const LxdHealthAccess&) = delete;

    /// Whether @p site has a probe of kind lxd.
    static bool needed(const Site& site);

    /// The connections the probes use from now on (null: none, as when
    /// the vault is locked); the previous ones are closed.
    void setConnections(std::unique_ptr<SiteConnections> connections);
    SiteConnections* connections() const { return m_connections.get(); }
    /// Whether the connections give a client for every host an LXD probe
    /// of their site is aimed at (false without connections): connections
    /// made before a key or client certificate was added cannot.
    bool reachesEveryProbedHost() const;
    /// Where the copies' ages are read (null: unknown).
    void setHistory(std::unique_ptr<LxdReplicationHistory> history);
    LxdReplicationHistory* history() const { return m_history.get(); }
    /// Forgets the connections and the history (another site is opened).
    void clear();

    /// Valid as long as this object.
    const LxdProbeContext& context() const { return m_context; }

private:
    std::unique_ptr<SiteConnections> m_connections;
    std::unique_ptr<LxdReplicationHistory> m_history;
    LxdProbeContext m_context;
};

} // namespace relais
