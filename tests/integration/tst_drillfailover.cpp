// A whole failover and failback against the lab, through the product's
// DrillRunner and SiteStepJobFactory, on a site of the test's own built from
// the lab's: a sync job and a small container of its own, and one service
// per lab DNS server (BIND, Knot, PowerDNS, each its own primary) switching a
// record of the test's own. Main's service (the test's container) is
// stopped, the failover runs — final sync, refresh of the copy, start on
// backup waiting for its probe, switch at every server, verify, lock — then
// the failback brings everything back to main and unlocks. A rehearsal of
// the copy left on backup passes while a watcher asking every 100 ms sees
// main's page and www never change, and leaves nothing behind. The faults: an
// unreachable LXD on backup fails the start step and leaves DNS alone; a
// silent sshd on main makes `relaisctl drill run --mode failover` take the
// emergency path and record why. Records, container, keys and files are
// removed at the end, also on failure.
//
// Then the same on the lab's real service: `web` on main, behind `www` at
// the three servers. A page put in main's web is replicated to backup, main's
// web is stopped, the failover drill runs; www answers backup at every
// server, backup serves the replicated page, main → backup sync is locked;
// the failback brings www, web and the page back to main and unlocks. Other
// tests use web and www: a scope guard (and cleanupTestCase) puts them back
// as they were, also when a check fails.

#include "../support/LabNsupdate.h"
#include "../support/ProcessRun.h"
#include "common/Database.h"
#include "common/SystemClock.h"
#include "dns/DnsClient.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "plan/DrillContext.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillRunner.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "plan/StepJob.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "sync/ReplicationLock.h"
#include "sync/RsyncCommand.h"
#include "sync/SyncError.h"
#include "vault/KdfParams.h"
#include "vault/Vault.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <optional>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;
using relais::test::labctl;
using relais::test::runProcess;

class TestDrillFailover : public QObject
{
    Q_OBJECT

    struct Server
    {
        QString name;
        quint16 port = 0;
    };

    const QHostAddress m_main{u"10.231.0.10"_s};
    const QHostAddress m_backup{u"10.231.0.20"_s};
    const QString m_siteKey = u"lab-drill-failover"_s;
    /// The www failover's own site key (its drills and replication lock).
    const QString m_wwwKey = u"lab-drill-www"_s;
    QTemporaryDir m_tmp;
    QJsonObject m_status;
    QList<Server> m_servers;
    QString m_record; ///< the test's own record, relative to example.test
    QString m_drill;  ///< the test's own drill record
    QString m_work;   ///< under /var/tmp: both lab hosts see the same file system
    QString m_container;
    QString m_authorizedKeys;
    QByteArray m_authorizedKeysBefore;
    QByteArray m_passphrase = "failover test";
    std::optional<Vault> m_vault;
    RejectAllVerifier m_verifier;
    std::unique_ptr<Database> m_db;
    Site m_site;
    /// The lab's www and web as the www failover found them, to put back.
    bool m_wwwTouched = false;
    qint64 m_wwwTtl = 60;
    bool m_webCopyExisted = true;
    QString m_wwwPage; ///< the page the www failover puts in main's web

    QJsonObject host(const char* role) const
    {
        return m_status.value(u"hosts"_s).toObject().value(QLatin1String(role)).toObject();
    }
    QString src() const { return m_work + u"/src"_s; }
    QString dst() const { return m_work + u"/dst"_s; }
    QString keys() const { return m_work + u"/keys"_s; }
    QString mark() const { return m_work + u"/backup-mark/replication-locked"_s; }
    QString absolute(const QString& name = {}) const
    {
        return (name.isEmpty() ? m_record : name) + u".example.test"_s;
    }

    SyncJob job() const
    {
        SyncJob j;
        j.name = u"failover-files"_s;
        j.sources = {src() + u'/'};
        j.destination = dst();
        j.lowPriority = false;
        return j;
    }

