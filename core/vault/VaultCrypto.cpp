#include "VaultCrypto.h"

#include "VaultError.h"

#include <memory>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace relais {

namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

QString opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

Error cryptoFailed(const char* what)
{
    return Error(VaultError::CryptoFailed,
                 QStringLiteral("%1 failed (%2); free some memory and try again")
                     .arg(QLatin1String(what), opensslError()));
}

const unsigned char* u8(QByteArrayView bytes)
{
    return reinterpret_cast<const unsigned char*>(bytes.data());
}

int intSize(qsizetype size)
{
    return static_cast<int>(size);
}

} // namespace

Result<SecretBytes> VaultCrypto::deriveKey(const SecretBytes& passphrase, QByteArrayView salt,
                                           const KdfParams& params)
{
    if (!params.isValid()) {
        return Error(VaultError::InvalidEntry,
                     QStringLiteral("scrypt parameters out of range (log2 N %1, r %2, p %3)")
                         .arg(params.logN)
                         .arg(params.r)
                         .arg(params.p));
    }
    const quint64 n = quint64(1) << params.logN;
    // scrypt needs 128 * r * (N + p) bytes; leave room for OpenSSL's rounding.
    const quint64 maxmem = quint64(128) * params.r * (n + params.p + 2) + (quint64(1) << 20);
    SecretBytes key = SecretBytes::zeroed(KeySize);
    if (EVP_PBE_scrypt(passphrase.constData(), static_cast<size_t>(passphrase.size()), u8(salt),
                       static_cast<size_t>(salt.size()), n, params.r, params.p, maxmem,
                       key.mutableBytes(), static_cast<size_t>(KeySize)) != 1) {
        return cryptoFailed("scrypt key derivation");
    }
    return key;
}

Result<SecretBytes> VaultCrypto::hmac(const SecretBytes& key, QByteArrayView label)
{
    SecretBytes out = SecretBytes::zeroed(32);
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key.constData(), intSize(key.size()), u8(label),
             static_cast<size_t>(label.size()), out.mutableBytes(), &length) == nullptr ||
        length != 32) {
        return cryptoFailed("HMAC-SHA256");
    }
    return out;
}

Result<QByteArray> VaultCrypto::randomBytes(qsizetype size)
{
    QByteArray bytes(size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), intSize(size)) != 1)
        return cryptoFailed("random generator");
    return bytes;
}

Result<QByteArray> VaultCrypto::seal(const SecretBytes& key, QByteArrayView nonce,
                                     QByteArrayView aad, const SecretBytes& plaintext)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + TagSize, '\0');
    auto* cipher = reinterpret_cast<unsigned char*>(out.data());
    int length = 0;
    int total = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, intSize(nonce.size()), nullptr) !=
            1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.bytes(), u8(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &length, u8(aad), intSize(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), cipher, &length, plaintext.bytes(),
                          intSize(plaintext.size())) != 1) {
        return cryptoFailed("AES-256-GCM encryption");
    }
    total = length;
    if (EVP_EncryptFinal_ex(ctx.get(), cipher + total, &length) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, intSize(TagSize),
                            cipher + plaintext.size()) != 1) {
        return cryptoFailed("AES-256-GCM encryption");
    }
    return out;
}

Result<SecretBytes> VaultCrypto::open(const SecretBytes& key, QByteArrayView nonce,
                                      QByteArrayView aad, QByteArrayView ciphertext,
                                      QByteArrayView tag)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    SecretBytes plain = SecretBytes::zeroed(ciphertext.size());
    QByteArray tagCopy = tag.toByteArray();
    int length = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, intSize(nonce.size()), nullptr) !=
            1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.bytes(), u8(nonce)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &length, u8(aad), intSize(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), plain.mutableBytes(), &length, u8(ciphertext),
                          intSize(ciphertext.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, intSize(TagSize), tagCopy.data()) !=
            1) {
        return cryptoFailed("AES-256-GCM decryption");
    }
    const int total = length;
    if (EVP_DecryptFinal_ex(ctx.get(), plain.mutableBytes() + total, &length) != 1) {
        ERR_clear_error();
        return Error(VaultError::Corrupt, QStringLiteral("authentication tag does not match"));
    }
    return plain;
}

bool VaultCrypto::equal(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() &&
           (a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0);
}

} // namespace relais
