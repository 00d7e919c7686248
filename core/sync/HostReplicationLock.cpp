#include "HostReplicationLock.h"

#include "common/ShellQuote.h"

#include <QFileInfo>

namespace relais {

QString HostReplicationLock::path()
{
    const QString moved = qEnvironmentVariable("RELAIS_HOST_LOCK_FILE");
    return moved.isEmpty() ? QStringLiteral("/var/lib/relais/replication-locked") : moved;
}

QString HostReplicationLock::guardCommand()
{
    return QStringLiteral("if [ -e %1 ]; then echo '%2: it serves since a failover; fail back "
                          "to unlock it.' >&2; exit %3; fi")
        .arg(shellQuote(path()), QLatin1String(RefusalText))
        .arg(ExitStatus);
}

QString HostReplicationLock::lockCommand(const QString& reason)
{
    const QString file = shellQuote(path());
    const QString tmp = shellQuote(path() + QStringLiteral(".tmp"));
    return QStringLiteral("umask 022 && mkdir -p %1 && printf '%s\\n' %2 > %3 && mv -f %3 %4")
        .arg(shellQuote(QFileInfo(path()).path()), shellQuote(reason), tmp, file);
}

QString HostReplicationLock::unlockCommand()
{
    return QStringLiteral("rm -f %1").arg(shellQuote(path()));
}

} // namespace relais
