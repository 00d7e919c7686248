#include "../support/OvhFake.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais::test;
using namespace Qt::StringLiterals;

// `relaisctl dns show|switch` on a service that follows the active side by
// an OVH failover IP, as a process against the local HTTPS fake of the OVH
// API (signatures checked as OVH does), whose CA is given through
// RELAIS_CA_FILE.
class TestRelaisctlFailoverIp : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;
    std::unique_ptr<OvhFake> m_ovh;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    static QString mainService() { return u"ns1111.ip-198-51-100.eu"_s; }
    static QString backupService() { return u"ns2222.ip-198-51-100.eu"_s; }
    static QString block() { return u"203.0.113.5/32"_s; }

    /// Runs relaisctl while this thread's event loop serves the fake.
    Run relaisctl(const QStringList& arguments, bool trustCa = true)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"RELAIS_DATA_DIR"_s, path(u"data"_s));
        env.insert(u"RELAIS_CONFIG_DIR"_s, path(u"config"_s));
        env.insert(u"RELAIS_VAULT_TEST_KDF_LOG2N"_s, u"10"_s);
        env.insert(u"RELAIS_VAULT_PASSPHRASE"_s, u"failover test passphrase"_s);
        if (trustCa)
            env.insert(u"RELAIS_CA_FILE"_s, path(u"ca.pem"_s));
        else
            env.remove(u"RELAIS_CA_FILE"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{u"--lang"_s, u"en"_s} + arguments);
        process.closeWriteChannel();
        Run run;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    /// A site whose service web follows the failover IP, with @p credentials.
    QString site(const QString& credentials = u"ovh"_s)
    {
        const QJsonObject failoverIp{{u"ip"_s, u"203.0.113.5"_s},
                                     {u"main_service"_s, mainService()},
                                     {u"backup_service"_s, backupService()},
                                     {u"api_url"_s, m_ovh->endpoint()},
                                     {u"credentials"_s, credentials}};
        const auto host = [](const QString& name, const QString& address) {
            return QJsonObject{{u"name"_s, name},
                               {u"address"_s, address},
                               {u"ssh"_s, QJsonObject{{u"key"_s, u"ssh-key"_s}}}};
        };
        const QJsonObject document{
            {u"schema"_s, 1},
            {u"name"_s, u"Failover IP test"_s},
            {u"vault"_s, path(u"vault"_s)},
            {u"hosts"_s, QJsonObject{{u"main"_s, host(u"main"_s, u"10.231.0.10"_s)},
                                     {u"backup"_s, host(u"backup"_s, u"10.231.0.20"_s)}}},
            {u"services"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"web"_s}, {u"failover_ip"_s, failoverIp}}}}};
        const QString file = path(u"site.json"_s);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        out.write(QJsonDocument(document).toJson());
        return file;
    }

    bool addCredentials(const QString& id, const QByteArray& value)
    {
        QFile file(path(u"secret"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(value + '\n');
        file.close();
        const Run run =
            relaisctl({u"vault"_s, u"add"_s, id, u"--kind"_s, u"api-token"_s, u"--label"_s,
                       u"OVH"_s, u"--file"_s, path(u"secret"_s), u"--vault"_s, path(u"vault"_s)});
        QFile::remove(path(u"secret"_s));
        return run.exitCode == 0;
    }

    /// The outcomes recorded in relais.db for service web, oldest first.
    QStringList recorded()
    {
        QStringList outcomes;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"failoverip-history"_s);
            db.setDatabaseName(path(u"data/relais.db"_s));
            if (db.open()) {
                QSqlQuery query(db);
                query.exec(u"SELECT outcome, to_side, message FROM dns_switches "
                           "WHERE service = 'web' ORDER BY id"_s);
                while (query.next())
                    outcomes << query.value(0).toString() + u' ' + query.value(1).toString() +
                                    u' ' + query.value(2).toString();
            }
        }
        QSqlDatabase::removeDatabase(u"failoverip-history"_s);
        return outcomes;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(TestCertificates::instance().ok());
        QFile ca(path(u"ca.pem"_s));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(TestCertificates::instance().ca.toPem());
        ca.close();
        const Run run = relaisctl({u"vault"_s, u"init"_s, u"--vault"_s, path(u"vault"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        m_ovh = std::make_unique<OvhFake>();
        QVERIFY(addCredentials(u"ovh"_s, m_ovh->credentials()));
        QVERIFY(addCredentials(u"ovh-revoked"_s, "AppKey1234:AppSecret5678:RevokedConsumer"));
    }

    void init()
    {
        m_ovh = std::make_unique<OvhFake>();
        QVERIFY(m_ovh->server.isListening());
        m_ovh->routedTo.insert(block(), mainService());
        m_ovh->taskPollsLeft = 0;
    }

    void showsWhereTheIpIsRouted()
    {
        const Run run = relaisctl({u"dns"_s, u"show"_s, u"--site"_s, site(), u"web"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(
                     u"Failover IP 203.0.113.5: routed to %1, points to main"_s.arg(mainService())),
                 qPrintable(run.out));
        QVERIFY(m_ovh->taskIp.isEmpty());
    }

    void switchMovesTheIpAndRecordsIt()
    {
        const int before = int(recorded().size());
        const Run run = relaisctl(
            {u"dns"_s, u"switch"_s, u"--site"_s, site(), u"web"_s, u"--to"_s, u"backup"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(m_ovh->routedTo.value(block()), backupService());
        QVERIFY2(run.out.contains(u"Moved the failover IP 203.0.113.5 from %1 to %2 (backup)"_s.arg(
                     mainService(), backupService())),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"OVH task: done"_s), qPrintable(run.out));
        const QStringList history = recorded();
        QCOMPARE(history.size(), before + 1);
        QVERIFY2(history.last().startsWith(u"success backup failover IP 203.0.113.5 routed to"_s),
                 qPrintable(history.last()));
    }

    void alreadyThereAsksNoMove()
    {
        m_ovh->routedTo.insert(block(), backupService());
        const Run run = relaisctl(
            {u"dns"_s, u"switch"_s, u"--site"_s, site(), u"web"_s, u"--to"_s, u"backup"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Already switched"_s), qPrintable(run.out));
        QVERIFY(m_ovh->taskIp.isEmpty());
        QVERIFY(recorded().last().startsWith(u"already backup"_s));
    }

    void failedTaskExitsTwo()
    {
        m_ovh->taskFinalStatus = u"ovhError"_s;
        const Run run = relaisctl(
            {u"dns"_s, u"switch"_s, u"--site"_s, site(), u"web"_s, u"--to"_s, u"backup"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"The move of the failover IP 203.0.113.5 to backup failed"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"ovhError"_s), qPrintable(run.err));
        QCOMPARE(m_ovh->routedTo.value(block()), mainService());
        QVERIFY(recorded().last().startsWith(u"failed backup"_s));
    }

    void refusedCredentialsChangeNothing()
    {
        const Run run = relaisctl({u"dns"_s, u"switch"_s, u"--site"_s, site(u"ovh-revoked"_s),
                                   u"web"_s, u"--to"_s, u"backup"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"203.0.113.5"_s), qPrintable(run.err));
        QVERIFY(m_ovh->taskIp.isEmpty());
        QCOMPARE(m_ovh->routedTo.value(block()), mainService());
        // No secret in what is printed.
        QVERIFY(!run.err.contains(u"AppSecret5678"_s));
        QVERIFY(!run.out.contains(u"AppSecret5678"_s));
    }

    void untrustedCertificateIsRefused()
    {
        const Run run = relaisctl(
            {u"dns"_s, u"switch"_s, u"--site"_s, site(), u"web"_s, u"--to"_s, u"backup"_s}, false);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(m_ovh->taskIp.isEmpty());
        QCOMPARE(m_ovh->routedTo.value(block()), mainService());
    }

    void missingCredentialsAreNamed()
    {
        const Run run = relaisctl({u"dns"_s, u"switch"_s, u"--site"_s, site(u"nowhere"_s), u"web"_s,
                                   u"--to"_s, u"main"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"nowhere"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlFailoverIp)
#include "tst_relaisctl_failoverip.moc"
