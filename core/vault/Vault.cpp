#include "Vault.h"

#include "VaultCrypto.h"
#include "VaultError.h"
#include "VaultHeader.h"
#include "common/AtomicFile.h"
#include "common/Clock.h"
#include "common/FileError.h"
#include "common/Logging.h"
#include "common/SystemClock.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

namespace {

constexpr qint64 MaxVaultBytes = 64 * 1024 * 1024;
constexpr char CheckLabel[] = "relais-vault-check";
constexpr char EncryptLabel[] = "relais-vault-encrypt";

const QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Error locked(const QString& why)
{
    return Error(
        VaultError::Locked,
        QStringLiteral("the vault is locked (%1); unlock it with the passphrase").arg(why));
}

Error writeFailed(const Error& cause)
{
    return Error(VaultError::WriteFailed,
                 QStringLiteral("%1; the vault file was not changed: check the disk and the "
                                "directory's permissions, then save again")
                     .arg(cause.message()));
}

Result<void> validate(const VaultEntry& entry)
{
    if (!VaultEntry::isValidId(entry.id)) {
        return Error(VaultError::InvalidEntry,
                     QStringLiteral("invalid vault id \"%1\"; use 1 to 64 of a-z, 0-9, '.', '_', "
                                    "'-', starting with a letter or digit")
                         .arg(entry.id));
    }
    if (entry.secret.isEmpty()) {
        return Error(
            VaultError::InvalidEntry,
            QStringLiteral("entry \"%1\" has an empty secret; give it a secret").arg(entry.id));
    }
    return Result<void>::success();
}

/// The JSON body; its buffer is wiped when the SecretBytes goes.
SecretBytes bodyJson(const QList<VaultEntry>& entries)
{
    QJsonArray array;
    for (const VaultEntry& entry : entries) {
        QByteArray base64 =
            QByteArray::fromRawData(entry.secret.constData(), entry.secret.size()).toBase64();
        array.append(QJsonObject{
            {QStringLiteral("id"), entry.id},
            {QStringLiteral("kind"), VaultEntry::kindName(entry.kind)},
            {QStringLiteral("label"), entry.label},
            {QStringLiteral("created"), isoUtc(entry.created)},
            {QStringLiteral("updated"), isoUtc(entry.updated)},
            {QStringLiteral("secret"), QString::fromLatin1(base64)},
        });
        SecretBytes::wipe(base64);
    }
    QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("entries"), array}})
                          .toJson(QJsonDocument::Compact);
    return SecretBytes::takeFrom(json);
}

