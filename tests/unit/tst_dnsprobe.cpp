#include "health/DnsProbe.h"
#include "support/DnsTestServer.h"
#include "support/ProbeTestSupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

const QString Main = u"192.0.2.10"_s;
const QString Backup = u"198.51.100.20"_s;
const QString Main6 = u"2001:db8::10"_s;
const QString Backup6 = u"2001:db8:1::20"_s;

QString record(const QString& type, const QString& address)
{
    return u"www.example.test. 60 IN "_s + type + QLatin1Char(' ') + address;
}

} // namespace

class TestDnsProbe : public QObject
{
    Q_OBJECT

private slots:
    void answer_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("truncate");
        QTest::addColumn<bool>("ipv6");
        QTest::addColumn<QStringList>("addresses");
        QTest::addColumn<int>("expectedError"); // -1: ok
        QTest::addColumn<int>("pointsTo");      // -1: none, else HostRole
        QTest::addColumn<QString>("expectedMessage");

        const int answer = int(DnsTestServer::Mode::Answer);
        const int ok = -1;
        const int none = -1;
        const int main = int(HostRole::Main);
        const int backup = int(HostRole::Backup);

        QTest::newRow("main") << answer << false << false << QStringList{Main} << ok << main
                              << u"www.example.test A points to 192.0.2.10 (main)"_s;
        QTest::newRow("backup") << answer << false << false << QStringList{Backup} << ok << backup
                                << u"points to 198.51.100.20 (backup)"_s;
        QTest::newRow("main twice")
            << answer << false << false << QStringList{Main, Main} << ok << main << u"(main)"_s;
        QTest::newRow("other address")
            << answer << false << false << QStringList{u"203.0.113.7"_s}
            << int(HealthError::DnsUnknownAddress) << none
            << u"points to 203.0.113.7, neither main (192.0.2.10) nor backup (198.51.100.20)"_s;
        QTest::newRow("both sides")
            << answer << false << false << QStringList{Main, Backup}
            << int(HealthError::DnsUnknownAddress) << none << u"192.0.2.10, 198.51.100.20"_s;
        QTest::newRow("nodata") << answer << false << false << QStringList{}
                                << int(HealthError::DnsNoAnswer) << none
                                << u"NOERROR without a record"_s;
        QTest::newRow("nxdomain") << int(DnsTestServer::Mode::NxDomain) << false << false
                                  << QStringList{} << int(HealthError::DnsNoAnswer) << none
                                  << u"NXDOMAIN"_s;
        QTest::newRow("servfail") << int(DnsTestServer::Mode::ServFail) << false << false
                                  << QStringList{} << int(HealthError::DnsFailed) << none
                                  << u"answered SERVFAIL for www.example.test A"_s;
        QTest::newRow("refused") << int(DnsTestServer::Mode::Refused) << false << false
                                 << QStringList{} << int(HealthError::DnsFailed) << none
                                 << u"REFUSED"_s;
        QTest::newRow("garbage") << int(DnsTestServer::Mode::Garbage) << false << false
                                 << QStringList{Main} << int(HealthError::DnsFailed) << none
                                 << u"is not DNS"_s;
        QTest::newRow("wrong id") << int(DnsTestServer::Mode::WrongId) << false << false
                                  << QStringList{Main} << int(HealthError::DnsFailed) << none
                                  << u"id"_s;
        QTest::newRow("silence") << int(DnsTestServer::Mode::Silent) << false << false
                                 << QStringList{Main} << int(HealthError::Timeout) << none
                                 << u"within 500 ms"_s;
        QTest::newRow("truncated, then TCP")
            << answer << true << false << QStringList{Main} << ok << main << u"(main)"_s;
        QTest::newRow("aaaa main") << answer << false << true << QStringList{Main6} << ok << main
                                   << u"www.example.test AAAA points to 2001:db8::10 (main)"_s;
        QTest::newRow("aaaa backup, long form")
            << answer << false << true << QStringList{u"2001:0db8:0001:0000:0000:0000:0000:0020"_s}
            << ok << backup << u"(backup)"_s;
    }

    void answer()
    {
        QFETCH(int, mode);
        QFETCH(bool, truncate);
        QFETCH(bool, ipv6);
        QFETCH(QStringList, addresses);
        QFETCH(int, expectedError);
        QFETCH(int, pointsTo);
        QFETCH(QString, expectedMessage);

        DnsTestServer server;
        QVERIFY(server.listen());
        server.setMode(DnsTestServer::Mode(mode));
        server.setTruncateUdp(truncate);
        QStringList records;
        for (const QString& address : addresses)
            records.append(record(ipv6 ? u"AAAA"_s : u"A"_s, address));
        server.setRecords(records);

        DnsProbe probe(u"127.0.0.1"_s, server.port(), u"www.example.test"_s,
                       ipv6 ? DnsRecordType::AAAA : DnsRecordType::A, ipv6 ? Main6 : Main,
                       ipv6 ? Backup6 : Backup, 500);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(ProbeTest::errorOf(*result) == expectedError, qPrintable(result->message));
        QCOMPARE(result->ok, expectedError == -1);
        QCOMPARE(result->pointsTo.has_value(), pointsTo != -1);
        if (pointsTo != -1)
            QCOMPARE(int(*result->pointsTo), pointsTo);
        QVERIFY2(result->message.contains(expectedMessage), qPrintable(result->message));
        QVERIFY(result->latencyMs >= 0);
        if (expectedError == -1 || expectedError == int(HealthError::DnsUnknownAddress)) {
            QStringList expected;
            for (const QString& address : addresses)
                expected.append(QHostAddress(address).toString());
            QCOMPARE(result->answers, expected);
        }
        if (truncate)
            QCOMPARE(server.tcpQueries(), 1);
        QVERIFY(!server.lastRecursionDesired());
    }

    void describe()
    {
        DnsProbe probe(u"127.0.0.1"_s, 5353, u"www.example.test"_s, DnsRecordType::A, Main, Backup,
                       1000);
        QCOMPARE(probe.describe(), u"DNS www.example.test A at 127.0.0.1:5353"_s);
    }

    void cancelFinishesOnce()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setMode(DnsTestServer::Mode::Silent);
        DnsProbe probe(u"127.0.0.1"_s, server.port(), u"www.example.test"_s, DnsRecordType::A, Main,
                       Backup, 1000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QVERIFY(probe.isRunning());
        QTest::qWait(100);
        probe.cancel();
        QCOMPARE(spy.size(), 1);
        QVERIFY(!probe.isRunning());
        QCOMPARE(spy.at(0).at(0).value<ProbeResult>().error, HealthError::Cancelled);
        QTest::qWait(1500);
        QCOMPARE(spy.size(), 1);
    }

    void restartable()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({record(u"A"_s, Main)});
        DnsProbe probe(u"127.0.0.1"_s, server.port(), u"www.example.test"_s, DnsRecordType::A, Main,
                       Backup, 2000);
        auto result = ProbeTest::run(probe);
        QVERIFY(result && result->ok);
        QCOMPARE(result->pointsTo, HostRole::Main);

        server.setRecords({record(u"A"_s, Backup)}); // switched over
        result = ProbeTest::run(probe);
        QVERIFY(result && result->ok);
        QCOMPARE(result->pointsTo, HostRole::Backup);
    }

    void invalidName()
    {
        DnsProbe probe(u"127.0.0.1"_s, 53, u"www..example.test"_s, DnsRecordType::A, Main, Backup,
                       1000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::Failed);
    }
};

QTEST_GUILESS_MAIN(TestDnsProbe)
#include "tst_dnsprobe.moc"
