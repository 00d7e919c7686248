#include "../support/ProcessRun.h"
#include "dns/DnsClient.h"
#include "dns/DnsUpdateError.h"
#include "dns/DnsUpdater.h"
#include "dns/TsigKey.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <optional>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;

// `relaisctl dns show|switch` run as a process against the lab site, whose
// www record lives on the lab's BIND. The test brings the lab
// up and down. After every test www is back to A 10.231.0.10, TTL 60.
class TestRelaisctlDns : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    const QHostAddress m_main{u"10.231.0.10"_s};
    const QHostAddress m_backup{u"10.231.0.20"_s};
    QJsonObject m_status;
    std::optional<TsigKey> m_key;

    /// The lab site, with the switch verified at BIND (the lab's servers
    /// are each a primary: only BIND gets the update).
    QString site() const { return m_site; }
    QString m_site;
    QTemporaryDir m_dir;
    QString passphraseFile() const { return m_status.value("vault_passphrase_file"_L1).toString(); }
    quint16 bindPort() const
    {
        return quint16(m_status.value("dns"_L1)
                           .toObject()
                           .value("bind"_L1)
                           .toObject()
                           .value("port"_L1)
                           .toInt());
    }

    static Run relaisctl(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"RELAIS_VAULT_PASSPHRASE"_s);
        environment.insert(u"LANG"_s, u"C"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{u"--lang"_s, u"en"_s} + arguments);
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(60000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    Run show() { return relaisctl({u"dns"_s, u"show"_s, u"--site"_s, site(), u"www"_s}); }
    Run switchTo(const QString& side)
    {
        return relaisctl({u"dns"_s, u"switch"_s, u"--site"_s, site(), u"www"_s, u"--to"_s, side,
                          u"--emergency"_s, u"--passphrase-file"_s, passphraseFile()});
    }

    std::optional<DnsAnswer> read()
    {
        DnsClient client;
        std::optional<Result<DnsAnswer>> answer;
        connect(&client, &DnsClient::finished, this,
                [&](const Result<DnsAnswer>& result) { answer.emplace(result); });
        DnsQuery query;
        query.server = u"127.0.0.1"_s;
        query.port = bindPort();
        query.name = u"www.example.test"_s;
        client.query(query);
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
            return std::nullopt;
        return answer->value();
    }

    Result<DnsUpdateResult> set(const QList<QHostAddress>& expected, const QHostAddress& address,
                                qint64 ttl)
    {
        DnsUpdate update;
        update.server = u"127.0.0.1"_s;
        update.port = bindPort();
        update.zone = u"example.test"_s;
        update.name = u"www.example.test"_s;
        update.expected = expected;
        update.addresses = {address};
        update.ttl = ttl;
        DnsUpdater updater;
        std::optional<Result<DnsUpdateResult>> outcome;
        connect(&updater, &DnsUpdater::finished, this,
                [&](const Result<DnsUpdateResult>& result) { outcome.emplace(result); });
        updater.start(update, *m_key);
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000))
            return Error(DnsUpdateError::Timeout, u"the job never finished"_s);
        return *outcome;
    }

    bool onMain()
    {
        const std::optional<DnsAnswer> answer = read();
        return answer && answer->addresses == QList<QHostAddress>{m_main} && answer->ttl == 60;
    }

