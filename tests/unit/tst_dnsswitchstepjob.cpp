#include "dns/DnsSwitchError.h"
#include "plan/DnsSwitchStepJob.h"
#include "plan/PlanError.h"
#include "site/Site.h"

#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

// The rehearsal's drill record request: the service's binding with the
// drill name; production's own record is refused.
class TestDnsSwitchStepJob : public QObject
{
    Q_OBJECT

    static Site site()
    {
        Site site;
        site.main.address = u"10.0.0.10"_s;
        site.main.publicAddress = u"192.0.2.10"_s;
        site.backup.address = u"192.0.2.20"_s;
        Service www;
        www.name = u"www"_s;
        DnsBinding dns;
        dns.zone = u"example.test."_s;
        dns.record = u"www"_s;
        dns.ttl = 60;
        dns.server = u"127.0.0.1"_s;
        dns.port = 5353;
        dns.tsigId = u"key"_s;
        dns.verifyServers = {u"127.0.0.1:5353"_s, u"192.0.2.53"_s};
        www.dns = dns;
        Service mail;
        mail.name = u"mail"_s;
        DnsBinding mx = dns;
        mx.record = u"mail"_s;
        mail.dns = mx;
        site.services = {www, mail};
        return site;
    }

private slots:
    void drillRecordInTheServicesZone()
    {
        const Site s = site();
        const Result<DnsSwitchRequest> r = DnsSwitchStepJob::drillRecordRequest(
            s, s.services.first(), u"drill"_s, DnsSwitchRequest::Side::Backup);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(r->name, u"drill.example.test"_s);
        QCOMPARE(r->zone, u"example.test"_s);
        QCOMPARE(r->to, DnsSwitchRequest::Side::Backup);
        QCOMPARE(r->mode, DnsSwitchRequest::Mode::Emergency);
        QCOMPARE(r->mainAddress, QHostAddress(u"192.0.2.10"_s));
        QCOMPARE(r->backupAddress, QHostAddress(u"192.0.2.20"_s));
        QCOMPARE(r->verifyServers.size(), 2);
        QCOMPARE(r->verifyServers.at(1).port, quint16(53));
        QCOMPARE(r->nsServer, u"127.0.0.1"_s);
        QCOMPARE(r->nsPort, quint16(5353));
        QCOMPARE(r->service, u"www (drill)"_s);

        const Result<DnsSwitchRequest> back = DnsSwitchStepJob::drillRecordRequest(
            s, s.services.first(), u"rehearsal.drill."_s, DnsSwitchRequest::Side::Main);
        QVERIFY(back);
        QCOMPARE(back->name, u"rehearsal.drill.example.test"_s);
        QCOMPARE(back->to, DnsSwitchRequest::Side::Main);
    }

    void refusesProductionAndMissingNames_data()
    {
        QTest::addColumn<QString>("drill");
        QTest::addColumn<QString>("domain");
        QTest::newRow("none") << QString() << u"plan"_s;
        QTest::newRow("apex") << u"@"_s << u"plan"_s;
        QTest::newRow("the service's record") << u"www"_s << u"plan"_s;
        QTest::newRow("the service's record, other case") << u"WWW"_s << u"plan"_s;
        QTest::newRow("another service's record") << u"mail"_s << u"plan"_s;
    }

    void refusesProductionAndMissingNames()
    {
        QFETCH(QString, drill);
        QFETCH(QString, domain);
        const Site s = site();
        const Result<DnsSwitchRequest> r = DnsSwitchStepJob::drillRecordRequest(
            s, s.services.first(), drill, DnsSwitchRequest::Side::Backup);
        QVERIFY(!r);
        QCOMPARE(QString::fromLatin1(r.error().domain()), domain);
        QVERIFY(r.error().is(PlanError::NotConfigured));
    }

    void aServiceWithoutRecordCannotHaveADrillRecord()
    {
        Site s = site();
        s.services.first().dns.reset();
        const Result<DnsSwitchRequest> r = DnsSwitchStepJob::drillRecordRequest(
            s, s.services.first(), u"drill"_s, DnsSwitchRequest::Side::Backup);
        QVERIFY(!r);
        QVERIFY(r.error().is(DnsSwitchError::BadRequest));
    }
};

QTEST_GUILESS_MAIN(TestDnsSwitchStepJob)
#include "tst_dnsswitchstepjob.moc"