Result<QList<VaultEntry>> parseBody(const SecretBytes& plain, const QString& path)
{
    const auto corrupt = [&path](const QString& what) {
        return Error(VaultError::Corrupt,
                     QStringLiteral("%1 decrypts but its content is invalid (%2); restore %1.bak "
                                    "or another copy")
                         .arg(path, what));
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(plain.constData(), plain.size()), &parseError);
    if (!document.isObject())
        return corrupt(QStringLiteral("not a JSON object"));
    const QJsonValue entriesValue = document.object().value(QStringLiteral("entries"));
    if (!entriesValue.isArray())
        return corrupt(QStringLiteral("no entries"));
    QList<VaultEntry> entries;
    const QJsonArray array = entriesValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        VaultEntry entry;
        entry.id = object.value(QStringLiteral("id")).toString();
        const auto kind = VaultEntry::kindFromName(object.value(QStringLiteral("kind")).toString());
        if (!kind)
            return corrupt(QStringLiteral("entries[%1].kind").arg(i));
        entry.kind = *kind;
        entry.label = object.value(QStringLiteral("label")).toString();
        entry.created = QDateTime::fromString(object.value(QStringLiteral("created")).toString(),
                                              Qt::ISODateWithMs);
        entry.updated = QDateTime::fromString(object.value(QStringLiteral("updated")).toString(),
                                              Qt::ISODateWithMs);
        QByteArray base64 = object.value(QStringLiteral("secret")).toString().toLatin1();
        QByteArray secret = QByteArray::fromBase64(base64);
        SecretBytes::wipe(base64);
        entry.secret = SecretBytes::takeFrom(secret);
        if (!entry.created.isValid() || !entry.updated.isValid() || !validate(entry).ok())
            return corrupt(QStringLiteral("entries[%1]").arg(i));
        for (const VaultEntry& other : std::as_const(entries)) {
            if (other.id == entry.id)
                return corrupt(QStringLiteral("entries[%1]: duplicate id").arg(i));
        }
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace

Vault::Vault(QString path, const Clock& clock)
    : m_path(std::move(path))
    , m_clock(&clock)
{}

Vault::Vault(Vault&& other) noexcept
    : m_path(std::move(other.m_path))
    , m_clock(other.m_clock)
    , m_kdf(other.m_kdf)
    , m_salt(std::move(other.m_salt))
    , m_key(std::move(other.m_key))
    , m_entries(std::move(other.m_entries))
    , m_locked(other.m_locked)
    , m_idleTimeoutMs(other.m_idleTimeoutMs)
    , m_lastAccessMs(other.m_lastAccessMs)
{
    other.lock();
}

Vault& Vault::operator=(Vault&& other) noexcept
{
    if (this != &other) {
        lock();
        m_path = std::move(other.m_path);
        m_clock = other.m_clock;
        m_kdf = other.m_kdf;
        m_salt = std::move(other.m_salt);
        m_key = std::move(other.m_key);
        m_entries = std::move(other.m_entries);
        m_locked = other.m_locked;
        m_idleTimeoutMs = other.m_idleTimeoutMs;
        m_lastAccessMs = other.m_lastAccessMs;
        other.lock();
    }
    return *this;
}

Vault::~Vault()
{
    lock();
}

Result<Vault> Vault::create(const QString& path, const SecretBytes& passphrase)
{
    return create(path, passphrase, KdfParams{}, SystemClock::instance());
}

Result<Vault> Vault::create(const QString& path, const SecretBytes& passphrase,
                            const KdfParams& params, const Clock& clock)
{
    if (QFileInfo::exists(path)) {
        return Error(
            VaultError::WriteFailed,
            QStringLiteral("%1 already exists; open it, or choose another path").arg(path));
    }
    if (passphrase.isEmpty()) {
        return Error(VaultError::InvalidEntry,
                     QStringLiteral("the passphrase is empty; choose a passphrase"));
    }
    if (!params.isValid()) {
        return Error(VaultError::InvalidEntry,
                     QStringLiteral("scrypt parameters out of range (log2 N %1, r %2, p %3)")
                         .arg(params.logN)
                         .arg(params.r)
                         .arg(params.p));
    }
    Result<QByteArray> salt = VaultCrypto::randomBytes(VaultHeader::SaltSize);
    if (!salt)
        return salt.error();
    Result<SecretBytes> key = VaultCrypto::deriveKey(passphrase, *salt, params);
    if (!key)
        return key.error();

    Vault vault(path, clock);
    vault.m_kdf = params;
    vault.m_salt = *salt;
    vault.m_key = std::move(*key);
    vault.m_locked = false;
    vault.m_lastAccessMs = clock.monotonicMs();
    Result<QByteArray> file = vault.encrypt();
    if (!file)
        return file.error();
    if (Result<void> written = vault.write(*file, false); !written)
        return written.error();
    qCInfo(lcVault) << "created vault" << path;
    return vault;
}

Result<Vault> Vault::open(const QString& path, const SecretBytes& passphrase)
{
    return open(path, passphrase, SystemClock::instance());
}

Result<Vault> Vault::open(const QString& path, const SecretBytes& passphrase, const Clock& clock)
{
    return openWith(path, &passphrase, nullptr, clock);
}

Result<Vault> Vault::openWithKey(const QString& path, const SecretBytes& key, const Clock& clock)
{
    return openWith(path, nullptr, &key, clock);
}

Result<Vault> Vault::openWith(const QString& path, const SecretBytes* passphrase,
                              const SecretBytes* key, const Clock& clock)
{
    Result<QByteArray> file = AtomicFile::read(path, MaxVaultBytes);
    if (!file) {
        if (file.error().is(FileError::NotFound)) {
            return Error(
                VaultError::NotFound,
                QStringLiteral("%1 does not exist; create a vault or choose its file").arg(path));
        }
        if (file.error().is(FileError::TooLarge)) {
            return Error(VaultError::NotAVault,
                         QStringLiteral("%1 is too large to be a Relais vault; choose the vault "
                                        "file")
                             .arg(path));
        }
        return Error(
            VaultError::ReadFailed,
            QStringLiteral("%1; check that it is a file you may read").arg(file.error().message()));
    }
    Result<VaultHeader> header = VaultHeader::parse(*file, path);
    if (!header)
        return header.error();

    SecretBytes master;
    if (passphrase != nullptr) {
        Result<SecretBytes> derived =
            VaultCrypto::deriveKey(*passphrase, header->salt, header->kdf);
        if (!derived)
            return derived.error();
        master = std::move(*derived);
    } else if (key->size() == VaultCrypto::KeySize) {
        master = *key;
    }
    if (master.isEmpty()) {
        return Error(VaultError::WrongPassphrase,
                     QStringLiteral("the remembered key of %1 is not a vault key; unlock with the "
                                    "passphrase")
                         .arg(path));
    }
    Result<SecretBytes> check = VaultCrypto::hmac(master, CheckLabel);
    if (!check)
        return check.error();
    if (!VaultCrypto::equal(check->view(), header->keyCheck)) {
        if (passphrase != nullptr) {
            return Error(VaultError::WrongPassphrase,
                         QStringLiteral("wrong passphrase for %1; type it again").arg(path));
        }
        return Error(VaultError::WrongPassphrase,
                     QStringLiteral("the remembered key does not open %1 (was the passphrase "
                                    "changed?); unlock with the passphrase")
                         .arg(path));
    }
    Result<SecretBytes> encryptKey = VaultCrypto::hmac(master, EncryptLabel);
    if (!encryptKey)
        return encryptKey.error();
    const QByteArrayView whole(*file);
    Result<SecretBytes> plain = VaultCrypto::open(
        *encryptKey, header->nonce, whole.first(VaultHeader::Size),
        whole.sliced(VaultHeader::Size, header->bodySize), whole.last(VaultHeader::TagSize));
    if (!plain) {
        if (plain.error().is(VaultError::Corrupt)) {
            return Error(VaultError::Corrupt,
                         QStringLiteral("%1 has been damaged or tampered with (the passphrase is "
                                        "right but the content does not authenticate); restore "
                                        "%1.bak or another copy")
                             .arg(path));
        }
        return plain.error();
    }
    Result<QList<VaultEntry>> entries = parseBody(*plain, path);
    if (!entries)
        return entries.error();

    Vault vault(path, clock);
    vault.m_kdf = header->kdf;
    vault.m_salt = header->salt;
    vault.m_key = std::move(master);
    vault.m_entries = std::move(*entries);
    vault.m_locked = false;
    vault.m_lastAccessMs = clock.monotonicMs();
    qCInfo(lcVault) << "opened vault" << path << "with" << vault.m_entries.size() << "entries";
    return vault;
}

Result<SecretBytes> Vault::key()
{
    if (Result<void> ok = touch(); !ok)
        return ok.error();
    return m_key;
}

Result<QList<VaultEntry>> Vault::entries()
{
    if (Result<void> ok = touch(); !ok)
        return ok.error();
    return m_entries;
}

Result<VaultEntry> Vault::entry(const QString& id)
{
    if (Result<void> ok = touch(); !ok)
        return ok.error();
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return Error(VaultError::EntryNotFound,
                     QStringLiteral("no entry \"%1\" in the vault; add it or fix the id").arg(id));
    }
    return m_entries.at(index);
}

