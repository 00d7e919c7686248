#include "../support/LabNsupdate.h"
#include "../support/ProcessRun.h"
#include "dns/DnsClient.h"
#include "dns/DnsProviderFactory.h"
#include "dns/DnsSwitchError.h"
#include "dns/DnsSwitchJob.h"
#include "dns/Rfc2136Provider.h"
#include "dns/TsigKey.h"
#include "vault/Vault.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <optional>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;

// DnsSwitchJob through Rfc2136Provider against the lab's real BIND,
// PowerDNS and Knot (zone example.test, each its own primary). Every test
// switches a record of its own, sw-<pid>.example.test, added to each
// server before the test and deleted after it; www is never touched.
class TestDnsSwitch : public QObject
{
    Q_OBJECT

private:
    struct Server
    {
        QString name;
        quint16 port = 0;
    };

    const QHostAddress m_main{u"10.231.0.10"_s};
    const QHostAddress m_backup{u"10.231.0.20"_s};
    QJsonObject m_status;
    std::optional<TsigKey> m_key;
    QTemporaryDir m_dir;
    QList<Server> m_servers; ///< BIND first
    QString m_record;

    quint16 bindPort() const { return m_servers.first().port; }

    /// Runs nsupdate with @p commands against the server at @p port.
    bool nsupdate(quint16 port, const QString& commands)
    {
        QString log;
        for (const Server& server : std::as_const(m_servers)) {
            if (server.port == port)
                log =
                    relais::test::labDnsLog(m_status.value("state_dir"_L1).toString(), server.name);
        }
        return relais::test::labNsupdate(m_dir.filePath(u"key"_s), port, commands, log);
    }

    /// Puts the test's record on the server at @p port: @p address, @p ttl.
    bool put(quint16 port, const QHostAddress& address, int ttl)
    {
        return nsupdate(port,
                        u"update delete %1 A\nupdate add %1 %2 A %3"_s.arg(m_record).arg(ttl).arg(
                            address.toString()));
    }

    std::optional<DnsAnswer> read(quint16 port)
    {
        DnsClient client;
        std::optional<Result<DnsAnswer>> answer;
        connect(&client, &DnsClient::finished, this,
                [&](const Result<DnsAnswer>& result) { answer.emplace(result); });
        DnsQuery query;
        query.server = u"127.0.0.1"_s;
        query.port = port;
        query.name = m_record;
        client.query(query);
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
            return std::nullopt;
        return answer->value();
    }

    std::unique_ptr<DnsSwitchJob> job(quint16 port = 0, int timeoutMs = 5000)
    {
        auto provider = std::make_unique<Rfc2136Provider>(u"127.0.0.1"_s, port ? port : bindPort(),
                                                          u"example.test"_s, m_key);
        provider->setTimeoutMs(timeoutMs);
        return std::make_unique<DnsSwitchJob>(std::move(provider));
    }

    DnsSwitchRequest request(DnsSwitchRequest::Side to, DnsSwitchRequest::Mode mode,
                             int servers = 1)
    {
        DnsSwitchRequest r;
        r.service = u"sw"_s;
        r.zone = u"example.test"_s;
        r.name = m_record;
        r.mainAddress = m_main;
        r.backupAddress = m_backup;
        r.to = to;
        r.mode = mode;
        r.ttl = 3;
        r.lowTtl = 1;
        r.pollIntervalMs = 200;
        r.propagationTimeoutMs = 10000;
        for (int i = 0; i < servers && i < m_servers.size(); ++i)
            r.verifyServers.append({u"127.0.0.1"_s, m_servers.at(i).port});
        return r;
    }

