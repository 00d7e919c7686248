#include "../support/LabNsupdate.h"
#include "../support/ProcessRun.h"
#include "common/Database.h"
#include "common/SystemClock.h"
#include "dns/DnsClient.h"
#include "dns/DnsSwitchHistory.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillRunner.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "vault/KdfParams.h"
#include "vault/Vault.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <optional>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;

// The DNS steps of drills through SiteStepJobFactory against the lab's real
// BIND, PowerDNS and Knot (zone example.test, each its own primary): a
// failover switches the service's record to backup and verifies it (the
// service's TCP probe aimed at backup, every server asked), a failback
// brings it back; a rehearsal creates the drill record pointing at backup,
// times its convergence and removes it (a drill record that existed is
// moved and put back, one holding another address is refused), also after
// a failure and after Relais was killed mid-drill, never touching the
// service's record; a wrong TSIG key fails the switch. The records are the
// test's own (svc-<pid>, drill-<pid>): the service's added before each test,
// both deleted after it, also on failure; www and the lab's drill record
// are never touched.
class TestDrillDns : public QObject
{
    Q_OBJECT

private:
    struct Server
    {
        QString name;
        quint16 port = 0;
    };

    const QHostAddress m_main{u"10.231.0.10"_s};
    const QHostAddress m_backup{u"10.231.0.20"_s};
    QJsonObject m_status;
    QTemporaryDir m_dir;
    QList<Server> m_servers; ///< BIND first
    QString m_service;       ///< the service's record, relative
    QString m_drill;         ///< the drill record, relative
    std::optional<Vault> m_vault;
    RejectAllVerifier m_verifier;

    QString absolute(const QString& relative) const { return relative + u".example.test"_s; }

    bool nsupdate(quint16 port, const QString& commands)
    {
        QString log;
        for (const Server& server : std::as_const(m_servers)) {
            if (server.port == port)
                log =
                    relais::test::labDnsLog(m_status.value("state_dir"_L1).toString(), server.name);
        }
        return relais::test::labNsupdate(m_dir.filePath(u"key"_s), port, commands, log);
    }

    bool put(quint16 port, const QString& name, const QHostAddress& address)
    {
        return nsupdate(port, u"update delete %1 A\nupdate add %1 5 A %2"_s.arg(absolute(name))
                                  .arg(address.toString()));
    }

    /// The addresses the server at @p port answers for @p name; nullopt
    /// when it does not answer.
    std::optional<QList<QHostAddress>> read(quint16 port, const QString& name)
    {
        DnsClient client;
        std::optional<Result<DnsAnswer>> answer;
        connect(&client, &DnsClient::finished, this,
                [&](const Result<DnsAnswer>& result) { answer.emplace(result); });
        DnsQuery query;
        query.server = u"127.0.0.1"_s;
        query.port = port;
        query.name = absolute(name);
        client.query(query);
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
            return std::nullopt;
        return answer->value().addresses;
    }

    /// The servers where @p name resolves to an address, with what they
    /// answer ("bind: 10.231.0.20"); empty when none does.
    QStringList resolvedAt(const QString& name)
    {
        QStringList found;
        for (const Server& server : std::as_const(m_servers)) {
            const std::optional<QList<QHostAddress>> addresses = read(server.port, name);
            if (!addresses)
                found << server.name + u": no answer"_s;
            else if (!addresses->isEmpty())
                found << server.name + u": "_s + addresses->first().toString();
        }
        return found;
    }