Result<void> Vault::add(VaultEntry entry)
{
    if (Result<void> ok = touch(); !ok)
        return ok;
    if (Result<void> valid = validate(entry); !valid)
        return valid;
    if (indexOf(entry.id) >= 0) {
        return Error(VaultError::DuplicateEntry,
                     QStringLiteral("the vault already has an entry \"%1\"; choose another id or "
                                    "update it")
                         .arg(entry.id));
    }
    entry.created = m_clock->now().toUTC();
    entry.updated = entry.created;
    m_entries.append(std::move(entry));
    return Result<void>::success();
}

Result<void> Vault::update(VaultEntry entry)
{
    if (Result<void> ok = touch(); !ok)
        return ok;
    if (Result<void> valid = validate(entry); !valid)
        return valid;
    const qsizetype index = indexOf(entry.id);
    if (index < 0) {
        return Error(VaultError::EntryNotFound,
                     QStringLiteral("no entry \"%1\" in the vault; add it instead").arg(entry.id));
    }
    entry.created = m_entries.at(index).created;
    entry.updated = m_clock->now().toUTC();
    m_entries[index] = std::move(entry);
    return Result<void>::success();
}

Result<void> Vault::remove(const QString& id)
{
    if (Result<void> ok = touch(); !ok)
        return ok;
    const qsizetype index = indexOf(id);
    if (index < 0) {
        return Error(VaultError::EntryNotFound,
                     QStringLiteral("no entry \"%1\" in the vault; nothing removed").arg(id));
    }
    m_entries.removeAt(index);
    return Result<void>::success();
}

Result<void> Vault::restore(VaultEntry entry, qsizetype index)
{
    if (Result<void> ok = touch(); !ok)
        return ok;
    if (Result<void> valid = validate(entry); !valid)
        return valid;
    if (indexOf(entry.id) >= 0) {
        return Error(VaultError::DuplicateEntry,
                     QStringLiteral("the vault already has an entry \"%1\"; nothing restored")
                         .arg(entry.id));
    }
    if (index < 0 || index > m_entries.size())
        index = m_entries.size();
    m_entries.insert(index, std::move(entry));
    return Result<void>::success();
}

Result<void> Vault::save()
{
    if (Result<void> ok = touch(); !ok)
        return ok;
    Result<QByteArray> file = encrypt();
    if (!file)
        return file.error();
    return write(*file, true);
}

