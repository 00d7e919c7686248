#pragma once

#include <QString>

namespace relais {

/// How Relais reaches a host's LXD API.
struct LxdEndpoint
{
    enum class Transport
    {
        Ssh,   ///< the host's Unix socket through an SSH tunnel
        Https, ///< HTTPS with a client certificate, server certificate pinned
    };

    Transport transport = Transport::Ssh;
    QString socketPath = QStringLiteral("/var/snap/lxd/common/lxd/unix.socket");
    QString url;                 ///< https://address:port (Https)
    QString clientCertificateId; ///< vault id (Https)

    bool operator==(const LxdEndpoint&) const = default;
};

} // namespace relais
