#include "site/SiteDocument.h"
#include "vault/SecretBytes.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// `relaisctl site import-ssh` run as a user runs it: HOME with an
// ~/.ssh/config and keys made by ssh-keygen, a vault with a weak test KDF.
class TestRelaisctlSiteImport : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static constexpr char Passphrase[] = "import passphrase";

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString home() const { return path(QStringLiteral("home")); }
    QString vault() const { return path(QStringLiteral("vault")); }
    QString site() const { return path(QStringLiteral("site.json")); }

    Run relaisctl(const QStringList& arguments) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        env.insert(QStringLiteral("HOME"), home());
        env.insert(QStringLiteral("USER"), QStringLiteral("ana"));
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("RELAIS_CONFIG_DIR"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("RELAIS_VAULT_TEST_KDF_LOG2N"), QStringLiteral("10"));
        env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"), QLatin1String(Passphrase));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL), arguments);
        if (!process.waitForStarted(30000))
            return {};
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    Run import(const QStringList& extra = {}) const
    {
        return relaisctl(QStringList{QStringLiteral("site"), QStringLiteral("import-ssh"),
                                     QStringLiteral("--main"), QStringLiteral("web"),
                                     QStringLiteral("--backup"), QStringLiteral("pi"),
                                     QStringLiteral("--vault"), vault()} +
                         extra + QStringList{site()});
    }

    static QByteArray read(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void write(const QString& file, const QByteArray& bytes)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    void keygen(const QString& name, const QString& passphrase = QString())
    {
        const QString file = home() + QStringLiteral("/.ssh/") + name;
        QFile::remove(file);
        QFile::remove(file + QStringLiteral(".pub"));
        QProcess p;
        p.start(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                 QStringLiteral("-N"), passphrase, QStringLiteral("-f"), file});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
    }

    Vault openVault() const
    {
        Result<Vault> v = Vault::open(vault(), SecretBytes(QByteArrayView(Passphrase)));
        if (!v)
            qFatal("vault: %s", qPrintable(v.error().toString()));
        return std::move(v).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(home() + QStringLiteral("/.ssh")));
        keygen(QStringLiteral("web_key"));
        keygen(QStringLiteral("id_ed25519"));
        keygen(QStringLiteral("bastion"));
        write(home() + QStringLiteral("/.ssh/config"),
              "Host *\n  ServerAliveInterval 30\n"
              "Host web\n  HostName 192.0.2.10\n  Port 2222\n  User admin\n"
              "  IdentityFile ~/.ssh/web_key\n"
              "Host bastion\n  HostName 198.51.100.1\n  User jump\n  IdentityFile ~/.ssh/bastion\n"
              "Host pi\n  HostName 10.8.0.2\n  ProxyJump bastion\n"
              "Host locked\n  HostName 192.0.2.30\n  IdentityFile ~/.ssh/locked\n");
        const Run init = relaisctl(
            {QStringLiteral("vault"), QStringLiteral("init"), QStringLiteral("--vault"), vault()});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void newSiteFromTheConfig()
    {
        const Run run = import({QStringLiteral("--name"), QStringLiteral("Home lab")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("Stored 3 keys")));

        const Result<Site> s = SiteDocument::load(site());
        QVERIFY(s.ok());
        QCOMPARE(s->name, QStringLiteral("Home lab"));
        QCOMPARE(s->main.name, QStringLiteral("web"));
        QCOMPARE(s->main.address, QStringLiteral("192.0.2.10"));
        QCOMPARE(s->main.ssh.port, 2222);
        QCOMPARE(s->main.ssh.user, QStringLiteral("admin"));
        QCOMPARE(s->main.ssh.keyId, QStringLiteral("web_key"));
        QCOMPARE(s->backup.address, QStringLiteral("10.8.0.2"));
        QCOMPARE(s->backup.ssh.user, QStringLiteral("ana")); // the local user, as ssh
        QCOMPARE(s->backup.ssh.keyId, QStringLiteral("id_ed25519"));
        QVERIFY(s->backup.ssh.jump);
        QCOMPARE(s->backup.ssh.jump->address, QStringLiteral("198.51.100.1"));
        QCOMPARE(s->backup.ssh.jump->user, QStringLiteral("jump"));
        QCOMPARE(s->backup.ssh.jump->keyId, QStringLiteral("bastion"));

        // Each key is in the vault, byte for byte.
        Vault v = openVault();
        for (const char* id : {"web_key", "id_ed25519", "bastion"}) {
            Result<VaultEntry> e = v.entry(QLatin1String(id));
            QVERIFY2(e.ok(), id);
            QCOMPARE(e->kind, VaultEntry::Kind::SshPrivateKey);
            QVERIFY(e->secret.view() ==
                    read(home() + QStringLiteral("/.ssh/") + QLatin1String(id)));
        }
    }

    void existingSiteKeepsItsOtherSettings()
    {
        // The user named the site and added a service since.
        Result<Site> s = SiteDocument::load(site());
        QVERIFY(s.ok());
        s->name = QStringLiteral("Renamed");
        Service www;
        www.name = QStringLiteral("www");
        s->services.append(www);
        QVERIFY(SiteDocument::save(*s, site()).ok());
        write(home() + QStringLiteral("/.ssh/config"),
              read(home() + QStringLiteral("/.ssh/config"))
                  .replace("HostName 192.0.2.10", "HostName 192.0.2.11"));

        const Run run = import();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("already holds")));
        const Result<Site> after = SiteDocument::load(site());
        QVERIFY(after.ok());
        QCOMPARE(after->name, QStringLiteral("Renamed"));
        QCOMPARE(after->services.size(), 1);
        QCOMPARE(after->main.address, QStringLiteral("192.0.2.11"));
    }

    void anotherKeyUnderTheSameIdIsNotOverwritten()
    {
        keygen(QStringLiteral("web_key")); // a new key, same file name
        const QByteArray siteBefore = read(site());
        const QByteArray vaultBefore = read(vault());
        const Run run = import();
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("already has an entry \"web_key\"")),
                 qPrintable(run.err));
        QCOMPARE(read(site()), siteBefore);
        QCOMPARE(read(vault()), vaultBefore);
    }

    void passphraseProtectedKeyIsRefused()
    {
        keygen(QStringLiteral("locked"), QStringLiteral("secret words"));
        const QString other = path(QStringLiteral("other.json"));
        const Run run = relaisctl({QStringLiteral("site"), QStringLiteral("import-ssh"),
                                   QStringLiteral("--main"), QStringLiteral("locked"),
                                   QStringLiteral("--backup"), QStringLiteral("pi"),
                                   QStringLiteral("--vault"), vault(), other});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("protected by a passphrase")),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(other));
    }

    void unknownAliasAndMissingOptions()
    {
        const QString other = path(QStringLiteral("other.json"));
        Run run = relaisctl({QStringLiteral("site"), QStringLiteral("import-ssh"),
                             QStringLiteral("--main"), QStringLiteral("nope"),
                             QStringLiteral("--backup"), QStringLiteral("pi"), other});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("Host nope")));
        QVERIFY(!QFile::exists(other));

        run = relaisctl({QStringLiteral("site"), QStringLiteral("import-ssh"), other});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("Usage")));
    }

    void noKeysLeavesTheVaultAlone()
    {
        const QString other = path(QStringLiteral("nokeys.json"));
        const QByteArray vaultBefore = read(vault());
        const Run run =
            relaisctl({QStringLiteral("site"), QStringLiteral("import-ssh"),
                       QStringLiteral("--main"), QStringLiteral("web"), QStringLiteral("--backup"),
                       QStringLiteral("pi"), QStringLiteral("--no-keys"), other});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(SiteDocument::load(other).ok());
        QCOMPARE(read(vault()), vaultBefore);
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlSiteImport)
#include "tst_relaisctl_siteimport.moc"
