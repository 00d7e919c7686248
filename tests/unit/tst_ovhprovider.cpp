#include "../support/OvhFake.h"
#include "../support/ProviderCall.h"
#include "common/ManualClock.h"
#include "dns/OvhProvider.h"

#include <QTest>

using namespace relais;
using namespace relais::test;
using namespace Qt::StringLiterals;

// OvhProvider against a local HTTPS fake of the OVH API that checks the
// keys, the timestamp and the signature as OVH does.
class TestOvhProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<OvhFake> m_ovh;

    std::unique_ptr<OvhProvider> provider(const QByteArray& credentials,
                                          const Clock* clock = nullptr)
    {
        Result<std::unique_ptr<OvhProvider>> made = OvhProvider::create(
            QUrl(m_ovh->endpoint()), u"example.test"_s, SecretBytes(credentials), clock);
        if (!made)
            return nullptr;
        std::unique_ptr<OvhProvider> ovh = std::move(made).value();
        ovh->addCaCertificates({TestCertificates::instance().ca});
        ovh->setTimeoutMs(10000);
        return ovh;
    }

    int writes() const
    {
        int count = 0;
        for (const FakeRequest& request : m_ovh->server.requests())
            count += request.method != "GET";
        return count;
    }

private slots:
    void init()
    {
        m_ovh = std::make_unique<OvhFake>();
        QVERIFY(m_ovh->server.isListening());
        m_ovh->addRecord(u"www"_s, u"203.0.113.10"_s, 60);
        m_ovh->addRecord(u"mail"_s, u"203.0.113.99"_s, 3600);
    }

    void signatureVector_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        // Worked out with `printf '%s' 'SECRET+CONSUMER+METHOD+URL+BODY+TIME' | sha1sum`.
        QTest::newRow("GET, no body")
            << "GET"_ba
            << "https://eu.api.ovh.com/1.0/domain/zone/example.com/record?fieldType=A&subDomain=www"_ba
            << QByteArray() << "$1$6f29923acb47aa26edab3207f4de2f8f913aacef"_ba;
        QTest::newRow("PUT, JSON body")
            << "PUT"_ba
            << "https://eu.api.ovh.com/1.0/domain/zone/example.com/record/1234"_ba
            << R"({"target":"203.0.113.7","ttl":60})"_ba
            << "$1$2a64ed3f68a9e8639d3a5e71fe5f21cb55c044d2"_ba;
    }
    void signatureVector()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, url);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QCOMPARE(OvhApi::signature("EgWIz07P0HYwtQDs", "MtSwSrPpNjqfVSmJhLbPyr2i45lSDRj1", method,
                                   url, body, 1366560945),
                 expected);
    }

    void credentialsFormat_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("three keys") << "ak:as:ck"_ba << true;
        QTest::newRow("trailing newline") << "ak:as:ck\n"_ba << true;
        QTest::newRow("two keys") << "ak:as"_ba << false;
        QTest::newRow("four keys") << "ak:as:ck:x"_ba << false;
        QTest::newRow("empty key") << "ak::ck"_ba << false;
        QTest::newRow("space inside") << "ak:a s:ck"_ba << false;
    }
    void credentialsFormat()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        const Result<OvhApi> api = OvhApi::create({}, SecretBytes(text));
        QCOMPARE(api.ok(), ok);
        if (!ok) {
            QCOMPARE(api.error().code<DnsApiError>(), DnsApiError::BadCredentials);
            QVERIFY(!api.error().message().contains(QString::fromLatin1(text)));
        } else {
            QCOMPARE(api->endpoint(), QUrl(u"https://eu.api.ovh.com/1.0"_s));
        }
    }

    void readsTheRecord()
    {
        auto ovh = provider(m_ovh->credentials());
        QVERIFY(ovh);
        const ProviderOutcome<DnsRecordState> read = readWith(*ovh, u"www.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QCOMPARE(read.emitted, 1);
        QCOMPARE((*read.result)->addresses, QList<QHostAddress>{QHostAddress(u"203.0.113.10"_s)});
        QCOMPARE((*read.result)->ttl, 60);
        const ProviderOutcome<DnsRecordState> none = readWith(*ovh, u"nothing.example.test"_s);
        QVERIFY2(none.result && *none.result, describe(none.result).constData());
        QVERIFY((*none.result)->addresses.isEmpty());
        QCOMPARE((*none.result)->ttl, -1);
    }

    void changePutsThenRefreshes()
    {
        auto ovh = provider(m_ovh->credentials());
        DnsRecordChange change;
        change.name = u"www.example.test"_s;
        change.expected = {QHostAddress(u"203.0.113.10"_s)};
        change.addresses = {QHostAddress(u"198.51.100.20"_s)};
        change.ttl = 120;
        const ProviderOutcome<DnsChangeResult> done = changeWith(*ovh, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(done.emitted, 1);
        QVERIFY((*done.result)->latencyMs >= 0);
        QCOMPARE(m_ovh->publishedTargets(u"www"_s), QStringList{u"198.51.100.20"_s});
        QCOMPARE(m_ovh->published.first().ttl, 120);
        QCOMPARE(m_ovh->refreshes, 1);
        QCOMPARE(m_ovh->publishedTargets(u"mail"_s), QStringList{u"203.0.113.99"_s});
        const FakeRequest& last = m_ovh->server.requests().last();
        QCOMPARE(last.method, "POST"_ba);
        QCOMPARE(last.path(), "/1.0/domain/zone/example.test/refresh"_ba);
        bool put = false;
        for (const FakeRequest& request : m_ovh->server.requests())
            put |= request.method == "PUT" &&
                   request.body == R"({"target":"198.51.100.20","ttl":120})"_ba;
        QVERIFY(put);
    }

    void addsAndRemovesRecords()
    {
        auto ovh = provider(m_ovh->credentials());
        DnsRecordChange change;
        change.name = u"www.example.test"_s;
        change.expected = {QHostAddress(u"203.0.113.10"_s)};
        change.addresses = {QHostAddress(u"198.51.100.1"_s), QHostAddress(u"198.51.100.2"_s)};
        ProviderOutcome<DnsChangeResult> done = changeWith(*ovh, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(m_ovh->publishedTargets(u"www"_s),
                 (QStringList{u"198.51.100.1"_s, u"198.51.100.2"_s}));
        change.expected = change.addresses;
        change.addresses = {QHostAddress(u"203.0.113.10"_s)};
        done = changeWith(*ovh, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(m_ovh->publishedTargets(u"www"_s), QStringList{u"203.0.113.10"_s});
        QCOMPARE(m_ovh->refreshes, 2);
    }

    void createsAndDeletesARecord()
    {
        auto ovh = provider(m_ovh->credentials());
        DnsRecordChange create;
        create.name = u"drill.example.test"_s;
        create.addresses = {QHostAddress(u"198.51.100.20"_s)};
        create.ttl = 60;
        ProviderOutcome<DnsChangeResult> done = changeWith(*ovh, create);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(m_ovh->publishedTargets(u"drill"_s), QStringList{u"198.51.100.20"_s});
        QCOMPARE(m_ovh->refreshes, 1);
        bool posted = false;
        for (const FakeRequest& request : m_ovh->server.requests())
            posted |= request.method == "POST" &&
                      request.path() == "/1.0/domain/zone/example.test/record" &&
                      request.body == R"({"fieldType":"A","subDomain":"drill","target":)"
                                      R"("198.51.100.20","ttl":60})"_ba;
        QVERIFY(posted);
        // Created again: it exists now; nothing is written.
        const int writesBefore = writes();
        done = changeWith(*ovh, create);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QCOMPARE(writes(), writesBefore);

        DnsRecordChange remove;
        remove.name = u"drill.example.test"_s;
        remove.expected = {QHostAddress(u"198.51.100.20"_s)};
        done = changeWith(*ovh, remove);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QVERIFY(m_ovh->publishedTargets(u"drill"_s).isEmpty());
        QCOMPARE(m_ovh->refreshes, 2);
        bool deleted = false;
        for (const FakeRequest& request : m_ovh->server.requests())
            deleted |= request.method == "DELETE" &&
                       request.path().startsWith("/1.0/domain/zone/example.test/record/") &&
                       request.body.isEmpty();
        QVERIFY(deleted);
        QCOMPARE(m_ovh->server.requests().last().path(),
                 "/1.0/domain/zone/example.test/refresh"_ba);
        QCOMPARE(m_ovh->publishedTargets(u"www"_s), QStringList{u"203.0.113.10"_s});
    }

    void mismatchIsRefusedBeforeWriting()
    {
        auto ovh = provider(m_ovh->credentials());
        DnsRecordChange change;
        change.name = u"www.example.test"_s;
        change.expected = {QHostAddress(u"192.0.2.1"_s)};
        change.addresses = {QHostAddress(u"198.51.100.20"_s)};
        const ProviderOutcome<DnsChangeResult> done = changeWith(*ovh, change);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QVERIFY2(
            done.result->error().message().contains(u"holds 203.0.113.10, expected 192.0.2.1"_s),
            describe(done.result).constData());
        QCOMPARE(writes(), 0);
        QCOMPARE(m_ovh->publishedTargets(u"www"_s), QStringList{u"203.0.113.10"_s});
    }

    void wrongCredentialsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("credentials");
        QTest::addColumn<QString>("said");
        QTest::newRow("secret") << "AppKey1234:WrongSecret:ConsumerKey90"_ba
                                << u"Invalid signature (INVALID_SIGNATURE)"_s;
        QTest::newRow("consumer key")
            << "AppKey1234:AppSecret5678:Revoked"_ba << u"This credential does not exist"_s;
        QTest::newRow("application key")
            << "Unknown:AppSecret5678:ConsumerKey90"_ba << u"Invalid application key"_s;
    }
    void wrongCredentialsAreRefused()
    {
        QFETCH(QByteArray, credentials);
        QFETCH(QString, said);
        auto ovh = provider(credentials);
        const ProviderOutcome<DnsRecordState> read = readWith(*ovh, u"www.example.test"_s);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.emitted, 1);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::Unauthorized);
        QVERIFY2(read.result->error().message().contains(said), describe(read.result).constData());
    }

    void skewedClockIsFixedByAuthTime()
    {
        // This computer's clock ten minutes late: OVH's /auth/time sets it right.
        ManualClock late(QDateTime::currentDateTimeUtc().addSecs(-600));
        auto ovh = provider(m_ovh->credentials(), &late);
        ProviderOutcome<DnsRecordState> read = readWith(*ovh, u"www.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QVERIFY(ovh->api().clockOffset());
        QVERIFY(qAbs(*ovh->api().clockOffset() - 600) <= 2);
        read = readWith(*ovh, u"www.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QCOMPARE(m_ovh->timeRequests, 1); // cached

        // The fake does check the time: a timestamp ten minutes off is refused.
        const qint64 now = QDateTime::currentSecsSinceEpoch() - 600;
        QUrl url(m_ovh->endpoint() + u"/domain/zone/example.test/record"_s);
        HttpApiClient client;
        client.addCaCertificates({TestCertificates::instance().ca});
        std::optional<HttpApiReply> reply;
        const HttpApiClient::Headers headers{
            {"X-Ovh-Application", m_ovh->applicationKey},
            {"X-Ovh-Consumer", m_ovh->consumerKey},
            {"X-Ovh-Timestamp", QByteArray::number(now)},
            {"X-Ovh-Signature", OvhApi::signature(m_ovh->applicationSecret, m_ovh->consumerKey,
                                                  "GET", url.toEncoded(), {}, now)}};
        client.send("GET", url, headers, {}, [&](const HttpApiReply& r) { reply = r; });
        QVERIFY(QTest::qWaitFor([&] { return reply.has_value(); }, 10000));
        const Error error = OvhApi::replyError(*reply, u"OVH"_s);
        QCOMPARE(error.code<DnsApiError>(), DnsApiError::ClockSkew);
        QVERIFY2(error.message().contains(u"Query out of time"_s), qPrintable(error.message()));
    }

    void clockJumpIsResynced()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto ovh = provider(m_ovh->credentials(), &clock);
        ProviderOutcome<DnsRecordState> read = readWith(*ovh, u"www.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QCOMPARE(m_ovh->timeRequests, 1);
        // This computer's clock jumps 15 minutes ahead: the kept offset is
        // now wrong, OVH says "Query out of time", the offset is asked again.
        clock.advanceSeconds(900);
        read = readWith(*ovh, u"www.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QCOMPARE(read.emitted, 1);
        QCOMPARE(m_ovh->timeRequests, 2);
        QVERIFY(qAbs(*ovh->api().clockOffset() + 900) <= 2);
    }

    void untrustedCertificateIsRefused()
    {
        Result<std::unique_ptr<OvhProvider>> made = OvhProvider::create(
            QUrl(m_ovh->endpoint()), u"example.test"_s, SecretBytes(m_ovh->credentials()));
        QVERIFY(made);
        const ProviderOutcome<DnsRecordState> read = readWith(**made, u"www.example.test"_s);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::Tls);
        QVERIFY(m_ovh->server.requests().isEmpty());
    }

    void credentialsAreNeverLogged()
    {
        QByteArray log;
        {
            LogCapture capture;
            auto ovh = provider(m_ovh->credentials());
            DnsRecordChange change;
            change.name = u"www.example.test"_s;
            change.expected = {QHostAddress(u"203.0.113.10"_s)};
            change.addresses = {QHostAddress(u"198.51.100.20"_s)};
            QVERIFY(changeWith(*ovh, change).result.value_or(Error(DnsApiError::Timeout)));
            auto wrong = provider("AppKey1234:WrongSecret:ConsumerKey90"_ba);
            QVERIFY(!readWith(*wrong, u"www.example.test"_s).result.value_or(DnsRecordState{}));
            log = capture.text();
        }
        QVERIFY2(log.contains("relais.core.dns"), log.constData());
        for (const QByteArray& secret :
             {m_ovh->applicationSecret, m_ovh->consumerKey, "WrongSecret"_ba, "$1$"_ba})
            QVERIFY2(!log.contains(secret), secret.constData());
    }
};

QTEST_GUILESS_MAIN(TestOvhProvider)
#include "tst_ovhprovider.moc"
