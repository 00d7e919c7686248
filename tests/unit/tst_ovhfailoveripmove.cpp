#include "../support/OvhFake.h"
#include "../support/ProviderCall.h"
#include "dns/OvhFailoverIpMove.h"

#include <QTest>

using namespace relais;
using namespace relais::test;
using namespace Qt::StringLiterals;

// The OVH failover-IP move against the local HTTPS fake of the OVH API
// (signed requests checked as OVH does).
class TestOvhFailoverIpMove : public QObject
{
    Q_OBJECT

    std::unique_ptr<OvhFake> m_ovh;

    std::unique_ptr<OvhFailoverIpMove> job(const QByteArray& credentials)
    {
        Result<std::unique_ptr<OvhFailoverIpMove>> made =
            OvhFailoverIpMove::create(QUrl(m_ovh->endpoint()), SecretBytes(credentials));
        if (!made)
            return nullptr;
        std::unique_ptr<OvhFailoverIpMove> move = std::move(made).value();
        move->addCaCertificates({TestCertificates::instance().ca});
        move->setPollIntervalMs(20);
        move->setTimeoutMs(10000);
        return move;
    }

    struct Outcome
    {
        std::optional<Result<OvhFailoverIpMoveResult>> result;
        int emitted = 0;
        QStringList statuses;
    };

    Outcome run(OvhFailoverIpMove& move, const QString& ip, const QString& to)
    {
        Outcome outcome;
        connect(&move, &OvhFailoverIpMove::progress, this,
                [&](const QString& status) { outcome.statuses << status; });
        connect(&move, &OvhFailoverIpMove::finished, this,
                [&](const Result<OvhFailoverIpMoveResult>& result) {
                    ++outcome.emitted;
                    outcome.result.emplace(result);
                });
        move.start(ip, to);
        (void)QTest::qWaitFor([&] { return outcome.result.has_value(); }, 15000);
        QTest::qWait(30);
        move.disconnect(this);
        return outcome;
    }

private slots:
    void init()
    {
        m_ovh = std::make_unique<OvhFake>();
        QVERIFY(m_ovh->server.isListening());
        m_ovh->routedTo.insert(u"203.0.113.5/32"_s, u"ns1111.ip-198-51-100.eu"_s);
        m_ovh->taskPollsLeft = 2;
    }

    void block_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("block");
        QTest::newRow("IPv4") << u"203.0.113.5"_s << u"203.0.113.5/32"_s;
        QTest::newRow("IPv4 block") << u"203.0.113.4/30"_s << u"203.0.113.4/30"_s;
        QTest::newRow("IPv6") << u"2001:db8::5"_s << u"2001:db8::5/128"_s;
        QTest::newRow("not an IP") << u"ns1111"_s << QString();
    }
    void block()
    {
        QFETCH(QString, ip);
        QFETCH(QString, block);
        QCOMPARE(OvhFailoverIpMove::block(ip), block);
    }

    void movesAndWaitsForTheTask()
    {
        auto move = job(m_ovh->credentials());
        QVERIFY(move);
        const Outcome outcome = run(*move, u"203.0.113.5"_s, u"ns2222.ip-198-51-100.eu"_s);
        QVERIFY2(outcome.result && *outcome.result, describe(outcome.result).constData());
        QCOMPARE(outcome.emitted, 1);
        QCOMPARE((*outcome.result)->previousService, u"ns1111.ip-198-51-100.eu"_s);
        QVERIFY(!(*outcome.result)->alreadyThere);
        QCOMPARE(m_ovh->routedTo.value(u"203.0.113.5/32"_s), u"ns2222.ip-198-51-100.eu"_s);
        QCOMPARE(outcome.statuses, (QStringList{u"init"_s, u"doing"_s, u"doing"_s, u"done"_s}));
        bool posted = false;
        for (const FakeRequest& request : m_ovh->server.requests())
            posted |= request.method == "POST" &&
                      request.target == "/1.0/ip/203.0.113.5%2F32/move" &&
                      request.body == R"({"to":"ns2222.ip-198-51-100.eu"})";
        QVERIFY(posted);
    }

    void alreadyThereAsksNothing()
    {
        auto move = job(m_ovh->credentials());
        const Outcome outcome = run(*move, u"203.0.113.5"_s, u"ns1111.ip-198-51-100.eu"_s);
        QVERIFY2(outcome.result && *outcome.result, describe(outcome.result).constData());
        QVERIFY((*outcome.result)->alreadyThere);
        for (const FakeRequest& request : m_ovh->server.requests())
            QCOMPARE(request.method, "GET"_ba);
    }

    void failedTaskIsAnError()
    {
        m_ovh->taskFinalStatus = u"ovhError"_s;
        auto move = job(m_ovh->credentials());
        const Outcome outcome = run(*move, u"203.0.113.5"_s, u"ns2222.ip-198-51-100.eu"_s);
        QVERIFY(outcome.result && !*outcome.result);
        QCOMPARE(outcome.emitted, 1);
        QCOMPARE(outcome.result->error().code<DnsApiError>(), DnsApiError::MoveFailed);
        QVERIFY(outcome.result->error().message().contains(u"ovhError"_s));
        QCOMPARE(m_ovh->routedTo.value(u"203.0.113.5/32"_s), u"ns1111.ip-198-51-100.eu"_s);
    }

    void unknownIpIsNotFound()
    {
        auto move = job(m_ovh->credentials());
        const Outcome outcome = run(*move, u"192.0.2.77"_s, u"ns2222.ip-198-51-100.eu"_s);
        QVERIFY(outcome.result && !*outcome.result);
        QCOMPARE(outcome.result->error().code<DnsApiError>(), DnsApiError::NotFound);
    }

    void wrongSecretIsRefused()
    {
        auto move = job("AppKey1234:WrongSecret:ConsumerKey90"_ba);
        const Outcome outcome = run(*move, u"203.0.113.5"_s, u"ns2222.ip-198-51-100.eu"_s);
        QVERIFY(outcome.result && !*outcome.result);
        QCOMPARE(outcome.result->error().code<DnsApiError>(), DnsApiError::Unauthorized);
        QVERIFY(outcome.result->error().message().contains(u"Invalid signature"_s));
    }

    void cancelFinishesOnce()
    {
        m_ovh->taskPollsLeft = 1000;
        auto move = job(m_ovh->credentials());
        int emitted = 0;
        std::optional<Error> error;
        connect(move.get(), &OvhFailoverIpMove::finished, this,
                [&](const Result<OvhFailoverIpMoveResult>& result) {
                    ++emitted;
                    if (!result)
                        error = result.error();
                });
        bool polling = false;
        connect(move.get(), &OvhFailoverIpMove::progress, this,
                [&](const QString& status) { polling |= status == u"doing"_s; });
        move->start(u"203.0.113.5"_s, u"ns2222.ip-198-51-100.eu"_s);
        QVERIFY(QTest::qWaitFor([&] { return polling; }, 10000));
        move->cancel();
        QTest::qWait(100);
        QCOMPARE(emitted, 1);
        QVERIFY(error && error->is(DnsApiError::Cancelled));
        QVERIFY(!move->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestOvhFailoverIpMove)
#include "tst_ovhfailoveripmove.moc"
