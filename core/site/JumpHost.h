#pragma once

#include <QString>

namespace relais {

/// A host reached first to reach another (OpenSSH's ProxyJump).
struct JumpHost
{
    QString address;
    int port = 22;
    QString user = QStringLiteral("root");
    QString keyId; ///< vault id of its SSH private key

    bool operator==(const JumpHost&) const = default;
};

} // namespace relais
