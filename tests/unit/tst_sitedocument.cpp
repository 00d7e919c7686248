#include "common/AtomicFile.h"
#include "common/Paths.h"
#include "site/SiteDocument.h"
#include "site/SiteError.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace relais;

namespace {

QString siteDataDir()
{
    return QStringLiteral(RELAIS_TEST_DATA_DIR "/site");
}

QStringList fixtures(const QString& subdir)
{
    const QDir dir(siteDataDir() + QLatin1Char('/') + subdir);
    return dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// The expected lines of a bad fixture, without the final empty line.
QStringList expectedLines(const QString& path)
{
    QStringList lines = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

Site loadOrFail(const QString& path)
{
    const Result<Site> site = SiteDocument::load(path);
    if (!site) {
        qWarning().noquote() << site.error().toString();
        return {};
    }
    return *site;
}

} // namespace

class TestSiteDocument : public QObject
{
    Q_OBJECT

private slots:
    // One key for a site in relais.db, however its path was typed: drills,
    // the console and relaisctl sync find the same lock and history.
    void siteKeyIsTheAbsolutePath()
    {
        const QString absolute = QDir::current().absoluteFilePath(QStringLiteral("site.json"));
        QCOMPARE(SiteDocument::siteKey(QStringLiteral("site.json")), absolute);
        QCOMPARE(SiteDocument::siteKey(QStringLiteral("./x/../site.json")), absolute);
        QCOMPARE(SiteDocument::siteKey(absolute), absolute);
        QCOMPARE(SiteDocument::siteKey(QStringLiteral(":/sites/lab.json")),
                 QStringLiteral(":/sites/lab.json"));
    }

    void goodDocumentLoads_data();
    void goodDocumentLoads();
    void badDocumentReportsEveryProblem_data();
    void badDocumentReportsEveryProblem();
    void fixturesAreThere();

    void labDocument();
    void minimalDocumentHasDefaults();
    void fullDocument();
    void shortIntervalLowersDefaultTimeout();

    void notJson_data();
    void notJson();
    void invalidMessageCountsProblems();
    void validateAgreesWithParse();
    void missingFileIsNotFound();
    void directoryIsReadFailed();

    void toJsonIsCanonical();
    void toJsonEscapesStrings();
    void saveThenLoad();
    void saveReplacesExistingFile();
    void saveFailureUnderRegularFile();
    void saveFailureOverDirectory();
};

void TestSiteDocument::goodDocumentLoads_data()
{
    QTest::addColumn<QString>("path");
    for (const QString& name : fixtures(QStringLiteral("good"))) {
        QTest::newRow(qPrintable(name)) << siteDataDir() + QStringLiteral("/good/") + name;
    }
}

void TestSiteDocument::goodDocumentLoads()
{
    QFETCH(QString, path);

    const Result<Site> site = SiteDocument::load(path);
    QVERIFY2(site.ok(), qPrintable(site.ok() ? QString() : site.error().toString()));

    const QByteArray json = SiteDocument::toJson(*site);
    const Result<Site> again = SiteDocument::parse(json);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QVERIFY(*again == *site);
    QCOMPARE(SiteDocument::toJson(*again), json);

    QVERIFY(SiteDocument::validate(QJsonDocument::fromJson(readAll(path)).object()).isEmpty());
}

void TestSiteDocument::badDocumentReportsEveryProblem_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("expected");
    for (const QString& name : fixtures(QStringLiteral("bad"))) {
        const QString path = siteDataDir() + QStringLiteral("/bad/") + name;
        QString expectedPath = path;
        expectedPath.replace(expectedPath.size() - 5, 5, QStringLiteral(".expected"));
        QTest::newRow(qPrintable(name)) << path << expectedLines(expectedPath);
    }
}

void TestSiteDocument::badDocumentReportsEveryProblem()
{
    QFETCH(QString, path);
    QFETCH(QStringList, expected);
    QVERIFY2(!expected.isEmpty(), "the .expected file is missing or empty");

    const Result<Site> site = SiteDocument::load(path);
    QVERIFY(!site.ok());
    const Error& error = site.error();
    QVERIFY(error.message().startsWith(path + QStringLiteral(": ")));

    QStringList actual;
    if (error.is(SiteError::Invalid)) {
        actual = error.details();
    } else {
        // Not even a JSON object: the .expected file holds the message.
        QVERIFY2(error.is(SiteError::NotJson), qPrintable(error.toString()));
        QVERIFY(error.details().isEmpty());
        actual << error.message().mid(path.size() + 2);
    }
    if (actual != expected) {
        qWarning().noquote() << QStringLiteral("actual:\n") + actual.join(QLatin1Char('\n'));
        qWarning().noquote() << QStringLiteral("expected:\n") + expected.join(QLatin1Char('\n'));
    }
    QCOMPARE(actual, expected);
}

void TestSiteDocument::fixturesAreThere()
{
    QVERIFY(fixtures(QStringLiteral("good")).size() >= 3);
    QVERIFY(fixtures(QStringLiteral("bad")).size() >= 20);
    const QDir bad(siteDataDir() + QStringLiteral("/bad"));
    const QStringList expectations =
        bad.entryList({QStringLiteral("*.expected")}, QDir::Files, QDir::Name);
    QCOMPARE(expectations.size(), fixtures(QStringLiteral("bad")).size());
}

void TestSiteDocument::labDocument()
{
    const Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/lab.json"));
    QCOMPARE(site.name, QStringLiteral("Relais lab"));

    QCOMPARE(site.main.address, QStringLiteral("10.231.0.10"));
    QCOMPARE(site.main.publicAddress, QStringLiteral("10.231.0.10"));
    QCOMPARE(site.backup.address, QStringLiteral("10.231.0.20"));
    QCOMPARE(site.backup.publicAddress, QStringLiteral("10.231.0.20"));
    for (const Host* host : {&site.main, &site.backup}) {
        QCOMPARE(host->ssh.port, 22);
        QCOMPARE(host->ssh.user, QStringLiteral("root"));
        QCOMPARE(host->ssh.keyId, QStringLiteral("lab-ssh"));
        QVERIFY(!host->ssh.jump);
        QVERIFY(host->lxd);
        QCOMPARE(host->lxd->transport, LxdEndpoint::Transport::Ssh);
    }
    QCOMPARE(site.main.lxd->socketPath, QStringLiteral("/var/tmp/relais-lab/main/lxd/unix.socket"));
    QCOMPARE(site.backup.lxd->socketPath,
             QStringLiteral("/var/tmp/relais-lab/backup/lxd/unix.socket"));

    QCOMPARE(site.services.size(), 1);
    const Service& www = site.services.front();
    QCOMPARE(www.name, QStringLiteral("www"));
    QCOMPARE(www.containers, QStringList{QStringLiteral("web")});
    QVERIFY(www.dns);
    QCOMPARE(www.dns->provider, DnsBinding::Provider::Rfc2136);
    QCOMPARE(www.dns->zone, QStringLiteral("example.test"));
    QCOMPARE(www.dns->record, QStringLiteral("www"));
    QCOMPARE(www.dns->type, QStringLiteral("A"));
    QCOMPARE(www.dns->ttl, 60);
    QCOMPARE(www.dns->server, QStringLiteral("127.0.0.1"));
    QCOMPARE(www.dns->port, 53531);
    QCOMPARE(www.dns->tsigId, QStringLiteral("lab-tsig"));
    QCOMPARE(www.dns->verifyServers, QStringList{QStringLiteral("127.0.0.1:53531")});

    QCOMPARE(www.probes.size(), 5);
    QCOMPARE(www.probes[0].kind, ProbeSpec::Kind::Http);
    QCOMPARE(www.probes[0].url, QStringLiteral("http://10.231.0.10/"));
    QCOMPARE(www.probes[0].keyword, QStringLiteral("Relais lab web"));
    QCOMPARE(www.probes[0].expectStatusMin, 200);
    QCOMPARE(www.probes[0].expectStatusMax, 399);
    QCOMPARE(www.probes[1].kind, ProbeSpec::Kind::Tcp);
    QCOMPARE(www.probes[1].host, HostRole::Main);
    QCOMPARE(www.probes[1].port, 80);
    QCOMPARE(www.probes[2].kind, ProbeSpec::Kind::Ssh);
    QCOMPARE(www.probes[2].host, HostRole::Main);
    QCOMPARE(www.probes[3].kind, ProbeSpec::Kind::Ssh);
    QCOMPARE(www.probes[3].host, HostRole::Backup);
    QCOMPARE(www.probes[4].kind, ProbeSpec::Kind::Dns);
    QCOMPARE(www.probes[4].server, QStringLiteral("127.0.0.1"));
    QCOMPARE(www.probes[4].port, 53531);
    QCOMPARE(www.probes[4].name, QStringLiteral("www.example.test"));

    QCOMPARE(site.targets.rpoMinutes, 15);
    QCOMPARE(site.targets.rtoMinutes, 30);
    QCOMPARE(site.targets.rehearsalReminderDays, 14);
}

void TestSiteDocument::minimalDocumentHasDefaults()
{
    const Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/minimal.json"));
    QCOMPARE(site.name, QStringLiteral("Minimal"));
    QCOMPARE(site.main.ssh.port, 22);
    QCOMPARE(site.main.ssh.user, QStringLiteral("root"));
    QCOMPARE(site.main.ssh.keyId, QStringLiteral("main-ssh"));
    QVERIFY(site.main.publicAddress.isEmpty());
    QVERIFY(!site.main.lxd);
    QCOMPARE(site.backup.address, QStringLiteral("backup.example.test"));
    QVERIFY(site.services.isEmpty());
    QCOMPARE(site.targets.rpoMinutes, 60);
    QCOMPARE(site.targets.rtoMinutes, 60);
    QCOMPARE(site.targets.rehearsalReminderDays, 30);
}

void TestSiteDocument::fullDocument()
{
    const Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/full.json"));
    QCOMPARE(site.name, QStringLiteral("Full site — every field"));
    QCOMPARE(site.vault, QStringLiteral("secrets/full.vault"));

    QCOMPARE(site.syncJobs.size(), 2);
    const SyncJob& www = site.syncJobs.at(0);
    QCOMPARE(www.name, QStringLiteral("www-data"));
    QCOMPARE(www.direction, SyncJob::Direction::Push);
    QCOMPARE(www.sources, (QStringList{QStringLiteral("/srv/www/"), QStringLiteral("/etc/nginx")}));
    QCOMPARE(www.destination, QStringLiteral("/srv/replica/www/"));
    QCOMPARE(www.excludes, (QStringList{QStringLiteral("cache/"), QStringLiteral("*.tmp")}));
    QVERIFY(www.deleteExtraneous);
    QCOMPARE(www.bandwidthLimitKiB, 20000);
    QVERIFY(www.lowPriority);
    QCOMPARE(www.schedule.kind, SyncSchedule::Kind::Every);
    QCOMPARE(www.schedule.everyMinutes, 5);
    QCOMPARE(www.preHooks.size(), 1);
    QCOMPARE(www.preHooks.first().host, HostRole::Main);
    QCOMPARE(www.preHooks.first().timeoutSeconds, 900);
    const SyncJob& mail = site.syncJobs.at(1);
    QCOMPARE(mail.direction, SyncJob::Direction::Pull);
    QVERIFY(!mail.deleteExtraneous);
    QVERIFY(!mail.lowPriority);
    QCOMPARE(mail.schedule.kind, SyncSchedule::Kind::Daily);
    QCOMPARE(mail.schedule.dailyAt, QTime(3, 15));
    QCOMPARE(mail.bandwidthLimitKiB, 0);
    QCOMPARE(SiteDocument::vaultPath(site, QStringLiteral("/srv/sites/full.json")),
             QStringLiteral("/srv/sites/secrets/full.vault"));
    Site absolute = site;
    absolute.vault = QStringLiteral("/var/lib/relais/../vaults/a.vault");
    QCOMPARE(SiteDocument::vaultPath(absolute, QStringLiteral("/srv/sites/full.json")),
             QStringLiteral("/var/lib/vaults/a.vault"));
    Site none = site;
    none.vault.clear();
    QCOMPARE(SiteDocument::vaultPath(none, QStringLiteral("/srv/sites/full.json")),
             Paths::vaultFile());
    QCOMPARE(site.main.publicAddress, QStringLiteral("203.0.113.10"));
    QCOMPARE(site.main.ssh.port, 2222);
    QCOMPARE(site.main.ssh.user, QStringLiteral("admin"));

    QVERIFY(site.backup.ssh.jump);
    QCOMPARE(site.backup.ssh.jump->address, QStringLiteral("bastion.example.test"));
    QCOMPARE(site.backup.ssh.jump->port, 2200);
    QCOMPARE(site.backup.ssh.jump->user, QStringLiteral("jump"));
    QCOMPARE(site.backup.ssh.jump->keyId, QStringLiteral("bastion-ssh"));
    QVERIFY(site.backup.lxd);
    QCOMPARE(site.backup.lxd->transport, LxdEndpoint::Transport::Https);
    QCOMPARE(site.backup.lxd->url, QStringLiteral("https://192.0.2.20:8443"));
    QCOMPARE(site.backup.lxd->clientCertificateId, QStringLiteral("backup-lxd-cert"));

    QList<DnsBinding::Provider> providers;
    for (const Service& service : site.services) {
        if (service.dns)
            providers << service.dns->provider;
    }
    using P = DnsBinding::Provider;
    QCOMPARE(providers, (QList<P>{P::Rfc2136, P::PowerDns, P::Ovh, P::Cloudflare, P::Gandi}));
    QCOMPARE(site.services[1].dns->apiUrl, QStringLiteral("http://127.0.0.1:8081"));
    QCOMPARE(site.services[1].dns->credentialsId, QStringLiteral("pdns-api-key"));
    QCOMPARE(site.services[2].dns->record, QStringLiteral("@"));
    QCOMPARE(site.services[2].dns->apiUrl, QStringLiteral("https://ca.api.ovh.com/1.0"));
    QVERIFY(site.services[2].failoverIp);
    QCOMPARE(site.services[2].failoverIp->ip, QStringLiteral("203.0.113.5"));
    QCOMPARE(site.services[2].failoverIp->mainService, QStringLiteral("ns1111.ip-198-51-100.eu"));
    QCOMPARE(site.services[2].failoverIp->backupService, QStringLiteral("ns2222.ip-198-51-100.eu"));
    QCOMPARE(site.services[2].failoverIp->credentialsId, QStringLiteral("ovh-token"));
    QVERIFY(site.services[2].failoverIp->apiUrl.isEmpty());
    QVERIFY(!site.services[0].failoverIp);

    const QList<ProbeSpec>& probes = site.services[0].probes;
    QCOMPARE(probes.size(), 4);
    QCOMPARE(probes[0].failThreshold, 4);
    QCOMPARE(probes[0].recoverThreshold, 3);
    QCOMPARE(probes[1].expectStatusMin, 200);
    QCOMPARE(probes[1].expectStatusMax, 299);
    QCOMPARE(probes[1].tlsPin, QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                                              "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"));
    QCOMPARE(probes[3].kind, ProbeSpec::Kind::Dns);
    QCOMPARE(probes[3].server, QStringLiteral("192.0.2.53"));
    QCOMPARE(probes[3].name, QStringLiteral("www.example.test."));
    QCOMPARE(probes[3].port, 5353);
    QCOMPARE(probes[3].intervalSeconds, 5);
    QCOMPARE(probes[3].timeoutSeconds, 3);
}

