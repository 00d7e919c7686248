#include "common/AtomicFile.h"
#include "ssh/KnownHosts.h"
#include "ssh/SshError.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// Relais' own known_hosts file: format, lookup, atomic add, import from OpenSSH.
class TestKnownHosts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Two distinct ed25519 public key blobs (valid base64, 51 bytes).
    static HostKey keyA()
    {
        return HostKey::fromOpenSsh(
            QStringLiteral("ssh-ed25519"),
            QStringLiteral("AAAAC3NzaC1lZDI1NTE5AAAAICdGKrTHucUgzmVXl4NgZbcjq9FvzzInyNq5QDe84yDP"));
    }
    static HostKey keyB()
    {
        return HostKey::fromOpenSsh(
            QStringLiteral("ssh-ed25519"),
            QStringLiteral("AAAAC3NzaC1lZDI1NTE5AAAAIHeA54WkfRm2PIpKPk4Yb26QGx7yAToi26/SgoEFdY0x"));
    }

    QString file(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(keyA().isValid());
        QVERIFY(keyB().isValid());
    }

    void defaultPathIsInDataDir()
    {
        qputenv("RELAIS_DATA_DIR", m_dir.path().toUtf8());
        QCOMPARE(KnownHosts::defaultPath(), file("known_hosts"));
        qunsetenv("RELAIS_DATA_DIR");
    }

    void formatsLikeOpenSsh()
    {
        QCOMPARE(KnownHosts::hostPattern(QStringLiteral("10.0.0.1"), 22),
                 QStringLiteral("10.0.0.1"));
        QCOMPARE(KnownHosts::hostPattern(QStringLiteral("10.0.0.1"), 2222),
                 QStringLiteral("[10.0.0.1]:2222"));
        QCOMPARE(KnownHosts::formatLine({QStringLiteral("h"), 2222, keyA()}),
                 QStringLiteral("[h]:2222 ssh-ed25519 ") + keyA().base64());
    }

    void parsesLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        const QString key = QStringLiteral(" ssh-ed25519 ") + keyA().base64();
        QTest::newRow("bare") << QStringLiteral("h1") + key << 1 << "h1" << 22;
        QTest::newRow("bracketed") << QStringLiteral("[h1]:2222") + key << 1 << "h1" << 2222;
        QTest::newRow("bracketed 22") << QStringLiteral("[h1]:22") + key << 1 << "h1" << 22;
        QTest::newRow("two names") << QStringLiteral("h1,10.0.0.1") + key << 2 << "h1" << 22;
        QTest::newRow("comment after")
            << QStringLiteral("h1") + key + QStringLiteral(" me@x") << 1 << "h1" << 22;
        QTest::newRow("comment") << QStringLiteral("# h1") + key << 0 << "" << 0;
        QTest::newRow("wildcard") << QStringLiteral("*.example.org") + key << 0 << "" << 0;
        QTest::newRow("hashed") << QStringLiteral("|1|abc=|def=") + key << 0 << "" << 0;
        QTest::newRow("marker") << QStringLiteral("@revoked h1") + key << 0 << "" << 0;
        QTest::newRow("bad base64") << QStringLiteral("h1 ssh-ed25519 @@@") << 0 << "" << 0;
        QTest::newRow("too short") << QStringLiteral("h1 ssh-ed25519") << 0 << "" << 0;
    }

    void parsesLines()
    {
        QFETCH(QString, line);
        QFETCH(int, count);
        QFETCH(QString, host);
        QFETCH(int, port);
        const QList<KnownHostsEntry> entries = KnownHosts::parseLine(line);
        QCOMPARE(entries.size(), count);
        if (count > 0) {
            QCOMPARE(entries.first().host, host);
            QCOMPARE(entries.first().port, port);
            QCOMPARE(entries.first().key, keyA());
        }
    }

    void lookupMatchUnknownChanged()
    {
        const QString path = file("lookup");
        QVERIFY(AtomicFile::write(
            path, ("# Relais\n10.0.0.1 ssh-ed25519 " + keyA().base64().toLatin1() +
                   "\n[10.0.0.2]:2222 ssh-ed25519 " + keyB().base64().toLatin1() + "\n")));
        const KnownHosts hosts(path);
        auto r = hosts.lookup(QStringLiteral("10.0.0.1"), 22, keyA());
        QVERIFY(r);
        QCOMPARE(r->status, HostKeyLookup::Status::Match);
        r = hosts.lookup(QStringLiteral("10.0.0.1"), 2222, keyA());
        QCOMPARE(r->status, HostKeyLookup::Status::Unknown);
        r = hosts.lookup(QStringLiteral("10.0.0.3"), 22, keyA());
        QCOMPARE(r->status, HostKeyLookup::Status::Unknown);
        r = hosts.lookup(QStringLiteral("10.0.0.1"), 22, keyB());
        QCOMPARE(r->status, HostKeyLookup::Status::Changed);
        QCOMPARE(r->storedType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(r->storedFingerprint, keyA().fingerprint());
        r = hosts.lookup(QStringLiteral("10.0.0.2"), 2222, keyB());
        QCOMPARE(r->status, HostKeyLookup::Status::Match);
    }

    void missingFileIsEmpty()
    {
        const KnownHosts hosts(file("none/known_hosts"));
        const auto r = hosts.lookup(QStringLiteral("h"), 22, keyA());
        QVERIFY(r);
        QCOMPARE(r->status, HostKeyLookup::Status::Unknown);
        QVERIFY(hosts.entries()->isEmpty());
    }

    void addIsAtomicAndRefusesChanges()
    {
        const QString path = file("add/known_hosts");
        const KnownHosts hosts(path);
        QVERIFY(hosts.add(QStringLiteral("10.0.0.1"), 22, keyA()));
        QVERIFY(hosts.add(QStringLiteral("10.0.0.1"), 22, keyA())); // no duplicate
        QVERIFY(hosts.add(QStringLiteral("10.0.0.2"), 2222, keyB()));
        const auto changed = hosts.add(QStringLiteral("10.0.0.1"), 22, keyB());
        QVERIFY(!changed);
        QVERIFY(changed.error().is(SshError::HostKeyChanged));
        QVERIFY(changed.error().message().contains(keyA().fingerprint()));

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QCOMPARE(text, "10.0.0.1 ssh-ed25519 " + keyA().base64().toLatin1() +
                           "\n[10.0.0.2]:2222 ssh-ed25519 " + keyB().base64().toLatin1() + "\n");
        QCOMPARE(hosts.entries()->size(), 2);
        // Nothing left beside it (QSaveFile's temporary file).
        QCOMPARE(QDir(file("add")).entryList(QDir::Files),
                 QStringList{QStringLiteral("known_hosts")});
    }

    void addKeepsOtherLines()
    {
        const QString path = file("keep");
        QVERIFY(AtomicFile::write(path, "# mine\nh0 ssh-ed25519 " + keyB().base64().toLatin1()));
        QVERIFY(KnownHosts(path).add(QStringLiteral("h1"), 22, keyA()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), "# mine\nh0 ssh-ed25519 " + keyB().base64().toLatin1() +
                                  "\nh1 ssh-ed25519 " + keyA().base64().toLatin1() + "\n");
    }

    void addToUnwritablePlaceFails()
    {
        const QString blocker = file("blocker");
        QVERIFY(AtomicFile::write(blocker, "x"));
        const auto r = KnownHosts(blocker + QStringLiteral("/sub/known_hosts"))
                           .add(QStringLiteral("h"), 22, keyA());
        QVERIFY(!r);
        QVERIFY(r.error().is(SshError::KnownHostsWriteFailed));
    }

    void importsPlainAndHashedLines()
    {
        const QString openssh = file("openssh_known_hosts");
        QVERIFY(AtomicFile::write(
            openssh, "plain1 ssh-ed25519 " + keyA().base64().toLatin1() +
                         "\n[plain2]:2200,plain3 ssh-ed25519 " + keyB().base64().toLatin1() +
                         "\n*.wild ssh-ed25519 " + keyA().base64().toLatin1() +
                         "\n@cert-authority *.ca ssh-ed25519 " + keyA().base64().toLatin1() +
                         "\ngarbage\n"));
        const QString ours = file("import/known_hosts");
        const KnownHosts hosts(ours);
        QVERIFY(hosts.add(QStringLiteral("plain3"), 22, keyA())); // conflicts with the import
        const auto report = hosts.importFrom(openssh);
        QVERIFY(report);
        QCOMPARE(report->imported, 2);
        QCOMPARE(report->conflicts, 1);
        QCOMPARE(report->skippedOther, 3);
        QCOMPARE(report->skippedHashed, 0);
        QCOMPARE(hosts.lookup(QStringLiteral("plain2"), 2200, keyB())->status,
                 HostKeyLookup::Status::Match);
        QCOMPARE(hosts.lookup(QStringLiteral("plain3"), 22, keyA())->status,
                 HostKeyLookup::Status::Match);

        // Again: everything is already known.
        const auto again = hosts.importFrom(openssh);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->alreadyKnown, 2);
    }

    void importsHashedLinesOfOpenSsh()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
            QSKIP("ssh-keygen is not installed");
        const QString openssh = file("hashed_known_hosts");
        QVERIFY(AtomicFile::write(openssh, "alpha ssh-ed25519 " + keyA().base64().toLatin1() +
                                               "\n[beta]:2222 ssh-ed25519 " +
                                               keyB().base64().toLatin1() + "\n"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-H"), QStringLiteral("-f"), openssh});
        QVERIFY(keygen.waitForFinished(30000));
        QCOMPARE(keygen.exitCode(), 0);
        QFile f(openssh);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray hashed = f.readAll();
        QVERIFY2(hashed.startsWith("|1|") && !hashed.contains("alpha"), hashed.constData());

        // OpenSSH's HMAC-SHA1 matching, checked directly...
        const QString pattern = QString::fromLatin1(hashed.split(' ').first());
        QVERIFY(KnownHosts::patternMatches(pattern, QStringLiteral("alpha"), 22));
        QVERIFY(!KnownHosts::patternMatches(pattern, QStringLiteral("alpha"), 2222));
        QVERIFY(!KnownHosts::patternMatches(pattern, QStringLiteral("beta"), 22));

        // ...and through an import that names the hosts it wants.
        const KnownHosts hosts(file("hashed-import/known_hosts"));
        const auto report = hosts.importFrom(
            openssh, {{QStringLiteral("beta"), 2222}, {QStringLiteral("gamma"), 22}});
        QVERIFY(report);
        QCOMPARE(report->imported, 1);
        QCOMPARE(report->skippedHashed, 1); // alpha was not asked for
        QCOMPARE(hosts.lookup(QStringLiteral("beta"), 2222, keyB())->status,
                 HostKeyLookup::Status::Match);
        QCOMPARE(hosts.lookup(QStringLiteral("alpha"), 22, keyA())->status,
                 HostKeyLookup::Status::Unknown);
    }

    void importOfMissingFileFails()
    {
        const auto r = KnownHosts(file("x")).importFrom(file("does-not-exist"));
        QVERIFY(!r);
    }
};

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
