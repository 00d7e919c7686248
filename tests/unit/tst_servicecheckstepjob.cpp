#include "common/Backoff.h"
#include "common/ManualClock.h"
#include "plan/DrillContext.h"
#include "plan/PlanError.h"
#include "plan/ServiceCheckStepJob.h"
#include "support/DnsTestServer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

// ServiceCheckStepJob: probes aimed at one side, and a record every server
// must answer, tried at once, then after 100 ms, each wait doubled up to 1 s.
class TestServiceCheckStepJob : public QObject
{
    Q_OBJECT

    static Site site()
    {
        Site site;
        site.main.name = u"main"_s;
        site.main.address = u"10.0.0.10"_s;
        site.main.publicAddress = u"192.0.2.10"_s;
        site.backup.name = u"backup"_s;
        site.backup.address = u"127.0.0.1"_s;
        return site;
    }

    static ProbeSpec tcp(quint16 port)
    {
        ProbeSpec probe;
        probe.kind = ProbeSpec::Kind::Tcp;
        probe.host = HostRole::Main;
        probe.port = port;
        probe.timeoutSeconds = 1;
        return probe;
    }

    static DnsSwitchRequest record(quint16 port)
    {
        DnsSwitchRequest request;
        request.zone = u"example.test"_s;
        request.name = u"www.example.test"_s;
        request.mainAddress = QHostAddress(u"192.0.2.10"_s);
        request.backupAddress = QHostAddress(u"192.0.2.20"_s);
        request.to = DnsSwitchRequest::Side::Backup;
        request.verifyServers = {{u"127.0.0.1"_s, port}};
        request.queryTimeoutMs = 500;
        return request;
    }

private slots:
    void aimsProbesAtTheSide()
    {
        const Site s = site();
        ProbeSpec http;
        http.kind = ProbeSpec::Kind::Http;
        http.url = u"http://192.0.2.10:8080/status?x=1"_s;
        http.keyword = u"ok"_s;
        ProbeSpec https = http;
        https.url = u"https://www.example.test/"_s;
        ProbeSpec ssh;
        ssh.kind = ProbeSpec::Kind::Ssh;
        ProbeSpec dns;
        dns.kind = ProbeSpec::Kind::Dns;
        ProbeSpec lxd;
        lxd.kind = ProbeSpec::Kind::Lxd;

        const QList<ProbeSpec> toMain =
            ServiceCheckStepJob::aimedAt({tcp(80), http, https, ssh, dns, lxd}, s, HostRole::Main);
        QCOMPARE(toMain.size(), 3);
        QCOMPARE(toMain.at(0).host, HostRole::Main);
        // The public address is what users reach.
        QCOMPARE(toMain.at(1).url, u"http://192.0.2.10:8080/status?x=1"_s);
        QCOMPARE(toMain.at(1).keyword, u"ok"_s);
        QCOMPARE(toMain.at(2).url, u"https://www.example.test/"_s);

        const QList<ProbeSpec> toBackup =
            ServiceCheckStepJob::aimedAt({tcp(80), http, https, ssh}, s, HostRole::Backup);
        QCOMPARE(toBackup.size(), 3);
        QCOMPARE(toBackup.at(0).host, HostRole::Backup);
        QCOMPARE(toBackup.at(0).port, 80);
        // No public address on backup: its address.
        QCOMPARE(toBackup.at(1).url, u"http://127.0.0.1:8080/status?x=1"_s);
        // https keeps its name, so that its certificate is verified.
        QCOMPARE(toBackup.at(2).url, u"https://www.example.test/"_s);
    }

