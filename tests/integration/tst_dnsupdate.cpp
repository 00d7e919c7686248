#include "../support/ProcessRun.h"
#include "dns/DnsClient.h"
#include "dns/DnsUpdateError.h"
#include "dns/DnsUpdater.h"
#include "dns/TsigKey.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUdpSocket>
#include <optional>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;

// RFC 2136 updates with TSIG against the lab's real BIND, PowerDNS and Knot.
// The test brings the lab up and down.
// After every test www is back to A 10.231.0.10, TTL 60.
class TestDnsUpdate : public QObject
{
    Q_OBJECT

private:
    const QHostAddress m_main{u"10.231.0.10"_s};
    const QHostAddress m_backup{u"10.231.0.20"_s};
    QJsonObject m_status;
    std::optional<TsigKey> m_key;
    QString m_server; ///< the row being run: "bind", "powerdns" or "knot"

    quint16 portOf(const QString& server) const
    {
        return quint16(
            m_status.value("dns"_L1).toObject().value(server).toObject().value("port"_L1).toInt());
    }

    static QString zone() { return u"example.test"_s; }
    static QString www() { return u"www.example.test"_s; }
    /// The test's own record, created and deleted by createAndDelete.
    static QString own() { return u"relais-upd-%1.example.test"_s.arg(::getpid()); }

    /// @p name does not exist on @p server: NXDOMAIN, or no address (NODATA).
    bool absent(const QString& server, const QString& name)
    {
        const std::optional<DnsAnswer> answer = read(server, name);
        return answer && (answer->rcode == DnsAnswer::NxDomain ||
                          (answer->rcode == DnsAnswer::NoError && answer->addresses.isEmpty()));
    }

    std::optional<DnsAnswer> read(const QString& server, const QString& name = www())
    {
        DnsClient client;
        std::optional<Result<DnsAnswer>> answer;
        connect(&client, &DnsClient::finished, this,
                [&](const Result<DnsAnswer>& result) { answer.emplace(result); });
        DnsQuery query;
        query.server = u"127.0.0.1"_s;
        query.port = portOf(server);
        query.name = name;
        query.timeoutMs = 3000;
        client.query(query);
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
            return std::nullopt;
        return answer->value();
    }

    Result<DnsUpdateResult> update(const QString& server, const QList<QHostAddress>& expected,
                                   const QList<QHostAddress>& addresses, qint64 ttl,
                                   const TsigKey& key, quint16 port = 0, int timeoutMs = 5000,
                                   const QString& name = www())
    {
        DnsUpdate request;
        request.server = u"127.0.0.1"_s;
        request.port = port ? port : portOf(server);
        request.zone = zone();
        request.name = name;
        request.expected = expected;
        request.addresses = addresses;
        request.ttl = ttl;
        request.timeoutMs = timeoutMs;
        DnsUpdater updater;
        std::optional<Result<DnsUpdateResult>> outcome;
        int count = 0;
        connect(&updater, &DnsUpdater::finished, this, [&](const Result<DnsUpdateResult>& result) {
            ++count;
            outcome.emplace(result);
        });
        updater.start(request, key);
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs + 5000))
            return Error(DnsUpdateError::Timeout, u"the job never finished"_s);
        QTest::qWait(20);
        if (count != 1)
            return Error(DnsUpdateError::Malformed, u"finished() came %1 times"_s.arg(count));
        return *outcome;
    }

    /// www holds exactly @p address with @p ttl on @p server.
    bool holds(const QString& server, const QHostAddress& address, qint64 ttl)
    {
        const std::optional<DnsAnswer> answer = read(server);
        return answer && answer->rcode == DnsAnswer::NoError &&
               answer->addresses == QList<QHostAddress>{address} && answer->ttl == ttl;
    }

    void serverRows()
    {
        QTest::addColumn<QString>("server");
        QTest::newRow("bind") << u"bind"_s;
        QTest::newRow("powerdns") << u"powerdns"_s;
        QTest::newRow("knot") << u"knot"_s;
    }