    /// The lab site with one service whose record is the test's own at the
    /// server on @p port, probed on TCP port 22 (each host's sshd), and a
    /// plan: switch then verify.
    Site site(quint16 port) const
    {
        Result<Site> loaded = SiteDocument::load(m_status.value("site"_L1).toString());
        if (!loaded)
            return {};
        Site site = *loaded;
        Service& service = site.services.first();
        service.containers.clear();
        service.dns->record = m_service;
        service.dns->ttl = 5;
        service.dns->port = port;
        service.dns->verifyServers = {u"127.0.0.1:%1"_s.arg(port)};
        ProbeSpec tcp;
        tcp.kind = ProbeSpec::Kind::Tcp;
        tcp.host = HostRole::Main;
        tcp.port = 22;
        service.probes = {tcp};
        PlanGroup group;
        group.name = u"web"_s;
        PlanStep change;
        change.kind = PlanStep::Kind::Switch;
        change.service = service.name;
        change.timeoutSeconds = 20;
        PlanStep verify;
        verify.kind = PlanStep::Kind::Verify;
        verify.service = service.name;
        verify.timeoutSeconds = 20;
        group.steps = {change, verify};
        site.plan.groups = {group};
        site.plan.drillRecord = m_drill;
        return site;
    }

    DrillRecord drill(const Site& site, DrillMode mode, Vault& vault)
    {
        return drill(site, DrillPlanner::plan(site, mode), vault);
    }

