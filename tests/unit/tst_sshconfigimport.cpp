#include "ssh/SshConfigImport.h"
#include "ssh/SshConfigParser.h"
#include "ssh/SshError.h"

#include <QSet>
#include <QTest>

using namespace relais;

namespace {

const QString Home = QStringLiteral("/home/ana");

/// Imports @p alias from @p config, where only the files in @p existing exist.
Result<SshConfigImport::Imported> importFrom(const QString& config, const QString& alias,
                                             const QStringList& existing)
{
    SshConfigParser parser(Home);
    const QSet<QString> files(existing.cbegin(), existing.cend());
    SshConfigImport import(parser.parse(config), Home, QStringLiteral("ana"),
                           [files](const QString& path) { return files.contains(path); });
    return import.importHost(alias, QStringLiteral("main"));
}

} // namespace

class TestSshConfigImport : public QObject
{
    Q_OBJECT

private slots:
    void plainHost()
    {
        const auto r = importFrom(QStringLiteral("Host web\n  HostName 192.0.2.7\n  Port 2222\n"
                                                 "  User admin\n  IdentityFile ~/.ssh/web_key\n"),
                                  QStringLiteral("web"), {Home + QStringLiteral("/.ssh/web_key")});
        QVERIFY(r.ok());
        QCOMPARE(r->host.name, QStringLiteral("main"));
        QCOMPARE(r->host.address, QStringLiteral("192.0.2.7"));
        QCOMPARE(r->host.ssh.port, 2222);
        QCOMPARE(r->host.ssh.user, QStringLiteral("admin"));
        QCOMPARE(r->host.ssh.keyId, QStringLiteral("web_key"));
        QVERIFY(!r->host.ssh.jump);
        QCOMPARE(r->keys.size(), 1);
        QCOMPARE(r->keys.first().path, Home + QStringLiteral("/.ssh/web_key"));
    }

    void defaultsAsSshHasThem()
    {
        // No HostName: the alias; no User: the local user; no IdentityFile:
        // the first of ssh's default keys that exists.
        const auto r =
            importFrom(QStringLiteral("Host pi.example.test\n"), QStringLiteral("pi.example.test"),
                       {Home + QStringLiteral("/.ssh/id_rsa")});
        QVERIFY(r.ok());
        QCOMPARE(r->host.address, QStringLiteral("pi.example.test"));
        QCOMPARE(r->host.ssh.port, 22);
        QCOMPARE(r->host.ssh.user, QStringLiteral("ana"));
        QCOMPARE(r->host.ssh.keyId, QStringLiteral("id_rsa"));
    }

    void firstExistingIdentityFile()
    {
        const auto r = importFrom(
            QStringLiteral("Host a\n  IdentityFile ~/.ssh/gone\n  IdentityFile ~/.ssh/Work Key\n"),
            QStringLiteral("a"), {Home + QStringLiteral("/.ssh/Work Key")});
        QVERIFY(r.ok());
        QCOMPARE(r->host.ssh.keyId, QStringLiteral("work-key"));
    }

