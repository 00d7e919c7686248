#include "LxdHealthAccess.h"

#include "SiteConnections.h"
#include "common/DatabaseError.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdReplicationHistory.h"
#include "site/Site.h"

namespace relais {

LxdHealthAccess::LxdHealthAccess()
{
    m_context.client = [this](HostRole role) -> Result<LxdClient*> {
        if (!m_connections)
            return static_cast<LxdClient*>(nullptr);
        return m_connections->lxd(role);
    };
    m_context.lastCopy = [this](const QString& instance) -> Result<std::optional<QDateTime>> {
        if (!m_history)
            return Error(DatabaseError::OpenFailed,
                         QStringLiteral("no replication history (relais.db is not open)"));
        const auto last = m_history->lastSuccess(instance);
        if (!last)
            return last.error();
        if (!last->has_value())
            return std::optional<QDateTime>();
        return std::optional<QDateTime>((**last).endedAt);
    };
}

LxdHealthAccess::~LxdHealthAccess() = default;

bool LxdHealthAccess::needed(const Site& site)
{
    for (const Service& service : site.services) {
        for (const ProbeSpec& probe : service.probes) {
            if (probe.kind == ProbeSpec::Kind::Lxd)
                return true;
        }
    }
    return false;
}

bool LxdHealthAccess::reachesEveryProbedHost() const
{
    if (!m_connections)
        return false;
    for (const Service& service : m_connections->site().services) {
        for (const ProbeSpec& probe : service.probes) {
            if (probe.kind == ProbeSpec::Kind::Lxd && !m_connections->lxd(probe.host))
                return false;
        }
    }
    return true;
}

void LxdHealthAccess::setConnections(std::unique_ptr<SiteConnections> connections)
{
    m_connections = std::move(connections);
}

void LxdHealthAccess::setHistory(std::unique_ptr<LxdReplicationHistory> history)
{
    m_history = std::move(history);
}

void LxdHealthAccess::clear()
{
    m_connections.reset();
    m_history.reset();
}

} // namespace relais
