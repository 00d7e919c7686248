#include "common/ManualClock.h"
#include "health/LxdProbe.h"
#include "health/LxdProbeContext.h"
#include "health/ProbeFactory.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdSocketTransport.h"
#include "site/SiteDocument.h"
#include "ssh/SshError.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

QByteArray siteWithProbe(const QByteArray& probe)
{
    return R"({"schema": 1, "name": "s",
  "hosts": {"main": {"name": "main", "address": "192.0.2.10", "ssh": {"key": "k"}},
            "backup": {"name": "backup", "address": "192.0.2.20", "ssh": {"key": "k"}}},
  "services": [{"name": "www", "containers": ["web"], "probes": [)" +
           probe + "]}]}";
}

const QDateTime kNow(QDate(2026, 11, 22), QTime(6, 0), Qt::UTC);

/// The local end of an SSH tunnel whose session failed with @p failure:
/// each connection reads the request, then closes without an answer, the
/// transport knowing why (as LxdSshTransport does).
class FailingTunnel : public LxdSocketTransport
{
public:
    FailingTunnel(const QString& path, Error failure)
        : m_failure(std::move(failure))
    {
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                    socket->readAll();
                    setLastFailure(m_failure);
                    socket->disconnectFromServer();
                });
            }
        });
    }

    Result<QString> socketPath() override { return m_server.fullServerName(); }
    QString describe() const override { return QStringLiteral("ssh root@10.231.0.2:22"); }

private:
    Error m_failure;
    QLocalServer m_server;
};

} // namespace

class TestLxdProbe : public QObject
{
    Q_OBJECT

private slots:
    void judge_data()
    {
        QTest::addColumn<int>("host");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("maxAge");
        QTest::addColumn<int>("copyAgeMinutes"); // -1: never replicated, -2: history error
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        const int main = int(HostRole::Main);
        const int backup = int(HostRole::Backup);
        QTest::newRow("running on main")
            << main << "Running" << 0 << 0 << true << "web running on main";
        QTest::newRow("stopped on main")
            << main << "Stopped" << 0 << 0 << false << "web stopped on main";
        QTest::newRow("missing on main") << main << "" << 0 << 0 << false << "web missing on main";
        QTest::newRow("stopped copy")
            << backup << "Stopped" << 0 << 0 << true << "web stopped on backup";
        QTest::newRow("running copy (failover)")
            << backup << "Running" << 0 << 0 << true << "web running on backup";
        QTest::newRow("missing copy") << backup << "" << 0 << 0 << false << "web missing on backup";
        QTest::newRow("fresh copy") << backup << "Stopped" << 30 << 12 << true
                                    << "web stopped on backup; backup copy 12 min old (limit 30)";
        QTest::newRow("copy at the limit")
            << backup << "Stopped" << 30 << 30 << true << "backup copy 30 min old (limit 30)";
        QTest::newRow("stale copy")
            << backup << "Stopped" << 30 << 31 << false << "backup copy 31 min old (limit 30)";
        QTest::newRow("never replicated")
            << backup << "Stopped" << 30 << -1 << false << "never replicated to the backup";
        QTest::newRow("history unreadable")
            << backup << "Stopped" << 30 << -2 << false << "copy age unknown: disk full";
        QTest::newRow("fresh but missing")
            << backup << "" << 30 << 1 << false << "web missing on backup; backup copy 1 min old";
        QTest::newRow("age on main") << main << "Running" << 10 << 20 << false
                                     << "web running on main; backup copy 20 min old (limit 10)";
    }

    void judge()
    {
        QFETCH(int, host);
        QFETCH(QString, status);
        QFETCH(int, maxAge);
        QFETCH(int, copyAgeMinutes);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        Result<std::optional<QDateTime>> lastCopy = std::optional<QDateTime>();
        if (copyAgeMinutes == -2)
            lastCopy = Error(HealthError::Failed, QStringLiteral("disk full"));
        else if (copyAgeMinutes >= 0)
            lastCopy = std::optional<QDateTime>(kNow.addSecs(-60 * copyAgeMinutes - 5));
        const ProbeResult r = LxdProbe::judge(static_cast<HostRole>(host), QStringLiteral("web"),
                                              status, maxAge, lastCopy, kNow, 7);
        QCOMPARE(r.ok, ok);
        QVERIFY2(r.message.contains(message), qPrintable(r.message));
        QCOMPARE(r.latencyMs, qint64(7));
        QCOMPARE(r.error.has_value(), !ok);
    }

