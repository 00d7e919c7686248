#include "dns/DnsClient.h"
#include "dns/DnsError.h"
#include "support/DnsTestServer.h"

#include <QElapsedTimer>
#include <QTest>
#include <optional>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

/// Runs one query and waits for its single finished().
std::optional<Result<DnsAnswer>> ask(DnsClient& client, const DnsQuery& query, int* count = nullptr)
{
    std::optional<Result<DnsAnswer>> answer;
    int finished = 0;
    const auto connection =
        QObject::connect(&client, &DnsClient::finished, [&](const Result<DnsAnswer>& result) {
            ++finished;
            answer.emplace(result);
        });
    client.query(query);
    if (!QTest::qWaitFor([&] { return finished > 0; }, 10000))
        return std::nullopt;
    QTest::qWait(50);
    QObject::disconnect(connection);
    if (count)
        *count = finished;
    if (finished != 1)
        return std::nullopt;
    return answer;
}

DnsQuery queryFor(const DnsTestServer& server, const QString& name = u"www.example.test"_s,
                  DnsRecordType type = DnsRecordType::A, int timeoutMs = 2000)
{
    DnsQuery query;
    query.server = u"127.0.0.1"_s;
    query.port = server.port();
    query.name = name;
    query.type = type;
    query.timeoutMs = timeoutMs;
    return query;
}

/// The error message, or nothing when ok (QVERIFY2 evaluates its message).
QString why(const Result<DnsAnswer>& result)
{
    return result.ok() ? QString() : result.error().message();
}

QStringList texts(const QList<QHostAddress>& addresses)
{
    QStringList result;
    for (const QHostAddress& address : addresses)
        result.append(address.toString());
    return result;
}

} // namespace

