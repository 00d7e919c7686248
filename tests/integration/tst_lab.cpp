#include "../support/ProcessRun.h"
#include "site/SiteDocument.h"
#include "vault/SecretBytes.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace relais;

// The lab as the integration tests see it: brought up by tests/lab/labctl,
// made of real sshd, LXD, BIND and PowerDNS processes in network namespaces.
class TestLab : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;

    using Run = test::ProcessRun;

    static Run run(const QString& program, const QStringList& arguments, int timeoutMs = 600000,
                   const QByteArray& input = {})
    {
        return test::runProcess(program, arguments, timeoutMs, input);
    }

    static Run labctl(const QStringList& arguments, int timeoutMs = 600000)
    {
        return test::labctl(arguments, timeoutMs);
    }

    QJsonObject host(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }

    /// One HTTP/1.0 request on LXD's Unix socket; returns the JSON body.
    static QJsonObject lxdGet(const QString& socketPath, const QByteArray& path)
    {
        QLocalSocket socket;
        socket.connectToServer(socketPath);
        if (!socket.waitForConnected(5000))
            return {};
        socket.write("GET " + path + " HTTP/1.0\r\nHost: lxd\r\n\r\n");
        QByteArray response;
        while (socket.state() == QLocalSocket::ConnectedState && socket.waitForReadyRead(10000))
            response += socket.readAll();
        response += socket.readAll();
        const qsizetype bodyStart = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.") || bodyStart < 0)
            return {};
        return QJsonDocument::fromJson(response.mid(bodyStart + 4)).object();
    }

    static QString fingerprintOf(const QByteArray& publicKeyLine)
    {
        const Run keygen =
            run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                 QStringLiteral("-f"), QStringLiteral("-")},
                10000, publicKeyLine);
        // "256 SHA256:xxxx comment (ED25519)"
        return QString::fromUtf8(keygen.out).section(QLatin1Char(' '), 1, 1);
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        const Run up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(QStringLiteral("labctl up failed (%1):\n%2\n%3")
                                                  .arg(up.exitCode)
                                                  .arg(QString::fromUtf8(up.out.right(4000)),
                                                       QString::fromUtf8(up.err.right(4000)))));
        const Run status = labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        QCOMPARE(status.exitCode, 0);
        QJsonParseError error;
        m_status = QJsonDocument::fromJson(status.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        const Run down = labctl({QStringLiteral("down")});
        QVERIFY2(down.exitCode == 0, down.err.constData());
        const Run netns =
            run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")});
        QVERIFY2(!netns.out.contains("relais-"), netns.out.constData());
    }

    void sshdAnswersWithItsOwnHostKey_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("main") << QStringLiteral("main");
        QTest::newRow("backup") << QStringLiteral("backup");
    }

    void sshdAnswersWithItsOwnHostKey()
    {
        QFETCH(QString, role);
        const QJsonObject h = host(role.toUtf8().constData());
        const QString address = h.value(QStringLiteral("address")).toString();
        const int port = h.value(QStringLiteral("ssh_port")).toInt();
        const QString expected = h.value(QStringLiteral("ssh_host_key_fingerprint")).toString();
        QVERIFY(expected.startsWith(QStringLiteral("SHA256:")));

        QTcpSocket socket;
        socket.connectToHost(address, quint16(port));
        QVERIFY(socket.waitForConnected(5000));
        QVERIFY(socket.waitForReadyRead(5000));
        QVERIFY(socket.readLine().startsWith("SSH-2.0-OpenSSH"));
        socket.close();

        const Run scan = run(QStringLiteral("ssh-keyscan"),
                             {QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-p"),
                              QString::number(port), address},
                             20000);
        QCOMPARE(scan.exitCode, 0);
        const QByteArray line = scan.out.trimmed();
        QCOMPARE(fingerprintOf(line), expected);

        // A key-only login, the host key checked strictly, lands in the
        // right namespace.
        const QString knownHosts = m_tmp.filePath(role + QStringLiteral(".known_hosts"));
        QFile file(knownHosts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(line + '\n');
        file.close();
        const QString key =
            m_status.value(QStringLiteral("secrets_dir")).toString() + QStringLiteral("/lab-ssh");
        const Run login =
            run(QStringLiteral("ssh"),
                {QStringLiteral("-i"), key, QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                 QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"),
                 QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + knownHosts,
                 QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-p"),
                 QString::number(port), QStringLiteral("root@") + address,
                 QStringLiteral("ip -4 -o addr show")},
                30000);
        QVERIFY2(login.exitCode == 0, login.err.constData());
        QVERIFY2(login.out.contains(address.toUtf8()), login.out.constData());

        // Password authentication is not offered.
        const Run password =
            run(QStringLiteral("ssh"),
                {QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                 QStringLiteral("PubkeyAuthentication=no"), QStringLiteral("-o"),
                 QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"),
                 QStringLiteral("UserKnownHostsFile=") + knownHosts, QStringLiteral("-p"),
                 QString::number(port), QStringLiteral("root@") + address, QStringLiteral("true")},
                30000);
        QVERIFY(password.exitCode != 0);
    }

    void hostKeysDiffer()
    {
        QVERIFY(host("main").value(QStringLiteral("ssh_host_key_fingerprint")) !=
                host("backup").value(QStringLiteral("ssh_host_key_fingerprint")));
    }

    void lxdDaemonsAnswer_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("main") << QStringLiteral("main");
        QTest::newRow("backup") << QStringLiteral("backup");
    }

    void lxdDaemonsAnswer()
    {
        QFETCH(QString, role);
        const QString socket =
            host(role.toUtf8().constData()).value(QStringLiteral("lxd_socket")).toString();
        const QJsonObject server = lxdGet(socket, "/1.0");
        QCOMPARE(server.value(QStringLiteral("status_code")).toInt(), 200);
        const QJsonObject metadata = server.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("api_status")).toString(), QStringLiteral("stable"));
        QCOMPARE(metadata.value(QStringLiteral("auth")).toString(), QStringLiteral("trusted"));

        // Each daemon has its own storage: dir on main, btrfs on backup.
        const QJsonObject pool = lxdGet(socket, "/1.0/storage-pools/default");
        QCOMPARE(pool.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("driver"))
                     .toString(),
                 role == QStringLiteral("main") ? QStringLiteral("dir") : QStringLiteral("btrfs"));
    }

    void webContainerServesItsPage()
    {
        const QJsonObject state =
            lxdGet(host("main").value(QStringLiteral("lxd_socket")).toString(),
                   "/1.0/instances/web/state");
        QCOMPARE(state.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("Running"));

        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(host("main").value(QStringLiteral("web_url")).toString()));
        request.setTransferTimeout(10000);
        QNetworkReply* reply = manager.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QByteArray body = reply->readAll();
        QVERIFY2(body.contains("Relais lab web on main"), body.constData());
        reply->deleteLater();
    }

    void dnsServersAnswerForTheLabZone_data()
    {
        QTest::addColumn<QString>("server");
        QTest::newRow("bind") << QStringLiteral("bind");
        QTest::newRow("powerdns") << QStringLiteral("powerdns");
    }

    void dnsServersAnswerForTheLabZone()
    {
        QFETCH(QString, server);
        const QJsonObject dns =
            m_status.value(QStringLiteral("dns")).toObject().value(server).toObject();
        const Run dig =
            run(QStringLiteral("dig"),
                {QStringLiteral("+short"), QStringLiteral("+time=2"), QStringLiteral("+tries=2"),
                 QStringLiteral("@") + dns.value(QStringLiteral("address")).toString(),
                 QStringLiteral("-p"), QString::number(dns.value(QStringLiteral("port")).toInt()),
                 QStringLiteral("www.example.test"), QStringLiteral("A")},
                20000);
        QCOMPARE(dig.exitCode, 0);
        QCOMPARE(dig.out.trimmed(), QByteArray("10.231.0.10"));
    }

    void labSiteDocumentIsValidAndBuiltIn()
    {
        const Result<Site> lab =
            SiteDocument::load(m_status.value(QStringLiteral("site")).toString());
        QVERIFY2(lab.ok(), qPrintable(lab.ok() ? QString() : lab.error().toString()));
        // The console's built-in default describes this very lab.
        const Result<Site> builtIn =
            SiteDocument::load(QStringLiteral(RELAIS_SOURCE_DIR "/resources/sites/lab.json"));
        QVERIFY(builtIn.ok());
        QVERIFY(*lab == *builtIn);
        QCOMPARE(lab->main.lxd->socketPath,
                 host("main").value(QStringLiteral("lxd_socket")).toString());
        QCOMPARE(SiteDocument::vaultPath(*lab, m_status.value(QStringLiteral("site")).toString()),
                 m_status.value(QStringLiteral("vault")).toString());
    }

    // The lab vault opens with the passphrase of its file and holds every
    // secret the lab site names, equal to the secret files the raw tools use.
    void labVaultHoldsTheLabSecrets()
    {
        QFile passphraseFile(m_status.value(QStringLiteral("vault_passphrase_file")).toString());
        QVERIFY(passphraseFile.open(QIODevice::ReadOnly));
        const SecretBytes passphrase(passphraseFile.readAll());
        QVERIFY(passphrase.size() >= 20);
        Result<Vault> vault =
            Vault::open(m_status.value(QStringLiteral("vault")).toString(), passphrase);
        QVERIFY2(vault.ok(), qPrintable(vault.ok() ? QString() : vault.error().toString()));

        const QString secrets = m_status.value(QStringLiteral("secrets_dir")).toString();
        const QList<std::pair<QString, VaultEntry::Kind>> expected = {
            {QStringLiteral("lab-ssh"), VaultEntry::Kind::SshPrivateKey},
            {QStringLiteral("lab-tsig"), VaultEntry::Kind::TsigKey},
            {QStringLiteral("lab-pdns-api"), VaultEntry::Kind::ApiToken},
        };
        for (const auto& [id, kind] : expected) {
            Result<VaultEntry> entry = vault->entry(id);
            QVERIFY2(entry.ok(), qPrintable(id));
            QCOMPARE(entry->kind, kind);
            QFile file(secrets + QLatin1Char('/') + id);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(entry->secret.view() == file.readAll(), qPrintable(id));
        }
        // The lab site refers to those ids.
        const Result<Site> lab =
            SiteDocument::load(m_status.value(QStringLiteral("site")).toString());
        QVERIFY(lab.ok());
        QCOMPARE(lab->main.ssh.keyId, QStringLiteral("lab-ssh"));
        QCOMPARE(lab->services.first().dns->tsigId, QStringLiteral("lab-tsig"));
    }
};

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"
