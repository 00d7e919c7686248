#pragma once

#include "vault/SecretBytes.h"

#include <QString>

namespace relais {

/// An SSH key read or made by SshKeys: the private key file (OpenSSH or PEM
/// text, as kept in the vault) and its public side.
struct SshKeyPair
{
    SecretBytes privateKey; ///< the private key file's text (empty when only inspected)
    QString type;           ///< "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ...
    QString publicLine;     ///< "TYPE BASE64 [COMMENT]", one authorized_keys line
    QString fingerprint;    ///< "SHA256:..." as `ssh-keygen -l` prints it
};

} // namespace relais