    void passesWhenTheProbeAnswersAndMarksRto()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const Site s = site();
        DrillContext context;
        ManualClock clock;
        ServiceCheckStepJob job(
            s, ServiceCheckStepJob::aimedAt({tcp(server.serverPort())}, s, HostRole::Backup),
            std::nullopt, &context, clock);
        QSignalSpy finished(&job, &StepJob::finished);
        QSignalSpy output(&job, &StepJob::output);
        job.start();
        QVERIFY(finished.wait(5000));
        const auto result = finished.first().first().value<Result<void>>();
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
        QCOMPARE(context.serviceUpAt(), clock.now());
        QVERIFY(output.last().first().toString().contains(u"answers its 1 probe"_s));
    }

    void waitsUntilTheProbeAnswers()
    {
        // A port that nothing listens on yet.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close();
        const Site s = site();
        DrillContext context;
        ManualClock clock;
        ServiceCheckStepJob job(s, ServiceCheckStepJob::aimedAt({tcp(port)}, s, HostRole::Backup),
                                std::nullopt, &context, clock);
        QSignalSpy finished(&job, &StepJob::finished);
        QSignalSpy output(&job, &StepJob::output);
        job.start();
        QVERIFY(!finished.wait(ServiceCheckStepJob::MaxRetryMs + 500));
        QVERIFY(!context.serviceUpAt().has_value());
        QVERIFY(!output.isEmpty());
        QVERIFY(output.last().first().toString().startsWith(u"Waiting: TCP 127.0.0.1"_s));
        clock.advanceSeconds(5);
        QVERIFY(server.listen(QHostAddress::LocalHost, port));
        QVERIFY(finished.wait(ServiceCheckStepJob::MaxRetryMs * 2));
        QVERIFY(finished.first().first().value<Result<void>>());
        QCOMPARE(context.serviceUpAt(), clock.now());
    }

    void cancelWhileWaitingEndsCancelled()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close();
        const Site s = site();
        ManualClock clock;
        ServiceCheckStepJob job(s, {tcp(port)}, std::nullopt, nullptr, clock);
        QSignalSpy finished(&job, &StepJob::finished);
        job.start();
        QTest::qWait(300);
        job.cancel();
        QVERIFY(finished.count() == 1 || finished.wait(3000));
        QTest::qWait(ServiceCheckStepJob::MaxRetryMs + 200);
        QCOMPARE(finished.count(), 1);
        const auto result = finished.first().first().value<Result<void>>();
        QVERIFY(!result);
        QVERIFY(result.error().is(PlanError::Cancelled));
    }

    void waitsForEveryServerToAnswerTheNewAddress()
    {
        DnsTestServer dns;
        QVERIFY(dns.listen());
        dns.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        ManualClock clock;
        DrillContext context;
        const Site s = site();
        ServiceCheckStepJob job(s, {}, record(dns.port()), &context, clock);
        QSignalSpy finished(&job, &StepJob::finished);
        QSignalSpy output(&job, &StepJob::output);
        job.start();
        QVERIFY(!finished.wait(ServiceCheckStepJob::MaxRetryMs + 500));
        QVERIFY(output.last().first().toString().contains(u"answers 192.0.2.10"_s));
        const int asked = dns.udpQueries();
        QVERIFY(asked >= 2);
        dns.setRecords({u"www.example.test. 60 IN A 192.0.2.20"_s});
        QVERIFY(finished.wait(ServiceCheckStepJob::MaxRetryMs * 2));
        QVERIFY(finished.first().first().value<Result<void>>());
        QVERIFY(output.last().first().toString().contains(u"converged in"_s));
        // A record check alone says nothing about the service: no RTO.
        QVERIFY(!context.serviceUpAt().has_value());
    }

    void asksAgainWithBackOffUntilItConverges()
    {
        // The record moves a while after the step starts: the step keeps
        // asking, never more often than its back-off allows, and ends once
        // the record is there. (The delays themselves: tst_backoff.)
        DnsTestServer dns;
        QVERIFY(dns.listen());
        dns.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        ManualClock clock;
        const Site s = site();
        ServiceCheckStepJob job(s, {}, record(dns.port()), nullptr, clock);
        QSignalSpy finished(&job, &StepJob::finished);
        QElapsedTimer elapsed;
        elapsed.start();
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(dns.udpQueries() >= 3, 30000);
        QVERIFY(finished.isEmpty());
        // The most rounds the back-off allows in the time that passed (a
        // slow machine only asks less).
        const qint64 waited = elapsed.elapsed();
        const int asked = dns.udpQueries();
        Backoff backoff(ServiceCheckStepJob::FirstRetryMs, ServiceCheckStepJob::MaxRetryMs);
        int allowed = 1; // at once
        for (qint64 at = backoff.next(); at <= waited; at += backoff.next())
            ++allowed;
        QVERIFY2(asked <= allowed + 2, qPrintable(u"%1 queries in %2 ms"_s.arg(asked).arg(waited)));
        dns.setRecords({u"www.example.test. 60 IN A 192.0.2.20"_s});
        QVERIFY(finished.wait(ServiceCheckStepJob::MaxRetryMs * 2 + 30000));
        QVERIFY(finished.first().first().value<Result<void>>());
    }

    void aServerThatDoesNotAnswerKeepsItWaiting()
    {
        DnsTestServer good;
        QVERIFY(good.listen());
        good.setRecords({u"www.example.test. 60 IN A 192.0.2.20"_s});
        DnsTestServer failing;
        QVERIFY(failing.listen());
        failing.setMode(DnsTestServer::Mode::ServFail);
        DnsSwitchRequest request = record(good.port());
        request.verifyServers.append({u"127.0.0.1"_s, failing.port()});
        ManualClock clock;
        const Site s = site();
        ServiceCheckStepJob job(s, {}, request, nullptr, clock);
        QSignalSpy finished(&job, &StepJob::finished);
        QSignalSpy output(&job, &StepJob::output);
        job.start();
        QVERIFY(!finished.wait(ServiceCheckStepJob::MaxRetryMs + 500));
        QVERIFY(output.last().first().toString().contains(u"SERVFAIL"_s));
        const int askedGood = good.udpQueries();
        QCOMPARE(askedGood, 1); // converged: not asked again
        QVERIFY(failing.udpQueries() >= 2);
        failing.setMode(DnsTestServer::Mode::Answer);
        failing.setRecords({u"www.example.test. 60 IN A 192.0.2.20"_s});
        QVERIFY(finished.wait(ServiceCheckStepJob::MaxRetryMs * 2));
        QVERIFY(finished.first().first().value<Result<void>>());
    }
};

QTEST_GUILESS_MAIN(TestServiceCheckStepJob)
#include "tst_servicecheckstepjob.moc"