    void withoutAClientEachCheckFailsSayingWhy()
    {
        ManualClock clock(kNow);
        LxdProbe probe(nullptr, HostRole::Backup, QStringLiteral("web"), 30, {}, clock, 1000);
        QCOMPARE(probe.describe(), QStringLiteral("LXD web on backup"));
        QSignalSpy finished(&probe, &Probe::finished);
        probe.start();
        QCOMPARE(finished.size(), 0); // never from start()
        QTRY_COMPARE(finished.size(), 1);
        const auto r = finished.first().first().value<ProbeResult>();
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("vault is locked")), qPrintable(r.message));
    }

    // Connections that cannot make the client say why, not "locked".
    void aClientThatCannotBeMadeSaysWhy()
    {
        ManualClock clock(kNow);
        LxdProbe probe(
            []() -> Result<LxdClient*> {
                return Error(LxdError::InvalidClientCertificate,
                             QStringLiteral("the LXD client certificate lxd-cert is not in the "
                                            "vault"));
            },
            HostRole::Main, QStringLiteral("web"), 0, {}, clock, 1000);
        QSignalSpy finished(&probe, &Probe::finished);
        probe.start();
        QTRY_COMPARE(finished.size(), 1);
        const auto r = finished.first().first().value<ProbeResult>();
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("cannot reach the LXD of main")),
                 qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("lxd-cert is not in the vault")),
                 qPrintable(r.message));
        QVERIFY2(!r.message.contains(QStringLiteral("locked")), qPrintable(r.message));
    }

    void lxdErrorsSayWhyTheCheckFailed_data()
    {
        QTest::addColumn<int>("lxd");
        QTest::addColumn<int>("health");
        QTest::newRow("timeout") << int(LxdError::Timeout) << int(HealthError::Timeout);
        QTest::newRow("unreachable") << int(LxdError::Unreachable) << int(HealthError::Unreachable);
        QTest::newRow("host key refused")
            << int(LxdError::HostKeyNotTrusted) << int(HealthError::NotTrusted);
        QTest::newRow("certificate refused")
            << int(LxdError::CertificateUnknown) << int(HealthError::NotTrusted);
        QTest::newRow("certificate changed")
            << int(LxdError::CertificateMismatch) << int(HealthError::Failed);
        QTest::newRow("server error") << int(LxdError::ServerError) << int(HealthError::Failed);
    }

    void lxdErrorsSayWhyTheCheckFailed()
    {
        QFETCH(int, lxd);
        QFETCH(int, health);
        QCOMPARE(LxdProbe::errorOf(Error(static_cast<LxdError>(lxd))),
                 static_cast<HealthError>(health));
    }

    // Through an SSH tunnel, a host key refused (or that nobody could be
    // asked about) is said as such, not as a host that cannot be reached.
    void aRefusedHostKeyIsNotAnUnreachableHost_data()
    {
        QTest::addColumn<int>("ssh");
        QTest::addColumn<int>("lxd");
        QTest::addColumn<int>("health");
        QTest::newRow("refused") << int(SshError::HostKeyRejected)
                                 << int(LxdError::HostKeyNotTrusted)
                                 << int(HealthError::NotTrusted);
        QTest::newRow("nobody asked")
            << int(SshError::HostKeyUnknown) << int(LxdError::HostKeyNotTrusted)
            << int(HealthError::NotTrusted);
        QTest::newRow("connection failed")
            << int(SshError::ConnectFailed) << int(LxdError::Unreachable)
            << int(HealthError::Unreachable);
    }

    void aRefusedHostKeyIsNotAnUnreachableHost()
    {
        QFETCH(int, ssh);
        QFETCH(int, lxd);
        QFETCH(int, health);
        QTemporaryDir dir;
        const QString why = QStringLiteral("the host key of 10.231.0.2 was not trusted");
        LxdClient client(new FailingTunnel(dir.filePath(QStringLiteral("tunnel")),
                                           Error(static_cast<SshError>(ssh), why)));

        LxdOperation* op = client.instance(QStringLiteral("web"));
        QSignalSpy done(op, &LxdOperation::finished);
        op->start();
        QVERIFY(done.wait(10000));
        QVERIFY(!op->result());
        QVERIFY2(op->result().error().is(static_cast<LxdError>(lxd)),
                 qPrintable(op->result().error().toString()));
        QVERIFY2(op->result().error().message().contains(why),
                 qPrintable(op->result().error().toString()));
        delete op;

        ManualClock clock(kNow);
        LxdProbe probe(&client, HostRole::Main, QStringLiteral("web"), 0, {}, clock, 10000);
        QSignalSpy finished(&probe, &Probe::finished);
        probe.start();
        QVERIFY(finished.wait(10000));
        const auto r = finished.first().first().value<ProbeResult>();
        QVERIFY(!r.ok);
        QVERIFY(r.error.has_value());
        QCOMPARE(int(*r.error), health);
        QVERIFY2(r.message.contains(why), qPrintable(r.message));
    }

    void siteDocumentReadsAndWritesLxdProbes()
    {
        const auto site = SiteDocument::parse(siteWithProbe(
            R"({"kind": "lxd", "host": "backup", "instance": "web", "max_copy_age_minutes": 30})"));
        QVERIFY2(site.ok(), site ? "" : qPrintable(site.error().toString()));
        const ProbeSpec& spec = site->services.first().probes.first();
        QCOMPARE(spec.kind, ProbeSpec::Kind::Lxd);
        QCOMPARE(spec.host, HostRole::Backup);
        QCOMPARE(spec.instance, QStringLiteral("web"));
        QCOMPARE(spec.maxCopyAgeMinutes, 30);
        const auto again = SiteDocument::parse(SiteDocument::toJson(*site));
        QVERIFY(again.ok());
        QCOMPARE(again->services.first().probes.first(), spec);
        QVERIFY(SiteDocument::toJson(*site).contains("\"max_copy_age_minutes\": 30"));

        const auto plain = SiteDocument::parse(
            siteWithProbe(R"({"kind": "lxd", "host": "main", "instance": "web"})"));
        QVERIFY(plain.ok());
        QCOMPARE(plain->services.first().probes.first().maxCopyAgeMinutes, 0);
        QVERIFY(!SiteDocument::toJson(*plain).contains("max_copy_age_minutes"));
    }

    void siteDocumentRefusesBadLxdProbes_data()
    {
        QTest::addColumn<QByteArray>("probe");
        QTest::addColumn<QString>("path");
        QTest::newRow("no instance")
            << QByteArray(R"({"kind": "lxd", "host": "main"})") << QStringLiteral("instance");
        QTest::newRow("no host") << QByteArray(R"({"kind": "lxd", "instance": "web"})")
                                 << QStringLiteral("host");
        QTest::newRow("bad name") << QByteArray(
                                         R"({"kind": "lxd", "host": "main", "instance": "web_1"})")
                                  << QStringLiteral("instance");
        QTest::newRow("zero age")
            << QByteArray(
                   R"({"kind": "lxd", "host": "backup", "instance": "web", "max_copy_age_minutes": 0})")
            << QStringLiteral("max_copy_age_minutes");
        QTest::newRow("age on a tcp probe")
            << QByteArray(
                   R"({"kind": "tcp", "host": "main", "port": 80, "max_copy_age_minutes": 5})")
            << QStringLiteral("max_copy_age_minutes");
        QTest::newRow("instance on an ssh probe")
            << QByteArray(R"({"kind": "ssh", "host": "main", "instance": "web"})")
            << QStringLiteral("instance");
    }

    void siteDocumentRefusesBadLxdProbes()
    {
        QFETCH(QByteArray, probe);
        QFETCH(QString, path);
        const auto site = SiteDocument::parse(siteWithProbe(probe));
        QVERIFY(!site.ok());
        QVERIFY2(site.error().toString().contains(QStringLiteral("probes[0].") + path),
                 qPrintable(site.error().toString()));
    }

    void factoryMakesAnLxdProbe()
    {
        const auto site = SiteDocument::parse(
            siteWithProbe(R"({"kind": "lxd", "host": "backup", "instance": "web"})"));
        QVERIFY(site.ok());
        QNetworkAccessManager network;
        const auto probe =
            ProbeFactory::create(site->services.first().probes.first(), *site, network);
        QVERIFY(probe);
        QCOMPARE(probe->describe(), QStringLiteral("LXD web on backup"));
        QVERIFY(qobject_cast<LxdProbe*>(probe.get()));
    }
};

QTEST_GUILESS_MAIN(TestLxdProbe)
#include "tst_lxdprobe.moc"
