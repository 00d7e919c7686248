#pragma once

#include "SecretBytes.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace relais {

/// One secret in the vault. The site document refers to it by id.
struct VaultEntry
{
    enum class Kind
    {
        SshPrivateKey,        ///< "ssh-private-key": an OpenSSH private key file
        Password,             ///< "password"
        ApiToken,             ///< "api-token": a DNS provider's key or token
        TsigKey,              ///< "tsig-key": name:algorithm:base64secret
        TlsClientCertificate, ///< "tls-client-certificate": PEM certificate then PEM key
    };

    QString id; ///< [a-z0-9][a-z0-9._-]{0,63}, as vault ids in site documents
    Kind kind = Kind::Password;
    QString label;     ///< free text for people
    QDateTime created; ///< UTC, set by Vault::add
    QDateTime updated; ///< UTC, set by Vault::add and Vault::update
    SecretBytes secret;

    /// The name of @p kind in the vault body ("ssh-private-key", ...).
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString& name);
    /// Whether @p id is a vault id: [a-z0-9][a-z0-9._-]{0,63}.
    static bool isValidId(const QString& id);
};

} // namespace relais
