#include "common/SystemClock.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"
#include "site/SiteDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <csignal>
#include <unistd.h>

using namespace relais;

// The health of the lab site, watched by SiteHealth while the lab's real
// servers are stopped and started under it.
class TestHealth : public QObject
{
    Q_OBJECT

private:
    static constexpr int IntervalSeconds = 1;
    static constexpr int TimeoutSeconds = 1;
    static constexpr int FailThreshold = 3;

    QJsonObject m_status;
    std::optional<Site> m_site;

    static QByteArray run(const QString& program, const QStringList& arguments, int* exitCode,
                          const QByteArray& input = {})
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        process.waitForStarted();
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(600000);
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return process.readAll();
    }

    static void labctl(const QStringList& arguments)
    {
        int code = -1;
        const QByteArray out = run(QStringLiteral(RELAIS_LABCTL), arguments, &code);
        QVERIFY2(code == 0, out.right(3000).constData());
    }

    /// The lab site with fast probes: every second, one second timeout.
    Site fastSite() const
    {
        Site site = *m_site;
        for (Service& service : site.services) {
            for (ProbeSpec& probe : service.probes) {
                probe.intervalSeconds = IntervalSeconds;
                probe.timeoutSeconds = TimeoutSeconds;
                probe.failThreshold = FailThreshold;
                probe.recoverThreshold = 2;
            }
        }
        return site;
    }

    static ProbeMonitor* monitorOfKind(SiteHealth& health, ProbeSpec::Kind kind,
                                       std::optional<HostRole> target)
    {
        for (ProbeMonitor* monitor : health.monitors()) {
            if (health.specOf(monitor)->kind == kind && monitor->target() == target)
                return monitor;
        }
        return nullptr;
    }

    static void setWwwRecord(const QString& address)
    {
        QFile secret(QStringLiteral("/var/tmp/relais-lab/secrets/lab-tsig"));
        QVERIFY(secret.open(QIODevice::ReadOnly));
        // name:algorithm:secret, as nsupdate -y wants algorithm:name:secret
        const QList<QByteArray> parts = secret.readAll().trimmed().split(':');
        QCOMPARE(parts.size(), 3);
        const QByteArray key = parts[1] + ':' + parts[0] + ':' + parts[2];
        const QByteArray script = "server 127.0.0.1 53531\nzone example.test\n"
                                  "update delete www.example.test. A\n"
                                  "update add www.example.test. 60 A " +
                                  address.toUtf8() + "\nsend\n";
        int code = -1;
        // Over TCP: answered when applied, however long the server takes.
        const QByteArray out =
            run(QStringLiteral("nsupdate"),
                {QStringLiteral("-v"), QStringLiteral("-t"), QStringLiteral("60"),
                 QStringLiteral("-y"), QString::fromUtf8(key)},
                &code, script);
        QVERIFY2(code == 0, out.constData());
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        labctl({QStringLiteral("up")});
        int code = -1;
        const QByteArray status = run(QStringLiteral(RELAIS_LABCTL),
                                      {QStringLiteral("status"), QStringLiteral("--json")}, &code);
        m_status = QJsonDocument::fromJson(status.mid(status.indexOf('{'))).object();
        Result<Site> site = SiteDocument::load(m_status.value(QStringLiteral("site")).toString());
        QVERIFY2(site.ok(), qPrintable(site.ok() ? QString() : site.error().toString()));
        m_site = std::move(site).value();
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            labctl({QStringLiteral("down")});
    }

    void everythingUpAtFirst()
    {
        QNetworkAccessManager network;
        SiteHealth health(fastSite(), network, SystemClock::instance());
        health.start();
        QTRY_VERIFY_WITH_TIMEOUT(health.allChecked(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(health.hostState(HostRole::Main), HealthState::Up, 10000);
        QCOMPARE(health.hostState(HostRole::Backup), HealthState::Up);
        QCOMPARE(health.activeSide(QStringLiteral("www")), std::optional(HostRole::Main));
        for (const ProbeMonitor* monitor : health.monitors())
            QVERIFY2(monitor->lastResult()->ok, qPrintable(monitor->lastResult()->message));
    }

    void webStoppedThenStarted()
    {
        QNetworkAccessManager network;
        SiteHealth health(fastSite(), network, SystemClock::instance());
        health.start();
        QTRY_COMPARE_WITH_TIMEOUT(health.hostState(HostRole::Main), HealthState::Up, 10000);
        ProbeMonitor* web = monitorOfKind(health, ProbeSpec::Kind::Http, HostRole::Main);
        QVERIFY(web);

        labctl({QStringLiteral("lxc"), QStringLiteral("main"), QStringLiteral("stop"),
                QStringLiteral("web"), QStringLiteral("--force")});
        QElapsedTimer sinceStop;
        sinceStop.start();
        // The page's probe is declared down within interval × threshold +
        // timeout (plus a second of slack for a loaded machine); the host
        // still answers SSH, so it is degraded rather than down.
        const qint64 bound = (IntervalSeconds * FailThreshold + TimeoutSeconds) * 1000;
        QTRY_COMPARE_WITH_TIMEOUT(web->state(), HealthState::Down, int(bound + 5000));
        const qint64 took = sinceStop.elapsed();
        qInfo("web declared down %lld ms after the stop (bound %lld ms)", took, bound);
        QVERIFY2(took <= bound + 1000, qPrintable(QStringLiteral("took %1 ms").arg(took)));
        QTRY_COMPARE_WITH_TIMEOUT(health.hostState(HostRole::Main), HealthState::Degraded, 5000);
        QVERIFY(!web->lastResult()->message.isEmpty());

        labctl({QStringLiteral("lxc"), QStringLiteral("main"), QStringLiteral("start"),
                QStringLiteral("web")});
        QTRY_COMPARE_WITH_TIMEOUT(web->state(), HealthState::Up, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(health.hostState(HostRole::Main), HealthState::Up, 10000);
    }

    void dnsMovedToBackupIsSeen()
    {
        QNetworkAccessManager network;
        SiteHealth health(fastSite(), network, SystemClock::instance());
        QSignalSpy side(&health, &SiteHealth::activeSideChanged);
        health.start();
        QTRY_COMPARE_WITH_TIMEOUT(health.activeSide(QStringLiteral("www")),
                                  std::optional(HostRole::Main), 10000);
        setWwwRecord(QStringLiteral("10.231.0.20"));
        QTRY_COMPARE_WITH_TIMEOUT(health.activeSide(QStringLiteral("www")),
                                  std::optional(HostRole::Backup), 10000);
        QVERIFY(side.count() >= 2);
        setWwwRecord(QStringLiteral("10.231.0.10"));
        QTRY_COMPARE_WITH_TIMEOUT(health.activeSide(QStringLiteral("www")),
                                  std::optional(HostRole::Main), 10000);
    }

    void commandLineReportsHealth()
    {
        const QString site = m_status.value(QStringLiteral("site")).toString();
        const QStringList args{QStringLiteral("health"), QStringLiteral("--site"), site,
                               QStringLiteral("--json")};
        int code = -1;
        QProcess cli;
        const auto report = [&] {
            cli.start(QStringLiteral(RELAIS_RELAISCTL), args);
            cli.waitForFinished(30000);
            code = cli.exitCode();
            return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        };
        QJsonObject json = report();
        QCOMPARE(code, 0);
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        QCOMPARE(json[QStringLiteral("services")][0][QStringLiteral("active_side")].toString(),
                 QStringLiteral("main"));
        QCOMPARE(json.value(QStringLiteral("probes")).toArray().size(), 5);

        labctl({QStringLiteral("lxc"), QStringLiteral("main"), QStringLiteral("stop"),
                QStringLiteral("web"), QStringLiteral("--force")});
        json = report();
        QCOMPARE(code, 1);
        QCOMPARE(json[QStringLiteral("hosts")][QStringLiteral("main")][QStringLiteral("state")]
                     .toString(),
                 QStringLiteral("degraded"));
        const QJsonObject web = json.value(QStringLiteral("probes")).toArray().at(0).toObject();
        QCOMPARE(web.value(QStringLiteral("kind")).toString(), QStringLiteral("http"));
        QCOMPARE(web.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(web.value(QStringLiteral("error")).toString(),
                 QStringLiteral("connection-refused"));
        labctl({QStringLiteral("lxc"), QStringLiteral("main"), QStringLiteral("start"),
                QStringLiteral("web")});
        QTRY_COMPARE_WITH_TIMEOUT((report(), code), 0, 15000);
    }

    // Last: main's sshd does not come back before the lab goes down.
    void sshdStoppedIsSeen()
    {
        QNetworkAccessManager network;
        SiteHealth health(fastSite(), network, SystemClock::instance());
        health.start();
        ProbeMonitor* ssh = monitorOfKind(health, ProbeSpec::Kind::Ssh, HostRole::Main);
        QVERIFY(ssh);
        QTRY_COMPARE_WITH_TIMEOUT(ssh->state(), HealthState::Up, 10000);

        // Stopped by its recorded PID, checked to be that sshd.
        QFile record(QStringLiteral("/var/tmp/relais-lab/run/pids/sshd-main"));
        QVERIFY(record.open(QIODevice::ReadOnly));
        const pid_t pid = record.readAll().split(' ').value(0).toInt();
        QVERIFY(pid > 1);
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        QVERIFY(cmdline.readAll().contains("sshd"));
        QCOMPARE(::kill(pid, SIGTERM), 0);

        QTRY_COMPARE_WITH_TIMEOUT(ssh->state(), HealthState::Down, 10000);
        QVERIFY(ssh->lastResult()->error.has_value());
        // The backup's sshd is untouched.
        ProbeMonitor* backupSsh = monitorOfKind(health, ProbeSpec::Kind::Ssh, HostRole::Backup);
        QCOMPARE(backupSsh->state(), HealthState::Up);
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
