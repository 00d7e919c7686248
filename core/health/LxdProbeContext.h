#pragma once

#include "common/Result.h"
#include "site/Host.h"

#include <QDateTime>
#include <functional>
#include <optional>

namespace relais {

class Clock;
class LxdClient;

/// What LXD probes need beyond the site document: a client for each host's
/// LXD (which needs the vault's SSH keys, so it comes from whoever unlocked
/// it) and when each container was last replicated (relais.db).
struct LxdProbeContext
{
    /// The host's LXD client; null while there are no connections (the
    /// vault has not been unlocked), or why it cannot be made (a missing
    /// key or client certificate, no LXD endpoint).
    std::function<Result<LxdClient*>(HostRole)> client;
    /// The end of @p instance's newest successful replication; nullopt when
    /// it never was.
    std::function<Result<std::optional<QDateTime>>(const QString& instance)> lastCopy;
};

} // namespace relais
