#include "SshKeys.h"

#include "HostKey.h"
#include "SshError.h"
#include "common/Logging.h"

#include <cstring>
#include <libssh/libssh.h>
#include <memory>
#include <vector>

namespace relais {

namespace {

struct KeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;

/// A comment fit for the end of an authorized_keys line: one line, no
/// control characters.
QString cleanComment(const QString& comment)
{
    QString clean = comment;
    for (QChar& c : clean) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return clean.simplified();
}

/// The public line and fingerprint of @p key.
Result<SshKeyPair> publicSide(ssh_key key, const QString& comment)
{
    char* base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key, &base64) != SSH_OK || !base64) {
        return Error(SshError::InvalidKey,
                     QStringLiteral("the public part of the key cannot be written"));
    }
    SshKeyPair pair;
    pair.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    const QString blob = QString::fromLatin1(base64);
    ssh_string_free_char(base64);
    pair.fingerprint = HostKey::fromOpenSsh(pair.type, blob).fingerprint();
    pair.publicLine = pair.type + QLatin1Char(' ') + blob;
    const QString clean = cleanComment(comment);
    if (!clean.isEmpty())
        pair.publicLine += QLatin1Char(' ') + clean;
    return pair;
}

} // namespace

Result<SshKeyPair> SshKeys::inspect(const SecretBytes& privateKey, const QString& comment)
{
    // ssh_pki_import_privkey_base64 wants the whole text, NUL-terminated.
    std::vector<char> text(static_cast<size_t>(privateKey.size()) + 1, '\0');
    std::memcpy(text.data(), privateKey.constData(), static_cast<size_t>(privateKey.size()));
    ssh_key rawKey = nullptr;
    // An empty passphrase: an encrypted key fails at once instead of asking.
    const int rc = ssh_pki_import_privkey_base64(text.data(), "", nullptr, nullptr, &rawKey);
    explicit_bzero(text.data(), text.size());
    if (rc != SSH_OK || !rawKey) {
        return Error(SshError::InvalidKey,
                     QStringLiteral("not an SSH private key Relais can use: give an OpenSSH or "
                                    "PEM private key file without a passphrase (remove one with "
                                    "ssh-keygen -p -f FILE)"));
    }
    KeyPtr key(rawKey);
    if (!ssh_key_is_private(key.get())) {
        return Error(SshError::InvalidKey,
                     QStringLiteral("this is a public key; give the private key file"));
    }
    Result<SshKeyPair> pair = publicSide(key.get(), comment);
    if (!pair)
        return pair.error();
    pair->privateKey = privateKey;
    return pair;
}

Result<SshKeyPair> SshKeys::generateEd25519(const QString& comment)
{
    ssh_key rawKey = nullptr;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &rawKey) != SSH_OK || !rawKey) {
        return Error(SshError::InvalidKey,
                     QStringLiteral("libssh could not make an ed25519 key (no randomness?)"));
    }
    KeyPtr key(rawKey);
    char* exported = nullptr;
    // libssh writes ed25519 private keys in the OpenSSH format.
    if (ssh_pki_export_privkey_base64(key.get(), nullptr, nullptr, nullptr, &exported) != SSH_OK ||
        !exported) {
        return Error(SshError::InvalidKey,
                     QStringLiteral("libssh could not write the new private key"));
    }
    const size_t length = std::strlen(exported);
    SecretBytes privateKey(QByteArrayView(exported, static_cast<qsizetype>(length)));
    explicit_bzero(exported, length);
    ssh_string_free_char(exported);

    Result<SshKeyPair> pair = publicSide(key.get(), comment);
    if (!pair)
        return pair.error();
    pair->privateKey = std::move(privateKey);
    qCInfo(lcSsh) << "generated an ed25519 key" << pair->fingerprint;
    return pair;
}

} // namespace relais
