#pragma once

#include "KnownHosts.h"
#include "SshTarget.h"

#include <optional>

namespace relais {

/// How an SshSession reaches its host.
struct SshSessionOptions
{
    SshTarget target;
    /// Reached first, the target through it (OpenSSH's ProxyJump); its host
    /// key is checked the same way as the target's.
    std::optional<SshTarget> jump;
    QString knownHostsPath = KnownHosts::defaultPath();
    int connectTimeoutMs = 10000;
    /// Interval of keepalive requests while connected; 0 disables them.
    int keepaliveIntervalMs = 30000;
};

} // namespace relais
