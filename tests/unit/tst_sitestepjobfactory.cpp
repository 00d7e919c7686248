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
#include "vault/KdfParams.h"
#include "vault/Vault.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace relais;
using namespace Qt::StringLiterals;

// The DNS steps SiteStepJobFactory makes, without running them: which job,
// the drill record's cleanup registered before anything changes, the
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

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void switchDrillRecordRegistersItsCleanupFirst()
    {
        auto v = vault();
        QVERIFY(v);
        SiteConnections connections(site(), *v, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), nullptr, u"site"_s);
        DrillContext context;
        QList<DrillStep> sunk;
        context.setCleanupSink([&](const DrillStep& s) { sunk.append(s); });
        QObject parent;
        const Result<StepJob*> job =
            factory.create(step(DrillAction::SwitchDrillRecord), context, &parent);
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message()));
        QVERIFY(qobject_cast<DnsSwitchStepJob*>(*job));
        // Journaled before the job even starts.
        QCOMPARE(sunk.size(), 1);
        QCOMPARE(sunk.first().action, DrillAction::RemoveDrillRecord);
        QCOMPARE(sunk.first().service, u"www"_s);
        QCOMPARE(sunk.first().target, HostRole::Main);
        QVERIFY(sunk.first().cleanup);
        QCOMPARE(context.takeCleanups().size(), 1);

        // The other DNS steps register nothing.
        for (DrillAction action : {DrillAction::Switch, DrillAction::RemoveDrillRecord,
                                   DrillAction::Verify, DrillAction::VerifyDrillRecord}) {
            const Result<StepJob*> other = factory.create(step(action), context, &parent);
            QVERIFY2(other, qPrintable(drillActionName(action)));
        }
        QCOMPARE(sunk.size(), 1);
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