Result<void> Vault::changePassphrase(const SecretBytes& newPassphrase,
                                     std::optional<KdfParams> params)
{
    if (Result<void> ok = touch(); !ok)
        return ok;
    if (newPassphrase.isEmpty()) {
        return Error(VaultError::InvalidEntry,
                     QStringLiteral("the new passphrase is empty; choose a passphrase"));
    }
    const KdfParams kdf = params.value_or(m_kdf);
    if (!kdf.isValid()) {
        return Error(VaultError::InvalidEntry,
                     QStringLiteral("scrypt parameters out of range (log2 N %1, r %2, p %3)")
                         .arg(kdf.logN)
                         .arg(kdf.r)
                         .arg(kdf.p));
    }
    Result<QByteArray> salt = VaultCrypto::randomBytes(VaultHeader::SaltSize);
    if (!salt)
        return salt.error();
    Result<SecretBytes> key = VaultCrypto::deriveKey(newPassphrase, *salt, kdf);
    if (!key)
        return key.error();

    const KdfParams oldKdf = m_kdf;
    QByteArray oldSalt = m_salt;
    SecretBytes oldKey = std::move(m_key);
    m_kdf = kdf;
    m_salt = *salt;
    m_key = std::move(*key);
    Result<QByteArray> file = encrypt();
    Result<void> written = file ? write(*file, true) : Result<void>(file.error());
    if (!written) {
        m_kdf = oldKdf;
        m_salt = oldSalt;
        m_key = std::move(oldKey);
        return written;
    }
    qCInfo(lcVault) << "changed the passphrase of" << m_path << "log2 N" << kdf.logN << "r" << kdf.r
                    << "p" << kdf.p;
    return Result<void>::success();
}

void Vault::lock()
{
    m_key.wipe();
    for (VaultEntry& entry : m_entries)
        entry.secret.wipe();
    m_entries.clear();
    m_locked = true;
}

bool Vault::isLocked()
{
    lockIfIdle();
    return m_locked;
}

bool Vault::lockIfIdle()
{
    if (m_locked || msUntilAutoLock() != 0)
        return false;
    qCInfo(lcVault) << "locking" << m_path << "after" << m_idleTimeoutMs / 1000 << "s idle";
    lock();
    return true;
}

qint64 Vault::msUntilAutoLock() const
{
    if (m_locked || m_idleTimeoutMs <= 0)
        return -1;
    return qMax<qint64>(0, m_lastAccessMs + m_idleTimeoutMs - m_clock->monotonicMs());
}

Result<void> Vault::touch()
{
    if (m_locked)
        return locked(QStringLiteral("locked on request"));
    if (lockIfIdle())
        return locked(QStringLiteral("idle for %1 s").arg(m_idleTimeoutMs / 1000));
    m_lastAccessMs = m_clock->monotonicMs();
    return Result<void>::success();
}

Result<QByteArray> Vault::encrypt() const
{
    Result<QByteArray> nonce = VaultCrypto::randomBytes(VaultHeader::NonceSize);
    if (!nonce)
        return nonce.error();
    Result<SecretBytes> check = VaultCrypto::hmac(m_key, CheckLabel);
    if (!check)
        return check.error();
    Result<SecretBytes> encryptKey = VaultCrypto::hmac(m_key, EncryptLabel);
    if (!encryptKey)
        return encryptKey.error();
    const SecretBytes plain = bodyJson(m_entries);

    VaultHeader header;
    header.kdf = m_kdf;
    header.salt = m_salt;
    header.nonce = *nonce;
    header.keyCheck = check->view().toByteArray();
    header.bodySize = static_cast<quint32>(plain.size());
    const QByteArray aad = header.serialize();
    Result<QByteArray> sealed = VaultCrypto::seal(*encryptKey, header.nonce, aad, plain);
    if (!sealed)
        return sealed.error();
    return QByteArray(aad + *sealed);
}

Result<void> Vault::write(const QByteArray& file, bool keepBackup) const
{
    if (keepBackup && QFileInfo::exists(m_path)) {
        const QString backup = m_path + QStringLiteral(".bak");
        Result<QByteArray> previous = AtomicFile::read(m_path, MaxVaultBytes);
        if (!previous)
            return writeFailed(previous.error());
        if (Result<void> written = AtomicFile::write(backup, *previous); !written)
            return writeFailed(written.error());
        QFile::setPermissions(backup, OwnerOnly);
    }
    if (Result<void> written = AtomicFile::write(m_path, file); !written)
        return writeFailed(written.error());
    QFile::setPermissions(m_path, OwnerOnly);
    return Result<void>::success();
}

qsizetype Vault::indexOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace relais
