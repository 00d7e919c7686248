// Stores known secrets in a vault, uses them against the lab through
// relaisctl (SSH key for commands, the other kinds stored and listed), with
// every debug log category on, then scans every file Relais wrote (data,
// config, cache, home) and everything it printed: no secret may appear in
// clear, nor base64- or hex-encoded.

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

namespace {

struct Needle
{
    QString name;
    QByteArray bytes;
};

QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char& c : raw)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class TestSecretsAtRest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    QList<Needle> m_needles;
    QByteArray m_printed; ///< everything relaisctl printed, stdout and stderr
    int m_runs = 0;

    QString dir(const char* name) const { return m_tmp.filePath(QLatin1String(name)); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir("home"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir("home/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir("home/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir("home/.cache"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), dir("home/.local/state"));
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), dir("data"));
        env.insert(QStringLiteral("RELAIS_CONFIG_DIR"), dir("config"));
        env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"), QString::fromLatin1(passphrase()));
        env.insert(QStringLiteral("RELAIS_VAULT_TEST_KDF_LOG2N"), QStringLiteral("10"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        return env;
    }

    QByteArray passphrase() const { return m_needles.first().bytes; }
    QString vaultPath() const { return dir("data/vault"); }
    QString site() const { return m_status.value(QStringLiteral("site")).toString(); }

    /// Runs relaisctl; its output is kept in a log file and scanned too.
    int relaisctl(const QStringList& arguments, const QByteArray& input = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(RELAIS_RELAISCTL), arguments);
        if (!process.waitForStarted(10000))
            return -1;
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        const QByteArray printed = process.readAllStandardOutput() + process.readAllStandardError();
        m_printed += printed;
        QFile log(dir("logs/") + QString::number(++m_runs) + QStringLiteral(".log"));
        if (log.open(QIODevice::WriteOnly))
            log.write(arguments.join(QLatin1Char(' ')).toUtf8() + '\n' + printed);
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    int add(const QString& id, const char* kind, const QByteArray& secret)
    {
        return relaisctl({QStringLiteral("vault"), QStringLiteral("add"), id,
                          QStringLiteral("--kind"), QLatin1String(kind), QStringLiteral("--label"),
                          QStringLiteral("scan ") + id, QStringLiteral("--vault"), vaultPath()},
                         secret);
    }

    /// The forms a secret could leak in.
    static QList<QByteArray> forms(const QByteArray& secret)
    {
        return {secret, secret.toBase64(), secret.toHex(),
                secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)};
    }

    /// The 32-byte private seed of an unencrypted OpenSSH ed25519 key blob
    /// (PROTOCOL.key: magic, cipher, kdf, kdf options, key count, public
    /// key, then the private section: two check words, type, public key,
    /// private key = seed || public key).
    static QByteArray ed25519Seed(const QByteArray& blob)
    {
        // Reads SSH "string" fields (big-endian length, bytes) from a buffer.
        struct Reader
        {
            const QByteArray& data;
            qsizetype at;
            QByteArray string()
            {
                if (at < 0 || at + 4 > data.size())
                    return {};
                const auto* p = reinterpret_cast<const unsigned char*>(data.constData() + at);
                const qsizetype n = (qsizetype(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
                at += 4;
                if (at + n > data.size()) {
                    at = -1;
                    return {};
                }
                at += n;
                return data.mid(at - n, n);
            }
        };
        const QByteArray magic = QByteArrayLiteral("openssh-key-v1") + '\0';
        if (!blob.startsWith(magic))
            return {};
        Reader outer{blob, magic.size()};
        outer.string(); // cipher
        outer.string(); // kdf
        outer.string(); // kdf options
        outer.at += 4;  // number of keys
        outer.string(); // public key
        const QByteArray section = outer.string();
        Reader inner{section, 8}; // after the two check words
        if (inner.string() != "ssh-ed25519")
            return {};
        inner.string(); // public key
        return inner.string().left(32);
    }

    /// Every file under @p root.
    static QStringList filesUnder(const QString& root)
    {
        QStringList files;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        return files;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        QVERIFY(m_tmp.isValid());
        for (const char* d : {"home", "data", "config", "logs"})
            QVERIFY(QDir().mkpath(dir(d)));

        QProcess up;
        up.start(QStringLiteral(RELAIS_LABCTL), {QStringLiteral("up")});
        QVERIFY(up.waitForFinished(600000));
        QVERIFY2(up.exitCode() == 0, up.readAllStandardError().constData());
        QProcess status;
        status.start(QStringLiteral(RELAIS_LABCTL),
                     {QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY(status.waitForFinished(60000));
        m_status = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));

        QFile key(m_status.value(QStringLiteral("secrets_dir")).toString() +
                  QStringLiteral("/lab-ssh"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QByteArray pem = key.readAll();

        m_needles = {
            {QStringLiteral("vault passphrase"), "pass-" + randomToken(24)},
            {QStringLiteral("password"), "pw-" + randomToken(24)},
            {QStringLiteral("api token"), "tok-" + randomToken(32)},
            {QStringLiteral("tsig secret"), randomToken(32)},
            {QStringLiteral("ssh key (whole)"), pem},
        };
        // Each base64 line of the key's body, and its decoded bytes.
        QByteArray body;
        for (const QByteArray& line : pem.split('\n')) {
            if (line.startsWith("-----") || line.trimmed().isEmpty())
                continue;
            body += line.trimmed();
            if (line.trimmed().size() >= 40)
                m_needles.append({QStringLiteral("ssh key line"), line.trimmed()});
        }
        const QByteArray seed = ed25519Seed(QByteArray::fromBase64(body));
        QCOMPARE(seed.size(), 32);
        m_needles.append({QStringLiteral("ssh key seed"), seed});
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0) {
            QProcess down;
            down.start(QStringLiteral(RELAIS_LABCTL), {QStringLiteral("down")});
            down.waitForFinished(600000);
        }
    }

    void useSecrets()
    {
        QCOMPARE(relaisctl({QStringLiteral("vault"), QStringLiteral("init"),
                            QStringLiteral("--vault"), vaultPath()}),
                 0);
        QFile key(m_status.value(QStringLiteral("secrets_dir")).toString() +
                  QStringLiteral("/lab-ssh"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QCOMPARE(add(QStringLiteral("lab-ssh"), "ssh-private-key", key.readAll()), 0);
        QCOMPARE(add(QStringLiteral("scan-password"), "password", m_needles.at(1).bytes), 0);
        QCOMPARE(add(QStringLiteral("scan-token"), "api-token", m_needles.at(2).bytes), 0);
        QCOMPARE(add(QStringLiteral("scan-tsig"), "tsig-key",
                     "relais-scan:hmac-sha256:" + m_needles.at(3).bytes),
                 0);
        QCOMPARE(relaisctl({QStringLiteral("vault"), QStringLiteral("list"),
                            QStringLiteral("--vault"), vaultPath()}),
                 0);

        // Use the key: trust main, run commands (debug logs on).
        const QString fingerprint = m_status.value(QStringLiteral("hosts"))
                                        .toObject()
                                        .value(QStringLiteral("main"))
                                        .toObject()
                                        .value(QStringLiteral("ssh_host_key_fingerprint"))
                                        .toString();
        QCOMPARE(
            relaisctl({QStringLiteral("ssh"), QStringLiteral("trust"), QStringLiteral("--vault"),
                       vaultPath(), QStringLiteral("--site"), site(), QStringLiteral("main"),
                       QStringLiteral("--fingerprint"), fingerprint}),
            0);
        QCOMPARE(
            relaisctl({QStringLiteral("ssh"), QStringLiteral("exec"), QStringLiteral("--vault"),
                       vaultPath(), QStringLiteral("--site"), site(), QStringLiteral("main"),
                       QStringLiteral("--"), QStringLiteral("uname"), QStringLiteral("-n")}),
            0);
        // A wrong passphrase attempt is reported without echoing anything.
        QFile wrong(dir("wrong-passphrase"));
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write("not the passphrase\n");
        wrong.close();
        QCOMPARE(
            relaisctl({QStringLiteral("vault"), QStringLiteral("list"), QStringLiteral("--vault"),
                       vaultPath(), QStringLiteral("--passphrase-file"), dir("wrong-passphrase")}),
            2);
        QVERIFY(QFile::remove(dir("wrong-passphrase")));
        // A removal re-encrypts and keeps the previous file as .bak.
        QCOMPARE(relaisctl({QStringLiteral("vault"), QStringLiteral("remove"),
                            QStringLiteral("scan-token"), QStringLiteral("--vault"), vaultPath()}),
                 0);
        QVERIFY(QFile::exists(vaultPath() + QStringLiteral(".bak")));
        QCOMPARE(relaisctl({QStringLiteral("health"), QStringLiteral("--site"), site(),
                            QStringLiteral("--once"), QStringLiteral("--json")}) >= 0,
                 true);
        QVERIFY(m_printed.contains("relais.")); // debug logging was on
    }

    void noSecretInAnyFileOrOutput()
    {
        const QStringList files = filesUnder(m_tmp.path());
        QVERIFY2(files.contains(vaultPath()), "the vault was not written where expected");
        QVERIFY2(files.size() >= 5, qPrintable(files.join(QLatin1Char('\n'))));
        QStringList leaks;
        for (const QString& path : files) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            for (const Needle& needle : std::as_const(m_needles)) {
                for (const QByteArray& form : forms(needle.bytes)) {
                    if (content.contains(form))
                        leaks.append(needle.name + QStringLiteral(" in ") + path);
                }
            }
        }
        for (const Needle& needle : std::as_const(m_needles)) {
            for (const QByteArray& form : forms(needle.bytes)) {
                if (m_printed.contains(form))
                    leaks.append(needle.name + QStringLiteral(" in relaisctl's output"));
            }
        }
        leaks.removeDuplicates();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    // The scan itself finds a secret written in clear (so it cannot pass by
    // reading nothing).
    void scanFindsAPlantedSecret()
    {
        QFile planted(dir("data/planted"));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write("x" + m_needles.at(2).bytes.toBase64() + "y");
        planted.close();
        bool found = false;
        for (const QString& path : filesUnder(m_tmp.path())) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            for (const QByteArray& form : forms(m_needles.at(2).bytes))
                found = found || content.contains(form);
        }
        QVERIFY(found);
        QVERIFY(QFile::remove(dir("data/planted")));
    }
};

QTEST_GUILESS_MAIN(TestSecretsAtRest)
#include "tst_secrets_at_rest.moc"
