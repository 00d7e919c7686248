#pragma once

#include "JumpHost.h"

#include <QString>
#include <optional>

namespace relais {

/// How Relais reaches a host over SSH.
struct SshEndpoint
{
    int port = 22;
    QString user = QStringLiteral("root");
    QString keyId; ///< vault id of the SSH private key
    std::optional<JumpHost> jump;

    bool operator==(const SshEndpoint&) const = default;
};

} // namespace relais
