#include "../support/ProcessRun.h"
#include "../support/ProviderCall.h"
#include "dns/DnsClient.h"
#include "dns/PowerDnsApiProvider.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <optional>
#include <unistd.h>

using namespace relais;
using namespace relais::test;
using namespace Qt::StringLiterals;

// The PowerDNS HTTP API provider against the lab's real PowerDNS: its own
// record relais-api-<pid>.example.test is created, changed, read back over
// DNS and deleted; www is only read (and a refused change must leave it).
class TestPowerDnsApi : public QObject
{
    Q_OBJECT

private:
    const QHostAddress m_main{u"10.231.0.10"_s};
    const QHostAddress m_backup{u"10.231.0.20"_s};
    QUrl m_apiUrl;
    quint16 m_dnsPort = 0;
    QByteArray m_key;

    static QString zone() { return u"example.test"_s; }
    static QString www() { return u"www.example.test"_s; }
    static QString own() { return u"relais-api-%1.example.test"_s.arg(::getpid()); }

    std::unique_ptr<PowerDnsApiProvider> provider(const QByteArray& key) const
    {
        return std::make_unique<PowerDnsApiProvider>(m_apiUrl, zone(), SecretBytes(key));
    }

    /// The record as the server answers over DNS.
    std::optional<DnsAnswer> ask(const QString& name)
    {
        DnsClient client;
        std::optional<Result<DnsAnswer>> answer;
        connect(&client, &DnsClient::finished, this,
                [&](const Result<DnsAnswer>& result) { answer.emplace(result); });
        DnsQuery query;
        query.server = u"127.0.0.1"_s;
        query.port = m_dnsPort;
        query.name = name;
        query.timeoutMs = 3000;
        client.query(query);
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
            return std::nullopt;
        return answer->value();
    }

    bool answers(const QString& name, const QHostAddress& address, qint64 ttl)
    {
        const std::optional<DnsAnswer> answer = ask(name);
        return answer && answer->rcode == DnsAnswer::NoError &&
               answer->addresses == QList<QHostAddress>{address} && answer->ttl == ttl;
    }

