#include "common/Database.h"
#include "dns/DnsServerAddress.h"
#include "dns/DnsSwitchError.h"
#include "dns/DnsSwitchHistory.h"
#include "dns/DnsSwitchJob.h"
#include "site/Site.h"
#include "support/DnsTestServer.h"
#include "support/ScriptedDnsProvider.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace relais;
using namespace Qt::StringLiterals;

// DnsSwitchJob with a scripted provider (the record in memory) and
// scripted DNS servers on 127.0.0.1 to verify at.
class TestDnsSwitchJob : public QObject
{
    Q_OBJECT

    const QHostAddress m_main{u"192.0.2.10"_s};
    const QHostAddress m_backup{u"192.0.2.20"_s};

    struct Fixture
    {
        ScriptedDnsProvider* provider = nullptr;
        std::unique_ptr<DnsSwitchJob> job;
        int count = 0;
        std::optional<Result<DnsSwitchReport>> outcome;
    };

    std::unique_ptr<Fixture> make(const QHostAddress& holds, qint64 ttl)
    {
        auto provider = std::make_unique<ScriptedDnsProvider>();
        provider->record.name = u"www.example.test"_s;
        provider->record.addresses = {holds};
        provider->record.ttl = ttl;
        auto f = std::make_unique<Fixture>();
        f->provider = provider.get();
        f->job = std::make_unique<DnsSwitchJob>(std::move(provider));
        Fixture* raw = f.get();
        connect(f->job.get(), &DnsSwitchJob::finished, this,
                [raw](const Result<DnsSwitchReport>& result) {
                    ++raw->count;
                    raw->outcome.emplace(result);
                });
        return f;
    }

    DnsSwitchRequest request(DnsSwitchRequest::Mode mode, const QList<DnsTestServer*>& servers)
    {
        DnsSwitchRequest r;
        r.service = u"www"_s;
        r.zone = u"example.test"_s;
        r.name = u"www.example.test"_s;
        r.mainAddress = m_main;
        r.backupAddress = m_backup;
        r.to = DnsSwitchRequest::Side::Backup;
        r.mode = mode;
        r.ttl = 60;
        r.lowTtl = 1;
        r.pollIntervalMs = 100;
        r.propagationTimeoutMs = 3000;
        r.queryTimeoutMs = 500;
        for (DnsTestServer* server : servers)
            r.verifyServers.append({u"127.0.0.1"_s, server->port()});
        return r;
    }

    static Result<DnsSwitchReport> result(const std::unique_ptr<Fixture>& f, int timeoutMs = 10000)
    {
        if (!QTest::qWaitFor([&] { return f->count > 0; }, timeoutMs))
            return Error(DnsSwitchError::Busy, u"the job never finished"_s);
        return *f->outcome;
    }

