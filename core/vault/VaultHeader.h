#pragma once

#include "KdfParams.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace relais {

/// The fixed 107-byte header of a vault file, format version 1 (see
/// docs/vault-format.md). All of it is the AAD of the AES-256-GCM body.
struct VaultHeader
{
    static constexpr char Magic[] = "RELAISVT";
    static constexpr qsizetype MagicSize = 8;
    static constexpr quint16 FormatVersion = 1;
    static constexpr qsizetype KdfNameSize = 8;
    static constexpr qsizetype SaltSize = 32;
    static constexpr qsizetype NonceSize = 12;
    static constexpr qsizetype CheckSize = 32;
    static constexpr qsizetype Size =
        MagicSize + 2 + KdfNameSize + 1 + 4 + 4 + SaltSize + NonceSize + CheckSize + 4;
    static constexpr qsizetype TagSize = 16;

    KdfParams kdf;
    QByteArray salt;
    QByteArray nonce;
    QByteArray keyCheck;
    quint32 bodySize = 0;

    QByteArray serialize() const;

    /// Reads the header of a whole vault file and checks the file's size
    /// against it; @p path only names the file in messages.
    static Result<VaultHeader> parse(const QByteArray& file, const QString& path);
};

} // namespace relais