    void noKeyIsAnError()
    {
        const auto r = importFrom(QStringLiteral("Host a\n  IdentityFile ~/.ssh/gone\n"),
                                  QStringLiteral("a"), {});
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(SshError::ConfigUnsupported));
        QVERIFY(r.error().message().contains(QStringLiteral("gone")));
    }

    void unknownAlias()
    {
        const auto r = importFrom(QStringLiteral("Host a\n"), QStringLiteral("b"), {});
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(SshError::ConfigHostUnknown));
    }

    void jumpThroughAnAlias()
    {
        const QString config = QStringLiteral(
            "Host bastion\n  HostName 198.51.100.1\n  Port 2200\n  User jump\n"
            "  IdentityFile ~/.ssh/bastion\n"
            "Host pi\n  HostName 10.8.0.2\n  ProxyJump bastion\n  IdentityFile ~/.ssh/pi\n");
        const auto r =
            importFrom(config, QStringLiteral("pi"),
                       {Home + QStringLiteral("/.ssh/pi"), Home + QStringLiteral("/.ssh/bastion")});
        QVERIFY(r.ok());
        QVERIFY(r->host.ssh.jump);
        QCOMPARE(r->host.ssh.jump->address, QStringLiteral("198.51.100.1"));
        QCOMPARE(r->host.ssh.jump->port, 2200);
        QCOMPARE(r->host.ssh.jump->user, QStringLiteral("jump"));
        QCOMPARE(r->host.ssh.jump->keyId, QStringLiteral("bastion"));
        QCOMPARE(r->keys.size(), 2);
    }

    void jumpWithTheSameKey()
    {
        const QString config = QStringLiteral("Host b\n  HostName 198.51.100.1\n"
                                              "Host pi\n  ProxyJump b\n");
        const auto r =
            importFrom(config, QStringLiteral("pi"), {Home + QStringLiteral("/.ssh/id_ed25519")});
        QVERIFY(r.ok());
        QCOMPARE(r->host.ssh.jump->keyId, r->host.ssh.keyId);
        QCOMPARE(r->keys.size(), 1); // stored once
    }

    void jumpSpecs_data()
    {
        QTest::addColumn<QString>("proxy");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::newRow("host") << "gw.example.test"
                              << "gw.example.test" << 22 << "ana";
        QTest::newRow("user@host:port") << "ops@gw:2201"
                                        << "gw" << 2201 << "ops";
        QTest::newRow("uri") << "ssh://ops@gw:2201"
                             << "gw" << 2201 << "ops";
        QTest::newRow("v6") << "[2001:db8::1]:2202"
                            << "2001:db8::1" << 2202 << "ana";
    }

    void jumpSpecs()
    {
        QFETCH(QString, proxy);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(QString, user);
        const auto r =
            importFrom(QStringLiteral("Host pi\n  ProxyJump ") + proxy + QLatin1Char('\n'),
                       QStringLiteral("pi"), {Home + QStringLiteral("/.ssh/id_ed25519")});
        QVERIFY(r.ok());
        QVERIFY(r->host.ssh.jump);
        QCOMPARE(r->host.ssh.jump->address, address);
        QCOMPARE(r->host.ssh.jump->port, port);
        QCOMPARE(r->host.ssh.jump->user, user);
        QCOMPARE(r->host.ssh.jump->keyId, QStringLiteral("id_ed25519"));
    }

    void unsupportedJumps_data()
    {
        QTest::addColumn<QString>("config");
        QTest::newRow("chain") << "Host pi\n  ProxyJump a,b\n";
        QTest::newRow("jump of jump") << "Host a\n  ProxyJump c\nHost pi\n  ProxyJump a\n";
        QTest::newRow("bad port") << "Host pi\n  ProxyJump gw:99999\n";
    }

    void unsupportedJumps()
    {
        QFETCH(QString, config);
        const auto r =
            importFrom(config, QStringLiteral("pi"), {Home + QStringLiteral("/.ssh/id_ed25519")});
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(SshError::ConfigUnsupported));
    }

    void keyIds_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("id");
        QTest::newRow("plain") << "/h/.ssh/id_ed25519"
                               << "id_ed25519";
        QTest::newRow("upper and space") << "/h/My Key.pem"
                                         << "my-key.pem";
        QTest::newRow("leading dot") << "/h/.hidden"
                                     << "hidden";
        QTest::newRow("nothing usable") << "/h/..."
                                        << "ssh-key";
    }

    void keyIds()
    {
        QFETCH(QString, path);
        QFETCH(QString, id);
        QCOMPARE(SshConfigImport::keyIdFor(path), id);
    }
};

QTEST_GUILESS_MAIN(TestSshConfigImport)
#include "tst_sshconfigimport.moc"
