#include "../support/GandiFake.h"
#include "../support/ProviderCall.h"
#include "dns/GandiProvider.h"
#include "dns/HttpApiClient.h"

#include <QTcpServer>
#include <QTest>

using namespace relais;
using namespace relais::test;
using namespace Qt::StringLiterals;

// GandiProvider against a local HTTPS fake of LiveDNS v5 that checks the
// Authorization header and the body as Gandi does.
class TestGandiProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<GandiFake> m_gandi;

    std::unique_ptr<GandiProvider> provider(const QByteArray& credential)
    {
        auto gandi = std::make_unique<GandiProvider>(QUrl(m_gandi->endpoint()), u"example.test"_s,
                                                     SecretBytes(credential));
        gandi->addCaCertificates({TestCertificates::instance().ca});
        gandi->setTimeoutMs(10000);
        return gandi;
    }

    DnsRecordChange wwwChange(const QString& from, const QString& to, qint64 ttl = 300) const
    {
        DnsRecordChange change;
        change.name = u"www.example.test"_s;
        if (!from.isEmpty())
            change.expected = {QHostAddress(from)};
        change.addresses = {QHostAddress(to)};
        change.ttl = ttl;
        return change;
    }

private slots:
    void init()
    {
        m_gandi = std::make_unique<GandiFake>();
        QVERIFY(m_gandi->server.isListening());
        m_gandi->records.insert(u"www/A"_s, {300, {u"203.0.113.10"_s}});
    }

    void readsWithTokenOrLegacyKey_data()
    {
        QTest::addColumn<QByteArray>("credential");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("personal access token") << "gandi-pat-abcdef"_ba
                                               << "Bearer gandi-pat-abcdef"_ba;
        QTest::newRow("API key") << "apikey:gandi-legacy-key"_ba
                                 << "Apikey gandi-legacy-key"_ba;
    }
    void readsWithTokenOrLegacyKey()
    {
        QFETCH(QByteArray, credential);
        QFETCH(QByteArray, header);
        auto gandi = provider(credential);
        const ProviderOutcome<DnsRecordState> read = readWith(*gandi, u"www.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QCOMPARE(read.emitted, 1);
        QCOMPARE((*read.result)->addresses, QList<QHostAddress>{QHostAddress(u"203.0.113.10"_s)});
        QCOMPARE((*read.result)->ttl, 300);
        QCOMPARE(m_gandi->server.requests().first().header("authorization"), header);
        QCOMPARE(m_gandi->server.requests().first().target,
                 "/v5/livedns/domains/example.test/records/www/A"_ba);
    }

    void missingRecordReadsEmpty()
    {
        auto gandi = provider(m_gandi->token);
        const ProviderOutcome<DnsRecordState> read = readWith(*gandi, u"new.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QVERIFY((*read.result)->addresses.isEmpty());
    }

    void changePutsTheRrset()
    {
        auto gandi = provider(m_gandi->token);
        ProviderOutcome<DnsChangeResult> done =
            changeWith(*gandi, wwwChange(u"203.0.113.10"_s, u"198.51.100.20"_s, 600));
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(done.emitted, 1);
        QCOMPARE(m_gandi->records.value(u"www/A"_s).values, QStringList{u"198.51.100.20"_s});
        QCOMPARE(m_gandi->records.value(u"www/A"_s).ttl, 600);
        QCOMPARE(m_gandi->server.requests().last().body,
                 R"({"rrset_ttl":600,"rrset_values":["198.51.100.20"]})"_ba);
        // A new record from nothing.
        DnsRecordChange create = wwwChange({}, u"198.51.100.30"_s);
        create.name = u"new.example.test"_s;
        done = changeWith(*gandi, create);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(m_gandi->records.value(u"new/A"_s).values, QStringList{u"198.51.100.30"_s});
        // Created with POST on the record's path, as Gandi documents it.
        QCOMPARE(m_gandi->server.requests().last().method, "POST"_ba);
        QCOMPARE(m_gandi->server.requests().last().target,
                 "/v5/livedns/domains/example.test/records/new/A"_ba);
        QCOMPARE(m_gandi->server.requests().last().body,
                 R"({"rrset_ttl":300,"rrset_values":["198.51.100.30"]})"_ba);
    }

    void creationOfAnExistingRecordIsRefused()
    {
        // Relais reads first and refuses; Gandi would refuse the POST too.
        auto gandi = provider(m_gandi->token);
        const ProviderOutcome<DnsChangeResult> done =
            changeWith(*gandi, wwwChange({}, u"198.51.100.30"_s));
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QVERIFY2(done.result->error().message().contains(u"already exists"_s),
                 describe(done.result).constData());
        QCOMPARE(m_gandi->server.requests().size(), 1);
        QCOMPARE(m_gandi->records.value(u"www/A"_s).values, QStringList{u"203.0.113.10"_s});
    }

    void fakeRefusesAPostOnAnExistingRecord()
    {
        // What the fake answers when the RRset appeared between the read
        // and the POST: Gandi's 409, which reaches the message.
        m_gandi->records.insert(u"late/A"_s, {300, {u"192.0.2.9"_s}});
        HttpApiClient client;
        client.addCaCertificates({TestCertificates::instance().ca});
        std::optional<HttpApiReply> answer;
        client.send("POST", QUrl(m_gandi->endpoint() + u"/domains/example.test/records/late/A"_s),
                    {{"Authorization"_ba, "Bearer "_ba + m_gandi->token}},
                    R"({"rrset_ttl":300,"rrset_values":["198.51.100.1"]})"_ba,
                    [&](const HttpApiReply& reply) { answer = reply; });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 10000));
        QCOMPARE(answer->status, 409);
        QCOMPARE(m_gandi->records.value(u"late/A"_s).values, QStringList{u"192.0.2.9"_s});
    }

    void deletionRemovesTheRrset()
    {
        auto gandi = provider(m_gandi->token);
        DnsRecordChange remove;
        remove.name = u"www.example.test"_s;
        remove.expected = {QHostAddress(u"203.0.113.10"_s)};
        ProviderOutcome<DnsChangeResult> done = changeWith(*gandi, remove);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QVERIFY(!m_gandi->records.contains(u"www/A"_s));
        QCOMPARE(m_gandi->server.requests().last().method, "DELETE"_ba);
        QCOMPARE(m_gandi->server.requests().last().target,
                 "/v5/livedns/domains/example.test/records/www/A"_ba);
        QVERIFY(m_gandi->server.requests().last().body.isEmpty());
        // Gone already: the expected address is not there, nothing sent.
        done = changeWith(*gandi, remove);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QCOMPARE(m_gandi->server.requests().last().method, "GET"_ba);
    }

    void deletionOfAChangedRecordIsRefused()
    {
        auto gandi = provider(m_gandi->token);
        DnsRecordChange remove;
        remove.name = u"www.example.test"_s;
        remove.expected = {QHostAddress(u"198.51.100.99"_s)};
        const ProviderOutcome<DnsChangeResult> done = changeWith(*gandi, remove);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QCOMPARE(m_gandi->records.value(u"www/A"_s).values, QStringList{u"203.0.113.10"_s});
        QCOMPARE(m_gandi->server.requests().size(), 1);
    }

    void mismatchIsRefusedBeforeWriting()
    {
        auto gandi = provider(m_gandi->token);
        const ProviderOutcome<DnsChangeResult> done =
            changeWith(*gandi, wwwChange(u"192.0.2.1"_s, u"198.51.100.20"_s));
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QCOMPARE(m_gandi->server.requests().size(), 1);
        QCOMPARE(m_gandi->records.value(u"www/A"_s).values, QStringList{u"203.0.113.10"_s});
    }

    void wrongCredentialIsRefused()
    {
        auto gandi = provider("expired-token"_ba);
        const ProviderOutcome<DnsRecordState> read = readWith(*gandi, u"www.example.test"_s);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::Unauthorized);
        QVERIFY2(
            read.result->error().message().contains(u"HTTP 401: The server could not verify"_s),
            describe(read.result).constData());
    }

    void ttlBelowGandiMinimumIsRefusedHere()
    {
        auto gandi = provider(m_gandi->token);
        const ProviderOutcome<DnsChangeResult> done =
            changeWith(*gandi, wwwChange(u"203.0.113.10"_s, u"198.51.100.20"_s, 60));
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::BadRequest);
        QVERIFY(done.result->error().message().contains(u"300"_s));
        QVERIFY(m_gandi->server.requests().isEmpty());
    }

    void silentServerTimesOut()
    {
        // Accepts the connection, never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        GandiProvider gandi(QUrl(u"http://127.0.0.1:%1/v5/livedns"_s.arg(silent.serverPort())),
                            u"example.test"_s, SecretBytes(m_gandi->token));
        gandi.setTimeoutMs(500);
        const ProviderOutcome<DnsRecordState> read = readWith(gandi, u"www.example.test"_s, 5000);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.emitted, 1);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::Timeout);
        QVERIFY(!gandi.isRunning());
    }

    void secondCallIsBusyAndCancelEndsOnce()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        GandiProvider gandi(QUrl(u"http://127.0.0.1:%1/v5/livedns"_s.arg(silent.serverPort())),
                            u"example.test"_s, SecretBytes(m_gandi->token));
        QList<std::optional<DnsApiError>> codes;
        connect(&gandi, &DnsProvider::readFinished, this,
                [&](const Result<DnsRecordState>& result) {
                    codes << (result ? std::nullopt : result.error().code<DnsApiError>());
                });
        gandi.read(u"www.example.test"_s, DnsRecordType::A);
        gandi.read(u"www.example.test"_s, DnsRecordType::A);
        QVERIFY(QTest::qWaitFor([&] { return codes.size() == 1; }, 5000));
        QCOMPARE(codes.first(), DnsApiError::Busy);
        QVERIFY(gandi.isRunning());
        gandi.cancel();
        gandi.cancel();
        QTest::qWait(200);
        QCOMPARE(codes.size(), 2);
        QCOMPARE(codes.last(), DnsApiError::Cancelled);
        QVERIFY(!gandi.isRunning());
    }

    void outsideTheZoneIsRefusedHere()
    {
        auto gandi = provider(m_gandi->token);
        // Even refused at once, a call finishes after read() returned.
        int early = 0;
        const QMetaObject::Connection counting =
            connect(gandi.get(), &DnsProvider::readFinished, this, [&] { ++early; });
        gandi->read(u"www.example.org"_s, DnsRecordType::A);
        QCOMPARE(early, 0);
        QVERIFY(QTest::qWaitFor([&] { return early == 1; }, 5000));
        disconnect(counting);
        const ProviderOutcome<DnsRecordState> read = readWith(*gandi, u"www.example.org"_s);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::BadRequest);
        DnsRecordChange change = wwwChange(u"203.0.113.10"_s, u"2001:db8::1"_s);
        const ProviderOutcome<DnsChangeResult> done = changeWith(*gandi, change);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::BadRequest);
        QVERIFY(m_gandi->server.requests().isEmpty());
    }

    void credentialIsNeverLogged()
    {
        QByteArray log;
        {
            LogCapture capture;
            auto gandi = provider(m_gandi->token);
            QVERIFY(changeWith(*gandi, wwwChange(u"203.0.113.10"_s, u"198.51.100.20"_s))
                        .result.value_or(Error(DnsApiError::Timeout)));
            log = capture.text();
        }
        QVERIFY2(log.contains("relais.core.dns"), log.constData());
        QVERIFY(!log.contains(m_gandi->token));
    }
};

QTEST_GUILESS_MAIN(TestGandiProvider)
#include "tst_gandiprovider.moc"
