#include "../support/CloudflareFake.h"
#include "../support/ProviderCall.h"
#include "dns/CloudflareProvider.h"

#include <QTest>

using namespace relais;
using namespace relais::test;
using namespace Qt::StringLiterals;

// CloudflareProvider against a local HTTPS fake of the API v4 that checks
// the token, the paths and every body field as Cloudflare does.
class TestCloudflareProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<CloudflareFake> m_cf;

    std::unique_ptr<CloudflareProvider> provider(const QByteArray& token)
    {
        auto cf = std::make_unique<CloudflareProvider>(QUrl(m_cf->endpoint()), u"example.test"_s,
                                                       SecretBytes(token));
        cf->addCaCertificates({TestCertificates::instance().ca});
        cf->setTimeoutMs(10000);
        return cf;
    }

    DnsRecordChange wwwChange(const QString& from, const QString& to, qint64 ttl = 60) const
    {
        DnsRecordChange change;
        change.name = u"www.example.test"_s;
        change.expected = {QHostAddress(from)};
        change.addresses = {QHostAddress(to)};
        change.ttl = ttl;
        return change;
    }

private slots:
    void init()
    {
        m_cf = std::make_unique<CloudflareFake>();
        QVERIFY(m_cf->server.isListening());
        m_cf->addRecord(u"www.example.test"_s, u"203.0.113.10"_s, 60, true);
    }

    void defaultEndpoint()
    {
        QCOMPARE(QLatin1String(CloudflareProvider::DefaultEndpoint),
                 "https://api.cloudflare.com/client/v4"_L1);
    }

    void readsTheRecord()
    {
        auto cf = provider(m_cf->token);
        const ProviderOutcome<DnsRecordState> read = readWith(*cf, u"www.example.test"_s);
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QCOMPARE(read.emitted, 1);
        QCOMPARE((*read.result)->addresses, QList<QHostAddress>{QHostAddress(u"203.0.113.10"_s)});
        QCOMPARE((*read.result)->ttl, 60);
        QCOMPARE(m_cf->server.requests().first().target, "/client/v4/zones?name=example.test"_ba);
    }

    void changeKeepsProxiedAndSendsTypedFields()
    {
        auto cf = provider(m_cf->token);
        ProviderOutcome<DnsChangeResult> done =
            changeWith(*cf, wwwChange(u"203.0.113.10"_s, u"198.51.100.20"_s, 120));
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(done.emitted, 1);
        QCOMPARE(m_cf->contents(u"www.example.test"_s), QStringList{u"198.51.100.20"_s});
        QCOMPARE(m_cf->records.first().ttl, 120);
        QVERIFY(m_cf->records.first().proxied);
        const FakeRequest& put = m_cf->server.requests().last();
        QCOMPARE(put.method, "PUT"_ba);
        QCOMPARE(put.header("authorization"), "Bearer " + m_cf->token);
        // The zone id was looked up once.
        int zoneLookups = 0;
        for (const FakeRequest& request : m_cf->server.requests())
            zoneLookups += request.path() == "/client/v4/zones";
        done = changeWith(*cf, wwwChange(u"198.51.100.20"_s, u"203.0.113.10"_s, 60));
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(zoneLookups, 1);
        QCOMPARE(m_cf->contents(u"www.example.test"_s), QStringList{u"203.0.113.10"_s});
    }

    void addsAndRemovesRecords()
    {
        auto cf = provider(m_cf->token);
        DnsRecordChange change = wwwChange(u"203.0.113.10"_s, u"198.51.100.1"_s);
        change.addresses << QHostAddress(u"198.51.100.2"_s);
        ProviderOutcome<DnsChangeResult> done = changeWith(*cf, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(m_cf->contents(u"www.example.test"_s),
                 (QStringList{u"198.51.100.1"_s, u"198.51.100.2"_s}));
        change.expected = change.addresses;
        change.addresses = {QHostAddress(u"203.0.113.10"_s)};
        done = changeWith(*cf, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(m_cf->contents(u"www.example.test"_s), QStringList{u"203.0.113.10"_s});
    }

    void createsAndDeletesARecord()
    {
        auto cf = provider(m_cf->token);
        DnsRecordChange create;
        create.name = u"drill.example.test"_s;
        create.addresses = {QHostAddress(u"198.51.100.20"_s)};
        create.ttl = 60;
        ProviderOutcome<DnsChangeResult> done = changeWith(*cf, create);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(m_cf->contents(u"drill.example.test"_s), QStringList{u"198.51.100.20"_s});
        const FakeRequest post = m_cf->server.requests().last();
        QCOMPARE(post.method, "POST"_ba);
        QCOMPARE(post.path(),
                 QByteArray("/client/v4/zones/" + m_cf->zoneId.toLatin1() + "/dns_records"));
        QCOMPARE(
            post.body,
            R"({"content":"198.51.100.20","name":"drill.example.test","ttl":60,"type":"A"})"_ba);
        // Created again: it exists now, refused before anything is written.
        const qsizetype before = m_cf->server.requests().size();
        done = changeWith(*cf, create);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QVERIFY2(done.result->error().message().contains(u"already exists"_s),
                 describe(done.result).constData());
        for (qsizetype i = before; i < m_cf->server.requests().size(); ++i)
            QCOMPARE(m_cf->server.requests().at(i).method, "GET"_ba);

        DnsRecordChange remove;
        remove.name = u"drill.example.test"_s;
        remove.expected = {QHostAddress(u"198.51.100.20"_s)};
        done = changeWith(*cf, remove);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QVERIFY(m_cf->contents(u"drill.example.test"_s).isEmpty());
        const FakeRequest deletion = m_cf->server.requests().last();
        QCOMPARE(deletion.method, "DELETE"_ba);
        QVERIFY(deletion.path().startsWith(
            QByteArray("/client/v4/zones/" + m_cf->zoneId.toLatin1() + "/dns_records/rec")));
        QVERIFY(deletion.body.isEmpty());
        QCOMPARE(m_cf->contents(u"www.example.test"_s), QStringList{u"203.0.113.10"_s});
        // Deleted again: it holds nothing, not what is expected; refused.
        done = changeWith(*cf, remove);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
    }

    void mismatchIsRefusedBeforeWriting()
    {
        auto cf = provider(m_cf->token);
        const ProviderOutcome<DnsChangeResult> done =
            changeWith(*cf, wwwChange(u"192.0.2.1"_s, u"198.51.100.20"_s));
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        for (const FakeRequest& request : m_cf->server.requests())
            QCOMPARE(request.method, "GET"_ba);
        QCOMPARE(m_cf->contents(u"www.example.test"_s), QStringList{u"203.0.113.10"_s});
    }

    void wrongTokenIsRefused()
    {
        auto cf = provider("not-the-token"_ba);
        const ProviderOutcome<DnsRecordState> read = readWith(*cf, u"www.example.test"_s);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::Unauthorized);
        QVERIFY2(read.result->error().message().contains(u"Authentication error (10000)"_s),
                 describe(read.result).constData());
    }

    void ttlOutOfRangeIsRefusedHere()
    {
        auto cf = provider(m_cf->token);
        const ProviderOutcome<DnsChangeResult> done =
            changeWith(*cf, wwwChange(u"203.0.113.10"_s, u"198.51.100.20"_s, 30));
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::BadRequest);
        QVERIFY(m_cf->server.requests().isEmpty());
    }

    void unknownZoneIsNotFound()
    {
        auto cf = std::make_unique<CloudflareProvider>(QUrl(m_cf->endpoint()), u"other.test"_s,
                                                       SecretBytes(m_cf->token));
        cf->addCaCertificates({TestCertificates::instance().ca});
        const ProviderOutcome<DnsRecordState> read = readWith(*cf, u"www.other.test"_s);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::NotFound);
    }

    void tokenIsNeverLogged()
    {
        QByteArray log;
        {
            LogCapture capture;
            auto cf = provider(m_cf->token);
            QVERIFY(changeWith(*cf, wwwChange(u"203.0.113.10"_s, u"198.51.100.20"_s))
                        .result.value_or(Error(DnsApiError::Timeout)));
            log = capture.text();
        }
        QVERIFY2(log.contains("relais.core.dns"), log.constData());
        QVERIFY(!log.contains(m_cf->token));
    }
};

QTEST_GUILESS_MAIN(TestCloudflareProvider)
#include "tst_cloudflareprovider.moc"
