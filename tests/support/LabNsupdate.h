#pragma once

#include "ProcessRun.h"

#include <QDebug>
#include <QFile>
#include <QString>

namespace relais::test {

/// The log file of the lab's DNS server @p server ("bind", "powerdns" or
/// "knot", as `labctl status --json` names them) under @p stateDir.
inline QString labDnsLog(const QString& stateDir, const QString& server)
{
    const QString file = server == QLatin1String("bind")       ? QStringLiteral("named")
                         : server == QLatin1String("powerdns") ? QStringLiteral("pdns")
                                                               : server;
    return stateDir + QStringLiteral("/logs/") + file + QStringLiteral(".log");
}

/// Sends @p commands as one RFC 2136 update of the lab's zone to the
/// server at 127.0.0.1:@p port with nsupdate and the key file @p keyFile.
///
/// The update goes over TCP: one request, answered when the server has
/// applied it. Over UDP nsupdate gives up after three 3 s retries, and a
/// server busy writing its zone (Knot flushes its zone file after each
/// update) can take longer than that while it is still working. On failure
/// the end of @p serverLog, when given, is printed with nsupdate's error.
inline bool labNsupdate(const QString& keyFile, quint16 port, const QString& commands,
                        const QString& serverLog = {})
{
    const QString script = QStringLiteral("server 127.0.0.1 %1\nzone example.test\n%2\nsend\n")
                               .arg(port)
                               .arg(commands);
    const ProcessRun run = runProcess(QStringLiteral("nsupdate"),
                                      {QStringLiteral("-v"), QStringLiteral("-t"),
                                       QStringLiteral("60"), QStringLiteral("-k"), keyFile},
                                      70000, script.toUtf8());
    if (run.exitCode == 0)
        return true;
    qWarning() << "nsupdate to port" << port << "failed:" << run.err;
    QFile log(serverLog);
    if (!serverLog.isEmpty() && log.open(QIODevice::ReadOnly)) {
        const QByteArray text = log.readAll();
        qWarning().noquote() << "end of" << serverLog << ":\n"
                             << QString::fromUtf8(text.right(3000));
    }
    return false;
}

} // namespace relais::test
