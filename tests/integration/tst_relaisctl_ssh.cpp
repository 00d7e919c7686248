#include "ssh/HostKey.h"
#include "ssh/KnownHosts.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace relais;

// `relaisctl ssh exec` and `relaisctl ssh trust` against the lab's real sshd.
class TestRelaisctlSsh : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run
    run(const QString& program, const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 600000)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        if (!process.waitForStarted(10000))
            return {-1, {}, process.errorString()};
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return {-1, QString::fromUtf8(process.readAllStandardOutput()),
                    QStringLiteral("timed out")};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static Run labctl(const QStringList& arguments)
    {
        return run(QStringLiteral(RELAIS_LABCTL), arguments);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), m_tmp.path());
        env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"), QStringLiteral("lab passphrase"));
        env.insert(QStringLiteral("RELAIS_VAULT_TEST_KDF_LOG2N"), QStringLiteral("10"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("relais.*.info=false"));
        return env;
    }

    Run relaisctl(const QStringList& arguments) const
    {
        return run(QStringLiteral(RELAIS_RELAISCTL),
                   QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments,
                   environment(), 120000);
    }

    QString vaultPath() const { return m_tmp.filePath(QStringLiteral("vault.relais")); }
    QString knownHostsPath() const { return m_tmp.filePath(QStringLiteral("known_hosts")); }
    QString site() const { return m_status.value(QStringLiteral("site")).toString(); }

    QString fingerprint(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject()
            .value(QStringLiteral("ssh_host_key_fingerprint"))
            .toString();
    }

    Run exec(const char* role, const QStringList& command) const
    {
        return relaisctl(QStringList{QStringLiteral("ssh"), QStringLiteral("exec"),
                                     QStringLiteral("--vault"), vaultPath(),
                                     QStringLiteral("--site"), site(), QLatin1String(role),
                                     QStringLiteral("--")} +
                         command);
    }

    Run trust(const char* role, const QString& fingerprint) const
    {
        return relaisctl({QStringLiteral("ssh"), QStringLiteral("trust"), QStringLiteral("--vault"),
                          vaultPath(), QStringLiteral("--site"), site(), QLatin1String(role),
                          QStringLiteral("--fingerprint"), fingerprint});
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        QVERIFY(m_tmp.isValid());
        const Run up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        const Run status = labctl({QStringLiteral("status"), QStringLiteral("--json")});
        m_status =
            QJsonDocument::fromJson(status.out.mid(status.out.indexOf(QLatin1Char('{'))).toUtf8())
                .object();
        QVERIFY(!site().isEmpty());
        QVERIFY(fingerprint("main").startsWith(QStringLiteral("SHA256:")));
        QVERIFY(fingerprint("backup").startsWith(QStringLiteral("SHA256:")));

        Run init = relaisctl({QStringLiteral("vault"), QStringLiteral("init"),
                              QStringLiteral("--vault"), vaultPath()});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        Run add =
            relaisctl({QStringLiteral("vault"), QStringLiteral("add"), QStringLiteral("lab-ssh"),
                       QStringLiteral("--kind"), QStringLiteral("ssh-private-key"),
                       QStringLiteral("--label"), QStringLiteral("lab"), QStringLiteral("--file"),
                       QStringLiteral("/var/tmp/relais-lab/secrets/lab-ssh"),
                       QStringLiteral("--vault"), vaultPath()});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            labctl({QStringLiteral("down")});
    }

    void execRefusesAnUnknownKey()
    {
        const Run r = exec("main", {QStringLiteral("true")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(fingerprint("main")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("relaisctl ssh trust")), qPrintable(r.err));
        QVERIFY(!QFile::exists(knownHostsPath()));
    }

    void trustRefusesAWrongFingerprint()
    {
        const QString wrong = fingerprint("backup"); // backup's is not main's
        QVERIFY(wrong != fingerprint("main"));
        const Run r = trust("main", wrong);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(fingerprint("main")), qPrintable(r.err));
        QVERIFY2(r.err.contains(wrong), qPrintable(r.err));
        const auto entries = KnownHosts(knownHostsPath()).entries();
        QVERIFY(entries.ok());
        QVERIFY(entries->isEmpty());
    }

    void trustStoresTheRightKey()
    {
        const Run r = trust("main", fingerprint("main"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto entries = KnownHosts(knownHostsPath()).entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().key.fingerprint(), fingerprint("main"));
        // Trusting it again is fine and changes nothing.
        QCOMPARE(trust("main", fingerprint("main")).exitCode, 0);
        QCOMPARE(KnownHosts(knownHostsPath()).entries()->size(), 1);
    }

    void execPassesOutputAndStatus()
    {
        const Run r = exec("main", {QStringLiteral("sh"), QStringLiteral("-c"),
                                    QStringLiteral("echo out; echo err >&2; exit 3")});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.out, QStringLiteral("out\n"));
        QCOMPARE(r.err, QStringLiteral("err\n"));

        const Run hostname = exec("main", {QStringLiteral("echo"), QStringLiteral("a b  c")});
        QCOMPARE(hostname.exitCode, 0);
        QCOMPARE(hostname.out, QStringLiteral("a b  c\n"));
    }

    void execTimesOut()
    {
        const Run r =
            relaisctl({QStringLiteral("ssh"), QStringLiteral("exec"), QStringLiteral("--vault"),
                       vaultPath(), QStringLiteral("--site"), site(), QStringLiteral("--timeout"),
                       QStringLiteral("1"), QStringLiteral("main"), QStringLiteral("--"),
                       QStringLiteral("sleep"), QStringLiteral("30")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void execOnBackupAfterTrust()
    {
        QCOMPARE(exec("backup", {QStringLiteral("true")}).exitCode, 2);
        const Run trusted = trust("backup", fingerprint("backup"));
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
        const Run r = exec("backup", {QStringLiteral("echo"), QStringLiteral("backup")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("backup\n"));
    }

    void changedKeyIsRefused()
    {
        // Another key (backup's) for main's address: main now offers a "changed" key.
        const QString mainAddress = m_status.value(QStringLiteral("hosts"))
                                        .toObject()
                                        .value(QStringLiteral("main"))
                                        .toObject()
                                        .value(QStringLiteral("address"))
                                        .toString();
        QCOMPARE(mainAddress, QStringLiteral("10.231.0.10"));
        const auto entries = KnownHosts(knownHostsPath()).entries();
        QVERIFY(entries.ok());
        HostKey other;
        for (const KnownHostsEntry& entry : *entries) {
            if (entry.host != mainAddress)
                other = entry.key;
        }
        QVERIFY(other.isValid());
        QFile file(knownHostsPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(
            QStringLiteral("%1 %2 %3\n").arg(mainAddress, other.type, other.base64()).toUtf8());
        file.close();

        const Run r = exec("main", {QStringLiteral("true")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(fingerprint("main")), qPrintable(r.err));
        QVERIFY2(r.err.contains(fingerprint("backup")), qPrintable(r.err));

        const Run t = trust("main", fingerprint("main"));
        QCOMPARE(t.exitCode, 2);
        QVERIFY2(t.err.contains(fingerprint("main")), qPrintable(t.err));
        QVERIFY2(t.err.contains(fingerprint("backup")), qPrintable(t.err));
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlSsh)
#include "tst_relaisctl_ssh.moc"
