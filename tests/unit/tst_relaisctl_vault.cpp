#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `relaisctl vault` run as a user runs it: a separate process with the
// passphrase in RELAIS_VAULT_PASSPHRASE or a --passphrase-file, and a
// weak scrypt (RELAIS_VAULT_TEST_KDF_LOG2N) to stay fast.
class TestRelaisctlVault : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static constexpr char Passphrase[] = "correct horse battery staple";
    static constexpr char FileSecret[] = "FILE-SECRET-7f3a9c";
    static constexpr char StdinSecret[] = "STDIN-SECRET-42b1e8";

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString vault() const { return path(QStringLiteral("data/vault")); }

    Run run(const QStringList& arguments, const QByteArray& passphrase = Passphrase,
            const QByteArray& input = {}) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("RELAIS_CONFIG_DIR"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("RELAIS_VAULT_TEST_KDF_LOG2N"), QStringLiteral("10"));
        env.remove(QStringLiteral("RELAIS_VAULT_PASSPHRASE"));
        if (!passphrase.isNull())
            env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"), QString::fromUtf8(passphrase));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{QStringLiteral("vault")} + arguments);
        if (!process.waitForStarted(30000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QByteArray vaultBytes() const
    {
        QFile file(vault());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    static void writeFile(const QString& name, const QByteArray& bytes)
    {
        QFile file(name);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    static bool showsNoSecret(const Run& run)
    {
        for (const char* secret : {Passphrase, FileSecret, StdinSecret}) {
            const QString text = QLatin1String(secret);
            if (run.out.contains(text) || run.err.contains(text))
                return false;
        }
        return true;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The slots run in order: each builds on the vault left by the one before.
    void initCreatesTheVault()
    {
        const Run missing = run({QStringLiteral("list")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("vault init")), qPrintable(missing.err));

        const Run init = run({QStringLiteral("init")});
        QCOMPARE(init.exitCode, 0);
        QVERIFY(QFile::exists(vault()));
        QVERIFY(showsNoSecret(init));

        const QByteArray before = vaultBytes();
        const Run again = run({QStringLiteral("init")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
        QCOMPARE(vaultBytes(), before);
    }

    void addFromFileAndStdin()
    {
        const QString secretFile = path(QStringLiteral("secret.txt"));
        writeFile(secretFile, FileSecret);
        const Run fromFile =
            run({QStringLiteral("add"), QStringLiteral("db-root"), QStringLiteral("--kind"),
                 QStringLiteral("password"), QStringLiteral("--label"),
                 QStringLiteral("Database root"), QStringLiteral("--file"), secretFile});
        QCOMPARE(fromFile.exitCode, 0);
        QVERIFY(showsNoSecret(fromFile));

        const Run fromStdin = run({QStringLiteral("add"), QStringLiteral("dns.token"),
                                   QStringLiteral("--kind"), QStringLiteral("api-token"),
                                   QStringLiteral("--label"), QStringLiteral("DNS provider")},
                                  Passphrase, StdinSecret);
        QCOMPARE(fromStdin.exitCode, 0);
        QVERIFY(showsNoSecret(fromStdin));

        // The secret is stored encrypted, never in clear.
        const QByteArray bytes = vaultBytes();
        QVERIFY(!bytes.contains(FileSecret));
        QVERIFY(!bytes.contains(StdinSecret));
    }

    void listShowsEntriesNeverSecrets()
    {
        const Run list = run({QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QStringLiteral("db-root")), qPrintable(list.out));
        QVERIFY(list.out.contains(QStringLiteral("Database root")));
        QVERIFY(list.out.contains(QStringLiteral("dns.token")));
        QVERIFY(list.out.contains(QStringLiteral("api-token")));
        QVERIFY(list.out.contains(QStringLiteral("DNS provider")));
        QVERIFY(showsNoSecret(list));

        const Run json = run({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(showsNoSecret(json));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.out.toUtf8(), &error);
        QVERIFY2(document.isObject(), qPrintable(error.errorString()));
        QCOMPARE(document[QStringLiteral("version")].toInt(), 1);
        QCOMPARE(document[QStringLiteral("vault")].toString(), vault());
        const QJsonArray entries = document[QStringLiteral("entries")].toArray();
        QCOMPARE(entries.size(), 2);
        const QJsonObject first = entries.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("created"), QStringLiteral("id"),
                                            QStringLiteral("kind"), QStringLiteral("label"),
                                            QStringLiteral("updated")}));
        QCOMPARE(first[QStringLiteral("id")].toString(), QStringLiteral("db-root"));
        QCOMPARE(first[QStringLiteral("kind")].toString(), QStringLiteral("password"));
        QCOMPARE(first[QStringLiteral("label")].toString(), QStringLiteral("Database root"));
        QVERIFY(
            QDateTime::fromString(first[QStringLiteral("created")].toString(), Qt::ISODateWithMs)
                .isValid());
        QCOMPARE(entries.at(1)[QStringLiteral("id")].toString(), QStringLiteral("dns.token"));
        QCOMPARE(entries.at(1)[QStringLiteral("kind")].toString(), QStringLiteral("api-token"));
    }

    void passphraseFile()
    {
        const QString file = path(QStringLiteral("passphrase"));
        writeFile(file, QByteArray(Passphrase) + '\n');
        const Run list =
            run({QStringLiteral("list"), QStringLiteral("--passphrase-file"), file}, QByteArray());
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("db-root")));
        QVERIFY(showsNoSecret(list));

        const Run missing = run({QStringLiteral("list"), QStringLiteral("--passphrase-file"),
                                 path(QStringLiteral("nonexistent"))},
                                QByteArray());
        QCOMPARE(missing.exitCode, 2);
    }

    void errorsLeaveTheVaultUntouched()
    {
        const QByteArray before = vaultBytes();
        const QString secretFile = path(QStringLiteral("secret.txt"));

        const Run wrong =
            run({QStringLiteral("add"), QStringLiteral("other"), QStringLiteral("--kind"),
                 QStringLiteral("password"), QStringLiteral("--label"), QStringLiteral("x"),
                 QStringLiteral("--file"), secretFile},
                "not the passphrase");
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(QStringLiteral("Wrong passphrase")), qPrintable(wrong.err));
        QVERIFY(!wrong.err.contains(QStringLiteral("not the passphrase")));
        QVERIFY(showsNoSecret(wrong));
        QCOMPARE(run({QStringLiteral("list")}, "not the passphrase").exitCode, 2);
        QCOMPARE(run({QStringLiteral("remove"), QStringLiteral("db-root")}, "not the passphrase")
                     .exitCode,
                 2);

        const Run duplicate =
            run({QStringLiteral("add"), QStringLiteral("db-root"), QStringLiteral("--kind"),
                 QStringLiteral("password"), QStringLiteral("--label"), QStringLiteral("x"),
                 QStringLiteral("--file"), secretFile});
        QCOMPARE(duplicate.exitCode, 2);
        QVERIFY2(duplicate.err.contains(QStringLiteral("already has an entry \"db-root\"")),
                 qPrintable(duplicate.err));

        const Run badId =
            run({QStringLiteral("add"), QStringLiteral("Bad Id"), QStringLiteral("--kind"),
                 QStringLiteral("password"), QStringLiteral("--label"), QStringLiteral("x"),
                 QStringLiteral("--file"), secretFile});
        QCOMPARE(badId.exitCode, 2);
        QVERIFY(badId.err.contains(QStringLiteral("Invalid id")));

        const Run badKind =
            run({QStringLiteral("add"), QStringLiteral("other"), QStringLiteral("--kind"),
                 QStringLiteral("pgp-key"), QStringLiteral("--label"), QStringLiteral("x"),
                 QStringLiteral("--file"), secretFile});
        QCOMPARE(badKind.exitCode, 2);
        QVERIFY(badKind.err.contains(QStringLiteral("Unknown kind \"pgp-key\"")));

        const Run emptySecret =
            run({QStringLiteral("add"), QStringLiteral("other"), QStringLiteral("--kind"),
                 QStringLiteral("password"), QStringLiteral("--label"), QStringLiteral("x")});
        QCOMPARE(emptySecret.exitCode, 2);

        const Run unknown = run({QStringLiteral("remove"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no entry \"nope\"")),
                 qPrintable(unknown.err));

        QCOMPARE(run({QStringLiteral("remove"), QStringLiteral("Bad Id")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(run({}).exitCode, 2);

        QCOMPARE(vaultBytes(), before);
    }

    void missingVault()
    {
        const QString none = path(QStringLiteral("elsewhere/vault"));
        const Run list = run({QStringLiteral("list"), QStringLiteral("--vault"), none});
        QCOMPARE(list.exitCode, 2);
        QVERIFY2(list.err.contains(QStringLiteral("There is no vault at")), qPrintable(list.err));
        QCOMPARE(run({QStringLiteral("remove"), QStringLiteral("db-root"),
                      QStringLiteral("--vault"), none})
                     .exitCode,
                 2);
        QVERIFY(!QFile::exists(none));
    }

    void removeDeletesTheEntry()
    {
        const Run removed = run({QStringLiteral("remove"), QStringLiteral("db-root")});
        QCOMPARE(removed.exitCode, 0);
        const Run list = run({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray entries =
            QJsonDocument::fromJson(list.out.toUtf8())[QStringLiteral("entries")].toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0)[QStringLiteral("id")].toString(), QStringLiteral("dns.token"));
        QCOMPARE(run({QStringLiteral("remove"), QStringLiteral("db-root")}).exitCode, 2);
    }

    // Last: the passphrase changes; the old one no longer opens the vault.
    void passphraseChanges()
    {
        const QByteArray before = vaultBytes();
        // No new passphrase (no terminal here, and the environment's is the
        // current one, never taken as the new): refused, vault untouched.
        const Run none = run({QStringLiteral("passphrase")});
        QCOMPARE(none.exitCode, 2);
        QCOMPARE(vaultBytes(), before);
        const QString newFile = path(QStringLiteral("new-passphrase"));
        writeFile(newFile, "a brand new passphrase\n");
        const Run wrongCurrent =
            run({QStringLiteral("passphrase"), QStringLiteral("--new-passphrase-file"), newFile},
                "not the passphrase");
        QCOMPARE(wrongCurrent.exitCode, 2);
        QCOMPARE(vaultBytes(), before);

        const Run changed =
            run({QStringLiteral("passphrase"), QStringLiteral("--new-passphrase-file"), newFile});
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QVERIFY(showsNoSecret(changed));
        QVERIFY(!changed.out.contains(QStringLiteral("brand new")));
        QVERIFY(QFile::exists(vault() + QStringLiteral(".bak")));
        QCOMPARE(run({QStringLiteral("list")}).exitCode, 2); // the old passphrase
        const Run list =
            run({QStringLiteral("list"), QStringLiteral("--json")}, "a brand new passphrase");
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(list.out.toUtf8())[QStringLiteral("entries")].toArray().size(),
            1);
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlVault)
#include "tst_relaisctl_vault.moc"