    /// Deletes the test's own record straight through the API; the HTTP
    /// status (204 when done).
    int deleteOwn()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(provider(m_key)->zoneUrl());
        request.setRawHeader("X-API-Key", m_key);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QJsonObject rrset{{u"name"_s, QString(own() + u'.')},
                                {u"type"_s, u"A"_s},
                                {u"changetype"_s, u"DELETE"_s},
                                {u"records"_s, QJsonArray()}};
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"rrsets"_s, QJsonArray{rrset}}}).toJson();
        std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, "PATCH", body));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        const ProcessRun up = labctl({u"up"_s});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QProcess labctl;
        labctl.start(QStringLiteral(RELAIS_LABCTL), {u"status"_s, u"--json"_s});
        QVERIFY(labctl.waitForFinished(60000));
        const QByteArray out = labctl.readAllStandardOutput();
        const QJsonObject status = QJsonDocument::fromJson(out.mid(out.indexOf('{'))).object();
        const QJsonObject pdns = status.value("dns"_L1).toObject().value("powerdns"_L1).toObject();
        m_apiUrl = QUrl(pdns.value("api_url"_L1).toString());
        m_dnsPort = quint16(pdns.value("port"_L1).toInt());
        QFile secret(status.value("secrets_dir"_L1).toString() + u'/' +
                     pdns.value("api_key_secret"_L1).toString());
        QVERIFY2(secret.open(QIODevice::ReadOnly), "no lab PowerDNS API key");
        m_key = secret.readAll();
        QVERIFY(!m_key.isEmpty());
        QVERIFY(m_apiUrl.isValid());
    }

    void cleanup()
    {
        // Whatever happened, the test's own record goes.
        if (m_key.isEmpty())
            return;
        const std::optional<DnsAnswer> left = ask(own());
        if (left && !left->addresses.isEmpty())
            QCOMPARE(deleteOwn(), 204);
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            labctl({u"down"_s});
    }

    void readsWhatDnsAnswers()
    {
        const std::optional<DnsAnswer> answer = ask(www());
        QVERIFY(answer && !answer->addresses.isEmpty());
        auto pdns = provider(m_key);
        const ProviderOutcome<DnsRecordState> read = readWith(*pdns, www());
        QVERIFY2(read.result && *read.result, describe(read.result).constData());
        QCOMPARE(read.emitted, 1);
        QVERIFY(HttpDnsProvider::sameAddresses((*read.result)->addresses, answer->addresses));
        QCOMPARE((*read.result)->ttl, answer->ttl);
        QCOMPARE((*read.result)->name, www());
    }

    void setAndSetBack()
    {
        auto pdns = provider(m_key);
        const ProviderOutcome<DnsRecordState> before = readWith(*pdns, own());
        QVERIFY2(before.result && *before.result, describe(before.result).constData());
        QVERIFY2((*before.result)->addresses.isEmpty(), "the test's own record already exists");

        DnsRecordChange change;
        change.name = own();
        change.addresses = {m_main};
        change.ttl = 60;
        ProviderOutcome<DnsChangeResult> done = changeWith(*pdns, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QCOMPARE(done.emitted, 1);
        QVERIFY(answers(own(), m_main, 60));
        const qint64 createMs = (*done.result)->latencyMs;

        change.expected = {m_main};
        change.addresses = {m_backup};
        change.ttl = 120;
        done = changeWith(*pdns, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QVERIFY(answers(own(), m_backup, 120));
        const qint64 switchMs = (*done.result)->latencyMs;

        change.expected = {m_backup};
        change.addresses = {m_main};
        change.ttl = 60;
        done = changeWith(*pdns, change);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        QVERIFY(answers(own(), m_main, 60));
        const qint64 backMs = (*done.result)->latencyMs;

        // A creation of a record that exists is refused, the record kept.
        DnsRecordChange again;
        again.name = own();
        again.addresses = {m_backup};
        again.ttl = 60;
        done = changeWith(*pdns, again);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QVERIFY(answers(own(), m_main, 60));

        // Deleted through the provider (PATCH changetype DELETE): the
        // server no longer answers it.
        DnsRecordChange remove;
        remove.name = own();
        remove.expected = {m_main};
        done = changeWith(*pdns, remove);
        QVERIFY2(done.result && *done.result, describe(done.result).constData());
        const std::optional<DnsAnswer> gone = ask(own());
        QVERIFY(gone);
        QVERIFY2(gone->rcode == DnsAnswer::NxDomain ||
                     (gone->rcode == DnsAnswer::NoError && gone->addresses.isEmpty()),
                 qPrintable(gone->rcodeName));
        const ProviderOutcome<DnsRecordState> after = readWith(*pdns, own());
        QVERIFY2(after.result && *after.result, describe(after.result).constData());
        QVERIFY((*after.result)->addresses.isEmpty());
        qInfo("PowerDNS API: created in %lld ms, switched in %lld ms, back in %lld ms, deleted "
              "in %lld ms",
              createMs, switchMs, backMs, (*done.result)->latencyMs);
        // Deleted again: it holds nothing, not what is expected: refused.
        done = changeWith(*pdns, remove);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
    }

    void badKeyIsRefused()
    {
        auto pdns = provider("not-the-key"_ba);
        const ProviderOutcome<DnsRecordState> read = readWith(*pdns, www());
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.emitted, 1);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::Unauthorized);
        QVERIFY2(read.result->error().message().contains(u"HTTP 401"_s),
                 describe(read.result).constData());

        DnsRecordChange change;
        change.name = www();
        change.expected = {m_main};
        change.addresses = {m_backup};
        const ProviderOutcome<DnsChangeResult> done = changeWith(*pdns, change);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::Unauthorized);
        const std::optional<DnsAnswer> answer = ask(www());
        QVERIFY(answer && !answer->addresses.contains(m_backup));
    }

    void mismatchIsRefusedBeforeWriting()
    {
        const std::optional<DnsAnswer> answer = ask(www());
        QVERIFY(answer && !answer->addresses.isEmpty());
        auto pdns = provider(m_key);
        DnsRecordChange change;
        change.name = www();
        change.expected = {QHostAddress(u"10.231.0.99"_s)};
        change.addresses = {QHostAddress(u"10.231.0.98"_s)};
        const ProviderOutcome<DnsChangeResult> done = changeWith(*pdns, change);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::RecordChanged);
        QVERIFY2(done.result->error().message().contains(u"expected 10.231.0.99"_s),
                 describe(done.result).constData());
        const std::optional<DnsAnswer> after = ask(www());
        QVERIFY(after && after->addresses == answer->addresses && after->ttl == answer->ttl);
    }

    void serviceErrorReachesTheMessage()
    {
        // The same address twice passes Relais' checks; PowerDNS refuses
        // it with {"error": "..."} and writes nothing.
        auto pdns = provider(m_key);
        DnsRecordChange change;
        change.name = own();
        change.addresses = {m_main, m_main};
        const ProviderOutcome<DnsChangeResult> done = changeWith(*pdns, change);
        QVERIFY(done.result && !*done.result);
        QCOMPARE(done.result->error().code<DnsApiError>(), DnsApiError::Rejected);
        QVERIFY2(done.result->error().message().contains(u"HTTP 422: Duplicate record in RRset"_s),
                 describe(done.result).constData());
        QVERIFY(!answers(own(), m_main, 60));

        // PowerDNS 4.7 answers an unknown zone with a plain "Not Found".
        auto other = std::make_unique<PowerDnsApiProvider>(m_apiUrl, u"no-such-zone.test"_s,
                                                           SecretBytes(m_key));
        const ProviderOutcome<DnsRecordState> read = readWith(*other, u"www.no-such-zone.test"_s);
        QVERIFY(read.result && !*read.result);
        QCOMPARE(read.result->error().code<DnsApiError>(), DnsApiError::NotFound);
        QVERIFY2(read.result->error().message().contains(u"HTTP 404"_s),
                 describe(read.result).constData());
    }

    void secondCallIsBusy()
    {
        auto pdns = provider(m_key);
        int reads = 0;
        QList<bool> outcomes;
        connect(pdns.get(), &DnsProvider::readFinished, this,
                [&](const Result<DnsRecordState>& result) {
                    ++reads;
                    outcomes << result.ok();
                    if (!result)
                        QCOMPARE(result.error().code<DnsApiError>(), DnsApiError::Busy);
                });
        pdns->read(www(), DnsRecordType::A);
        pdns->read(www(), DnsRecordType::A);
        QVERIFY(QTest::qWaitFor([&] { return reads == 2; }, 10000));
        QTest::qWait(50);
        QCOMPARE(reads, 2);
        QVERIFY(outcomes.contains(true) && outcomes.contains(false));
    }

    void cancelFinishesOnce()
    {
        auto pdns = provider(m_key);
        int reads = 0;
        std::optional<Error> error;
        connect(pdns.get(), &DnsProvider::readFinished, this,
                [&](const Result<DnsRecordState>& result) {
                    ++reads;
                    if (!result)
                        error = result.error();
                });
        pdns->read(www(), DnsRecordType::A);
        pdns->cancel();
        QTest::qWait(300);
        QCOMPARE(reads, 1);
        QVERIFY(error && error->is(DnsApiError::Cancelled));
        QVERIFY(!pdns->isRunning());
    }

    void keyIsNeverLogged()
    {
        QByteArray log;
        {
            LogCapture capture;
            auto pdns = provider(m_key);
            QVERIFY(readWith(*pdns, www()).result.value_or(Error(DnsApiError::Timeout)));
            auto bad = provider(m_key + "x");
            QVERIFY(!readWith(*bad, www()).result.value_or(DnsRecordState{}));
            log = capture.text();
        }
        QVERIFY2(log.contains("relais.core.dns"), log.constData());
        QVERIFY(!log.contains(m_key));
        QVERIFY(!log.contains(m_key.toBase64()));
        QVERIFY(!log.contains(m_key.toHex()));
    }
};

QTEST_GUILESS_MAIN(TestPowerDnsApi)
#include "tst_powerdnsapi.moc"