    static QString onBackup() { return u"www.example.test. 60 IN A 192.0.2.20"_s; }
    static QString onMain() { return u"www.example.test. 60 IN A 192.0.2.10"_s; }

private slots:
    void serverAddresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parsed"); // empty: refused
        QTest::newRow("v4") << u"192.0.2.1"_s << u"192.0.2.1:53"_s;
        QTest::newRow("v4 port") << u"127.0.0.1:53531"_s << u"127.0.0.1:53531"_s;
        QTest::newRow("v6") << u"2001:db8::1"_s << u"[2001:db8::1]:53"_s;
        QTest::newRow("v6 port") << u"[2001:db8::1]:5353"_s << u"[2001:db8::1]:5353"_s;
        QTest::newRow("name") << u"ns1.example.test"_s << QString();
        QTest::newRow("port 0") << u"192.0.2.1:0"_s << QString();
        QTest::newRow("port too big") << u"192.0.2.1:65536"_s << QString();
        QTest::newRow("v4 in brackets") << u"[192.0.2.1]:53"_s << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("scoped") << u"fe80::1%eth0"_s << QString();
    }

    void serverAddresses()
    {
        QFETCH(QString, text);
        QFETCH(QString, parsed);
        const std::optional<DnsServerAddress> server = DnsServerAddress::parse(text);
        QCOMPARE(server.has_value(), !parsed.isEmpty());
        if (server)
            QCOMPARE(server->toString(), parsed);
    }

    void requestFromTheSite()
    {
        Site site;
        site.main.address = u"10.0.0.1"_s;
        site.main.publicAddress = u"192.0.2.10"_s;
        site.backup.address = u"192.0.2.20"_s;
        Service service;
        service.name = u"www"_s;
        DnsBinding binding;
        binding.zone = u"example.test."_s;
        binding.record = u"www"_s;
        binding.ttl = 20;
        binding.server = u"127.0.0.1"_s;
        binding.port = 53531;
        binding.verifyServers = {u"127.0.0.1:53531"_s, u"[::1]:53532"_s};
        service.dns = binding;
        const Result<DnsSwitchRequest> r = DnsSwitchJob::requestFor(
            site, service, DnsSwitchRequest::Side::Main, DnsSwitchRequest::Mode::Emergency);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(r->name, u"www.example.test"_s);
        QCOMPARE(r->zone, u"example.test"_s);
        QCOMPARE(r->mainAddress, m_main);
        QCOMPARE(r->backupAddress, m_backup);
        QCOMPARE(r->ttl, 20);
        QCOMPARE(r->lowTtl, 20); // never above the record's own TTL
        QCOMPARE(r->verifyServers.size(), 2);
        QCOMPARE(r->verifyServers.at(1).toString(), u"[::1]:53532"_s);
        QCOMPARE(r->nsServer, u"127.0.0.1"_s);
        QCOMPARE(r->nsPort, 53531);

        service.dns.reset();
        QVERIFY(!DnsSwitchJob::requestFor(site, service, DnsSwitchRequest::Side::Main,
                                          DnsSwitchRequest::Mode::Planned));
    }

    void alreadySwitchedDoesNothing()
    {
        std::unique_ptr<Fixture> f = make(m_backup, 60);
        f->job->start(request(DnsSwitchRequest::Mode::Planned, {}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QVERIFY(r->alreadySwitched);
        QVERIFY(f->provider->changes.isEmpty());
        QCOMPARE(f->count, 1);
    }

    void neitherSideChangesNothing()
    {
        std::unique_ptr<Fixture> f = make(QHostAddress(u"198.51.100.7"_s), 60);
        f->job->start(request(DnsSwitchRequest::Mode::Emergency, {}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(DnsSwitchError::NeitherSide));
        QVERIFY2(r.error().message().contains(u"198.51.100.7"_s), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(u"nothing was changed"_s),
                 qPrintable(r.error().message()));
        QVERIFY(f->provider->changes.isEmpty());
    }

    void aMissingRecordIsNotCreatedByASwitch()
    {
        std::unique_ptr<Fixture> f = make(m_main, 60);
        f->provider->record.addresses.clear();
        f->provider->record.ttl = -1;
        f->job->start(request(DnsSwitchRequest::Mode::Emergency, {}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(DnsSwitchError::NeitherSide));
        QVERIFY(f->provider->changes.isEmpty());
    }

    void switchOrCreateCreatesAMissingRecord()
    {
        DnsTestServer a;
        QVERIFY(a.listen());
        a.setRecords({onBackup()});
        std::unique_ptr<Fixture> f = make(m_main, 60);
        f->provider->record.addresses.clear();
        f->provider->record.ttl = -1;
        QList<QList<QHostAddress>> read;
        qsizetype changesWhenRead = -1;
        connect(f->job.get(), &DnsSwitchJob::recordRead, this,
                [&](const QList<QHostAddress>& addresses) {
                    read.append(addresses);
                    changesWhenRead = f->provider->changes.size();
                });
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Planned, {&a});
        r0.operation = DnsSwitchRequest::Operation::SwitchOrCreate;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QVERIFY(r->created);
        QVERIFY(!r->alreadySwitched);
        QVERIFY(!r->ttlLowered); // nothing to lower: created with its TTL
        // Read before anything was sent; then one creation: no address
        // expected, backup's address new.
        QCOMPARE(read, QList<QList<QHostAddress>>{{}});
        QCOMPARE(changesWhenRead, 0);
        QCOMPARE(f->provider->changes.size(), 1);
        QVERIFY(f->provider->changes.first().expected.isEmpty());
        QCOMPARE(f->provider->changes.first().addresses, QList<QHostAddress>{m_backup});
        QVERIFY(f->provider->changes.first().isCreation());
        QCOMPARE(f->provider->record.addresses, QList<QHostAddress>{m_backup});
        QVERIFY(r->servers.first().converged);
    }

    void switchOrCreateMovesARecordOnMain()
    {
        DnsTestServer a;
        QVERIFY(a.listen());
        a.setRecords({onBackup()});
        std::unique_ptr<Fixture> f = make(m_main, 60);
        QSignalSpy read(f->job.get(), &DnsSwitchJob::recordRead);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {&a});
        r0.operation = DnsSwitchRequest::Operation::SwitchOrCreate;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QVERIFY(!r->created);
        QCOMPARE(r->from, DnsSwitchRequest::Side::Main);
        QCOMPARE(read.count(), 1);
        QCOMPARE(f->provider->changes.first().expected, QList<QHostAddress>{m_main});
    }

    void switchOrCreateNeverOverwritesAForeignRecord()
    {
        std::unique_ptr<Fixture> f = make(QHostAddress(u"198.51.100.7"_s), 60);
        QSignalSpy read(f->job.get(), &DnsSwitchJob::recordRead);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {});
        r0.operation = DnsSwitchRequest::Operation::SwitchOrCreate;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(DnsSwitchError::NeitherSide));
        QVERIFY(f->provider->changes.isEmpty());
        QCOMPARE(read.count(), 0);
    }

    void removeDeletesAndWaitsForNoAnswer_data()
    {
        QTest::addColumn<bool>("nxdomain");
        QTest::newRow("NXDOMAIN") << true;
        QTest::newRow("NODATA") << false;
    }

    void removeDeletesAndWaitsForNoAnswer()
    {
        QFETCH(bool, nxdomain);
        DnsTestServer a;
        DnsTestServer b;
        QVERIFY(a.listen() && b.listen());
        a.setRecords({});
        if (nxdomain)
            a.setMode(DnsTestServer::Mode::NxDomain);
        b.setRecords({onBackup()});
        QTimer::singleShot(500, &b, [&] {
            b.setRecords({});
            if (nxdomain)
                b.setMode(DnsTestServer::Mode::NxDomain);
        });
        std::unique_ptr<Fixture> f = make(m_backup, 60);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Planned, {&a, &b});
        r0.operation = DnsSwitchRequest::Operation::Remove;
        r0.to = DnsSwitchRequest::Side::Backup;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QVERIFY(r->removed);
        QCOMPARE(f->provider->changes.size(), 1);
        QCOMPARE(f->provider->changes.first().expected, QList<QHostAddress>{m_backup});
        QVERIFY(f->provider->changes.first().addresses.isEmpty());
        QVERIFY(f->provider->changes.first().isDeletion());
        QVERIFY(f->provider->record.addresses.isEmpty());
        QVERIFY2(r->convergenceMs >= 400, qPrintable(QString::number(r->convergenceMs)));
        for (const DnsServerAnswer& server : r->servers) {
            QVERIFY(server.converged);
            QVERIFY(server.addresses.isEmpty());
        }
    }

    void removeOfAMissingRecordIsDone()
    {
        std::unique_ptr<Fixture> f = make(m_backup, 60);
        f->provider->record.addresses.clear();
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {});
        r0.operation = DnsSwitchRequest::Operation::Remove;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QVERIFY(r->alreadySwitched);
        QVERIFY(!r->removed);
        QVERIFY(f->provider->changes.isEmpty());
    }

    void removeLeavesARecordItDidNotMake()
    {
        // Remove deletes only what holds the side's address: on main, it
        // is not the record the rehearsal made.
        std::unique_ptr<Fixture> f = make(m_main, 60);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {});
        r0.operation = DnsSwitchRequest::Operation::Remove;
        r0.to = DnsSwitchRequest::Side::Backup;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(DnsSwitchError::NeitherSide));
        QVERIFY2(r.error().message().contains(u"left as it is"_s), qPrintable(r.error().message()));
        QVERIFY(f->provider->changes.isEmpty());
        QCOMPARE(f->provider->record.addresses, QList<QHostAddress>{m_main});
    }

    void removeTimesOutWhileAServerStillAnswers()
    {
        DnsTestServer a;
        QVERIFY(a.listen());
        a.setRecords({onBackup()});
        std::unique_ptr<Fixture> f = make(m_backup, 60);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {&a});
        r0.operation = DnsSwitchRequest::Operation::Remove;
        r0.propagationTimeoutMs = 800;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(DnsSwitchError::PropagationTimeout));
        const QString message = r.error().message();
        QVERIFY2(message.contains(u"still answer the record"_s), qPrintable(message));
        QVERIFY2(message.contains(u"was removed"_s), qPrintable(message));
    }

    void emergencyChangesAtOnceAndVerifies()
    {
        DnsTestServer a;
        DnsTestServer b;
        QVERIFY(a.listen() && b.listen());
        a.setRecords({onBackup()});
        b.setRecords({onBackup()});
        std::unique_ptr<Fixture> f = make(m_main, 60);
        QSignalSpy answers(f->job.get(), &DnsSwitchJob::serverAnswered);
        f->job->start(request(DnsSwitchRequest::Mode::Emergency, {&a, &b}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(f->provider->changes.size(), 1);
        QCOMPARE(f->provider->changes.first().expected, QList<QHostAddress>{m_main});
        QCOMPARE(f->provider->changes.first().addresses, QList<QHostAddress>{m_backup});
        QCOMPARE(f->provider->changes.first().ttl, 60);
        QVERIFY(!r->ttlLowered);
        QCOMPARE(r->from, DnsSwitchRequest::Side::Main);
        QCOMPARE(r->servers.size(), 2);
        for (const DnsServerAnswer& server : r->servers) {
            QVERIFY(server.converged);
            QCOMPARE(server.addresses, QList<QHostAddress>{m_backup});
        }
        QVERIFY(r->convergenceMs >= 0);
        QCOMPARE(answers.count(), 2);
    }

    void plannedLowersTheTtlThenWaitsTheOldOneOut()
    {
        DnsTestServer a;
        QVERIFY(a.listen());
        a.setRecords({onBackup()});
        std::unique_ptr<Fixture> f = make(m_main, 2);
        QSignalSpy countdown(f->job.get(), &DnsSwitchJob::countdown);
        QSignalSpy phases(f->job.get(), &DnsSwitchJob::phaseChanged);
        QElapsedTimer elapsed;
        elapsed.start();
        f->job->start(request(DnsSwitchRequest::Mode::Planned, {&a}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QVERIFY(elapsed.elapsed() >= 2000);
        QCOMPARE(f->provider->changes.size(), 2);
        QCOMPARE(f->provider->changes.at(0).addresses, QList<QHostAddress>{m_main});
        QCOMPARE(f->provider->changes.at(0).ttl, 1);
        QCOMPARE(f->provider->changes.at(1).expected, QList<QHostAddress>{m_main});
        QCOMPARE(f->provider->changes.at(1).addresses, QList<QHostAddress>{m_backup});
        QVERIFY(r->ttlLowered);
        QList<qint64> seconds;
        for (const QList<QVariant>& args : std::as_const(countdown))
            seconds.append(args.first().toLongLong());
        QCOMPARE(seconds, (QList<qint64>{2, 1, 0}));
        QList<DnsSwitchJob::Phase> seen;
        for (const QList<QVariant>& args : std::as_const(phases))
            seen.append(args.first().value<DnsSwitchJob::Phase>());
        QCOMPARE(seen, (QList<DnsSwitchJob::Phase>{
                           DnsSwitchJob::Phase::Reading, DnsSwitchJob::Phase::LoweringTtl,
                           DnsSwitchJob::Phase::WaitingOldTtl, DnsSwitchJob::Phase::Changing,
                           DnsSwitchJob::Phase::Verifying}));
    }

    void plannedSkipsLoweringALowTtl()
    {
        DnsTestServer a;
        QVERIFY(a.listen());
        a.setRecords({onBackup()});
        std::unique_ptr<Fixture> f = make(m_main, 1);
        f->job->start(request(DnsSwitchRequest::Mode::Planned, {&a}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(f->provider->changes.size(), 1);
        QVERIFY(!r->ttlLowered);
    }

    void cancelDuringTheCountdownSaysWhatWasDone()
    {
        std::unique_ptr<Fixture> f = make(m_main, 30);
        QSignalSpy countdown(f->job.get(), &DnsSwitchJob::countdown);
        f->job->start(request(DnsSwitchRequest::Mode::Planned, {}));
        QVERIFY(QTest::qWaitFor([&] { return countdown.count() > 0; }, 5000));
        QCOMPARE(countdown.first().first().toLongLong(), 30);
        f->job->cancel();
        QCOMPARE(f->count, 1);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(r.error().is(DnsSwitchError::Cancelled));
        QVERIFY2(r.error().message().contains(u"TTL lowered to 1 s; the address was not changed"_s),
                 qPrintable(r.error().message()));
        QCOMPARE(f->provider->changes.size(), 1);
        QCOMPARE(f->provider->record.addresses, QList<QHostAddress>{m_main});
        QTest::qWait(100);
        QCOMPARE(f->count, 1);
        QVERIFY(!f->job->isRunning());
    }

    void concurrentChangeIsRefused()
    {
        std::unique_ptr<Fixture> f = make(m_main, 2);
        // Someone else moves the record while the old TTL runs out.
        f->provider->onChange = [&](const DnsRecordChange& change) -> std::optional<Error> {
            if (change.addresses == QList<QHostAddress>{m_backup})
                f->provider->record.addresses = {QHostAddress(u"198.51.100.7"_s)};
            return std::nullopt;
        };
        f->job->start(request(DnsSwitchRequest::Mode::Planned, {}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().is(DnsSwitchError::ChangedBehind), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(u"TTL lowered to 1 s; the address was not changed"_s),
                 qPrintable(r.error().message()));
    }

    void providerFailureIsAChangeFailure()
    {
        std::unique_ptr<Fixture> f = make(m_main, 60);
        f->provider->onChange = [](const DnsRecordChange&) -> std::optional<Error> {
            return Error(DnsUpdateError::Timeout, u"no answer from 127.0.0.1:9 within 50 ms"_s);
        };
        f->job->start(request(DnsSwitchRequest::Mode::Emergency, {}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(r.error().is(DnsSwitchError::ChangeFailed));
        QVERIFY2(r.error().message().contains(u"no answer from 127.0.0.1:9"_s),
                 qPrintable(r.error().message()));
    }

    void convergenceWaitsForTheLastServer()
    {
        DnsTestServer a;
        DnsTestServer b;
        QVERIFY(a.listen() && b.listen());
        a.setRecords({onBackup()});
        b.setRecords({onMain()});
        QTimer::singleShot(600, &b, [&] { b.setRecords({onBackup()}); });
        std::unique_ptr<Fixture> f = make(m_main, 60);
        f->job->start(request(DnsSwitchRequest::Mode::Emergency, {&a, &b}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message()));
        QVERIFY2(r->convergenceMs >= 500, qPrintable(QString::number(r->convergenceMs)));
        QVERIFY(r->servers.at(0).convergedAfterMs < r->servers.at(1).convergedAfterMs);
        QVERIFY(b.udpQueries() >= 3);
    }

    void lateServerTimesOut()
    {
        DnsTestServer a;
        DnsTestServer b;
        QVERIFY(a.listen() && b.listen());
        a.setRecords({onBackup()});
        b.setRecords({onMain()});
        std::unique_ptr<Fixture> f = make(m_main, 60);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {&a, &b});
        r0.propagationTimeoutMs = 1000;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(!r.ok());
        QVERIFY(r.error().is(DnsSwitchError::PropagationTimeout));
        const QString message = r.error().message();
        QVERIFY2(message.contains(u"1 of 2 servers"_s), qPrintable(message));
        QVERIFY2(message.contains(u"127.0.0.1:%1 answers 192.0.2.10"_s.arg(b.port())),
                 qPrintable(message));
        QVERIFY2(message.contains(u"was changed to backup"_s), qPrintable(message));
    }

    void silentServerTimesOut()
    {
        DnsTestServer a;
        QVERIFY(a.listen());
        a.setMode(DnsTestServer::Mode::Silent);
        std::unique_ptr<Fixture> f = make(m_main, 60);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {&a});
        r0.propagationTimeoutMs = 800;
        r0.queryTimeoutMs = 300;
        f->job->start(r0);
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(r.error().is(DnsSwitchError::PropagationTimeout));
        QVERIFY2(r.error().message().contains(u"no answer"_s), qPrintable(r.error().message()));
    }

    void findsTheZonesNameServers()
    {
        DnsTestServer primary;
        QVERIFY(primary.listen());
        primary.setRecords({u"example.test. 60 IN NS ns1.example.test."_s,
                            u"example.test. 60 IN NS ns2.example.test."_s,
                            u"ns1.example.test. 60 IN A 127.0.0.1"_s,
                            u"ns2.example.test. 60 IN A 127.0.0.2"_s});
        std::unique_ptr<Fixture> f = make(m_main, 60);
        QSignalSpy found(f->job.get(), &DnsSwitchJob::serversFound);
        DnsSwitchRequest r0 = request(DnsSwitchRequest::Mode::Emergency, {});
        r0.nsServer = u"127.0.0.1"_s;
        r0.nsPort = primary.port();
        f->job->start(r0);
        QVERIFY(QTest::qWaitFor([&] { return found.count() > 0; }, 5000));
        const auto servers = found.first().first().value<QList<DnsServerAnswer>>();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers.at(0).nameServer, u"ns1.example.test"_s);
        QCOMPARE(servers.at(0).server.toString(), u"127.0.0.1:53"_s);
        QCOMPARE(servers.at(1).server.toString(), u"127.0.0.2:53"_s);
        f->job->cancel();
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(r.error().is(DnsSwitchError::Cancelled));
        QVERIFY2(r.error().message().contains(u"propagation was not verified"_s),
                 qPrintable(r.error().message()));
    }

    void noServerToVerifyAt()
    {
        std::unique_ptr<Fixture> f = make(m_main, 60);
        f->job->start(request(DnsSwitchRequest::Mode::Emergency, {}));
        const Result<DnsSwitchReport> r = result(f);
        QVERIFY(r.error().is(DnsSwitchError::NoServers));
        QCOMPARE(f->provider->record.addresses, QList<QHostAddress>{m_backup});
    }

    void recordsEachRun()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(u"relais.db"_s));
        QVERIFY(db.ok());
        DnsSwitchHistory history(**db, u"site"_s);
        DnsTestServer a;
        QVERIFY(a.listen());
        a.setRecords({onBackup()});

        std::unique_ptr<Fixture> f = make(m_main, 60);
        f->job->setHistory(&history);
        f->job->start(request(DnsSwitchRequest::Mode::Emergency, {&a}));
        QVERIFY(result(f).ok());
        f->count = 0;
        f->job->start(request(DnsSwitchRequest::Mode::Planned, {&a}));
        QVERIFY(result(f).ok());

        const Result<QList<DnsSwitchRecord>> runs = history.recent(u"www"_s);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 2);
        QCOMPARE(runs->at(0).outcome, DnsSwitchRecord::Outcome::AlreadySwitched);
        QCOMPARE(runs->at(0).mode, DnsSwitchRequest::Mode::Planned);
        QCOMPARE(runs->at(1).outcome, DnsSwitchRecord::Outcome::Success);
        QCOMPARE(runs->at(1).from, DnsSwitchRequest::Side::Main);
        QCOMPARE(runs->at(1).to, DnsSwitchRequest::Side::Backup);
        QCOMPARE(runs->at(1).mode, DnsSwitchRequest::Mode::Emergency);
        QVERIFY(runs->at(1).convergenceMs >= 0);
        QVERIFY(runs->at(1).endedAt >= runs->at(1).startedAt);
    }
};

QTEST_GUILESS_MAIN(TestDnsSwitchJob)
#include "tst_dnsswitchjob.moc"