void TestSiteDocument::shortIntervalLowersDefaultTimeout()
{
    const Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/ipv6.json"));
    const QList<ProbeSpec>& probes = site.services[0].probes;
    QCOMPARE(probes[0].port, 53); // dns default
    QCOMPARE(probes[1].intervalSeconds, 2);
    QCOMPARE(probes[1].timeoutSeconds, 2);
    QCOMPARE(probes[2].intervalSeconds, 1);
    QCOMPARE(probes[2].timeoutSeconds, 1);
}

void TestSiteDocument::notJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("at line 1, column 1 (offset 0)");
    QTest::newRow("truncated") << QByteArray("{\n  \"schema\": 1,\n  \"name\": \"Si")
                               << QStringLiteral("at line 3, column 14 (offset 31)");
    QTest::newRow("trailing garbage")
        << QByteArray("{}\n}") << QStringLiteral("at line 2, column 1 (offset 3)");
    QTest::newRow("utf-8 columns")
        << QByteArray("{\"name\": \"é\" x}") << QStringLiteral("at line 1, column 15 (offset 15)");
    QTest::newRow("root string") << QByteArray("\"site\"")
                                 << QStringLiteral("at line 1, column 2 (offset 1)");
    QTest::newRow("root array") << QByteArray("[]\n") << QString();
}