private slots:
    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            relais::test::labctl({QStringLiteral("down")});
    }

    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        const relais::test::ProcessRun up = relais::test::labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QProcess labctl;
        labctl.start(QStringLiteral(RELAIS_LABCTL), {u"status"_s, u"--json"_s});
        QVERIFY(labctl.waitForFinished(60000));
        const QByteArray out = labctl.readAllStandardOutput();
        m_status = QJsonDocument::fromJson(out.mid(out.indexOf('{'))).object();
        const QString labSite = m_status.value("site"_L1).toString();
        QVERIFY2(QFile::exists(labSite), "no lab site: the lab must be up (tests/lab/labctl up)");
        QFile in(labSite);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject document = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray services = document.value("services"_L1).toArray();
        QJsonObject www = services.at(0).toObject();
        QJsonObject binding = www.value("dns"_L1).toObject();
        binding.insert("verify"_L1, QJsonArray{u"127.0.0.1:%1"_s.arg(bindPort())});
        www.insert("dns"_L1, binding);
        services.replace(0, www);
        document.insert("services"_L1, services);
        QVERIFY(m_dir.isValid());
        m_site = m_dir.filePath(u"site.json"_s);
        // Switches are recorded in a database of the test's own.
        qputenv("RELAIS_DATA_DIR", m_dir.filePath(u"data"_s).toUtf8());
        QFile siteFile(m_site);
        QVERIFY(siteFile.open(QIODevice::WriteOnly));
        siteFile.write(QJsonDocument(document).toJson());
        siteFile.close();
        QVERIFY(QFile::exists(passphraseFile()));
        const QJsonObject dns = m_status.value("dns"_L1).toObject();
        QFile secret(m_status.value("secrets_dir"_L1).toString() + u'/' +
                     dns.value("tsig_secret"_L1).toString());
        QVERIFY(secret.open(QIODevice::ReadOnly));
        QByteArray text = secret.readAll();
        Result<TsigKey> key = TsigKey::parse(SecretBytes::takeFrom(text));
        QVERIFY(key);
        m_key = *key;
    }

    void cleanup()
    {
        if (onMain())
            return;
        const std::optional<DnsAnswer> now = read();
        QVERIFY2(now && !now->addresses.isEmpty(), "cannot read www to restore it");
        const Result<DnsUpdateResult> restored = set(now->addresses, m_main, 60);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message()));
        QVERIFY(onMain());
    }

    void showsTheSide()
    {
        QVERIFY2(onMain(), "www must start on main with TTL 60");
        const Run run = show();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"www.example.test A at 127.0.0.1 port %1: 10.231.0.10, TTL 60, "
                                  "points to main"_s.arg(bindPort())),
                 qPrintable(run.out));
    }

    void switchesToBackupAndBack()
    {
        QVERIFY2(onMain(), "www must start on main with TTL 60");
        Run run = switchTo(u"backup"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Switched www.example.test A to backup (10.231.0.20)"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"127.0.0.1:%1 answers 10.231.0.20"_s.arg(bindPort())),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Verified: 1 server answers the new address"_s),
                 qPrintable(run.out));
        const std::optional<DnsAnswer> now = read();
        QVERIFY(now);
        QCOMPARE(now->addresses, QList<QHostAddress>{m_backup});

        run = show();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"points to backup"_s), qPrintable(run.out));

        // Again: detected before acting, nothing sent.
        run = switchTo(u"backup"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(u"Already switched"_s), qPrintable(run.out));
        QVERIFY(!run.out.contains(u"Switched"_s));

        run = switchTo(u"main"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"127.0.0.1:%1 answers 10.231.0.10"_s.arg(bindPort())),
                 qPrintable(run.out));
        QVERIFY(onMain());
    }

    void refusesARecordOnNeitherSide()
    {
        const QHostAddress stranger(u"10.231.0.99"_s);
        const Result<DnsUpdateResult> moved = set({m_main}, stranger, 60);
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message()));
        const Run run = switchTo(u"backup"_s);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"Nothing changed"_s) && run.err.contains(u"10.231.0.99"_s),
                 qPrintable(run.err));
        const std::optional<DnsAnswer> now = read();
        QVERIFY(now);
        QCOMPARE(now->addresses, QList<QHostAddress>{stranger});
    }

    void wrongPassphraseChangesNothing()
    {
        QTemporaryFile wrong;
        QVERIFY(wrong.open());
        wrong.write("not the passphrase\n");
        wrong.close();
        const Run run = relaisctl({u"dns"_s, u"switch"_s, u"--site"_s, site(), u"www"_s, u"--to"_s,
                                   u"backup"_s, u"--passphrase-file"_s, wrong.fileName()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(onMain());
    }

    void usageErrors()
    {
        QCOMPARE(relaisctl({u"dns"_s, u"switch"_s, u"--site"_s, site(), u"www"_s}).exitCode, 2);
        QCOMPARE(relaisctl({u"dns"_s, u"switch"_s, u"--site"_s, site(), u"www"_s, u"--to"_s,
                            u"sideways"_s})
                     .exitCode,
                 2);
        const Run unknown = relaisctl({u"dns"_s, u"show"_s, u"--site"_s, site(), u"nope"_s});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"www"_s), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlDns)
#include "tst_relaisctl_dns.moc"
