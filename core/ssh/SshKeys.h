#pragma once

#include "SshKeyPair.h"
#include "common/Result.h"
#include "vault/SecretBytes.h"

#include <QString>

namespace relais {

/// Private SSH keys for the vault, on libssh: checks that a file is a
/// private key Relais can use, and makes new ed25519 keys. Every failure is
/// SshError::InvalidKey, with a message that says what to do. No libssh type
/// leaves SshKeys.cpp.
class SshKeys
{
public:
    /// Reads @p privateKey (the text of an unencrypted OpenSSH or PEM private
    /// key file) and gives its type and public line ending with @p comment
    /// (none when empty). The pair's privateKey is a copy of @p privateKey.
    static Result<SshKeyPair> inspect(const SecretBytes& privateKey, const QString& comment = {});

    /// A new ed25519 key: the private key in OpenSSH format (no passphrase:
    /// the vault protects it) and the public line "ssh-ed25519 AAAA... comment"
    /// to install in ~/.ssh/authorized_keys on a server.
    static Result<SshKeyPair> generateEd25519(const QString& comment = {});
};

} // namespace relais