void TestSiteDocument::notJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);

    const Result<Site> site = SiteDocument::parse(json);
    QVERIFY(!site.ok());
    QVERIFY(site.error().is(SiteError::NotJson));
    QVERIFY(site.error().details().isEmpty());
    if (where.isEmpty()) {
        QCOMPARE(site.error().message(),
                 QStringLiteral("not a JSON object: the document is an array"));
    } else {
        QVERIFY2(site.error().message().startsWith(QStringLiteral("not JSON: ")),
                 qPrintable(site.error().message()));
        QVERIFY2(site.error().message().endsWith(where), qPrintable(site.error().message()));
    }
}

void TestSiteDocument::invalidMessageCountsProblems()
{
    const Result<Site> one = SiteDocument::parse("{\"name\": \"x\", \"hosts\": {}}");
    QVERIFY(!one.ok());
    QVERIFY(one.error().is(SiteError::Invalid));
    QCOMPARE(one.error().message(), QStringLiteral("site document has 3 problems"));
    QCOMPARE(one.error().details(),
             (QStringList{QStringLiteral("schema: missing"), QStringLiteral("hosts.main: missing"),
                          QStringLiteral("hosts.backup: missing")}));

    const Result<Site> single =
        SiteDocument::parse(readAll(siteDataDir() + QStringLiteral("/bad/schema-newer.json")));
    QVERIFY(!single.ok());
    QCOMPARE(single.error().message(), QStringLiteral("site document has 1 problem"));
}