    DrillRecord drill(const Site& site, const DrillPlan& plan, Vault& vault)
    {
        auto db = Database::open(m_dir.filePath(u"relais.db"_s));
        if (!db)
            return {};
        DrillJournal journal(**db, u"lab"_s);
        SiteConnections connections(site, vault, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), db->get(), u"lab"_s);
        DrillRunner runner(factory, SystemClock::instance());
        runner.setJournal(&journal);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        // A failback's review is confirmed as the user would.
        connect(&runner, &DrillRunner::confirmationNeeded, &runner,
                [&runner](int, const QStringList&) { runner.confirm(); });
        runner.start(plan);
        if (!finished.wait(120000))
            return {};
        return finished.first().first().value<DrillRecord>();
    }

    /// A new vault in the test directory holding @p tsig as the lab's TSIG key.
    Result<Vault> makeVault(const QString& name, QByteArray tsig)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        Result<Vault> vault = Vault::create(path, SecretBytes(QByteArrayView("test")),
                                            KdfParams{10, 8, 1}, SystemClock::instance());
        if (!vault)
            return vault.error();
        VaultEntry entry;
        entry.id = m_status.value("dns"_L1).toObject().value("tsig_secret"_L1).toString();
        entry.kind = VaultEntry::Kind::TsigKey;
        entry.secret = SecretBytes::takeFrom(tsig);
        if (Result<void> added = vault->add(entry); !added)
            return added.error();
        return vault;
    }

    static QString describe(const DrillRecord& record)
    {
        QString text = record.message + u'\n';
        for (const DrillStepRecord& step : record.steps)
            text += drillActionName(step.step.action) + u'=' + QString::number(int(step.state)) +
                    u' ' + step.message + u" | " + step.output.join(u" / "_s) + u'\n';
        return text;
    }

    static QString output(const DrillRecord& record, DrillAction action)
    {
        for (const DrillStepRecord& step : record.steps) {
            if (step.step.action == action)
                return step.output.join(u'\n');
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        qRegisterMetaType<DrillRecord>();
        QVERIFY(m_dir.isValid());
        qputenv("RELAIS_DATA_DIR", m_dir.path().toUtf8());
        const relais::test::ProcessRun up = relais::test::labctl({u"up"_s});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const relais::test::ProcessRun status = relais::test::labctl({u"status"_s, u"--json"_s});
        m_status = QJsonDocument::fromJson(status.out.mid(status.out.indexOf('{'))).object();
        QCOMPARE(m_status.value("state"_L1).toString(), u"up"_s);
        const QJsonObject dns = m_status.value("dns"_L1).toObject();
        for (const char* name : {"bind", "powerdns", "knot"}) {
            const QJsonObject server = dns.value(QLatin1String(name)).toObject();
            if (!server.isEmpty())
                m_servers.append({QLatin1String(name), quint16(server.value("port"_L1).toInt())});
        }
        QVERIFY(!m_servers.isEmpty() && m_servers.first().name == u"bind"_s);

        QFile secret(m_status.value("secrets_dir"_L1).toString() + u'/' +
                     dns.value("tsig_secret"_L1).toString());
        QVERIFY(secret.open(QIODevice::ReadOnly));
        const QList<QByteArray> parts = secret.readAll().trimmed().split(':');
        QCOMPARE(parts.size(), 3);
        QFile keyFile(m_dir.filePath(u"key"_s));
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write("key \"" + parts.at(0) + "\" { algorithm " + parts.at(1) + "; secret \"" +
                      parts.at(2) + "\"; };\n");
        keyFile.close();

        // A vault of the test's own with the lab's TSIG key (the switch
        // needs nothing else from it).
        Result<Vault> vault = makeVault(u"vault"_s, parts.join(':'));
        QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message()));
        m_vault = std::move(vault).value();
        // The start step lists backup's containers over SSH.
        QFile sshKey(m_status.value("secrets_dir"_L1).toString() + u"/lab-ssh"_s);
        QVERIFY(sshKey.open(QIODevice::ReadOnly));
        VaultEntry ssh;
        ssh.id = u"lab-ssh"_s;
        ssh.kind = VaultEntry::Kind::SshPrivateKey;
        QByteArray keyText = sshKey.readAll();
        ssh.secret = SecretBytes::takeFrom(keyText);
        QVERIFY(m_vault->add(ssh));
        QVERIFY(QFile::copy(m_status.value("state_dir"_L1).toString() + u"/ssh/known_hosts"_s,
                            m_dir.filePath(u"known_hosts"_s)));
        m_service = u"svc-%1"_s.arg(::getpid());
        m_drill = u"drill-%1"_s.arg(::getpid());
    }

    void init()
    {
        for (const Server& server : std::as_const(m_servers)) {
            QVERIFY2(put(server.port, m_service, m_main), qPrintable(server.name));
            // No drill record: the rehearsal makes its own.
            QVERIFY2(nsupdate(server.port, u"update delete %1 A"_s.arg(absolute(m_drill))),
                     qPrintable(server.name));
        }
    }

    void cleanup()
    {
        for (const Server& server : std::as_const(m_servers))
            QVERIFY2(nsupdate(server.port, u"update delete %1 A\nupdate delete %2 A"_s.arg(
                                               absolute(m_service), absolute(m_drill))),
                     qPrintable(server.name));
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            relais::test::labctl({u"down"_s});
    }

    void failoverAndFailbackAtEveryServer_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_servers.size(); ++i)
            QTest::newRow(qPrintable(m_servers.at(i).name)) << i;
    }

    void failoverAndFailbackAtEveryServer()
    {
        QFETCH(int, index);
        const Server server = m_servers.at(index);
        const Site lab = site(server.port);

        QElapsedTimer timer;
        timer.start();
        const DrillRecord over = drill(lab, DrillMode::PlannedFailover, *m_vault);
        const qint64 failoverMs = timer.elapsed();
        QVERIFY2(over.state == DrillRecord::State::Succeeded, qPrintable(describe(over)));
        QCOMPARE(over.steps.size(), 2);
        QCOMPARE(over.steps.at(0).step.action, DrillAction::Switch);
        QCOMPARE(over.steps.at(1).step.action, DrillAction::Verify);
        QCOMPARE(read(server.port, m_service), QList<QHostAddress>{m_backup});
        QVERIFY2(output(over, DrillAction::Verify).contains(u"converged in"_s),
                 qPrintable(describe(over)));
        QVERIFY(over.rtoMs.has_value()); // the probe on backup answered

        // Run again: already switched is a success, nothing sent.
        const DrillRecord again = drill(lab, DrillMode::PlannedFailover, *m_vault);
        QVERIFY2(again.state == DrillRecord::State::Succeeded, qPrintable(describe(again)));
        QVERIFY2(output(again, DrillAction::Switch).contains(u"already points at backup"_s),
                 qPrintable(describe(again)));

        const DrillRecord back = drill(lab, DrillMode::Failback, *m_vault);
        QVERIFY2(back.state == DrillRecord::State::Succeeded, qPrintable(describe(back)));
        QCOMPARE(back.steps.at(0).step.target, HostRole::Main);
        QCOMPARE(read(server.port, m_service), QList<QHostAddress>{m_main});

        // Recorded in the switch history as the command line does.
        auto db = Database::open(m_dir.filePath(u"relais.db"_s));
        QVERIFY(db);
        DnsSwitchHistory history(**db, u"lab"_s);
        const auto recent = history.recent(lab.services.first().name, 3);
        QVERIFY(recent);
        QCOMPARE(recent->size(), 3);
        QCOMPARE(recent->at(0).to, DnsSwitchRequest::Side::Main);
        QCOMPARE(recent->at(0).outcome, DnsSwitchRecord::Outcome::Success);
        QCOMPARE(recent->at(1).outcome, DnsSwitchRecord::Outcome::AlreadySwitched);
        QCOMPARE(recent->at(2).to, DnsSwitchRequest::Side::Backup);
        qInfo("%s: failover drill (switch + verify) %lld ms, RTO %lld ms", qPrintable(server.name),
              failoverMs, *over.rtoMs);
    }

    void rehearsalCreatesTheDrillRecordAndRemovesIt_data()
    {
        failoverAndFailbackAtEveryServer_data();
    }

    void rehearsalCreatesTheDrillRecordAndRemovesIt()
    {
        QFETCH(int, index);
        const Server server = m_servers.at(index);
        const Site lab = site(server.port);
        // Before: the drill name resolves nowhere.
        QVERIFY2(resolvedAt(m_drill).isEmpty(), qPrintable(resolvedAt(m_drill).join(u", "_s)));

        // Production's record must never move, and the drill record is
        // seen during the drill: both watched every 100 ms.
        QStringList seen;
        QStringList drillSeen;
        QTimer watch;
        DnsClient watcher;
        DnsClient drillWatcher;
        connect(&watcher, &DnsClient::finished, this, [&](const Result<DnsAnswer>& result) {
            if (result && result->addresses != QList<QHostAddress>{m_main})
                seen.append(result->addresses.isEmpty() ? u"none"_s
                                                        : result->addresses.first().toString());
        });
        connect(&drillWatcher, &DnsClient::finished, this, [&](const Result<DnsAnswer>& result) {
            if (result && !result->addresses.isEmpty() &&
                !drillSeen.contains(result->addresses.first().toString()))
                drillSeen.append(result->addresses.first().toString());
        });
        connect(&watch, &QTimer::timeout, this, [&] {
            DnsQuery query;
            query.server = u"127.0.0.1"_s;
            query.port = server.port;
            query.name = absolute(m_service);
            if (!watcher.isRunning())
                watcher.query(query);
            query.name = absolute(m_drill);
            if (!drillWatcher.isRunning())
                drillWatcher.query(query);
        });
        watch.start(100);

        auto db = Database::open(m_dir.filePath(u"relais.db"_s));
        QVERIFY(db);
        std::optional<QList<QHostAddress>> during;
        DrillRecord record;
        {
            DrillJournal journal(**db, u"lab"_s);
            SiteConnections connections(lab, *m_vault, &m_verifier);
            SiteStepJobFactory factory(connections, SystemClock::instance(), db->get(), u"lab"_s);
            DrillRunner runner(factory, SystemClock::instance());
            runner.setJournal(&journal);
            QSignalSpy finished(&runner, &DrillRunner::finished);
            // Right after the verify step, before the cleanup's read and
            // update: the record answers backup.
            DnsClient duringClient;
            connect(&duringClient, &DnsClient::finished, this,
                    [&](const Result<DnsAnswer>& result) {
                        if (result)
                            during = result->addresses;
                    });
            connect(&runner, &DrillRunner::stepFinished, this, [&](int index) {
                if (runner.record().steps.at(index).step.action != DrillAction::VerifyDrillRecord)
                    return;
                DnsQuery query;
                query.server = u"127.0.0.1"_s;
                query.port = server.port;
                query.name = absolute(m_drill);
                duringClient.query(query);
            });
            runner.start(DrillPlanner::plan(lab, DrillMode::Rehearsal));
            QVERIFY(finished.wait(120000));
            record = finished.first().first().value<DrillRecord>();
            QVERIFY(QTest::qWaitFor([&] { return during.has_value(); }, 5000));
        }
        watch.stop();
        QVERIFY2(record.state == DrillRecord::State::Succeeded, qPrintable(describe(record)));
        QCOMPARE(record.steps.size(), 3);
        QCOMPARE(record.steps.at(0).step.action, DrillAction::SwitchDrillRecord);
        QCOMPARE(record.steps.at(1).step.action, DrillAction::VerifyDrillRecord);
        QCOMPARE(record.steps.at(2).step.action, DrillAction::RemoveDrillRecord);
        QVERIFY(record.steps.at(2).step.cleanup);
        QVERIFY(record.steps.at(2).step.drillRecordCreated);
        // During: backup's address, and only it.
        QVERIFY(during);
        QCOMPARE(*during, QList<QHostAddress>{m_backup});
        QVERIFY2(drillSeen.isEmpty() || drillSeen == QStringList{m_backup.toString()},
                 qPrintable(drillSeen.join(u", "_s)));
        const QString verify = output(record, DrillAction::VerifyDrillRecord);
        QVERIFY2(verify.contains(m_backup.toString()) && verify.contains(u"converged in"_s),
                 qPrintable(describe(record)));
        QVERIFY2(output(record, DrillAction::SwitchDrillRecord)
                     .contains(u"Creating drill record %1 → backup (10.231.0.20)."_s.arg(
                         absolute(m_drill))),
                 qPrintable(describe(record)));
        const QString removal = output(record, DrillAction::RemoveDrillRecord);
        QVERIFY2(removal.contains(u"Removing drill record %1"_s.arg(absolute(m_drill))) &&
                     removal.contains(u"no longer answer it"_s),
                 qPrintable(describe(record)));
        // After: no drill record at any server; production never moved.
        QVERIFY2(resolvedAt(m_drill).isEmpty(), qPrintable(resolvedAt(m_drill).join(u", "_s)));
        QCOMPARE(read(server.port, m_service), QList<QHostAddress>{m_main});
        QVERIFY2(seen.isEmpty(), qPrintable(seen.join(u", "_s)));
        qInfo("%s: %s / %s", qPrintable(server.name),
              qPrintable(output(record, DrillAction::SwitchDrillRecord).section(u'\n', -1)),
              qPrintable(removal.section(u'\n', -1)));
    }

    void rehearsalPutsBackADrillRecordThatExisted_data()
    {
        failoverAndFailbackAtEveryServer_data();
    }

    void rehearsalPutsBackADrillRecordThatExisted()
    {
        QFETCH(int, index);
        const Server server = m_servers.at(index);
        QVERIFY(put(server.port, m_drill, m_main));
        const Site lab = site(server.port);
        const DrillRecord record = drill(lab, DrillMode::Rehearsal, *m_vault);
        QVERIFY2(record.state == DrillRecord::State::Succeeded, qPrintable(describe(record)));
        QCOMPARE(record.steps.size(), 3);
        QVERIFY(!record.steps.at(2).step.drillRecordCreated);
        QCOMPARE(record.steps.at(2).step.target, HostRole::Main);
        QVERIFY2(output(record, DrillAction::SwitchDrillRecord)
                     .contains(u"exists and points at main (10.231.0.10)"_s),
                 qPrintable(describe(record)));
        QVERIFY2(output(record, DrillAction::RemoveDrillRecord)
                     .contains(u"Putting drill record %1 back at main"_s.arg(absolute(m_drill))),
                 qPrintable(describe(record)));
        // Restored, not deleted.
        QCOMPARE(read(server.port, m_drill), QList<QHostAddress>{m_main});
    }

    void rehearsalRefusesADrillRecordItDidNotMake()
    {
        const Server server = m_servers.first();
        const QHostAddress other(u"10.231.0.99"_s);
        QVERIFY(put(server.port, m_drill, other));
        const DrillRecord record = drill(site(server.port), DrillMode::Rehearsal, *m_vault);
        QVERIFY2(record.state == DrillRecord::State::Failed, qPrintable(describe(record)));
        QVERIFY2(record.steps.at(0).message.contains(u"never overwritten"_s) &&
                     record.steps.at(0).message.contains(other.toString()),
                 qPrintable(describe(record)));
        // Nothing to clean up, and the record is as it was.
        QCOMPARE(record.steps.size(), 2);
        QCOMPARE(read(server.port, m_drill), QList<QHostAddress>{other});
    }

    void rehearsalRemovesTheDrillRecordAfterAFailure()
    {
        Site lab = site(m_servers.first().port);
        // A second service whose record has no TSIG key: its switch step
        // fails after the first service's drill record was created.
        Service unsigned_ = lab.services.first();
        unsigned_.name = u"unsigned"_s;
        unsigned_.dns->tsigId.clear();
        lab.services.append(unsigned_);
        PlanStep change;
        change.kind = PlanStep::Kind::Switch;
        change.service = unsigned_.name;
        lab.plan.groups.first().steps.append(change);

        const DrillRecord record = drill(lab, DrillMode::Rehearsal, *m_vault);
        QVERIFY2(record.state == DrillRecord::State::Failed, qPrintable(describe(record)));
        QCOMPARE(record.steps.size(), 5); // switch, verify, switch (failed), verify, cleanup
        QCOMPARE(int(record.steps.at(2).state), int(DrillStepRecord::State::Failed));
        QVERIFY2(record.steps.at(2).message.contains(u"TSIG"_s), qPrintable(describe(record)));
        QCOMPARE(record.steps.last().step.action, DrillAction::RemoveDrillRecord);
        QCOMPARE(record.steps.last().step.service, lab.services.first().name);
        QCOMPARE(int(record.steps.last().state), int(DrillStepRecord::State::Succeeded));
        QVERIFY2(resolvedAt(m_drill).isEmpty(), qPrintable(resolvedAt(m_drill).join(u", "_s)));
    }

    void drillRecordIsRemovedAfterRelaisWasKilled()
    {
        // The drill is cut short right after the drill record was created
        // (its runner destroyed, as when Relais is killed): the journal
        // alone then removes it.
        const Server server = m_servers.first();
        const Site lab = site(server.port);
        auto db = Database::open(m_dir.filePath(u"killed.db"_s));
        QVERIFY(db);
        DrillJournal journal(**db, u"lab"_s);
        {
            SiteConnections connections(lab, *m_vault, &m_verifier);
            SiteStepJobFactory factory(connections, SystemClock::instance(), db->get(), u"lab"_s);
            auto runner = std::make_unique<DrillRunner>(factory, SystemClock::instance());
            runner->setJournal(&journal);
            bool created = false;
            connect(runner.get(), &DrillRunner::stepFinished, this, [&](int index) {
                if (runner->record().steps.at(index).step.action == DrillAction::SwitchDrillRecord)
                    created = true;
            });
            runner->start(DrillPlanner::plan(lab, DrillMode::Rehearsal));
            QVERIFY(QTest::qWaitFor([&] { return created; }, 60000));
            runner.reset(); // killed
        }
        QCOMPARE(read(server.port, m_drill), QList<QHostAddress>{m_backup});

        const Result<QList<DrillRecord>> left = journal.unfinished();
        QVERIFY(left && left->size() == 1);
        const DrillRecord cut = left->first();
        const auto cleanup =
            std::find_if(cut.steps.cbegin(), cut.steps.cend(),
                         [](const DrillStepRecord& step) { return step.step.cleanup; });
        QVERIFY(cleanup != cut.steps.cend());
        QVERIFY(cleanup->step.drillRecordCreated);

        SiteConnections connections(lab, *m_vault, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), db->get(), u"lab"_s);
        DrillRunner runner(factory, SystemClock::instance());
        runner.setJournal(&journal);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        runner.cleanUp(cut);
        QVERIFY(finished.wait(60000));
        const DrillRecord cleaned = finished.first().first().value<DrillRecord>();
        QCOMPARE(cleaned.state, DrillRecord::State::Cancelled);
        QVERIFY2(resolvedAt(m_drill).isEmpty(), qPrintable(describe(cleaned)));
    }

    void startOnBackupWaitsForTheProbesThere()
    {
        Site lab = site(m_servers.first().port);
        DrillStep start;
        start.action = DrillAction::StartOnBackup;
        start.group = u"web"_s;
        start.service = lab.services.first().name;
        start.timeoutSeconds = 30;
        DrillPlan plan;
        plan.mode = DrillMode::PlannedFailover;
        plan.steps = {start}; // no container: nothing started, the probe waited for

        const DrillRecord record = drill(lab, plan, *m_vault);
        QVERIFY2(record.state == DrillRecord::State::Succeeded, qPrintable(describe(record)));
        QVERIFY2(output(record, DrillAction::StartOnBackup).contains(u"answers its 1 probe"_s),
                 qPrintable(describe(record)));
        QVERIFY(record.rtoMs.has_value());

        // A probe that cannot pass on backup: the step waits, then times out.
        lab.services.first().probes.first().port = 1;
        plan.steps.first().timeoutSeconds = 5;
        const DrillRecord failed = drill(lab, plan, *m_vault);
        QVERIFY2(failed.state == DrillRecord::State::Failed, qPrintable(describe(failed)));
        QVERIFY2(
            output(failed, DrillAction::StartOnBackup).contains(u"Waiting: TCP 10.231.0.20:1"_s),
            qPrintable(describe(failed)));
        QVERIFY(!failed.rtoMs.has_value());
    }

    void wrongTsigKeyFailsTheSwitch()
    {
        // A vault whose TSIG key has the right name and a wrong secret.
        Result<Vault> vault = makeVault(
            u"wrong-vault"_s,
            m_status.value("dns"_L1).toObject().value("tsig_key_name"_L1).toString().toUtf8() +
                ":hmac-sha256:" + QByteArray(32, 'x').toBase64());
        QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message()));
        const Site lab = site(m_servers.first().port);

        const DrillRecord record = drill(lab, DrillMode::PlannedFailover, *vault);
        QVERIFY2(record.state == DrillRecord::State::Failed, qPrintable(describe(record)));
        QCOMPARE(record.steps.first().step.action, DrillAction::Switch);
        QCOMPARE(int(record.steps.first().state), int(DrillStepRecord::State::Failed));
        const QString message = record.steps.first().message;
        QVERIFY2(message.contains(u"signature"_s) || message.contains(u"BADSIG"_s) ||
                     message.contains(u"NOTAUTH"_s),
                 qPrintable(message));
        QCOMPARE(int(record.steps.at(1).state), int(DrillStepRecord::State::Skipped));
        QCOMPARE(read(m_servers.first().port, m_service), QList<QHostAddress>{m_main});
    }
};

QTEST_GUILESS_MAIN(TestDrillDns)
#include "tst_drilldns.moc"
