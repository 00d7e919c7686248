#include "ssh/SshConfigParser.h"

#include <QTest>

using namespace relais;

// Hosts of ~/.ssh/config as ssh sees them: first value wins, Host * defaults.
class TestSshConfigParser : public QObject
{
    Q_OBJECT

private slots:
    void readsHostsLikeOpenSsh()
    {
        const QString config = QStringLiteral(R"(# my servers
Host main
    HostName 10.231.0.10
    User admin
    IdentityFile ~/.ssh/id_main
Host backup pi
    HostName=10.231.0.20
    Port 2222
    ProxyJump main
Host *.lan !evil.lan
    User lanuser
Match host foo
    User ignored
Host *
    User fallback
    Port 22
    IdentityFile "~/.ssh/id_ed25519"
    ServerAliveInterval 30
Include conf.d/*
)");
        SshConfigParser parser(QStringLiteral("/home/me"));
        const QList<SshConfigHost> hosts = parser.parse(config);
        QCOMPARE(hosts.size(), 3);

        QCOMPARE(hosts[0].alias, QStringLiteral("main"));
        QCOMPARE(hosts[0].hostName, QStringLiteral("10.231.0.10"));
        QCOMPARE(hosts[0].user, QStringLiteral("admin"));
        QCOMPARE(hosts[0].port, 22);
        QCOMPARE(hosts[0].identityFiles, (QStringList{QStringLiteral("/home/me/.ssh/id_main"),
                                                      QStringLiteral("/home/me/.ssh/id_ed25519")}));
        QVERIFY(hosts[0].proxyJump.isEmpty());

        QCOMPARE(hosts[1].alias, QStringLiteral("backup"));
        QCOMPARE(hosts[1].hostName, QStringLiteral("10.231.0.20"));
        QCOMPARE(hosts[1].port, 2222);
        QCOMPARE(hosts[1].user, QStringLiteral("fallback"));
        QCOMPARE(hosts[1].proxyJump, QStringLiteral("main"));

        QCOMPARE(hosts[2].alias, QStringLiteral("pi"));
        QCOMPARE(hosts[2].hostName, QStringLiteral("10.231.0.20"));
        QCOMPARE(parser.skippedLines(), 2); // Match, Include
    }

    void hostWithoutHostNameIsItsAlias()
    {
        SshConfigParser parser(QStringLiteral("/h"));
        const auto hosts = parser.parse(QStringLiteral("Host server.example.org\n  Port 2200\n"));
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts[0].hostName, QStringLiteral("server.example.org"));
        QCOMPARE(hosts[0].port, 2200);
        QVERIFY(hosts[0].user.isEmpty());
    }

    void patterns()
    {
        QVERIFY(SshConfigParser::matches({QStringLiteral("*")}, QStringLiteral("a")));
        QVERIFY(SshConfigParser::matches({QStringLiteral("*.lan")}, QStringLiteral("x.lan")));
        QVERIFY(!SshConfigParser::matches({QStringLiteral("*.lan")}, QStringLiteral("x.lan.org")));
        QVERIFY(!SshConfigParser::matches({QStringLiteral("*.lan"), QStringLiteral("!evil.lan")},
                                          QStringLiteral("evil.lan")));
        QVERIFY(SshConfigParser::matches({QStringLiteral("h?")}, QStringLiteral("h1")));
        QVERIFY(!SshConfigParser::matches({QStringLiteral("!x")}, QStringLiteral("y")));
    }

    void missingFileIsAnError()
    {
        SshConfigParser parser(QStringLiteral("/h"));
        QVERIFY(!parser.parseFile(QStringLiteral("/nonexistent/ssh_config")));
    }
};

QTEST_GUILESS_MAIN(TestSshConfigParser)
#include "tst_sshconfigparser.moc"