void TestSiteDocument::validateAgreesWithParse()
{
    const QByteArray json = readAll(siteDataDir() + QStringLiteral("/bad/multiple-problems.json"));
    const QList<SiteProblem> problems =
        SiteDocument::validate(QJsonDocument::fromJson(json).object());
    const Result<Site> site = SiteDocument::parse(json);
    QVERIFY(!site.ok());

    QStringList lines;
    for (const SiteProblem& problem : problems)
        lines << problem.toString();
    QCOMPARE(lines, site.error().details());
    QCOMPARE(problems.front().path, QStringLiteral("hosts.main.ssh.port"));
    QCOMPARE(problems.front().message, QStringLiteral("expected 1–65535, got 0"));
}

void TestSiteDocument::missingFileIsNotFound()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Result<Site> site = SiteDocument::load(dir.filePath(QStringLiteral("none.json")));
    QVERIFY(!site.ok());
    QVERIFY(site.error().is(SiteError::NotFound));
}

void TestSiteDocument::directoryIsReadFailed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Result<Site> site = SiteDocument::load(dir.path());
    QVERIFY(!site.ok());
    QVERIFY2(site.error().is(SiteError::ReadFailed), qPrintable(site.error().toString()));
}

void TestSiteDocument::toJsonIsCanonical()
{
    const QString path = siteDataDir() + QStringLiteral("/good/lab.json");
    const QByteArray json = SiteDocument::toJson(loadOrFail(path));

    // Keys in the order of docs/site-format.md, four-space indentation.
    QVERIFY2(
        json.startsWith("{\n    \"schema\": 1,\n    \"name\": \"Relais lab\",\n    \"hosts\": {\n"
                        "        \"main\": {\n            \"name\": \"main\",\n"),
        json.constData());
    QVERIFY(json.contains("\n            \"containers\": [\"web\"],\n"));
    QVERIFY(json.contains(
        "\"tsig\": \"lab-tsig\",\n                \"verify\": [\"127.0.0.1:53531\"]\n"));
    QVERIFY(json.contains("\"expect_status\": [200, 399],"));
    QVERIFY(json.endsWith("    \"targets\": {\n        \"rpo_minutes\": 15,\n"
                          "        \"rto_minutes\": 30,\n"
                          "        \"rehearsal_reminder_days\": 14\n    }\n}\n"));
    QVERIFY(json.indexOf("\"hosts\"") < json.indexOf("\"services\""));
    QVERIFY(json.indexOf("\"services\"") < json.indexOf("\"targets\""));

    QJsonParseError error;
    QVERIFY(QJsonDocument::fromJson(json, &error).isObject());
    QCOMPARE(error.error, QJsonParseError::NoError);

    Site empty = loadOrFail(siteDataDir() + QStringLiteral("/good/minimal.json"));
    QVERIFY(SiteDocument::toJson(empty).contains("\n    \"services\": [],\n"));
}

