#pragma once

#include "KdfParams.h"
#include "SecretBytes.h"
#include "VaultEntry.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace relais {

class Clock;

/// The encrypted file that holds every secret (format: docs/vault-format.md).
///
/// Opened with a passphrase (its UTF-8 bytes, through scrypt) or with the
/// key remembered in the OS keychain (KeychainStore). Changes (add, update, remove) stay in memory
/// until save(), which re-encrypts with a fresh nonce and replaces the file atomically, keeping the
/// previous file as "<path>.bak". No error ever overwrites anything.
///
/// The vault locks itself after an idle delay: every accessor first checks
/// the injected clock, and once the delay has passed since the last access
/// the key and entries are wiped and every accessor answers Locked. A UI
/// that wants to react at once polls lockIfIdle() from a timer armed with
/// msUntilAutoLock().
class Vault
{
public:
    static constexpr qint64 DefaultIdleTimeoutMs = 15 * 60 * 1000;

    /// Creates a new empty vault file at @p path; refuses to overwrite an
    /// existing file. @p clock must outlive the vault.
    static Result<Vault> create(const QString& path, const SecretBytes& passphrase,
                                const KdfParams& params, const Clock& clock);
    static Result<Vault> create(const QString& path, const SecretBytes& passphrase);

    /// Opens @p path with @p passphrase.
    static Result<Vault> open(const QString& path, const SecretBytes& passphrase,
                              const Clock& clock);
    static Result<Vault> open(const QString& path, const SecretBytes& passphrase);

    /// Opens @p path with a key given by key() earlier (the keychain path).
    static Result<Vault> openWithKey(const QString& path, const SecretBytes& key,
                                     const Clock& clock);

    Vault(Vault&& other) noexcept;
    Vault& operator=(Vault&& other) noexcept;
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;
    ~Vault();

    QString path() const { return m_path; }
    KdfParams kdfParams() const { return m_kdf; }

    /// The key derived from the passphrase, for "remember on this computer".
    /// It changes with changePassphrase().
    Result<SecretBytes> key();

    Result<QList<VaultEntry>> entries();
    Result<VaultEntry> entry(const QString& id);
    /// Adds @p entry (created and updated set to now); DuplicateEntry when
    /// the id exists, InvalidEntry for a bad id or an empty secret.
    Result<void> add(VaultEntry entry);
    /// Replaces the entry with the same id (keeps its creation time).
    Result<void> update(VaultEntry entry);
    Result<void> remove(const QString& id);
    /// Puts back an entry exactly as entry() gave it (times kept) at
    /// @p index (appended when out of range): undoes a remove() whose save
    /// failed. DuplicateEntry when the id is there again.
    Result<void> restore(VaultEntry entry, qsizetype index = -1);

    /// Writes the vault: fresh nonce, previous file kept as <path>.bak.
    Result<void> save();

    /// Re-keys with @p newPassphrase, a new salt and, when given, new scrypt
    /// parameters, then saves. On failure the vault keeps its old key.
    Result<void> changePassphrase(const SecretBytes& newPassphrase,
                                  std::optional<KdfParams> params = std::nullopt);

    /// Wipes the key and the entries; every accessor then answers Locked.
    void lock();
    /// Whether the vault is locked (locking it first if it has been idle).
    bool isLocked();
    /// Locks the vault if it has been idle too long; true if it did now.
    bool lockIfIdle();
    /// Milliseconds before an idle vault locks itself (-1: never, 0: due).
    qint64 msUntilAutoLock() const;
    /// 0 disables auto-lock.
    void setIdleTimeoutMs(qint64 ms) { m_idleTimeoutMs = ms; }
    qint64 idleTimeoutMs() const { return m_idleTimeoutMs; }

private:
    Vault(QString path, const Clock& clock);
    static Result<Vault> openWith(const QString& path, const SecretBytes* passphrase,
                                  const SecretBytes* key, const Clock& clock);
    Result<void> touch();
    Result<QByteArray> encrypt() const;
    Result<void> write(const QByteArray& file, bool keepBackup) const;
    qsizetype indexOf(const QString& id) const;

    QString m_path;
    const Clock* m_clock;
    KdfParams m_kdf;
    QByteArray m_salt;
    SecretBytes m_key;
    QList<VaultEntry> m_entries;
    bool m_locked = true;
    qint64 m_idleTimeoutMs = DefaultIdleTimeoutMs;
    qint64 m_lastAccessMs = 0;
};

} // namespace relais
