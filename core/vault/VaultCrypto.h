#pragma once

#include "KdfParams.h"
#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace relais {

/// The vault's use of OpenSSL (scrypt, HMAC-SHA256, AES-256-GCM, random
/// bytes). No OpenSSL type leaves VaultCrypto.cpp.
class VaultCrypto
{
public:
    static constexpr qsizetype KeySize = 32;
    static constexpr qsizetype TagSize = 16;

    /// scrypt(passphrase, salt) with @p params: the vault key (32 bytes).
    static Result<SecretBytes> deriveKey(const SecretBytes& passphrase, QByteArrayView salt,
                                         const KdfParams& params);

    /// HMAC-SHA256(key, label): subkeys and the key-check value.
    static Result<SecretBytes> hmac(const SecretBytes& key, QByteArrayView label);

    /// @p size bytes from the OpenSSL random generator.
    static Result<QByteArray> randomBytes(qsizetype size);

    /// AES-256-GCM: ciphertext followed by the 16-byte tag.
    static Result<QByteArray> seal(const SecretBytes& key, QByteArrayView nonce, QByteArrayView aad,
                                   const SecretBytes& plaintext);

    /// AES-256-GCM decryption; an error when the tag does not authenticate.
    static Result<SecretBytes> open(const SecretBytes& key, QByteArrayView nonce,
                                    QByteArrayView aad, QByteArrayView ciphertext,
                                    QByteArrayView tag);

    /// Constant-time comparison.
    static bool equal(QByteArrayView a, QByteArrayView b);
};

} // namespace relais