void TestSiteDocument::toJsonEscapesStrings()
{
    Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/minimal.json"));
    site.name = QStringLiteral("Quote \" backslash \\ tab \t newline \n bell \a — é");
    site.main.name = QStringLiteral("ü\u2028");

    const QByteArray json = SiteDocument::toJson(site);
    QVERIFY(json.contains("\"Quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007 — é\""));
    const Result<Site> again = SiteDocument::parse(json);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QVERIFY(*again == site);
}

void TestSiteDocument::saveThenLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/full.json"));
    const QString path = dir.filePath(QStringLiteral("new/sub/site.json"));

    const Result<void> saved = SiteDocument::save(site, path);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    QCOMPARE(readAll(path), SiteDocument::toJson(site));
    const Result<Site> loaded = SiteDocument::load(path);
    QVERIFY(loaded.ok());
    QVERIFY(*loaded == site);
}

void TestSiteDocument::saveReplacesExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("site.json"));
    Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/lab.json"));
    QVERIFY(SiteDocument::save(site, path).ok());

    site.name = QStringLiteral("Relais lab, renamed");
    site.targets.rtoMinutes = 45;
    site.targets.rehearsalReminderDays = 7;
    site.services.front().probes.removeLast();
    QVERIFY(SiteDocument::save(site, path).ok());

    const Result<Site> loaded = SiteDocument::load(path);
    QVERIFY(loaded.ok());
    QVERIFY(*loaded == site);
    QCOMPARE(loaded->name, QStringLiteral("Relais lab, renamed"));
    QCOMPARE(loaded->targets.rehearsalReminderDays, 7);
    // Nothing left behind by the atomic write.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList{QStringLiteral("site.json")});
}

