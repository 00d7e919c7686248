#include "common/ManualClock.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"
#include "vault/VaultHeader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace relais;

namespace {

/// Small scrypt parameters (1 MiB) so that tests are fast.
const KdfParams Fast{10, 8, 1};

SecretBytes secret(const char* text)
{
    return SecretBytes(QByteArrayView(text));
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

VaultEntry makeEntry(const QString& id, VaultEntry::Kind kind, const char* value)
{
    VaultEntry entry;
    entry.id = id;
    entry.kind = kind;
    entry.label = QStringLiteral("label of ") + id;
    entry.secret = secret(value);
    return entry;
}

QString codeName(const Error& error)
{
    return QStringLiteral("%1/%2 (%3)")
        .arg(QLatin1String(error.domain()))
        .arg(error.value())
        .arg(error.message());
}

} // namespace

class TestVault : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;

    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

    /// A small vault with one saved entry.
    QString smallVault(const char* name)
    {
        const QString file = path(name);
        QFile::remove(file);
        QFile::remove(file + QStringLiteral(".bak"));
        Result<Vault> vault = Vault::create(file, secret("pass"), Fast, m_clock);
        if (!vault.ok())
            return {};
        if (!vault->add(makeEntry(QStringLiteral("k"), VaultEntry::Kind::Password, "s3cret"))
                 .ok() ||
            !vault->save().ok()) {
            return {};
        }
        return file;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripOfEveryKind()
    {
        const QString file = path("roundtrip.vault");
        const QList<VaultEntry> written = {
            makeEntry(QStringLiteral("main-ssh"), VaultEntry::Kind::SshPrivateKey,
                      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n"
                      "-----END OPENSSH PRIVATE KEY-----\n"),
            makeEntry(QStringLiteral("root.password"), VaultEntry::Kind::Password, "p\xc3\xa4ss"),
            makeEntry(QStringLiteral("ovh_token"), VaultEntry::Kind::ApiToken, "token-123"),
            makeEntry(QStringLiteral("tsig"), VaultEntry::Kind::TsigKey,
                      "lab-key:hmac-sha256:c2VjcmV0"),
            makeEntry(QStringLiteral("lxd-client"), VaultEntry::Kind::TlsClientCertificate,
                      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
                      "-----BEGIN PRIVATE KEY-----\nMC4C\n-----END PRIVATE KEY-----\n"),
        };
        {
            Result<Vault> vault = Vault::create(file, secret("passphrase"), Fast, m_clock);
            QVERIFY2(vault.ok(), qPrintable(vault.ok() ? QString() : codeName(vault.error())));
            for (const VaultEntry& entry : written)
                QVERIFY(vault->add(entry).ok());
            QVERIFY(vault->save().ok());
        }
        Result<Vault> vault = Vault::open(file, secret("passphrase"), m_clock);
        QVERIFY2(vault.ok(), qPrintable(vault.ok() ? QString() : codeName(vault.error())));
        QCOMPARE(vault->kdfParams(), Fast);
        Result<QList<VaultEntry>> entries = vault->entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), written.size());
        for (qsizetype i = 0; i < written.size(); ++i) {
            const VaultEntry& read = entries->at(i);
            QCOMPARE(read.id, written.at(i).id);
            QCOMPARE(read.kind, written.at(i).kind);
            QCOMPARE(read.label, written.at(i).label);
            QVERIFY(read.secret == written.at(i).secret);
            QCOMPARE(read.created, m_clock.now());
            QCOMPARE(read.updated, m_clock.now());
            QCOMPARE(read.created.timeSpec(), Qt::UTC);
            const Result<VaultEntry> byId = vault->entry(read.id);
            QVERIFY(byId.ok());
            QVERIFY(byId->secret == written.at(i).secret);
        }
        // No secret is in the file in clear (nor in base64).
        const QByteArray bytes = readAll(file);
        for (const VaultEntry& entry : written) {
            const QByteArray clear(entry.secret.constData(), entry.secret.size());
            QVERIFY(!bytes.contains(clear));
            QVERIFY(!bytes.contains(clear.toBase64()));
        }
        QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }

    void createRefusesAnExistingFile()
    {
        const QString file = path("existing");
        QVERIFY(writeAll(file, "keep me"));
        Result<Vault> vault = Vault::create(file, secret("pass"), Fast, m_clock);
        QVERIFY(!vault.ok());
        QVERIFY(vault.error().is(VaultError::WriteFailed));
        QCOMPARE(readAll(file), QByteArray("keep me"));
    }

    void createRefusesBadInput()
    {
        Result<Vault> empty = Vault::create(path("empty-pass"), SecretBytes(), Fast, m_clock);
        QVERIFY(empty.error().is(VaultError::InvalidEntry));
        Result<Vault> weak =
            Vault::create(path("weak"), secret("pass"), KdfParams{4, 8, 1}, m_clock);
        QVERIFY(weak.error().is(VaultError::InvalidEntry));
        QVERIFY(!QFileInfo::exists(path("empty-pass")));
        QVERIFY(!QFileInfo::exists(path("weak")));
    }

    void createUnderARegularFileFails()
    {
        const QString blocker = path("plain-file");
        QVERIFY(writeAll(blocker, "x"));
        Result<Vault> vault =
            Vault::create(blocker + QStringLiteral("/sub/vault"), secret("pass"), Fast, m_clock);
        QVERIFY(!vault.ok());
        QVERIFY(vault.error().is(VaultError::WriteFailed));
        QCOMPARE(readAll(blocker), QByteArray("x"));
    }

    void wrongPassphrase()
    {
        const QString file = smallVault("wrong.vault");
        QVERIFY(!file.isEmpty());
        const QByteArray before = readAll(file);
        Result<Vault> vault = Vault::open(file, secret("Pass"), m_clock);
        QVERIFY(!vault.ok());
        QVERIFY2(vault.error().is(VaultError::WrongPassphrase),
                 qPrintable(codeName(vault.error())));
        QCOMPARE(readAll(file), before);
    }

    void missingFile()
    {
        Result<Vault> vault = Vault::open(path("none.vault"), secret("pass"), m_clock);
        QVERIFY(vault.error().is(VaultError::NotFound));
    }

    void openWithTheRememberedKey()
    {
        const QString file = smallVault("key.vault");
        QVERIFY(!file.isEmpty());
        SecretBytes key;
        {
            Result<Vault> vault = Vault::open(file, secret("pass"), m_clock);
            QVERIFY(vault.ok());
            Result<SecretBytes> k = vault->key();
            QVERIFY(k.ok());
            QCOMPARE(k->size(), 32);
            key = *k;
        }
        Result<Vault> vault = Vault::openWithKey(file, key, m_clock);
        QVERIFY(vault.ok());
        QVERIFY(vault->entry(QStringLiteral("k")).ok());

        QByteArray other = key.view().toByteArray();
        other[0] = char(other[0] ^ 1);
        QVERIFY(Vault::openWithKey(file, SecretBytes::takeFrom(other), m_clock)
                    .error()
                    .is(VaultError::WrongPassphrase));
        QVERIFY(Vault::openWithKey(file, secret("short"), m_clock)
                    .error()
                    .is(VaultError::WrongPassphrase));
    }

    void foreignFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("expected");
        const int notAVault = int(VaultError::NotAVault);
        QTest::newRow("json") << QByteArray("{\"schema\": 1, \"name\": \"lab\"}\n") << notAVault;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << notAVault;
        QTest::newRow("short text") << QByteArray("hi") << notAVault;
        QTest::newRow("lowercase magic") << QByteArray("relaisvt").append(200, '\0') << notAVault;
        QTest::newRow("empty") << QByteArray() << int(VaultError::Truncated);
        QByteArray future("RELAISVT\0\2", 10);
        future.append(200, '\0');
        QTest::newRow("newer format") << future << int(VaultError::UnsupportedVersion);
    }

    void foreignFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, expected);
        const QString file = path("foreign");
        QVERIFY(writeAll(file, content));
        Result<Vault> vault = Vault::open(file, secret("pass"), m_clock);
        QVERIFY(!vault.ok());
        QVERIFY2(vault.error().is(VaultError(expected)), qPrintable(codeName(vault.error())));
        QCOMPARE(readAll(file), content);
    }

    void truncation()
    {
        const QString file = smallVault("truncated.vault");
        QVERIFY(!file.isEmpty());
        const QByteArray whole = readAll(file);
        const qsizetype sizes[] = {0,
                                   1,
                                   7,
                                   8,
                                   9,
                                   10,
                                   40,
                                   VaultHeader::Size - 1,
                                   VaultHeader::Size,
                                   VaultHeader::Size + 1,
                                   whole.size() - VaultHeader::TagSize,
                                   whole.size() - 1};
        const QString cut = path("cut.vault");
        for (qsizetype size : sizes) {
            const QByteArray part = whole.left(size);
            QVERIFY(writeAll(cut, part));
            Result<Vault> vault = Vault::open(cut, secret("pass"), m_clock);
            QVERIFY(!vault.ok());
            QVERIFY2(
                vault.error().is(VaultError::Truncated),
                qPrintable(QStringLiteral("size %1: %2").arg(size).arg(codeName(vault.error()))));
            QCOMPARE(readAll(cut), part);
        }
        // Bytes added at the end are damage too.
        QVERIFY(writeAll(cut, whole + "x"));
        QVERIFY(Vault::open(cut, secret("pass"), m_clock).error().is(VaultError::Corrupt));
    }

    void everyFlippedByteIsDetected_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("low bit") << 0x01;
        QTest::newRow("high bit") << 0x80;
        QTest::newRow("all bits") << 0xff;
    }

    void everyFlippedByteIsDetected()
    {
        QFETCH(int, mask);
        const QString original = smallVault("flip-original.vault");
        QVERIFY(!original.isEmpty());
        const QByteArray whole = readAll(original);
        QVERIFY(Vault::open(original, secret("pass"), m_clock).ok());

        // Offsets of the header fields (docs/vault-format.md).
        constexpr qsizetype Version = 8, Kdf = 10, Params = 18, Salt = 27, Nonce = 59, Check = 71,
                            BodySize = 103, Body = 107;
        static_assert(Body == VaultHeader::Size);
        using E = VaultError;
        const auto allowed = [&](qsizetype i) -> std::set<E> {
            if (i < Version)
                return {E::NotAVault};
            if (i < Kdf)
                return {E::UnsupportedVersion};
            if (i < Params)
                return {E::Corrupt, E::UnsupportedVersion};
            if (i < Salt)
                return {E::Corrupt, E::WrongPassphrase};
            if (i < Nonce)
                return {E::WrongPassphrase};
            if (i < Check)
                return {E::Corrupt};
            if (i < BodySize)
                return {E::WrongPassphrase};
            if (i < Body)
                return {E::Corrupt, E::Truncated};
            return {E::Corrupt};
        };

        const QString file = path("flipped.vault");
        for (qsizetype i = 0; i < whole.size(); ++i) {
            QByteArray damaged = whole;
            damaged[i] = char(damaged[i] ^ mask);
            QVERIFY(writeAll(file, damaged));
            Result<Vault> vault = Vault::open(file, secret("pass"), m_clock);
            QVERIFY2(!vault.ok(), qPrintable(QStringLiteral("byte %1 not detected").arg(i)));
            const std::optional<E> code = vault.error().code<E>();
            QVERIFY(code.has_value());
            QVERIFY2(allowed(i).count(*code) == 1,
                     qPrintable(QStringLiteral("byte %1: %2").arg(i).arg(codeName(vault.error()))));
            QCOMPARE(readAll(file), damaged);
            QVERIFY(!QFileInfo::exists(file + QStringLiteral(".bak")));
        }
        // The body and tag flips were all told apart from a wrong passphrase.
        QCOMPARE(readAll(original), whole);
    }

    void saveKeepsThePreviousFileAsBackup()
    {
        const QString file = path("backup.vault");
        const QString backup = file + QStringLiteral(".bak");
        Result<Vault> vault = Vault::create(file, secret("pass"), Fast, m_clock);
        QVERIFY(vault.ok());
        QVERIFY(!QFileInfo::exists(backup));
        const QByteArray first = readAll(file);
        QVERIFY(vault->add(makeEntry(QStringLiteral("a"), VaultEntry::Kind::ApiToken, "1")).ok());
        QVERIFY(vault->save().ok());
        QCOMPARE(readAll(backup), first);
        const QByteArray second = readAll(file);
        QVERIFY(second != first);
        QVERIFY(vault->save().ok());
        QCOMPARE(readAll(backup), second);
        const QByteArray third = readAll(file);
        // Same content, fresh nonce: the files differ.
        QCOMPARE(third.size(), second.size());
        QVERIFY(third.mid(59, 12) != second.mid(59, 12));
        QVERIFY(third != second);
        QCOMPARE(QFile::permissions(backup) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // The backup is a vault of its own, one save behind.
        Result<Vault> previous = Vault::open(backup, secret("pass"), m_clock);
        QVERIFY(previous.ok());
        QCOMPARE(previous->entries()->size(), 1);
        QCOMPARE(
            QDir(m_dir.path()).entryList({QStringLiteral("backup.vault*")}, QDir::Files).size(), 2);
    }

    void restoreUndoesARemovalExactly()
    {
        const QString file = path("restore.vault");
        Result<Vault> vault = Vault::create(file, secret("pass"), Fast, m_clock);
        QVERIFY(vault.ok());
        for (const char* id : {"a", "b", "c"}) {
            QVERIFY(vault->add(makeEntry(QLatin1String(id), VaultEntry::Kind::Password, id)).ok());
            m_clock.advanceSeconds(10);
        }
        Result<VaultEntry> b = vault->entry(QStringLiteral("b"));
        QVERIFY(b.ok());
        const QDateTime created = b->created;
        QVERIFY(vault->remove(QStringLiteral("b")).ok());
        m_clock.advanceSeconds(60);
        QVERIFY(vault->restore(*b, 1).ok());
        Result<QList<VaultEntry>> entries = vault->entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(1).id, QStringLiteral("b"));
        QCOMPARE(entries->at(1).created, created);
        QCOMPARE(entries->at(1).updated, created);
        QVERIFY(entries->at(1).secret == secret("b"));
        // Never twice, never invalid, appended when the place is gone.
        QVERIFY(vault->restore(*b).error().is(VaultError::DuplicateEntry));
        VaultEntry empty = makeEntry(QStringLiteral("d"), VaultEntry::Kind::Password, "");
        QVERIFY(vault->restore(empty).error().is(VaultError::InvalidEntry));
        QVERIFY(vault->remove(QStringLiteral("a")).ok());
        Result<VaultEntry> c = vault->entry(QStringLiteral("c"));
        QVERIFY(vault->remove(QStringLiteral("c")).ok());
        QVERIFY(vault->restore(*c, 7).ok());
        QCOMPARE(vault->entries()->last().id, QStringLiteral("c"));
        vault->lock();
        QVERIFY(vault->restore(*b).error().is(VaultError::Locked));
    }

    void failedSaveLeavesTheFileUntouched()
    {
        const QString file = smallVault("failing.vault");
        QVERIFY(!file.isEmpty());
        Result<Vault> vault = Vault::open(file, secret("pass"), m_clock);
        QVERIFY(vault.ok());
        const QByteArray before = readAll(file);
        QVERIFY(QFile::remove(file + QStringLiteral(".bak")));
        // A directory where the backup goes: even root cannot replace it.
        QVERIFY(QDir().mkpath(file + QStringLiteral(".bak/inside")));
        QVERIFY(vault->add(makeEntry(QStringLiteral("new"), VaultEntry::Kind::Password, "x")).ok());
        const Result<void> saved = vault->save();
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().is(VaultError::WriteFailed), qPrintable(codeName(saved.error())));
        QCOMPARE(readAll(file), before);
        // Likewise a passphrase change: the old key stays in force.
        const Result<void> changed = vault->changePassphrase(secret("other"));
        QVERIFY(changed.error().is(VaultError::WriteFailed));
        QCOMPARE(readAll(file), before);
        QVERIFY(QDir(file + QStringLiteral(".bak")).removeRecursively());
        QVERIFY(vault->save().ok());
        QVERIFY(Vault::open(file, secret("pass"), m_clock).ok());
        QCOMPARE(readAll(file + QStringLiteral(".bak")), before);
    }

    void kdfUpgrade()
    {
        const QString file = smallVault("upgrade.vault");
        QVERIFY(!file.isEmpty());
        SecretBytes oldKey;
        {
            Result<Vault> vault = Vault::open(file, secret("pass"), m_clock);
            QVERIFY(vault.ok());
            oldKey = *vault->key();
            const KdfParams stronger{12, 8, 2};
            QVERIFY(vault->changePassphrase(secret("new pass"), stronger).ok());
            QCOMPARE(vault->kdfParams(), stronger);
            QVERIFY(!(*vault->key() == oldKey));
            // Still usable after the change.
            QVERIFY(vault->entry(QStringLiteral("k")).ok());
        }
        Result<Vault> reopened = Vault::open(file, secret("new pass"), m_clock);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->kdfParams(), (KdfParams{12, 8, 2}));
        QVERIFY(reopened->entry(QStringLiteral("k"))->secret == secret("s3cret"));
        QVERIFY(Vault::open(file, secret("pass"), m_clock).error().is(VaultError::WrongPassphrase));
        QVERIFY(Vault::openWithKey(file, oldKey, m_clock).error().is(VaultError::WrongPassphrase));
        // The backup is the file before the change, under the old passphrase.
        QVERIFY(Vault::open(file + QStringLiteral(".bak"), secret("pass"), m_clock).ok());
        // Same passphrase, parameters only.
        QVERIFY(reopened->changePassphrase(secret("new pass"), KdfParams{11, 8, 1}).ok());
        QCOMPARE(Vault::open(file, secret("new pass"), m_clock)->kdfParams(),
                 (KdfParams{11, 8, 1}));
        QVERIFY(reopened->changePassphrase(secret("x"), KdfParams{30, 8, 1})
                    .error()
                    .is(VaultError::InvalidEntry));
    }

    void entryErrors()
    {
        Result<Vault> vault = Vault::create(path("entries.vault"), secret("pass"), Fast, m_clock);
        QVERIFY(vault.ok());
        QVERIFY(vault->add(makeEntry(QStringLiteral("a"), VaultEntry::Kind::Password, "1")).ok());
        QVERIFY(vault->add(makeEntry(QStringLiteral("a"), VaultEntry::Kind::Password, "2"))
                    .error()
                    .is(VaultError::DuplicateEntry));
        QVERIFY(vault->add(makeEntry(QStringLiteral("Bad Id"), VaultEntry::Kind::Password, "2"))
                    .error()
                    .is(VaultError::InvalidEntry));
        QVERIFY(vault->add(makeEntry(QStringLiteral("-a"), VaultEntry::Kind::Password, "2"))
                    .error()
                    .is(VaultError::InvalidEntry));
        QVERIFY(vault->add(makeEntry(QStringLiteral("b"), VaultEntry::Kind::Password, ""))
                    .error()
                    .is(VaultError::InvalidEntry));
        QVERIFY(vault->remove(QStringLiteral("zz")).error().is(VaultError::EntryNotFound));
        QVERIFY(vault->entry(QStringLiteral("zz")).error().is(VaultError::EntryNotFound));
        QVERIFY(vault->update(makeEntry(QStringLiteral("zz"), VaultEntry::Kind::Password, "1"))
                    .error()
                    .is(VaultError::EntryNotFound));

        const QDateTime created = m_clock.now();
        m_clock.advanceSeconds(60);
        QVERIFY(
            vault->update(makeEntry(QStringLiteral("a"), VaultEntry::Kind::ApiToken, "9")).ok());
        const Result<VaultEntry> updated = vault->entry(QStringLiteral("a"));
        QCOMPARE(updated->created, created);
        QCOMPARE(updated->updated, created.addSecs(60));
        QCOMPARE(updated->kind, VaultEntry::Kind::ApiToken);
        QVERIFY(updated->secret == secret("9"));
        QVERIFY(vault->remove(QStringLiteral("a")).ok());
        QVERIFY(vault->entries()->isEmpty());
    }

    void autoLockAfterIdleDelay()
    {
        const QString file = smallVault("idle.vault");
        QVERIFY(!file.isEmpty());
        Result<Vault> vault = Vault::open(file, secret("pass"), m_clock);
        QVERIFY(vault.ok());
        QCOMPARE(vault->idleTimeoutMs(), 15 * 60 * 1000);
        QCOMPARE(vault->msUntilAutoLock(), 15 * 60 * 1000);
        m_clock.advanceSeconds(14 * 60);
        QVERIFY(vault->entries().ok()); // an access restarts the delay
        m_clock.advanceSeconds(14 * 60);
        QVERIFY(!vault->isLocked());
        QVERIFY(!vault->lockIfIdle());
        QCOMPARE(vault->msUntilAutoLock(), 60 * 1000);
        m_clock.advanceSeconds(60);
        QCOMPARE(vault->msUntilAutoLock(), 0);
        const Result<QList<VaultEntry>> late = vault->entries();
        QVERIFY(late.error().is(VaultError::Locked));
        QVERIFY(vault->isLocked());
        QCOMPARE(vault->msUntilAutoLock(), -1);

        Result<Vault> again = Vault::open(file, secret("pass"), m_clock);
        QVERIFY(again.ok());
        again->setIdleTimeoutMs(1000);
        m_clock.advanceMs(999);
        QVERIFY(!again->lockIfIdle());
        m_clock.advanceMs(1);
        QVERIFY(again->lockIfIdle());
        QVERIFY(again->key().error().is(VaultError::Locked));

        Result<Vault> never = Vault::open(file, secret("pass"), m_clock);
        never->setIdleTimeoutMs(0);
        m_clock.advanceSeconds(24 * 3600);
        QVERIFY(never->entries().ok());
    }

    void lockWipesEverything()
    {
        const QString file = smallVault("lock.vault");
        QVERIFY(!file.isEmpty());
        Result<Vault> vault = Vault::open(file, secret("pass"), m_clock);
        QVERIFY(vault.ok());
        const QByteArray before = readAll(file);
        vault->lock();
        QVERIFY(vault->isLocked());
        QVERIFY(vault->key().error().is(VaultError::Locked));
        QVERIFY(vault->entries().error().is(VaultError::Locked));
        QVERIFY(vault->entry(QStringLiteral("k")).error().is(VaultError::Locked));
        QVERIFY(vault->add(makeEntry(QStringLiteral("x"), VaultEntry::Kind::Password, "1"))
                    .error()
                    .is(VaultError::Locked));
        QVERIFY(vault->remove(QStringLiteral("k")).error().is(VaultError::Locked));
        QVERIFY(vault->save().error().is(VaultError::Locked));
        QVERIFY(vault->changePassphrase(secret("x")).error().is(VaultError::Locked));
        QCOMPARE(readAll(file), before);

        // A moved-from vault is locked too.
        Result<Vault> other = Vault::open(file, secret("pass"), m_clock);
        Vault moved = std::move(*other);
        QVERIFY(other->isLocked()); // NOLINT(bugprone-use-after-move)
        QVERIFY(moved.entries().ok());
    }

    void defaultParameters()
    {
        const QString file = path("default.vault");
        QElapsedTimer timer;
        timer.start();
        {
            Result<Vault> vault =
                Vault::create(file, secret("correct horse"), KdfParams{}, m_clock);
            QVERIFY(vault.ok());
            QCOMPARE(vault->kdfParams(), (KdfParams{17, 8, 1}));
        }
        const qint64 createMs = timer.restart();
        Result<Vault> vault = Vault::open(file, secret("correct horse"), m_clock);
        const qint64 openMs = timer.elapsed();
        QVERIFY(vault.ok());
        QCOMPARE(vault->kdfParams(), (KdfParams{17, 8, 1}));
        qInfo("unlock with scrypt N=2^17 r=8 p=1: %lld ms (create %lld ms)", openMs, createMs);
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