class TestDnsClient : public QObject
{
    Q_OBJECT

private slots:
    void answerA()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords(
            {u"www.example.test. 60 IN A 192.0.2.10"_s, u"www.example.test. 60 IN A 192.0.2.11"_s});
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        const DnsAnswer& answer = result->value();
        QCOMPARE(answer.rcode, int(DnsAnswer::NoError));
        QCOMPARE(answer.rcodeName, u"NOERROR"_s);
        QCOMPARE(texts(answer.addresses), QStringList({u"192.0.2.10"_s, u"192.0.2.11"_s}));
        QVERIFY(answer.authoritative);
        QVERIFY(!answer.overTcp);
        QVERIFY(answer.latencyMs >= 0);
        QCOMPARE(answer.ttl, 60);
        QCOMPARE(server.udpQueries(), 1);
        QCOMPARE(server.tcpQueries(), 0);
        QVERIFY(!server.lastRecursionDesired()); // asked directly, no recursion
    }

    void answerAaaa()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 60 IN AAAA 2001:db8::10"_s});
        DnsClient client;
        const auto result =
            ask(client, queryFor(server, u"www.example.test."_s, DnsRecordType::AAAA));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QCOMPARE(texts(result->value().addresses), QStringList{u"2001:db8::10"_s});
    }

    void answerNs()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"example.test. 300 IN NS ns1.example.test."_s,
                           u"example.test. 200 IN NS ns2.example.net."_s,
                           u"other.test. 60 IN NS ns9.other.test."_s,
                           u"ns1.example.test. 60 IN A 192.0.2.53"_s});
        DnsClient client;
        const auto result = ask(client, queryFor(server, u"example.test"_s, DnsRecordType::NS));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QCOMPARE(result->value().nameServers,
                 (QStringList{u"ns1.example.test"_s, u"ns2.example.net"_s}));
        QCOMPARE(result->value().ttl, 200);
        QVERIFY(result->value().addresses.isEmpty());
    }

    void ttlOfTheRrset()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        // The CNAME's TTL is not the address RRset's; the smallest TTL of
        // the addresses is.
        server.setRecords({u"www.example.test. 30 IN CNAME web.example.test."_s,
                           u"web.example.test. 300 IN A 192.0.2.20"_s,
                           u"web.example.test. 120 IN A 192.0.2.21"_s});
        DnsClient client;
        auto result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QCOMPARE(result->value().ttl, 120);

        server.setRecords({u"www.example.test. 60 IN TXT \"no address\""_s});
        result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QCOMPARE(result->value().ttl, -1);
    }

    void otherRecordsIgnored()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 60 IN TXT \"hello\""_s,
                           u"elsewhere.example.test. 60 IN A 192.0.2.99"_s,
                           u"WWW.Example.TEST. 60 IN A 192.0.2.10"_s});
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result && result->ok());
        QCOMPARE(texts(result->value().addresses), QStringList{u"192.0.2.10"_s});
    }

    void cnameChain()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 60 IN CNAME web.example.test."_s,
                           u"web.example.test. 60 IN CNAME front.example.test."_s,
                           u"front.example.test. 60 IN A 192.0.2.20"_s,
                           u"www.example.test. 60 IN A 192.0.2.99"_s});
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result && result->ok());
        QCOMPARE(texts(result->value().addresses), QStringList{u"192.0.2.20"_s});
        QCOMPARE(result->value().cnames,
                 QStringList({u"web.example.test."_s, u"front.example.test."_s}));
    }

    void cnameLoop()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 60 IN CNAME web.example.test."_s,
                           u"web.example.test. 60 IN CNAME www.example.test."_s});
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code<DnsError>(), DnsError::Malformed);
        QVERIFY2(result->error().message().contains(u"CNAME chain"_s), qPrintable(why(*result)));
    }

    void rcodes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("rcode");
        QTest::addColumn<QString>("name");
        QTest::newRow("nxdomain") << int(DnsTestServer::Mode::NxDomain) << int(DnsAnswer::NxDomain)
                                  << u"NXDOMAIN"_s;
        QTest::newRow("servfail") << int(DnsTestServer::Mode::ServFail) << int(DnsAnswer::ServFail)
                                  << u"SERVFAIL"_s;
        QTest::newRow("refused, no question")
            << int(DnsTestServer::Mode::Refused) << int(DnsAnswer::Refused) << u"REFUSED"_s;
    }

    void rcodes()
    {
        QFETCH(int, mode);
        QFETCH(int, rcode);
        QFETCH(QString, name);
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setMode(DnsTestServer::Mode(mode));
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QCOMPARE(result->value().rcode, rcode);
        QCOMPARE(result->value().rcodeName, name);
        QVERIFY(result->value().addresses.isEmpty());
    }

    void badAnswers_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expectedMessage");
        QTest::newRow("garbage") << int(DnsTestServer::Mode::Garbage) << u"is not DNS"_s;
        QTest::newRow("wrong id") << int(DnsTestServer::Mode::WrongId) << u"id"_s;
        QTest::newRow("wrong question")
            << int(DnsTestServer::Mode::WrongQuestion) << u"another question"_s;
        QTest::newRow("not a response")
            << int(DnsTestServer::Mode::NotResponse) << u"not a response"_s;
    }

    void badAnswers()
    {
        QFETCH(int, mode);
        QFETCH(QString, expectedMessage);
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setMode(DnsTestServer::Mode(mode));
        server.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code<DnsError>(), DnsError::Malformed);
        QVERIFY2(result->error().message().contains(expectedMessage), qPrintable(why(*result)));
    }

    void silenceTimesOut()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setMode(DnsTestServer::Mode::Silent);
        DnsClient client;
        QElapsedTimer clock;
        clock.start();
        const auto result =
            ask(client, queryFor(server, u"www.example.test"_s, DnsRecordType::A, 400));
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code<DnsError>(), DnsError::Timeout);
        QVERIFY(clock.elapsed() >= 400);
    }

    void truncatedRetriesOverTcp()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setTruncateUdp(true);
        server.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QVERIFY(result->value().overTcp);
        QCOMPARE(texts(result->value().addresses), QStringList{u"192.0.2.10"_s});
        QCOMPARE(server.udpQueries(), 1);
        QCOMPARE(server.tcpQueries(), 1);
    }

    void truncatedWithoutTcp()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setTruncateUdp(true);
        server.closeTcp();
        DnsClient client;
        const auto result = ask(client, queryFor(server));
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code<DnsError>(), DnsError::Network);
        QVERIFY2(result->error().message().contains(u"over TCP"_s), qPrintable(why(*result)));
    }

    void invalidQueries_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("error");
        QTest::newRow("empty label")
            << u"127.0.0.1"_s << u"www..example.test"_s << 1000 << int(DnsError::BadName);
        QTest::newRow("empty name")
            << u"127.0.0.1"_s << QString() << 1000 << int(DnsError::BadName);
        QTest::newRow("label too long")
            << u"127.0.0.1"_s << QString(64, QLatin1Char('a')) + u".test"_s << 1000
            << int(DnsError::BadName);
        QTest::newRow("zone in address")
            << u"fe80::1%lo"_s << u"www.example.test"_s << 1000 << int(DnsError::BadServer);
        QTest::newRow("no timeout")
            << u"127.0.0.1"_s << u"www.example.test"_s << 0 << int(DnsError::Failed);
    }

    void invalidQueries()
    {
        QFETCH(QString, server);
        QFETCH(QString, name);
        QFETCH(int, timeoutMs);
        QFETCH(int, error);
        DnsClient client;
        DnsQuery query;
        query.server = server;
        query.port = 53; // never reached
        query.name = name;
        query.timeoutMs = timeoutMs;
        const auto result = ask(client, query);
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(int(*result->error().code<DnsError>()), error);
    }

    void cancelFinishesOnce()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setMode(DnsTestServer::Mode::Silent);
        DnsClient client;
        int finished = 0;
        std::optional<Result<DnsAnswer>> last;
        connect(&client, &DnsClient::finished, this, [&](const Result<DnsAnswer>& result) {
            ++finished;
            last.emplace(result);
        });
        client.query(queryFor(server, u"www.example.test"_s, DnsRecordType::A, 1000));
        QVERIFY(client.isRunning());
        QTest::qWait(100);
        client.cancel();
        QCOMPARE(finished, 1);
        QVERIFY(!client.isRunning());
        QCOMPARE(last->error().code<DnsError>(), DnsError::Cancelled);
        QTest::qWait(1500); // the abandoned worker ends; nothing more is emitted
        QCOMPARE(finished, 1);
    }

    void reusable()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        DnsClient client;
        for (int i = 0; i < 3; ++i) {
            const auto result = ask(client, queryFor(server));
            QVERIFY(result && result->ok());
        }
        QCOMPARE(server.udpQueries(), 3);
    }

    void concurrentClients()
    {
        DnsTestServer silent;
        QVERIFY(silent.listen());
        silent.setMode(DnsTestServer::Mode::Silent);
        DnsTestServer answering;
        QVERIFY(answering.listen());
        answering.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});

        // Slow queries do not hold up a quick one: it is answered while
        // they all still wait for their timeout.
        std::vector<std::unique_ptr<DnsClient>> slow;
        for (int i = 0; i < 4; ++i) {
            slow.push_back(std::make_unique<DnsClient>());
            slow.back()->query(queryFor(silent, u"www.example.test"_s, DnsRecordType::A, 4000));
        }
        DnsClient quick;
        const auto result = ask(quick, queryFor(answering));
        QVERIFY(result && result->ok());
        for (const std::unique_ptr<DnsClient>& client : slow)
            QVERIFY(client->isRunning());
        for (const std::unique_ptr<DnsClient>& client : slow)
            client->cancel();
    }
};

QTEST_GUILESS_MAIN(TestDnsClient)
#include "tst_dnsclient.moc"