    Result<DnsSwitchReport> run(DnsSwitchJob& job, const DnsSwitchRequest& request)
    {
        std::optional<Result<DnsSwitchReport>> outcome;
        connect(&job, &DnsSwitchJob::finished, this,
                [&](const Result<DnsSwitchReport>& result) { outcome.emplace(result); });
        job.start(request);
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
            return Error(DnsSwitchError::Busy, u"the job never finished"_s);
        return *outcome;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        QVERIFY(m_dir.isValid());
        const relais::test::ProcessRun up = relais::test::labctl({u"up"_s});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const relais::test::ProcessRun status = relais::test::labctl({u"status"_s, u"--json"_s});
        m_status = QJsonDocument::fromJson(status.out.mid(status.out.indexOf('{'))).object();
        const QJsonObject dns = m_status.value("dns"_L1).toObject();
        for (const char* name : {"bind", "powerdns", "knot"}) {
            const QJsonObject server = dns.value(QLatin1String(name)).toObject();
            if (!server.isEmpty())
                m_servers.append({QLatin1String(name), quint16(server.value("port"_L1).toInt())});
        }
        QVERIFY(!m_servers.isEmpty() && m_servers.first().name == u"bind"_s);

        QFile secret(m_status.value("secrets_dir"_L1).toString() + u'/' +
                     dns.value("tsig_secret"_L1).toString());
        QVERIFY(secret.open(QIODevice::ReadOnly));
        const QByteArray text = secret.readAll().trimmed();
        const QList<QByteArray> parts = text.split(':');
        QCOMPARE(parts.size(), 3);
        QFile keyFile(m_dir.filePath(u"key"_s));
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write("key \"" + parts.at(0) + "\" { algorithm " + parts.at(1) + "; secret \"" +
                      parts.at(2) + "\"; };\n");
        keyFile.close();
        QByteArray copy = text;
        Result<TsigKey> key = TsigKey::parse(SecretBytes::takeFrom(copy));
        QVERIFY(key);
        m_key = *key;
        m_record = u"sw-%1.example.test"_s.arg(::getpid());
    }

    void init()
    {
        for (const Server& server : std::as_const(m_servers))
            QVERIFY2(put(server.port, m_main, 3), qPrintable(server.name));
    }

    void cleanup()
    {
        for (const Server& server : std::as_const(m_servers))
            QVERIFY2(nsupdate(server.port, u"update delete %1 A"_s.arg(m_record)),
                     qPrintable(server.name));
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            relais::test::labctl({u"down"_s});
    }

