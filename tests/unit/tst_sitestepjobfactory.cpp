#include "../support/OvhFake.h"
#include "common/Database.h"
#include "common/SystemClock.h"
#include "dns/DnsProviderError.h"
#include "dns/DnsSwitchHistory.h"
#include "plan/DnsSwitchStepJob.h"
#include "plan/DrillContext.h"
#include "plan/FailoverIpStepJob.h"
#include "plan/PlanError.h"
#include "plan/SequenceStepJob.h"
#include "plan/ServiceCheckStepJob.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "ssh/RejectAllVerifier.h"
#include "support/DnsUpdateTestServer.h"
#include "vault/KdfParams.h"
#include "vault/Vault.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace relais;
using namespace Qt::StringLiterals;

// The DNS steps SiteStepJobFactory makes: which job, the drill record's
// steps run against a scripted RFC 2136 server (created, its cleanup
// registered after the read and before the update, then deleted; one that
// existed moved and put back; one Relais did not make refused), the
// refusals, and credentials that outlive a vault locked during the drill.
class TestSiteStepJobFactory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    RejectAllVerifier m_verifier;

    static Site site()
    {
        Site site;
        site.main.name = u"main"_s;
        site.main.address = u"192.0.2.10"_s;
        site.backup.name = u"backup"_s;
        site.backup.address = u"192.0.2.20"_s;
        Service www;
        www.name = u"www"_s;
        DnsBinding dns;
        dns.zone = u"example.test"_s;
        dns.record = u"www"_s;
        dns.server = u"127.0.0.1"_s;
        dns.port = 5353;
        dns.tsigId = u"tsig"_s;
        dns.verifyServers = {u"127.0.0.1:5353"_s};
        www.dns = dns;
        ProbeSpec tcp;
        tcp.kind = ProbeSpec::Kind::Tcp;
        tcp.port = 80;
        www.probes = {tcp};
        Service bare;
        bare.name = u"bare"_s;
        ProbeSpec ssh;
        ssh.kind = ProbeSpec::Kind::Ssh;
        bare.probes = {ssh};
        site.services = {www, bare};
        site.plan.drillRecord = u"drill"_s;
        return site;
    }

    int m_vaults = 0;

    /// A new vault holding the TSIG key "tsig".
    std::unique_ptr<Vault> vault()
    {
        Result<Vault> made = Vault::create(m_dir.filePath(QString::number(++m_vaults)),
                                           SecretBytes(QByteArrayView("t")), KdfParams{10, 8, 1},
                                           SystemClock::instance());
        if (!made)
            return nullptr;
        VaultEntry entry;
        entry.id = u"tsig"_s;
        entry.kind = VaultEntry::Kind::TsigKey;
        QByteArray text = "key:hmac-sha256:" + QByteArray(32, 'k').toBase64();
        entry.secret = SecretBytes::takeFrom(text);
        if (!made->add(entry))
            return nullptr;
        return std::make_unique<Vault>(std::move(made).value());
    }

    static DrillStep step(DrillAction action, const QString& service = u"www"_s,
                          HostRole target = HostRole::Backup)
    {
        DrillStep s;
        s.action = action;
        s.service = service;
        s.target = target;
        s.timeoutSeconds = 30;
        return s;
    }

    /// A vault holding the scripted server's TSIG key as "tsig".
    std::unique_ptr<Vault> serverVault()
    {
        Result<Vault> made = Vault::create(m_dir.filePath(QString::number(++m_vaults)),
                                           SecretBytes(QByteArrayView("t")), KdfParams{10, 8, 1},
                                           SystemClock::instance());
        if (!made)
            return nullptr;
        VaultEntry entry;
        entry.id = u"tsig"_s;
        entry.kind = VaultEntry::Kind::TsigKey;
        QByteArray text = QByteArray(UpdateTestKeyName) + ":hmac-sha256:" + UpdateTestSecret;
        entry.secret = SecretBytes::takeFrom(text);
        if (!made->add(entry))
            return nullptr;
        return std::make_unique<Vault>(std::move(made).value());
    }

    /// The site with its record at @p server (primary and verify server).
    static Site siteAt(const DnsUpdateTestServer& server)
    {
        Site s = site();
        s.services[0].dns->port = server.port();
        s.services[0].dns->verifyServers = {u"127.0.0.1:%1"_s.arg(server.port())};
        return s;
    }

    struct Run
    {
        std::optional<Result<void>> result;
        QStringList output;
    };

    /// Starts @p job and waits for its end.
    static Run run(StepJob* job)
    {
        Run r;
        QObject::connect(job, &StepJob::output, [&](const QString& line) { r.output << line; });
        QObject::connect(job, &StepJob::finished,
                         [&](const Result<void>& result) { r.result.emplace(result); });
        job->start();
        (void)QTest::qWaitFor([&] { return r.result.has_value(); }, 15000);
        return r;
    }

    static QString said(const Run& r)
    {
        QString text = r.output.join(u'\n');
        if (r.result && !*r.result)
            text += u"\nerror: "_s + r.result->error().message();
        return text;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void drillRecordIsCreatedThenDeleted()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        // No drill record yet (NODATA); backup's address once created.
        server.recordsAfterUpdate = {u"drill.example.test. 60 IN A 192.0.2.20"_s};
        auto v = serverVault();
        QVERIFY(v);
        SiteConnections connections(siteAt(server), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QList<DrillStep> sunk;
        int updatesWhenSunk = -1;
        context.setCleanupSink([&](const DrillStep& s) {
            sunk.append(s);
            updatesWhenSunk = server.udpUpdates + server.tcpUpdates;
        });
        QObject parent;
        const Result<StepJob*> job =
            factory.create(step(DrillAction::SwitchDrillRecord), context, &parent);
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message()));
        QVERIFY(qobject_cast<DnsSwitchStepJob*>(*job));
        QVERIFY(sunk.isEmpty()); // registered once the record is read
        const Run created = run(*job);
        QVERIFY2(created.result && *created.result, qPrintable(said(created)));
        QVERIFY2(created.output.contains(
                     u"Creating drill record drill.example.test → backup (192.0.2.20)."_s),
                 qPrintable(said(created)));
        // The cleanup was journaled after the read, before the update.
        QCOMPARE(sunk.size(), 1);
        QCOMPARE(updatesWhenSunk, 0);
        QCOMPARE(server.udpUpdates + server.tcpUpdates, 1);
        QCOMPARE(sunk.first().action, DrillAction::RemoveDrillRecord);
        QVERIFY(sunk.first().drillRecordCreated);
        QCOMPARE(sunk.first().target, HostRole::Backup);
        QVERIFY(sunk.first().cleanup);
        QCOMPARE(context.takeCleanups().size(), 1);

        // The cleanup as the journal keeps it: it deletes the record, then
        // waits until the server no longer answers it.
        const std::optional<DrillStep> cleanup = DrillStep::fromJson(sunk.first().toJson());
        QVERIFY(cleanup && cleanup->drillRecordCreated);
        server.clearAfterUpdate = true;
        server.recordsAfterUpdate.clear();
        const Result<StepJob*> remove = factory.create(*cleanup, context, &parent);
        QVERIFY2(remove, qPrintable(remove ? QString() : remove.error().message()));
        const Run removed = run(*remove);
        QVERIFY2(removed.result && *removed.result, qPrintable(said(removed)));
        QVERIFY2(removed.output.first().startsWith(u"Removing drill record drill.example.test"_s),
                 qPrintable(said(removed)));
        QVERIFY2(removed.output.last().startsWith(u"Drill record drill.example.test removed"_s),
                 qPrintable(said(removed)));
        QCOMPARE(server.udpUpdates + server.tcpUpdates, 2);
        QVERIFY(server.records.isEmpty());
        QVERIFY(sunk.size() == 1);

        // Run again (a cleanup resumed after a kill): nothing left, done.
        const Result<StepJob*> again = factory.create(*cleanup, context, &parent);
        const Run twice = run(*again);
        QVERIFY2(twice.result && *twice.result, qPrintable(said(twice)));
        QVERIFY2(said(twice).contains(u"does not exist: nothing to remove"_s),
                 qPrintable(said(twice)));
        QCOMPARE(server.udpUpdates + server.tcpUpdates, 2);
    }

    void drillRecordThatExistedIsPutBack()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {u"drill.example.test. 60 IN A 192.0.2.10"_s};
        server.recordsAfterUpdate = {u"drill.example.test. 60 IN A 192.0.2.20"_s};
        auto v = serverVault();
        QVERIFY(v);
        SiteConnections connections(siteAt(server), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QList<DrillStep> sunk;
        context.setCleanupSink([&](const DrillStep& s) { sunk.append(s); });
        QObject parent;
        const Run moved =
            run(*factory.create(step(DrillAction::SwitchDrillRecord), context, &parent));
        QVERIFY2(moved.result && *moved.result, qPrintable(said(moved)));
        QVERIFY2(said(moved).contains(u"exists and points at main (192.0.2.10)"_s),
                 qPrintable(said(moved)));
        QCOMPARE(sunk.size(), 1);
        QVERIFY(!sunk.first().drillRecordCreated);
        QCOMPARE(sunk.first().target, HostRole::Main);

        // The cleanup moves it back to main: never deleted.
        server.recordsAfterUpdate = {u"drill.example.test. 60 IN A 192.0.2.10"_s};
        const std::optional<DrillStep> cleanup = DrillStep::fromJson(sunk.first().toJson());
        QVERIFY(cleanup && !cleanup->drillRecordCreated);
        const Run back = run(*factory.create(*cleanup, context, &parent));
        QVERIFY2(back.result && *back.result, qPrintable(said(back)));
        QVERIFY2(back.output.first().startsWith(
                     u"Putting drill record drill.example.test back at main (192.0.2.10)"_s),
                 qPrintable(said(back)));
        QCOMPARE(server.records, QStringList{u"drill.example.test. 60 IN A 192.0.2.10"_s});
        QCOMPARE(server.udpUpdates + server.tcpUpdates, 2);

        // An old journal's cleanup (no drill_record_created): back to main.
        DrillStep old = *cleanup;
        QJsonObject json = old.toJson();
        json.remove(u"drill_record_created"_s);
        QCOMPARE(DrillStep::fromJson(json)->drillRecordCreated, false);
    }

    void drillRecordAlreadyOnBackupIsLeftSo()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {u"drill.example.test. 60 IN A 192.0.2.20"_s};
        auto v = serverVault();
        QVERIFY(v);
        SiteConnections connections(siteAt(server), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QList<DrillStep> sunk;
        context.setCleanupSink([&](const DrillStep& s) { sunk.append(s); });
        QObject parent;
        const Run kept =
            run(*factory.create(step(DrillAction::SwitchDrillRecord), context, &parent));
        QVERIFY2(kept.result && *kept.result, qPrintable(said(kept)));
        QCOMPARE(sunk.size(), 1);
        QVERIFY(!sunk.first().drillRecordCreated);
        QCOMPARE(sunk.first().target, HostRole::Backup);
        const Run back = run(*factory.create(sunk.first(), context, &parent));
        QVERIFY2(back.result && *back.result, qPrintable(said(back)));
        QCOMPARE(server.udpUpdates + server.tcpUpdates, 0);
    }

    void foreignDrillRecordIsNeverOverwritten()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.records = {u"drill.example.test. 60 IN A 198.51.100.7"_s};
        auto v = serverVault();
        QVERIFY(v);
        SiteConnections connections(siteAt(server), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QList<DrillStep> sunk;
        context.setCleanupSink([&](const DrillStep& s) { sunk.append(s); });
        QObject parent;
        const Run refused =
            run(*factory.create(step(DrillAction::SwitchDrillRecord), context, &parent));
        QVERIFY(refused.result && !*refused.result);
        QVERIFY2(refused.result->error().message().contains(u"never overwritten"_s),
                 qPrintable(said(refused)));
        QVERIFY2(refused.result->error().message().contains(u"198.51.100.7"_s),
                 qPrintable(said(refused)));
        QVERIFY(sunk.isEmpty()); // nothing changed, nothing to clean up
        QCOMPARE(server.udpUpdates + server.tcpUpdates, 0);
    }

    void otherDnsStepsRegisterNoCleanup()
    {
        auto v = vault();
        QVERIFY(v);
        SiteConnections connections(site(), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QList<DrillStep> sunk;
        context.setCleanupSink([&](const DrillStep& s) { sunk.append(s); });
        QObject parent;
        for (DrillAction action :
             {DrillAction::SwitchDrillRecord, DrillAction::Switch, DrillAction::RemoveDrillRecord,
              DrillAction::Verify, DrillAction::VerifyDrillRecord}) {
            const Result<StepJob*> other = factory.create(step(action), context, &parent);
            QVERIFY2(other, qPrintable(drillActionName(action)));
        }
        QVERIFY(sunk.isEmpty()); // none at creation: the drill record's once read
    }

    void picksTheJobOfEachStep()
    {
        auto v = vault();
        QVERIFY(v);
        SiteConnections connections(site(), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QObject parent;
        QVERIFY(qobject_cast<DnsSwitchStepJob*>(
            *factory.create(step(DrillAction::Switch), context, &parent)));
        QVERIFY(qobject_cast<DnsSwitchStepJob*>(
            *factory.create(step(DrillAction::RemoveDrillRecord), context, &parent)));
        QVERIFY(qobject_cast<ServiceCheckStepJob*>(
            *factory.create(step(DrillAction::Verify), context, &parent)));
        QVERIFY(qobject_cast<ServiceCheckStepJob*>(
            *factory.create(step(DrillAction::VerifyDrillRecord), context, &parent)));
    }

    void aFailoverIpMovesWithTheSwitch()
    {
        relais::test::OvhFake ovh;
        QVERIFY(ovh.server.isListening());
        ovh.routedTo.insert(u"203.0.113.5/32"_s, u"ns1111.ip-198-51-100.eu"_s);
        QFile ca(m_dir.filePath(u"ca.pem"_s));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(relais::test::TestCertificates::instance().ca.toPem());
        ca.close();
        qputenv("RELAIS_CA_FILE", QFile::encodeName(ca.fileName()));

        Site s = site();
        FailoverIp ip;
        ip.ip = u"203.0.113.5"_s;
        ip.mainService = u"ns1111.ip-198-51-100.eu"_s;
        ip.backupService = u"ns2222.ip-198-51-100.eu"_s;
        ip.apiUrl = ovh.endpoint();
        ip.credentialsId = u"ovh"_s;
        Service shop;
        shop.name = u"shop"_s;
        shop.failoverIp = ip;
        s.services.append(shop);
        s.services[0].failoverIp = ip; // www: its record, then the IP

        auto v = vault();
        QVERIFY(v);
        VaultEntry entry;
        entry.id = u"ovh"_s;
        entry.kind = VaultEntry::Kind::ApiToken;
        QByteArray text = ovh.credentials();
        entry.secret = SecretBytes::takeFrom(text);
        QVERIFY(v->add(entry).ok());
        SiteConnections connections(s, *v, &m_verifier);
        v->lock(); // the credentials were kept for the drill
        auto db = Database::open(m_dir.filePath(u"ip.db"_s));
        QVERIFY(db.ok());
        SiteStepJobFactory factory(connections, SystemClock::instance(), db->get(), u"site"_s);
        DrillContext context;
        QObject parent;
        QVERIFY(qobject_cast<SequenceStepJob*>(
            *factory.create(step(DrillAction::Switch), context, &parent)));

        Result<StepJob*> made =
            factory.create(step(DrillAction::Switch, u"shop"_s), context, &parent);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toString()));
        auto* job = qobject_cast<FailoverIpStepJob*>(*made);
        QVERIFY(job);
        QStringList output;
        std::optional<Result<void>> finished;
        connect(job, &StepJob::output, this, [&](const QString& line) { output << line; });
        connect(job, &StepJob::finished, this, [&](const Result<void>& r) { finished.emplace(r); });
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 20000);
        qunsetenv("RELAIS_CA_FILE");
        QVERIFY2(finished->ok(), finished->ok() ? "" : qPrintable(finished->error().toString()));
        QCOMPARE(ovh.routedTo.value(u"203.0.113.5/32"_s), u"ns2222.ip-198-51-100.eu"_s);
        QVERIFY2(output.join(u'\n').contains(u"is routed to ns2222.ip-198-51-100.eu"_s),
                 qPrintable(output.join(u'\n')));
        DnsSwitchHistory history(**db, u"site"_s);
        const auto recent = history.recent(u"shop"_s);
        QVERIFY(recent.ok());
        QCOMPARE(recent->size(), 1);
        QCOMPARE(recent->first().outcome, DnsSwitchRecord::Outcome::Success);
    }

    void refusals_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("message");
        QTest::newRow("switch without a record")
            << int(DrillAction::Switch) << u"bare"_s << u"no DNS record to switch"_s;
        QTest::newRow("verify with nothing to check")
            << int(DrillAction::Verify) << u"bare"_s << u"neither an HTTP or TCP probe"_s;
        QTest::newRow("unknown service")
            << int(DrillAction::Switch) << u"nope"_s << u"no service \"nope\""_s;
    }

    void refusals()
    {
        QFETCH(int, action);
        QFETCH(QString, service);
        QFETCH(QString, message);
        auto v = vault();
        QVERIFY(v);
        SiteConnections connections(site(), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QObject parent;
        const Result<StepJob*> job =
            factory.create(step(DrillAction(action), service), context, &parent);
        QVERIFY(!job);
        QVERIFY(job.error().is(PlanError::NotConfigured));
        QVERIFY2(job.error().message().contains(message), qPrintable(job.error().message()));
    }

    void anUnsignedRecordIsNotSwitchedNorItsDrillRecord()
    {
        auto v = vault();
        QVERIFY(v);
        Site s = site();
        s.services.first().dns->tsigId.clear();
        SiteConnections connections(s, *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QObject parent;
        for (DrillAction action : {DrillAction::Switch, DrillAction::SwitchDrillRecord}) {
            const Result<StepJob*> job = factory.create(step(action), context, &parent);
            QVERIFY(!job);
            QVERIFY2(job.error().message().contains(u"TSIG"_s), qPrintable(job.error().message()));
        }
        // Nothing to clean up: nothing was going to change.
        QVERIFY(context.takeCleanups().isEmpty());
    }

    void credentialsOutliveALockedVault()
    {
        auto v = vault();
        QVERIFY(v);
        SiteConnections connections(site(), *v, &m_verifier);
        v->lock();
        QVERIFY(v->isLocked());
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QObject parent;
        const Result<StepJob*> job = factory.create(step(DrillAction::Switch), context, &parent);
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message()));

        // A key missing from the vault says so when the step is made.
        Site s = site();
        s.services.first().dns->tsigId = u"missing"_s;
        auto w = vault();
        QVERIFY(w);
        SiteConnections without(s, *w, &m_verifier);
        SiteStepJobFactory other(without, SystemClock::instance(), nullptr, u"site"_s);
        const Result<StepJob*> refused = other.create(step(DrillAction::Switch), context, &parent);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(u"missing"_s),
                 qPrintable(refused.error().message()));
    }

    void hostsOnlyConnectionsHoldNoDnsCredential()
    {
        auto v = vault();
        QVERIFY(v);
        const Site s = site();
        SiteConnections all(s, *v, &m_verifier);
        QVERIFY(all.dnsProvider(*s.services.first().dns, 1000));
        SiteConnections hosts(s, *v, &m_verifier, nullptr, nullptr,
                              SiteConnections::Credentials::HostsOnly);
        const auto provider = hosts.dnsProvider(*s.services.first().dns, 1000);
        QVERIFY(!provider);
        QVERIFY(provider.error().is(DnsProviderError::MissingCredentials));
        QVERIFY2(provider.error().message().contains(u"tsig"_s),
                 qPrintable(provider.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestSiteStepJobFactory)
#include "tst_sitestepjobfactory.moc"
