#pragma once

#include <QString>
#include <QStringList>

namespace relais {

/// One host of an OpenSSH client configuration (~/.ssh/config), with the
/// options Relais imports into a site. Empty or zero means "not set".
struct SshConfigHost
{
    QString alias;             ///< the name after "Host"
    QString hostName;          ///< HostName, else the alias
    int port = 22;             ///< Port
    QString user;              ///< User
    QStringList identityFiles; ///< IdentityFile, in order, "~" expanded
    QString proxyJump;         ///< ProxyJump as written ("[user@]host[:port]", an alias, or "a,b")

    bool operator==(const SshConfigHost&) const = default;
};

} // namespace relais
