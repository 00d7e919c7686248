#pragma once

#include "LxdEndpoint.h"
#include "SshEndpoint.h"

#include <QString>
#include <optional>

namespace relais {

/// The two roles a host plays in a site.
enum class HostRole
{
    Main,
    Backup,
};

/// A server of the site: reached by SSH, with an LXD endpoint.
struct Host
{
    QString name;
    QString address;       ///< what Relais connects to
    QString publicAddress; ///< what users reach when this side is active (may be empty)
    SshEndpoint ssh;
    std::optional<LxdEndpoint> lxd;

    bool operator==(const Host&) const = default;
};

} // namespace relais