void TestSiteDocument::saveFailureUnderRegularFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QVERIFY(AtomicFile::write(blocker, "not a directory\n").ok());

    const Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/minimal.json"));
    const Result<void> saved = SiteDocument::save(site, blocker + QStringLiteral("/sub/site.json"));
    QVERIFY(!saved.ok());
    QVERIFY(saved.error().is(SiteError::WriteFailed));
    QVERIFY(!saved.error().message().isEmpty());

    QCOMPARE(readAll(blocker), QByteArray("not a directory\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("blocker")});
}

void TestSiteDocument::saveFailureOverDirectory()
{
    // The target exists but cannot be replaced by a file: the write fails
    // and what was there stays as it was.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("site.json"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("site.json")));
    QVERIFY(AtomicFile::write(target + QStringLiteral("/keep"), "kept\n").ok());

    const Site site = loadOrFail(siteDataDir() + QStringLiteral("/good/minimal.json"));
    const Result<void> saved = SiteDocument::save(site, target);
    QVERIFY(!saved.ok());
    QVERIFY(saved.error().is(SiteError::WriteFailed));

    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(readAll(target + QStringLiteral("/keep")), QByteArray("kept\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("site.json")});
}

QTEST_GUILESS_MAIN(TestSiteDocument)

#include "tst_sitedocument.moc"
