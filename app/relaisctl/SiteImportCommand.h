#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace relais {

/// `relaisctl site import-ssh`: builds a site's main and backup hosts from
/// two hosts of an OpenSSH client configuration (HostName, Port, User,
/// IdentityFile, ProxyJump) and stores their private key files in the
/// site's vault. A new site document is written; an existing one keeps
/// everything but the hosts' address and SSH settings. Nothing is written
/// unless everything succeeds; a vault entry with the same id but another
/// key is never overwritten.
class SiteImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(SiteImportCommand)

public:
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace relais