    void factoryMakesTheProviderFromTheLabVault()
    {
        QFile passphrase(m_status.value("vault_passphrase_file"_L1).toString());
        QVERIFY(passphrase.open(QIODevice::ReadOnly));
        QByteArray text = passphrase.readLine().trimmed();
        Result<Vault> vault =
            Vault::open(m_status.value("vault"_L1).toString(), SecretBytes::takeFrom(text));
        QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message()));
        DnsBinding binding;
        binding.zone = u"example.test"_s;
        binding.record = m_record.section(u'.', 0, 0);
        binding.server = u"127.0.0.1"_s;
        binding.port = bindPort();
        binding.tsigId = m_status.value("dns"_L1).toObject().value("tsig_secret"_L1).toString();
        Result<std::unique_ptr<DnsProvider>> provider =
            DnsProviderFactory::create(binding, &*vault);
        QVERIFY2(provider, qPrintable(provider ? QString() : provider.error().message()));
        DnsSwitchJob job(std::move(provider).value());
        const Result<DnsSwitchReport> r =
            run(job, request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Emergency));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(read(bindPort())->addresses, QList<QHostAddress>{m_backup});

        // An API provider needs its credentials from the vault.
        binding.provider = DnsBinding::Provider::Ovh;
        const auto ovh = DnsProviderFactory::create(binding, &*vault);
        QVERIFY(!ovh);
        QVERIFY2(ovh.error().message().contains(u"names no credentials"_s),
                 qPrintable(ovh.error().message()));
    }

    void emergencySwitchAndBack()
    {
        auto j = job();
        Result<DnsSwitchReport> r =
            run(*j, request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Emergency));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QVERIFY(!r->alreadySwitched && !r->ttlLowered);
        QCOMPARE(r->from, DnsSwitchRequest::Side::Main);
        QCOMPARE(r->servers.size(), 1);
        QVERIFY(r->servers.first().converged);
        std::optional<DnsAnswer> now = read(bindPort());
        QVERIFY(now);
        QCOMPARE(now->addresses, QList<QHostAddress>{m_backup});
        QCOMPARE(now->ttl, 3);
        qInfo("emergency switch: change %lld ms, verified convergence %lld ms", r->changeLatencyMs,
              r->convergenceMs);

        r = run(*j, request(DnsSwitchRequest::Side::Main, DnsSwitchRequest::Mode::Emergency));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(r->from, DnsSwitchRequest::Side::Backup);
        QCOMPARE(read(bindPort())->addresses, QList<QHostAddress>{m_main});
    }

    void plannedSwitchLowersTheTtlBeforeTheAddress()
    {
        auto j = job();
        bool sawLowTtl = false;
        bool addressChangedEarly = false;
        connect(j.get(), &DnsSwitchJob::phaseChanged, this, [&](DnsSwitchJob::Phase phase) {
            if (phase != DnsSwitchJob::Phase::WaitingOldTtl)
                return;
            // The server already has the low TTL, with the old address.
            const std::optional<DnsAnswer> answer = read(bindPort());
            sawLowTtl = answer && answer->ttl == 1;
            addressChangedEarly = !answer || answer->addresses != QList<QHostAddress>{m_main};
        });
        QList<qint64> countdown;
        connect(j.get(), &DnsSwitchJob::countdown, this,
                [&](qint64 seconds) { countdown.append(seconds); });
        QElapsedTimer elapsed;
        elapsed.start();
        const Result<DnsSwitchReport> r =
            run(*j, request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Planned));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QVERIFY(r->ttlLowered);
        QCOMPARE(r->oldTtl, 3);
        QVERIFY(sawLowTtl);
        QVERIFY(!addressChangedEarly);
        QVERIFY2(elapsed.elapsed() >= 3000, "the old TTL (3 s) was not waited out");
        QCOMPARE(countdown.first(), 3);
        QCOMPARE(countdown.last(), 0);
        const std::optional<DnsAnswer> now = read(bindPort());
        QCOMPARE(now->addresses, QList<QHostAddress>{m_backup});
        QCOMPARE(now->ttl, 3);
    }

    void alreadySwitchedSendsNothing()
    {
        QVERIFY(put(bindPort(), m_backup, 3));
        auto j = job();
        const Result<DnsSwitchReport> r =
            run(*j, request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Planned));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QVERIFY(r->alreadySwitched);
        QVERIFY(!r->ttlLowered);
        QCOMPARE(read(bindPort())->ttl, 3); // not even the TTL changed
    }

    void cancelDuringTheCountdown()
    {
        QVERIFY(put(bindPort(), m_main, 30));
        auto j = job();
        std::optional<Result<DnsSwitchReport>> outcome;
        connect(j.get(), &DnsSwitchJob::finished, this,
                [&](const Result<DnsSwitchReport>& result) { outcome.emplace(result); });
        j->start(request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Planned));
        QVERIFY(QTest::qWaitFor(
            [&] { return j->phase() == DnsSwitchJob::Phase::WaitingOldTtl || outcome; }, 10000));
        QVERIFY(!outcome);
        j->cancel();
        QVERIFY(outcome && !outcome->ok());
        QVERIFY(outcome->error().is(DnsSwitchError::Cancelled));
        QVERIFY2(outcome->error().message().contains(
                     u"TTL lowered to 1 s; the address was not changed"_s),
                 qPrintable(outcome->error().message()));
        const std::optional<DnsAnswer> now = read(bindPort());
        QCOMPARE(now->addresses, QList<QHostAddress>{m_main});
        QCOMPARE(now->ttl, 1);
    }

    void concurrentChangeIsRefused()
    {
        auto j = job();
        const QHostAddress other(u"10.231.0.99"_s);
        connect(j.get(), &DnsSwitchJob::phaseChanged, this, [&](DnsSwitchJob::Phase phase) {
            if (phase == DnsSwitchJob::Phase::WaitingOldTtl)
                put(bindPort(), other, 3); // someone else, during the countdown
        });
        const Result<DnsSwitchReport> r =
            run(*j, request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Planned));
        QVERIFY(!r);
        QVERIFY2(r.error().is(DnsSwitchError::ChangedBehind), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(u"10.231.0.99"_s), qPrintable(r.error().message()));
        QCOMPARE(read(bindPort())->addresses, QList<QHostAddress>{other});
    }

    void serverDownTimesOut()
    {
        // A port that takes the question and never answers.
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        auto j = job(silent.localPort(), 1000);
        QElapsedTimer elapsed;
        elapsed.start();
        const Result<DnsSwitchReport> r =
            run(*j, request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Emergency));
        QVERIFY(!r);
        QVERIFY(r.error().is(DnsSwitchError::ReadFailed));
        QVERIFY2(r.error().message().contains(u"no answer"_s), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(u"nothing was changed"_s),
                 qPrintable(r.error().message()));
        QVERIFY(elapsed.elapsed() < 5000);
    }

    void verificationTimesOutOnASilentServer()
    {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        auto j = job();
        DnsSwitchRequest r0 =
            request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Emergency);
        r0.verifyServers.append({u"127.0.0.1"_s, silent.localPort()});
        r0.propagationTimeoutMs = 2000;
        r0.queryTimeoutMs = 500;
        const Result<DnsSwitchReport> r = run(*j, r0);
        QVERIFY(!r);
        QVERIFY(r.error().is(DnsSwitchError::PropagationTimeout));
        QVERIFY2(r.error().message().contains(u"1 of 2 servers"_s),
                 qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(u"was changed to backup"_s),
                 qPrintable(r.error().message()));
    }

    void propagationIsVerifiedAcrossTheLabsServers()
    {
        if (m_servers.size() < 2)
            QSKIP("the lab runs one DNS server only");
        // The lab's servers are each a primary: the test plays the zone
        // transfer, bringing the others along one second after BIND.
        auto j = job();
        QElapsedTimer sinceChange;
        connect(j.get(), &DnsSwitchJob::phaseChanged, this, [&](DnsSwitchJob::Phase phase) {
            if (phase != DnsSwitchJob::Phase::Verifying)
                return;
            sinceChange.start();
            QTimer::singleShot(1000, this, [&] {
                for (const Server& server : m_servers.mid(1))
                    put(server.port, m_backup, 3);
            });
        });
        QList<DnsServerAnswer> answers;
        connect(j.get(), &DnsSwitchJob::serverAnswered, this,
                [&](const DnsServerAnswer& answer) { answers.append(answer); });
        const Result<DnsSwitchReport> r =
            run(*j, request(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Emergency,
                            int(m_servers.size())));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(r->servers.size(), m_servers.size());
        QVERIFY(r->servers.first().convergedAfterMs < 1000);
        for (const DnsServerAnswer& server : r->servers.mid(1))
            QVERIFY2(server.convergedAfterMs >= 900, qPrintable(server.server.toString()));
        QVERIFY(r->convergenceMs >= 900);
        // Before they converged, the others were seen answering the old address.
        const bool sawOld = std::any_of(answers.cbegin(), answers.cend(), [&](const auto& a) {
            return a.addresses == QList<QHostAddress>{m_main};
        });
        QVERIFY(sawOld);
        qInfo("verified convergence on %lld servers: %lld ms", qint64(r->servers.size()),
              r->convergenceMs);
    }
};

QTEST_GUILESS_MAIN(TestDnsSwitch)
#include "tst_dnsswitch.moc"
