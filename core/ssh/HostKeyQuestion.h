#pragma once

#include <QMetaType>
#include <QString>

namespace relais {

/// What a HostKeyVerifier is asked about: a host that offered a key Relais
/// does not know yet.
struct HostKeyQuestion
{
    QString host;
    int port = 22;
    QString keyType;          ///< "ssh-ed25519", ...
    QString fingerprint;      ///< "SHA256:..." as OpenSSH prints it
    bool viaJumpHost = false; ///< the host is reached through a jump host
};

} // namespace relais

Q_DECLARE_METATYPE(relais::HostKeyQuestion)