    static void write(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    bool nsupdate(quint16 port, const QString& commands)
    {
        QString log;
        for (const Server& server : std::as_const(m_servers)) {
            if (server.port == port)
                log = test::labDnsLog(m_status.value("state_dir"_L1).toString(), server.name);
        }
        return test::labNsupdate(m_tmp.filePath(u"key"_s), port, commands, log);
    }

    bool putRecord(quint16 port, const QHostAddress& address)
    {
        return nsupdate(
            port,
            u"update delete %1 A\nupdate add %1 5 A %2"_s.arg(absolute()).arg(address.toString()));
    }

    /// The addresses the server at @p port answers for @p name (the
    /// test's record by default).
    std::optional<QList<QHostAddress>> answer(quint16 port, const QString& name = {})
    {
        const std::optional<DnsAnswer> found = lookup(port, name);
        if (!found)
            return std::nullopt;
        return found->addresses;
    }

    /// The whole answer of the server at @p port for @p name (the test's
    /// record by default).
    std::optional<DnsAnswer> lookup(quint16 port, const QString& name = {})
    {
        DnsClient client;
        std::optional<Result<DnsAnswer>> result;
        connect(&client, &DnsClient::finished, this,
                [&](const Result<DnsAnswer>& r) { result.emplace(r); });
        DnsQuery query;
        query.server = u"127.0.0.1"_s;
        query.port = port;
        query.name = absolute(name);
        client.query(query);
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
            return std::nullopt;
        return result->value();
    }

    std::unique_ptr<LxdClient> lxd(const char* role) const
    {
        return std::make_unique<LxdClient>(
            new LxdLocalTransport(host(role).value(u"lxd_socket"_s).toString()));
    }

    static Result<QJsonValue> run(LxdOperation* op)
    {
        std::optional<Result<QJsonValue>> result;
        QObject::connect(op, &LxdOperation::finished, op, [&] { result = op->result(); });
        op->start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 120000))
            return Error(LxdError::Timeout, u"no answer"_s);
        op->deleteLater();
        return *result;
    }

    std::optional<LxdInstance> instanceOn(const char* role, const QString& name) const
    {
        auto client = lxd(role);
        const Result<QJsonValue> listed = run(client->listInstances());
        if (!listed)
            return std::nullopt;
        const Result<QList<LxdInstance>> instances = LxdInstance::listFromJson(*listed);
        if (!instances)
            return std::nullopt;
        for (const LxdInstance& instance : *instances) {
            if (instance.name == name)
                return instance;
        }
        return std::nullopt;
    }

    bool running(const char* role) const
    {
        const auto instance = instanceOn(role, m_container);
        return instance && instance->isRunning();
    }

    /// The site: the lab's hosts, the test's sync job, one service per lab
    /// DNS server switching the test's record there (the first also holds
    /// the container); each probed on TCP 22 (the host's sshd). The plan:
    /// final sync, refresh, start and wait, switch at each server, verify
    /// each, lock.
    Site makeSite() const
    {
        Result<Site> loaded = SiteDocument::load(m_status.value(u"site"_s).toString());
        if (!loaded)
            return {};
        Site site = *loaded;
        site.vault = m_tmp.filePath(u"vault"_s);
        site.syncJobs = {job()};
        const Service base = site.services.first();
        site.services.clear();
        ProbeSpec tcp;
        tcp.kind = ProbeSpec::Kind::Tcp;
        tcp.host = HostRole::Main;
        tcp.port = 22;
        PlanGroup files;
        files.name = u"files"_s;
        PlanStep sync;
        sync.kind = PlanStep::Kind::Sync;
        sync.job = job().name;
        PlanStep refresh;
        refresh.kind = PlanStep::Kind::Refresh;
        refresh.containers = {m_container};
        files.steps = {sync, refresh};
        PlanGroup web;
        web.name = u"web"_s;
        QList<PlanStep> verifies;
        for (const Server& server : m_servers) {
            Service service = base;
            service.name = u"app-"_s + server.name;
            service.containers = site.services.isEmpty() ? QStringList{m_container} : QStringList{};
            service.dns->record = m_record;
            service.dns->ttl = 5;
            service.dns->port = server.port;
            service.dns->verifyServers = {u"127.0.0.1:%1"_s.arg(server.port)};
            service.probes = {tcp};
            if (site.services.isEmpty()) {
                PlanStep start;
                start.kind = PlanStep::Kind::Start;
                start.containers = {m_container};
                start.service = service.name;
                start.timeoutSeconds = 60;
                web.steps.append(start);
            }
            PlanStep change;
            change.kind = PlanStep::Kind::Switch;
            change.service = service.name;
            change.timeoutSeconds = 30;
            web.steps.append(change);
            PlanStep verify;
            verify.kind = PlanStep::Kind::Verify;
            verify.service = service.name;
            verify.timeoutSeconds = 30;
            verifies.append(verify);
            site.services.append(service);
        }
        web.steps += verifies;
        PlanStep lock;
        lock.kind = PlanStep::Kind::Lock;
        web.steps.append(lock);
        site.plan.groups = {files, web};
        return site;
    }

    DrillRecord drill(const Site& site, const DrillPlan& plan, const QString& siteKey = {})
    {
        const QString key = siteKey.isEmpty() ? m_siteKey : siteKey;
        DrillJournal journal(*m_db, key);
        SiteConnections connections(site, *m_vault, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), m_db.get(), key);
        factory.setSyncKeyDirectory(keys());
        DrillRunner runner(factory, SystemClock::instance());
        runner.setJournal(&journal);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        // The failback's review gate: the user has read it and goes on.
        connect(&runner, &DrillRunner::confirmationNeeded, &runner,
                [&runner](int, const QStringList&) { runner.confirm(); });
        runner.start(plan);
        if (!finished.wait(180000))
            return {};
        return finished.first().first().value<DrillRecord>();
    }

    /// Runs one step alone with the product's factory (on the test's site
    /// by default).
    Result<void> runStep(const DrillStep& step, const Site* site = nullptr,
                         const QString& siteKey = {}, Database* database = nullptr)
    {
        SiteConnections connections(site ? *site : m_site, *m_vault, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(),
                                   database ? database : m_db.get(),
                                   siteKey.isEmpty() ? m_siteKey : siteKey);
        factory.setSyncKeyDirectory(keys());
        DrillContext context;
        Result<StepJob*> made = factory.create(step, context, this);
        if (!made)
            return made.error();
        std::unique_ptr<StepJob> stepJob(*made);
        std::optional<Result<void>> result;
        connect(stepJob.get(), &StepJob::finished, this,
                [&result](const Result<void>& r) { result.emplace(r); });
        stepJob->start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 120000)) {
            stepJob->cancel();
            (void)QTest::qWaitFor([&] { return result.has_value(); }, 30000);
        }
        return result.value_or(Error(SyncError::Cancelled, u"no end"_s));
    }

    bool runningOn(const char* role, const QString& name) const
    {
        const auto instance = instanceOn(role, name);
        return instance && instance->isRunning();
    }

    /// What the lab answers over HTTP for @p url (empty when it does not).
    static QByteArray fetch(const QString& url)
    {
        const test::ProcessRun run =
            runProcess(u"curl"_s, {u"-sf"_s, u"--max-time"_s, u"5"_s, url}, 15000);
        return run.exitCode == 0 ? run.out : QByteArray();
    }

    /// Runs @p command in the lab's web container on main.
    static test::ProcessRun inMainWeb(const QStringList& command)
    {
        return labctl(QStringList{u"lxc"_s, u"main"_s, u"exec"_s, u"web"_s, u"--"_s} + command,
                      60000);
    }

    /// The lab's site with the test's sync job and its real www service
    /// (the web container, the lab's HTTP and TCP probes), once per lab DNS
    /// server (BIND, Knot, PowerDNS, each its own primary holding www); the
    /// first holds web. The plan: final sync, start web on backup and wait
    /// for its page, switch www at each server, verify each (page and
    /// record), lock. No refresh step: web is replicated before main's web
    /// stops, and a failback's refresh of main would replace the lab's own
    /// web, which other tests use.
    Site makeWwwSite() const
    {
        Result<Site> loaded = SiteDocument::load(m_status.value(u"site"_s).toString());
        if (!loaded)
            return {};
        Site site = *loaded;
        site.vault = m_tmp.filePath(u"vault"_s);
        site.syncJobs = {job()};
        const Service www = site.services.first();
        site.services.clear();
        QList<ProbeSpec> probes;
        for (const ProbeSpec& probe : www.probes) {
            if (probe.kind == ProbeSpec::Kind::Http || probe.kind == ProbeSpec::Kind::Tcp)
                probes.append(probe);
        }
        PlanGroup files;
        files.name = u"files"_s;
        PlanStep sync;
        sync.kind = PlanStep::Kind::Sync;
        sync.job = job().name;
        files.steps = {sync};
        PlanGroup web;
        web.name = u"web"_s;
        QList<PlanStep> verifies;
        for (const Server& server : m_servers) {
            Service service = www;
            service.name = u"www-"_s + server.name;
            service.containers = site.services.isEmpty() ? www.containers : QStringList{};
            service.dns->ttl = int(m_wwwTtl);
            service.dns->port = server.port;
            service.dns->verifyServers = {u"127.0.0.1:%1"_s.arg(server.port)};
            service.probes = probes;
            if (site.services.isEmpty()) {
                PlanStep start;
                start.kind = PlanStep::Kind::Start;
                start.containers = www.containers;
                start.service = service.name;
                start.timeoutSeconds = 60;
                web.steps.append(start);
            }
            PlanStep change;
            change.kind = PlanStep::Kind::Switch;
            change.service = service.name;
            change.timeoutSeconds = 30;
            web.steps.append(change);
            PlanStep verify;
            verify.kind = PlanStep::Kind::Verify;
            verify.service = service.name;
            verify.timeoutSeconds = 30;
            verifies.append(verify);
            site.services.append(service);
        }
        web.steps += verifies;
        PlanStep lock;
        lock.kind = PlanStep::Kind::Lock;
        web.steps.append(lock);
        site.plan.groups = {files, web};
        return site;
    }

    /// Puts the lab's www and web back as the www failover found them:
    /// backup's copy of web stopped (removed when there was none), main's
    /// web running without the test's page, www answering main with its TTL
    /// at every server, the replication unlocked. Safe to call at any
    /// point, more than once; says what it could not do.
    QStringList restoreWww()
    {
        QStringList problems;
        if (!m_wwwTouched)
            return problems;
        auto backup = lxd("backup");
        if (runningOn("backup", u"web"_s)) {
            const Result<QJsonValue> stopped = run(backup->stopInstance(u"web"_s, 0, true));
            if (!stopped)
                problems.append(u"stop web on backup: "_s + stopped.error().toString());
        }
        if (!m_webCopyExisted && instanceOn("backup", u"web"_s)) {
            const Result<QJsonValue> deleted = run(backup->deleteInstance(u"web"_s));
            if (!deleted)
                problems.append(u"delete web on backup: "_s + deleted.error().toString());
        }
        if (!runningOn("main", u"web"_s)) {
            const Result<QJsonValue> started = run(lxd("main")->startInstance(u"web"_s));
            if (!started)
                problems.append(u"start web on main: "_s + started.error().toString());
        }
        if (!m_wwwPage.isEmpty() && runningOn("main", u"web"_s)) {
            const test::ProcessRun removed =
                inMainWeb({u"rm"_s, u"-f"_s, u"/srv/www/"_s + m_wwwPage});
            if (removed.exitCode != 0)
                problems.append(u"remove the page from main's web: "_s +
                                QString::fromUtf8(removed.err));
        }
        for (const Server& server : std::as_const(m_servers)) {
            const std::optional<DnsAnswer> now = lookup(server.port, u"www"_s);
            if (now && now->addresses == QList<QHostAddress>{m_main} && now->ttl == m_wwwTtl)
                continue;
            if (!nsupdate(server.port,
                          u"update delete www.example.test A\nupdate add www.example.test %1 A %2"_s
                              .arg(m_wwwTtl)
                              .arg(m_main.toString())))
                problems.append(u"www back to main at "_s + server.name);
        }
        if (m_db) {
            ReplicationLock lock(*m_db, m_wwwKey);
            const auto state = lock.state();
            if (!state || state->has_value()) {
                if (const Result<void> unlocked = lock.unlock(); !unlocked)
                    problems.append(u"unlock: "_s + unlocked.error().toString());
            }
        }
        return problems;
    }

    static QString describe(const DrillRecord& record)
    {
        QString text = record.message + u'\n';
        for (const DrillStepRecord& step : record.steps)
            text += drillActionName(step.step.action) + u' ' + QString::number(int(step.state)) +
                    u' ' + step.message + u'\n' + step.output.join(u'\n') + u'\n';
        return text;
    }

    static const DrillStepRecord* stepOf(const DrillRecord& record, DrillAction action)
    {
        for (const DrillStepRecord& step : record.steps) {
            if (step.step.action == action)
                return &step;
        }
        return nullptr;
    }

    test::ProcessRun relaisctl(const QStringList& arguments) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"RELAIS_DATA_DIR"_s, m_tmp.filePath(u"cli"_s));
        env.insert(u"RELAIS_CONFIG_DIR"_s, m_tmp.filePath(u"config"_s));
        env.insert(u"RELAIS_VAULT_PASSPHRASE"_s, QString::fromUtf8(m_passphrase));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{u"--lang"_s, u"en"_s} + arguments);
        process.closeWriteChannel();
        test::ProcessRun result;
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        qRegisterMetaType<DrillRecord>();
        qputenv("RELAIS_DATA_DIR", m_tmp.path().toUtf8());
        const test::ProcessRun up = labctl({u"up"_s});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status = labctl({u"status"_s, u"--json"_s}, 60000);
        m_status = QJsonDocument::fromJson(status.out.mid(status.out.indexOf('{'))).object();
        QCOMPARE(m_status.value(u"state"_s).toString(), u"up"_s);
        const QJsonObject dns = m_status.value(u"dns"_s).toObject();
        for (const char* name : {"bind", "knot", "powerdns"}) {
            const QJsonObject server = dns.value(QLatin1String(name)).toObject();
            if (!server.isEmpty())
                m_servers.append({QLatin1String(name), quint16(server.value(u"port"_s).toInt())});
        }
        QCOMPARE(m_servers.size(), 3);

        const QString labKnownHosts =
            m_status.value(u"state_dir"_s).toString() + u"/ssh/known_hosts"_s;
        QVERIFY(QFile::copy(labKnownHosts, m_tmp.filePath(u"known_hosts"_s)));
        QVERIFY(QDir().mkpath(m_tmp.filePath(u"cli"_s)));
        QVERIFY(QFile::copy(labKnownHosts, m_tmp.filePath(u"cli/known_hosts"_s)));

        // TSIG key for nsupdate and the vault (lab SSH key and TSIG key).
        QFile secret(m_status.value(u"secrets_dir"_s).toString() + u'/' +
                     dns.value(u"tsig_secret"_s).toString());
        QVERIFY(secret.open(QIODevice::ReadOnly));
        const QList<QByteArray> parts = secret.readAll().trimmed().split(':');
        QCOMPARE(parts.size(), 3);
        write(m_tmp.filePath(u"key"_s), "key \"" + parts.at(0) + "\" { algorithm " + parts.at(1) +
                                            "; secret \"" + parts.at(2) + "\"; };\n");
        Result<Vault> vault =
            Vault::create(m_tmp.filePath(u"vault"_s), SecretBytes(QByteArrayView(m_passphrase)),
                          KdfParams{10, 8, 1}, SystemClock::instance());
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().toString()));
        VaultEntry tsig;
        tsig.id = dns.value(u"tsig_secret"_s).toString();
        tsig.kind = VaultEntry::Kind::TsigKey;
        QByteArray tsigText = parts.join(':');
        tsig.secret = SecretBytes::takeFrom(tsigText);
        QVERIFY(vault->add(std::move(tsig)).ok());
        VaultEntry ssh;
        ssh.id = u"lab-ssh"_s;
        ssh.kind = VaultEntry::Kind::SshPrivateKey;
        const QByteArray labKey = read(m_status.value(u"secrets_dir"_s).toString() + u"/lab-ssh"_s);
        QVERIFY(labKey.contains("PRIVATE KEY"));
        ssh.secret = SecretBytes(QByteArrayView(labKey));
        QVERIFY(vault->add(std::move(ssh)).ok());
        QVERIFY(vault->save().ok()); // relaisctl reads it from the file
        m_vault = std::move(vault).value();

        m_record = u"app-%1"_s.arg(::getpid());
        m_drill = u"drill-fo-%1"_s.arg(::getpid());
        m_container = u"relais-dfo-%1"_s.arg(::getpid());
        m_work = u"/var/tmp/relais-drillfailover-test-%1"_s.arg(::getpid());
        QDir(m_work).removeRecursively();
        QVERIFY(QDir().mkpath(src()));
        QVERIFY(QDir().mkpath(dst()));
        QVERIFY(QDir().mkpath(keys()));
        // The direction guard's mark "on backup": the lab's hosts share this
        // machine's file system, so the test's own place for it.
        qputenv("RELAIS_HOST_LOCK_FILE", mark().toUtf8());

        // The job's keys on main (initiating host of a push): forward
        // write-only into the destination on backup, reverse read-only.
        m_authorizedKeys =
            m_status.value(u"state_dir"_s).toString() + u"/backup/ssh/authorized_keys"_s;
        m_authorizedKeysBefore = read(m_authorizedKeys);
        QVERIFY(!m_authorizedKeysBefore.isEmpty());
        QByteArray authorized = m_authorizedKeysBefore;
        for (const RsyncCommand::Flow flow :
             {RsyncCommand::Flow::Forward, RsyncCommand::Flow::Reverse}) {
            const QString key = keys() + u'/' + RsyncCommand::keyName(job(), flow);
            const auto keygen =
                runProcess(u"ssh-keygen"_s,
                           {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s,
                            u"relais-sync:"_s + RsyncCommand::keyName(job(), flow), u"-f"_s, key});
            QCOMPARE(keygen.exitCode, 0);
            QVERIFY(QFile::copy(labKnownHosts, key + u".known_hosts"_s));
            authorized += RsyncCommand::authorizedKeysLine(
                              job(), QString::fromUtf8(read(key + u".pub"_s)), flow)
                              .toUtf8() +
                          '\n';
        }
        write(m_authorizedKeys, authorized);

        Result<std::unique_ptr<Database>> db = Database::open(m_tmp.filePath(u"relais.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();

        // Main's service: the test's container, running on main.
        auto main = lxd("main");
        const Result<QJsonValue> created =
            run(main->createInstance(m_container, u"relais-busybox"_s));
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));
        const Result<QJsonValue> started = run(main->startInstance(m_container));
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));

        m_site = makeSite();
        QCOMPARE(m_site.services.size(), 3);
    }

    void init()
    {
        for (const Server& server : std::as_const(m_servers))
            QVERIFY2(putRecord(server.port, m_main), qPrintable(server.name));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        for (const QString& problem : restoreWww())
            qWarning("could not restore the lab's www: %s", qPrintable(problem));
        for (const Server& server : std::as_const(m_servers))
            nsupdate(server.port, u"update delete %1 A\nupdate delete %2 A"_s.arg(
                                      absolute(), absolute(m_drill)));
        if (!m_container.isEmpty()) {
            for (const char* role : {"main", "backup"}) {
                auto client = lxd(role);
                (void)run(client->stopInstance(m_container, 0, true));
                (void)run(client->deleteInstance(m_container));
            }
        }
        if (!m_authorizedKeys.isEmpty())
            write(m_authorizedKeys, m_authorizedKeysBefore);
        if (!m_work.isEmpty())
            QDir(m_work).removeRecursively();
        labctl({u"down"_s});
    }

    void failoverThenFailback()
    {
        write(src() + u"/index.html"_s, "served by main, replicated\n");
        // Main's service goes down.
        const Result<QJsonValue> stopped = run(lxd("main")->stopInstance(m_container, 30, true));
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : qPrintable(stopped.error().toString()));
        QVERIFY(!running("main"));

        QElapsedTimer timer;
        timer.start();
        const DrillRecord over =
            drill(m_site, DrillPlanner::plan(m_site, DrillMode::PlannedFailover));
        const qint64 failoverMs = timer.elapsed();
        QVERIFY2(over.state == DrillRecord::State::Succeeded, qPrintable(describe(over)));
        QVERIFY(over.rtoMs.has_value());
        // RPO: the canary's age on backup at the switch; the final sync of
        // this failover wrote it moments before.
        QVERIFY2(over.rpoSeconds.has_value(), qPrintable(describe(over)));
        QVERIFY2(*over.rpoSeconds >= 0 && *over.rpoSeconds <= failoverMs / 1000 + 1,
                 qPrintable(QString::number(*over.rpoSeconds)));
        // Every lab server answers backup; backup holds main's content and
        // runs the service; main → backup is locked.
        for (const Server& server : std::as_const(m_servers))
            QVERIFY2(answer(server.port) == QList<QHostAddress>{m_backup}, qPrintable(server.name));
        QCOMPARE(read(dst() + u"/index.html"_s), QByteArray("served by main, replicated\n"));
        QVERIFY(running("backup"));
        QVERIFY(!running("main"));
        const auto lock = ReplicationLock(*m_db, m_siteKey).state();
        QVERIFY(lock.ok() && lock->has_value());
        DrillStep finalSync;
        finalSync.action = DrillAction::FinalSync;
        finalSync.job = job().name;
        const Result<void> refused = runStep(finalSync);
        QVERIFY2(!refused.ok() && refused.error().is(SyncError::DirectionLocked),
                 refused.ok() ? "ran" : qPrintable(refused.error().toString()));
        // Backup itself is marked: a copy started where relais.db's lock is
        // not seen (a job installed on main, another console) is refused by
        // backup, and nothing reaches the destination.
        QVERIFY(QFile::exists(mark()));
        Result<std::unique_ptr<Database>> elsewhere =
            Database::open(m_tmp.filePath(u"elsewhere.db"_s));
        QVERIFY(elsewhere.ok());
        const Result<void> refusedByBackup =
            runStep(finalSync, nullptr, {}, elsewhere.value().get());
        QVERIFY2(!refusedByBackup.ok() &&
                     refusedByBackup.error().toString().contains(u"locked since a failover"_s),
                 refusedByBackup.ok() ? "ran" : qPrintable(refusedByBackup.error().toString()));
        QCOMPARE(read(dst() + u"/index.html"_s), QByteArray("served by main, replicated\n"));

        // Backup takes a change; the failback brings it and the service home.
        QTest::qSleep(1100); // after the lock's second
        write(dst() + u"/index.html"_s, "changed on backup\n");
        timer.restart();
        const DrillRecord back = drill(m_site, DrillPlanner::plan(m_site, DrillMode::Failback));
        const qint64 failbackMs = timer.elapsed();
        QVERIFY2(back.state == DrillRecord::State::Succeeded, qPrintable(describe(back)));
        for (const Server& server : std::as_const(m_servers))
            QVERIFY2(answer(server.port) == QList<QHostAddress>{m_main}, qPrintable(server.name));
        QCOMPARE(read(src() + u"/index.html"_s), QByteArray("changed on backup\n"));
        QVERIFY(running("main"));
        QVERIFY(!running("backup"));
        const auto unlocked = ReplicationLock(*m_db, m_siteKey).state();
        QVERIFY(unlocked.ok() && !unlocked->has_value());
        QVERIFY(!QFile::exists(mark()));
        qInfo("failover drill %lld ms (RTO %lld ms), failback drill %lld ms", failoverMs,
              *over.rtoMs, failbackMs);
    }

    void wwwFailsOverToBackupAndBack()
    {
        // The lab's real service: web on main behind www at BIND, Knot and
        // PowerDNS. First as the other tests expect it.
        const Site site = makeWwwSite();
        QCOMPARE(site.services.size(), 3);
        QVERIFY(runningOn("main", u"web"_s));
        for (const Server& server : std::as_const(m_servers)) {
            const std::optional<DnsAnswer> www = lookup(server.port, u"www"_s);
            QVERIFY2(www && www->addresses == QList<QHostAddress>{m_main}, qPrintable(server.name));
            m_wwwTtl = www->ttl;
        }
        QVERIFY(!runningOn("backup", u"web"_s));
        m_webCopyExisted = instanceOn("backup", u"web"_s).has_value();
        m_wwwPage = u"relais-www-failover-%1.html"_s.arg(::getpid());
        m_wwwTouched = true;
        // Whatever happens from here, the lab ends as it was.
        auto restore = qScopeGuard([this] {
            const QStringList problems = restoreWww();
            for (const QString& problem : problems)
                qWarning("could not restore the lab's www: %s", qPrintable(problem));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        });

        // Content of main's web that only replication brings to backup.
        const QByteArray content =
            "replicated from main's web, run " + QByteArray::number(::getpid()) + " at " +
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + '\n';
        const test::ProcessRun written =
            inMainWeb({u"sh"_s, u"-c"_s, u"printf %s \"$1\" > /srv/www/$2"_s, u"sh"_s,
                       QString::fromUtf8(content), m_wwwPage});
        QVERIFY2(written.exitCode == 0, written.err.constData());
        const QString mainPage = u"http://%1/%2"_s.arg(m_main.toString(), m_wwwPage);
        const QString backupPage = u"http://%1/%2"_s.arg(m_backup.toString(), m_wwwPage);
        const QByteArray served = fetch(mainPage);
        QCOMPARE(served, content);

        // Replication of web to backup, as it runs before a failure.
        QElapsedTimer timer;
        timer.start();
        DrillStep refresh;
        refresh.action = DrillAction::RefreshCopies;
        refresh.containers = {u"web"_s};
        refresh.timeoutSeconds = 120;
        const Result<void> replicated = runStep(refresh, &site, m_wwwKey);
        QVERIFY2(replicated.ok(), replicated.ok() ? "" : qPrintable(replicated.error().toString()));
        const qint64 replicationMs = timer.elapsed();
        QVERIFY(instanceOn("backup", u"web"_s).has_value());
        QVERIFY(!runningOn("backup", u"web"_s));

        // Main's web stops: www's page is gone.
        const Result<QJsonValue> stopped = run(lxd("main")->stopInstance(u"web"_s, 30, true));
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : qPrintable(stopped.error().toString()));
        QVERIFY(!runningOn("main", u"web"_s));
        QVERIFY(fetch(u"http://%1/"_s.arg(m_main.toString())).isEmpty());

        timer.restart();
        const DrillRecord over =
            drill(site, DrillPlanner::plan(site, DrillMode::PlannedFailover), m_wwwKey);
        const qint64 failoverMs = timer.elapsed();
        QVERIFY2(over.state == DrillRecord::State::Succeeded, qPrintable(describe(over)));
        QVERIFY(over.rtoMs.has_value());
        // www answers backup at every lab server, with its TTL.
        for (const Server& server : std::as_const(m_servers)) {
            const std::optional<DnsAnswer> www = lookup(server.port, u"www"_s);
            QVERIFY2(www && www->addresses == QList<QHostAddress>{m_backup},
                     qPrintable(server.name));
            QCOMPARE(www->ttl, m_wwwTtl);
        }
        // Backup serves www, with the content replicated from main.
        QVERIFY(runningOn("backup", u"web"_s));
        QVERIFY(!runningOn("main", u"web"_s));
        const QByteArray index = fetch(u"http://%1/"_s.arg(m_backup.toString()));
        QVERIFY2(index.contains("Relais lab web on backup"), index.constData());
        QCOMPARE(fetch(backupPage), served);
        // Main → backup is locked: the sync job is refused.
        const auto lock = ReplicationLock(*m_db, m_wwwKey).state();
        QVERIFY(lock.ok() && lock->has_value());
        DrillStep finalSync;
        finalSync.action = DrillAction::FinalSync;
        finalSync.job = job().name;
        const Result<void> refused = runStep(finalSync, &site, m_wwwKey);
        QVERIFY2(!refused.ok() && refused.error().is(SyncError::DirectionLocked),
                 refused.ok() ? "ran" : qPrintable(refused.error().toString()));

        timer.restart();
        const DrillRecord back =
            drill(site, DrillPlanner::plan(site, DrillMode::Failback), m_wwwKey);
        const qint64 failbackMs = timer.elapsed();
        QVERIFY2(back.state == DrillRecord::State::Succeeded, qPrintable(describe(back)));
        // Everything back: www answers main everywhere, main serves its
        // page and the content, backup's copy is stopped, no lock.
        for (const Server& server : std::as_const(m_servers)) {
            const std::optional<DnsAnswer> www = lookup(server.port, u"www"_s);
            QVERIFY2(www && www->addresses == QList<QHostAddress>{m_main}, qPrintable(server.name));
            QCOMPARE(www->ttl, m_wwwTtl);
        }
        QVERIFY(runningOn("main", u"web"_s));
        QVERIFY(!runningOn("backup", u"web"_s));
        const QByteArray home = fetch(u"http://%1/"_s.arg(m_main.toString()));
        QVERIFY2(home.contains("Relais lab web on main"), home.constData());
        QCOMPARE(fetch(mainPage), served);
        QVERIFY(fetch(backupPage).isEmpty());
        const auto unlocked = ReplicationLock(*m_db, m_wwwKey).state();
        QVERIFY(unlocked.ok() && !unlocked->has_value());
        qInfo("www: replication %lld ms, failover drill %lld ms (RTO %lld ms), failback drill "
              "%lld ms",
              replicationMs, failoverMs, *over.rtoMs, failbackMs);
    }

    void rehearsalNeverTouchesProduction()
    {
        // After the failback, backup holds a stopped copy: rehearse it, with
        // the lab's page as the probe and a drill record of the test's own,
        // while a watcher asks every 100 ms for main's page and www.
        Site site = m_site;
        Service& service = site.services.first();
        ProbeSpec page;
        page.kind = ProbeSpec::Kind::Http;
        page.url = u"http://10.231.0.10/"_s;
        page.keyword = u"Relais lab web"_s;
        service.probes = {page};
        PlanGroup web;
        web.name = u"web"_s;
        PlanStep start;
        start.kind = PlanStep::Kind::Start;
        start.containers = {m_container};
        start.service = service.name;
        start.timeoutSeconds = 60;
        PlanStep change;
        change.kind = PlanStep::Kind::Switch;
        change.service = service.name;
        change.timeoutSeconds = 30;
        web.steps = {start, change};
        site.plan.groups = {web};
        site.plan.drillRecord = m_drill;
        const quint16 bind = m_servers.first().port;
        QVERIFY(nsupdate(bind, u"update delete %1 A\nupdate add %1 5 A %2"_s.arg(
                                   absolute(m_drill), m_main.toString())));
        const auto www = answer(bind, u"www"_s);
        QVERIFY(www.has_value() && !www->isEmpty());

        QNetworkAccessManager network;
        QByteArray firstPage;
        QStringList changes;
        int pages = 0;
        int records = 0;
        bool asking = false;
        DnsClient watcher;
        connect(&watcher, &DnsClient::finished, this, [&](const Result<DnsAnswer>& result) {
            ++records;
            if (!result || result->addresses != *www)
                changes.append(u"www: "_s + (result ? (result->addresses.isEmpty()
                                                           ? u"none"_s
                                                           : result->addresses.first().toString())
                                                    : result.error().message()));
        });
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            if (!watcher.isRunning()) {
                DnsQuery query;
                query.server = u"127.0.0.1"_s;
                query.port = bind;
                query.name = absolute(u"www"_s);
                watcher.query(query);
            }
            if (asking)
                return;
            asking = true;
            QNetworkRequest request(QUrl(u"http://10.231.0.10/"_s));
            request.setTransferTimeout(2000);
            QNetworkReply* reply = network.get(request);
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                asking = false;
                ++pages;
                const QByteArray body = reply->readAll();
                if (reply->error() != QNetworkReply::NoError)
                    changes.append(u"page: "_s + reply->errorString());
                else if (firstPage.isEmpty())
                    firstPage = body;
                else if (body != firstPage)
                    changes.append(u"page: "_s + QString::fromUtf8(body).simplified().left(80));
                reply->deleteLater();
            });
        });
        watch.start(100);
        const DrillRecord record = drill(site, DrillPlanner::plan(site, DrillMode::Rehearsal));
        watch.stop();
        (void)QTest::qWaitFor([&] { return !asking && !watcher.isRunning(); }, 5000);

        QVERIFY2(record.state == DrillRecord::State::Succeeded, qPrintable(describe(record)));
        QVERIFY(stepOf(record, DrillAction::ProbeClones));
        QVERIFY(stepOf(record, DrillAction::VerifyDrillRecord));
        QVERIFY(record.rtoMs.has_value());
        QVERIFY2(firstPage.contains("Relais lab web on main"), firstPage.constData());
        QVERIFY2(changes.isEmpty(), qPrintable(changes.join(u"; "_s)));
        QVERIFY2(pages >= 5 && records >= 5,
                 qPrintable(u"%1 pages, %2 answers"_s.arg(pages).arg(records)));
        // Nothing left: no clone, the drill record back at main, the copy stopped.
        QVERIFY(!instanceOn("backup", u"relais-drill-"_s + m_container).has_value());
        QCOMPARE(answer(bind, m_drill), QList<QHostAddress>{m_main});
        QVERIFY(!running("backup"));
        qInfo("rehearsal: %lld ms of drill, %d pages and %d answers watched",
              record.startedAt.msecsTo(record.endedAt), pages, records);
    }

    void unreachableBackupLxdFailsTheStartStep()
    {
        Site site = m_site;
        site.backup.lxd->socketPath = m_work + u"/no-such-lxd.socket"_s;
        DrillPlan plan;
        plan.mode = DrillMode::PlannedFailover;
        DrillStep start;
        start.action = DrillAction::StartOnBackup;
        start.group = u"web"_s;
        start.containers = {m_container};
        start.service = site.services.first().name;
        start.timeoutSeconds = 30;
        DrillStep change;
        change.action = DrillAction::Switch;
        change.group = u"web"_s;
        change.service = site.services.first().name;
        plan.steps = {start, change};

        const DrillRecord record = drill(site, plan);
        QVERIFY2(record.state == DrillRecord::State::Failed, qPrintable(describe(record)));
        const DrillStepRecord* failed = stepOf(record, DrillAction::StartOnBackup);
        QVERIFY(failed);
        QCOMPARE(int(failed->state), int(DrillStepRecord::State::Failed));
        // The message names what could not be reached; the drill ends with it.
        QVERIFY2(failed->message.contains(u"no-such-lxd.socket"_s), qPrintable(describe(record)));
        QCOMPARE(record.message, failed->message);
        QCOMPARE(int(stepOf(record, DrillAction::Switch)->state),
                 int(DrillStepRecord::State::Skipped));
        // Nothing moved: the record still answers main, nothing runs on backup.
        QCOMPARE(answer(m_servers.first().port), QList<QHostAddress>{m_main});
        QVERIFY(!running("backup"));
        qInfo("start step: %s", qPrintable(failed->message));
    }

    void silentMainSshdTakesTheEmergencyPath()
    {
        // Main's sshd "down": the site reaches it on a port nothing listens on.
        Site site = m_site;
        site.main.ssh.port = 1;
        Service service = site.services.first();
        service.containers.clear();
        ProbeSpec ssh;
        ssh.kind = ProbeSpec::Kind::Ssh;
        ssh.host = HostRole::Main;
        service.probes = {ssh};
        site.services = {service};
        PlanGroup web;
        web.name = u"web"_s;
        PlanStep change;
        change.kind = PlanStep::Kind::Switch;
        change.service = service.name;
        change.timeoutSeconds = 30;
        PlanStep lock;
        lock.kind = PlanStep::Kind::Lock;
        web.steps = {change, lock};
        PlanGroup files; // needs main: skipped, and the planner says so
        files.name = u"files"_s;
        PlanStep sync;
        sync.kind = PlanStep::Kind::Sync;
        sync.job = job().name;
        files.steps = {sync};
        site.plan.groups = {files, web};
        const QString path = m_tmp.filePath(u"emergency-site.json"_s);
        const Result<void> saved = SiteDocument::save(site, path);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));

        const test::ProcessRun result =
            relaisctl({u"drill"_s, u"run"_s, u"--site"_s, path, u"--mode"_s, u"failover"_s,
                       u"--yes"_s, u"--json"_s});
        const QByteArray said =
            QByteArray::number(result.exitCode) + ' ' + result.err + '\n' + result.out;
        QVERIFY2(result.exitCode == 0, said.constData());
        const QJsonObject drill = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(drill.value(u"mode"_s).toString(), u"emergency-failover"_s);
        QVERIFY2(drill.value(u"succeeded"_s).toBool(), result.out.constData());
        const QJsonArray decisions = drill.value(u"decisions"_s).toArray();
        QVERIFY2(!decisions.isEmpty() && decisions.first().toString().contains(job().name),
                 result.out.constData());
        const QJsonArray steps = drill.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 3); // no final sync: RPO, switch, lock
        QCOMPARE(steps.at(0).toObject().value(u"action"_s).toString(), u"measure-rpo"_s);
        QCOMPARE(steps.at(1).toObject().value(u"action"_s).toString(), u"switch"_s);
        // The RPO is the age of what backup holds (the canary of the last
        // copy, an earlier test's); without a canary it is not known, and
        // the failover goes on either way.
        QVERIFY2(drill.value(u"rpo_seconds"_s).isDouble() ==
                     QFile::exists(dst() + u"/.relais-canary"_s),
                 result.out.constData());
        QCOMPARE(answer(m_servers.first().port), QList<QHostAddress>{m_backup});

        // The decision is kept in the journal with the drill.
        const test::ProcessRun report =
            relaisctl({u"drill"_s, u"report"_s, u"--site"_s, path,
                       QString::number(drill.value(u"id"_s).toInteger()), u"--html"_s,
                       m_tmp.filePath(u"emergency.html"_s)});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        const QString html = QString::fromUtf8(read(m_tmp.filePath(u"emergency.html"_s)));
        QVERIFY2(html.contains(decisions.first().toString().toHtmlEscaped().left(20)),
                 qPrintable(decisions.first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestDrillFailover)
#include "tst_drillfailover.moc"