private slots:
    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            relais::test::labctl({QStringLiteral("down")});
    }

    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        const relais::test::ProcessRun up = relais::test::labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QProcess labctl;
        labctl.start(QStringLiteral(RELAIS_LABCTL), {u"status"_s, u"--json"_s});
        QVERIFY(labctl.waitForFinished(60000));
        const QByteArray out = labctl.readAllStandardOutput();
        m_status = QJsonDocument::fromJson(out.mid(out.indexOf('{'))).object();
        const QJsonObject dns = m_status.value("dns"_L1).toObject();
        QCOMPARE(dns.value("zone"_L1).toString(), zone());
        QFile secret(m_status.value("secrets_dir"_L1).toString() + u'/' +
                     dns.value("tsig_secret"_L1).toString());
        QVERIFY2(secret.open(QIODevice::ReadOnly),
                 "no lab TSIG key: the lab must be up (tests/lab/labctl up)");
        QByteArray text = secret.readAll();
        Result<TsigKey> key = TsigKey::parse(SecretBytes::takeFrom(text));
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message()));
        QCOMPARE(key->name(), dns.value("tsig_key_name"_L1).toString() + u'.');
        m_key = *key;
    }

    void init() { m_server.clear(); }

    void cleanup()
    {
        // Whatever happened, the test's own record goes, and www goes back
        // to main with TTL 60.
        if (!m_server.isEmpty() && !absent(m_server, own())) {
            const std::optional<DnsAnswer> left = read(m_server, own());
            if (left && !left->addresses.isEmpty())
                QVERIFY(update(m_server, left->addresses, {}, 0, *m_key, 0, 5000, own()));
        }
        if (m_server.isEmpty() || holds(m_server, m_main, 60))
            return;
        const std::optional<DnsAnswer> now = read(m_server);
        QVERIFY2(now && !now->addresses.isEmpty(), "cannot read www to restore it");
        const Result<DnsUpdateResult> restored =
            update(m_server, now->addresses, {m_main}, 60, *m_key);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message()));
        QVERIFY(holds(m_server, m_main, 60));
    }

    void switchToBackupAndBack_data() { serverRows(); }
    void switchToBackupAndBack()
    {
        QFETCH(QString, server);
        m_server = server;
        QVERIFY2(holds(server, m_main, 60), "www must start on main with TTL 60");

        Result<DnsUpdateResult> done = update(server, {m_main}, {m_backup}, 60, *m_key);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message()));
        const qint64 thereMs = done->latencyMs;
        QVERIFY(holds(server, m_backup, 60));

        done = update(server, {m_backup}, {m_main}, 60, *m_key);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message()));
        QVERIFY(holds(server, m_main, 60));
        qInfo("%s: verified answer to the update in %lld ms there, %lld ms back",
              qPrintable(server), thereMs, done->latencyMs);
    }

    void changeTtl_data() { serverRows(); }
    void changeTtl()
    {
        QFETCH(QString, server);
        m_server = server;
        Result<DnsUpdateResult> done = update(server, {m_main}, {m_main}, 300, *m_key);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message()));
        QVERIFY(holds(server, m_main, 300));
        done = update(server, {m_main}, {m_main}, 60, *m_key);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message()));
        QVERIFY(holds(server, m_main, 60));
    }

    void createAndDelete_data() { serverRows(); }
    void createAndDelete()
    {
        QFETCH(QString, server);
        m_server = server;
        QVERIFY2(absent(server, own()), "the test's own record already exists");

        // Created on the condition that it does not exist (§2.4.3).
        Result<DnsUpdateResult> done = update(server, {}, {m_backup}, 60, *m_key, 0, 5000, own());
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message()));
        const qint64 createMs = done->latencyMs;
        std::optional<DnsAnswer> answer = read(server, own());
        QVERIFY(answer && answer->addresses == QList<QHostAddress>{m_backup});
        QCOMPARE(answer->ttl, 60);

        // Created again: the server refuses (YXRRSET), the record is kept.
        done = update(server, {}, {m_main}, 60, *m_key, 0, 5000, own());
        QVERIFY(!done);
        QCOMPARE(done.error().code<DnsUpdateError>(), DnsUpdateError::PrerequisiteFailed);
        QVERIFY2(done.error().message().contains(u"already exists: it holds 10.231.0.20"_s),
                 qPrintable(done.error().message()));
        answer = read(server, own());
        QVERIFY(answer && answer->addresses == QList<QHostAddress>{m_backup});

        // Deleted on the condition that it holds what is expected: a wrong
        // expectation is refused and deletes nothing.
        done = update(server, {m_main}, {}, 0, *m_key, 0, 5000, own());
        QVERIFY(!done);
        QCOMPARE(done.error().code<DnsUpdateError>(), DnsUpdateError::PrerequisiteFailed);
        answer = read(server, own());
        QVERIFY(answer && answer->addresses == QList<QHostAddress>{m_backup});

        done = update(server, {m_backup}, {}, 0, *m_key, 0, 5000, own());
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message()));
        QVERIFY(absent(server, own()));
        qInfo("%s: created in %lld ms, deleted in %lld ms", qPrintable(server), createMs,
              done->latencyMs);

        // Deleting what is gone: the prerequisite fails, nothing happens.
        done = update(server, {m_backup}, {}, 0, *m_key, 0, 5000, own());
        QVERIFY(!done);
        QCOMPARE(done.error().code<DnsUpdateError>(), DnsUpdateError::PrerequisiteFailed);
        QVERIFY2(done.error().message().contains(u"does not exist"_s),
                 qPrintable(done.error().message()));
        QVERIFY(holds(server, m_main, 60)); // www untouched
    }

    void wrongSecretIsRefused_data() { serverRows(); }
    void wrongSecretIsRefused()
    {
        QFETCH(QString, server);
        m_server = server;
        const Result<TsigKey> wrong = TsigKey::parse(
            SecretBytes("relais-lab:hmac-sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="_ba));
        QVERIFY(wrong);
        const Result<DnsUpdateResult> done = update(server, {m_main}, {m_backup}, 60, *wrong);
        QVERIFY(!done);
        const DnsUpdateError code = *done.error().code<DnsUpdateError>();
        const QString message = done.error().message();
        qInfo("%s: %s", qPrintable(server), qPrintable(message));
        if (server == u"powerdns"_s) {
            // PowerDNS 4.7 answers a bad signature with a plain, unsigned
            // REFUSED ("Signature with TSIG key ... failed to validate").
            QVERIFY2(code == DnsUpdateError::Refused, qPrintable(message));
            QVERIFY2(message.contains(u"REFUSED without signing"_s), qPrintable(message));
        } else {
            QVERIFY2(code == DnsUpdateError::BadSig || code == DnsUpdateError::NotAuth,
                     qPrintable(message));
            QVERIFY2(message.contains(u"BADSIG"_s) || message.contains(u"NOTAUTH"_s),
                     qPrintable(message));
        }
        QVERIFY(holds(server, m_main, 60));
    }

    void wrongOldValueIsRefused_data() { serverRows(); }
    void wrongOldValueIsRefused()
    {
        QFETCH(QString, server);
        m_server = server;
        const Result<DnsUpdateResult> done =
            update(server, {QHostAddress(u"10.231.0.99"_s)}, {m_backup}, 60, *m_key);
        QVERIFY(!done);
        QCOMPARE(done.error().code<DnsUpdateError>(), DnsUpdateError::PrerequisiteFailed);
        QVERIFY2(done.error().message().contains(
                     u"the record changed behind our back: it holds 10.231.0.10, expected "
                     "10.231.0.99"_s),
                 qPrintable(done.error().message()));
        QVERIFY(holds(server, m_main, 60));
    }

    void serverDownTimesOut()
    {
        // A loopback port where nothing listens.
        quint16 port = 0;
        {
            QUdpSocket probe;
            QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
            port = probe.localPort();
        }
        QElapsedTimer elapsed;
        elapsed.start();
        const Result<DnsUpdateResult> done =
            update(u"bind"_s, {m_main}, {m_backup}, 60, *m_key, port, 800);
        QVERIFY(!done);
        QCOMPARE(done.error().code<DnsUpdateError>(), DnsUpdateError::Timeout);
        QVERIFY(elapsed.elapsed() < 3000);
    }
};

QTEST_GUILESS_MAIN(TestDnsUpdate)
#include "tst_dnsupdate.moc"
