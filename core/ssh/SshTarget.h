#pragma once

#include <QByteArray>
#include <QString>

namespace relais {

/// One SSH hop: where to connect, as whom, with which private key (the
/// OpenSSH PEM text, from the vault; wiped by SshSession when it ends) or,
/// when no key is given, through an ssh-agent.
struct SshTarget
{
    QString address;
    int port = 22;
    QString user = QStringLiteral("root");
    QByteArray privateKey;
    /// With an empty privateKey: the ssh-agent socket to use (empty: $SSH_AUTH_SOCK).
    QString agentSocket;
};

} // namespace relais
