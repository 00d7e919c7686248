#include "support/DnsUpdateTestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// `relaisctl dns show|switch` as a process against a scripted RFC 2136
// server on 127.0.0.1, with its TSIG key in a vault of its own (the lab
// version of this test is tests/integration/tst_relaisctl_dns).
class TestRelaisctlDnsCommand : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    /// Runs relaisctl while this thread's event loop serves the scripted
    /// server.
    Run relaisctl(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"RELAIS_DATA_DIR"_s, path(u"data"_s));
        env.insert(u"RELAIS_CONFIG_DIR"_s, path(u"config"_s));
        env.insert(u"RELAIS_VAULT_TEST_KDF_LOG2N"_s, u"10"_s);
        env.insert(u"RELAIS_VAULT_PASSPHRASE"_s, u"dns test passphrase"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{u"--lang"_s, u"en"_s} + arguments);
        process.closeWriteChannel();
        Run run;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    /// A site whose service www is bound to @p port, with TSIG key @p tsig.
    QString site(quint16 port, const QString& tsig = u"dns-key"_s)
    {
        QJsonObject dns{{u"provider"_s, u"rfc2136"_s},
                        {u"zone"_s, u"example.test"_s},
                        {u"record"_s, u"www"_s},
                        {u"type"_s, u"A"_s},
                        {u"ttl"_s, 60},
                        {u"server"_s, u"127.0.0.1"_s},
                        {u"port"_s, port},
                        {u"verify"_s, QJsonArray{u"127.0.0.1:%1"_s.arg(port)}}};
        if (!tsig.isEmpty())
            dns.insert(u"tsig"_s, tsig);
        const auto host = [](const QString& name, const QString& address) {
            return QJsonObject{{u"name"_s, name},
                               {u"address"_s, address},
                               {u"ssh"_s, QJsonObject{{u"key"_s, u"ssh-key"_s}}}};
        };
        const QJsonObject document{
            {u"schema"_s, 1},
            {u"name"_s, u"DNS test"_s},
            {u"vault"_s, path(u"vault"_s)},
            {u"hosts"_s, QJsonObject{{u"main"_s, host(u"main"_s, u"10.231.0.10"_s)},
                                     {u"backup"_s, host(u"backup"_s, u"10.231.0.20"_s)}}},
            {u"services"_s, QJsonArray{QJsonObject{{u"name"_s, u"www"_s}, {u"dns"_s, dns}}}}};
        const QString file = path(u"site.json"_s);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        out.write(QJsonDocument(document).toJson());
        return file;
    }

    Run switchTo(quint16 port, const QString& side, const QStringList& options = {u"--emergency"_s})
    {
        return relaisctl(
            QStringList{u"dns"_s, u"switch"_s, u"--site"_s, site(port), u"www"_s, u"--to"_s, side} +
            options);
    }

    static QString onMain() { return u"www.example.test. 60 IN A 10.231.0.10"_s; }
    static QString onBackup() { return u"www.example.test. 60 IN A 10.231.0.20"_s; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile key(path(u"key"_s));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("relais-lab:hmac-sha256:" + QByteArray(UpdateTestSecret) + '\n');
        key.close();
        Run run = relaisctl({u"vault"_s, u"init"_s, u"--vault"_s, path(u"vault"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run =
            relaisctl({u"vault"_s, u"add"_s, u"dns-key"_s, u"--kind"_s, u"tsig-key"_s, u"--label"_s,
                       u"test key"_s, u"--file"_s, path(u"key"_s), u"--vault"_s, path(u"vault"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile::remove(path(u"key"_s));
    }

    void showsTheSide()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {onBackup()};
        const Run run =
            relaisctl({u"dns"_s, u"show"_s, u"--site"_s, site(server.port()), u"www"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"10.231.0.20, TTL 60, points to backup"_s), qPrintable(run.out));
        QCOMPARE(server.udpUpdates, 0);
    }

    void switches()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {onMain()};
        server.recordsAfterUpdate = {onBackup()};
        const Run run = switchTo(server.port(), u"backup"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Switched www.example.test A to backup (10.231.0.20)"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"127.0.0.1:%1 answers 10.231.0.20"_s.arg(server.port())),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Verified: 1 server answers the new address"_s),
                 qPrintable(run.out));
        QVERIFY2(!run.out.contains(u"Lowering the TTL"_s), qPrintable(run.out));
        QCOMPARE(server.udpUpdates, 1);
        QCOMPARE(server.queries, 2); // the read before, the verification after
    }

    void plannedSwitchLowersTheTtlFirst()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {u"www.example.test. 2 IN A 10.231.0.10"_s};
        server.recordsAfterUpdate = {onBackup()};
        QElapsedTimer elapsed;
        elapsed.start();
        const Run run = switchTo(server.port(), u"backup"_s, {u"--low-ttl"_s, u"1"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // The TTL change, then the address once the old TTL (2 s) ran out.
        QCOMPARE(server.udpUpdates, 2);
        QVERIFY2(elapsed.elapsed() >= 2000, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY2(run.out.contains(u"Lowering the TTL of www.example.test to 1 s first."_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"2 seconds left"_s), qPrintable(run.out));
        QVERIFY2(run.out.indexOf(u"Lowering"_s) < run.out.indexOf(u"Pointing www.example.test"_s),
                 qPrintable(run.out));
    }

    void switchIsRecorded()
    {
        QFile::remove(path(u"data/relais.db"_s));
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {onMain()};
        server.recordsAfterUpdate = {onBackup()};
        QCOMPARE(switchTo(server.port(), u"backup"_s).exitCode, 0);
        server.recordsAfterUpdate.clear();
        server.records = {onBackup()};
        QCOMPARE(switchTo(server.port(), u"backup"_s).exitCode, 0);

        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path(u"data/relais.db"_s));
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SELECT service, from_side, to_side, mode, outcome, "
                               "convergence_ms FROM dns_switches ORDER BY id"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), u"www"_s);
            QCOMPARE(query.value(1).toString(), u"main"_s);
            QCOMPARE(query.value(2).toString(), u"backup"_s);
            QCOMPARE(query.value(3).toString(), u"emergency"_s);
            QCOMPARE(query.value(4).toString(), u"success"_s);
            QVERIFY(query.value(5).toLongLong() >= 0);
            QVERIFY(query.next());
            QCOMPARE(query.value(4).toString(), u"already"_s);
            QVERIFY(!query.next());
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"check"_s);
    }

    void alreadySwitchedSendsNothing()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {onBackup()};
        const Run run = switchTo(server.port(), u"backup"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(u"Already switched"_s), qPrintable(run.out));
        QCOMPARE(server.udpUpdates, 0);
    }

    void neitherSideChangesNothing()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {u"www.example.test. 60 IN A 192.0.2.99"_s};
        const Run run = switchTo(server.port(), u"main"_s);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"Nothing changed"_s), qPrintable(run.err));
        QCOMPARE(server.udpUpdates, 0);
    }

    void failuresExitTwo_data()
    {
        QTest::addColumn<int>("rcode");
        QTest::addColumn<int>("signing");
        QTest::addColumn<QString>("said");
        QTest::newRow("prerequisite")
            << 8 << int(Signing::Right) << u"changed behind our back: it holds 10.231.0.10"_s;
        QTest::newRow("unsigned NOERROR") << 0 << int(Signing::None) << u"not signed"_s;
        QTest::newRow("BADSIG") << 9 << int(Signing::ErrorOnly) << u"BADSIG"_s;
        QTest::newRow("REFUSED") << 5 << int(Signing::None) << u"REFUSED"_s;
    }

    void failuresExitTwo()
    {
        QFETCH(int, rcode);
        QFETCH(int, signing);
        QFETCH(QString, said);
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {onMain()};
        server.rcode = rcode;
        server.signing = static_cast<Signing>(signing);
        server.tsigError = rcode == 9 ? 16 : 0;
        const Run run = switchTo(server.port(), u"backup"_s);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(said), qPrintable(run.err));
        QCOMPARE(server.udpUpdates, 1);
        // The secret appears nowhere.
        QVERIFY(!run.out.contains(QLatin1String(UpdateTestSecret)));
        QVERIFY(!run.err.contains(QLatin1String(UpdateTestSecret)));
    }

    void refusesWithoutKey()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {onMain()};
        const Run run = relaisctl({u"dns"_s, u"switch"_s, u"--site"_s, site(server.port(), {}),
                                   u"www"_s, u"--to"_s, u"backup"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"no TSIG key"_s), qPrintable(run.err));
        QCOMPARE(server.udpUpdates, 0);
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlDnsCommand)
#include "tst_relaisctl_dnscommand.moc"
