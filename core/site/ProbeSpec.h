#pragma once

#include "Host.h"

#include <QString>

namespace relais {

/// The configuration of one health check, as written in the site document.
struct ProbeSpec
{
    enum class Kind
    {
        Tcp,
        Http,
        Ssh,
        Dns,
        Lxd,
    };

    Kind kind = Kind::Tcp;
    HostRole host = HostRole::Main; ///< tcp, ssh, lxd
    int port = 0;                   ///< tcp; dns (default 53)
    QString url;                    ///< http
    int expectStatusMin = 200;      ///< http
    int expectStatusMax = 399;      ///< http
    QString keyword;                ///< http (optional)
    QString tlsPin;            ///< http: SHA-256 fingerprint of the pinned certificate (optional)
    QString server;            ///< dns: server asked
    QString name;              ///< dns: record asked (fully qualified)
    QString instance;          ///< lxd: the LXD instance watched on host
    int maxCopyAgeMinutes = 0; ///< lxd: oldest backup copy allowed (0: age not checked)
    int intervalSeconds = 5;
    int timeoutSeconds = 3;
    int failThreshold = 3;
    int recoverThreshold = 2;

    bool operator==(const ProbeSpec&) const = default;
};

} // namespace relais
