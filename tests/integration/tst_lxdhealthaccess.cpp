#include "../support/ProcessRun.h"
#include "common/SystemClock.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"
#include "plan/LxdHealthAccess.h"
#include "plan/SiteConnections.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "vault/Vault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;

// The console's health model and the vault (LxdHealthAccess, as MainWindow
// uses it) against the lab: the LXD probe of the lab's web container says
// the vault is locked while there are no connections, and reads the
// instance's state once they are given, without the health being rebuilt.
class TestLxdHealthAccess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    std::optional<Vault> m_vault;
    std::optional<Site> m_site;
    RejectAllVerifier m_verifier;

    static ProbeResult check(ProbeMonitor* monitor)
    {
        std::optional<ProbeResult> verdict;
        const QMetaObject::Connection connection =
            connect(monitor, &ProbeMonitor::checked,
                    [&verdict](const ProbeResult& result) { verdict = result; });
        monitor->checkNow();
        (void)QTest::qWaitFor([&verdict] { return verdict.has_value(); }, 60000);
        disconnect(connection);
        return verdict ? *verdict : ProbeResult::failure(HealthError::Timeout, -1, u"no verdict"_s);
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        qputenv("RELAIS_DATA_DIR", m_tmp.path().toUtf8());
        const test::ProcessRun up = test::labctl({u"up"_s});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status = test::labctl({u"status"_s, u"--json"_s}, 60000);
        m_status = QJsonDocument::fromJson(status.out).object();
        QVERIFY(QFile::copy(m_status.value(u"state_dir"_s).toString() + u"/ssh/known_hosts"_s,
                            m_tmp.filePath(u"known_hosts"_s)));
        QFile passphrase(m_status.value(u"vault_passphrase_file"_s).toString());
        QVERIFY(passphrase.open(QIODevice::ReadOnly));
        const QByteArray line = passphrase.readLine().trimmed();
        Result<Vault> vault =
            Vault::open(m_status.value(u"vault"_s).toString(), SecretBytes(QByteArrayView(line)));
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().toString()));
        m_vault = std::move(vault).value();

        // The lab's site with one probe: web running on main.
        QFile file(m_status.value(u"site"_s).toString());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray services = document.value(u"services"_s).toArray();
        QJsonObject service = services.first().toObject();
        service.insert(u"probes"_s, QJsonArray{QJsonObject{{u"kind"_s, u"lxd"_s},
                                                           {u"host"_s, u"main"_s},
                                                           {u"instance"_s, u"web"_s}}});
        services[0] = service;
        document.insert(u"services"_s, services);
        Result<Site> site = SiteDocument::parse(QJsonDocument(document).toJson());
        QVERIFY2(site.ok(), site.ok() ? "" : qPrintable(site.error().toString()));
        m_site = *site;
        QVERIFY(LxdHealthAccess::needed(*m_site));
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            test::labctl({u"down"_s});
    }

    void probeReadsTheInstanceOnceConnectionsAreGiven()
    {
        LxdHealthAccess access;
        QNetworkAccessManager network;
        SiteHealth health(*m_site, network, SystemClock::instance(), nullptr,
                          SiteHealth::Mode::SingleShot, nullptr, &access.context());
        QCOMPARE(health.monitors().size(), std::size_t(1));
        ProbeMonitor* monitor = health.monitors().front();

        const ProbeResult locked = check(monitor);
        QVERIFY(!locked.ok);
        QVERIFY2(locked.message.contains(u"vault is locked"_s), qPrintable(locked.message));

        // What MainWindow does once the vault is unlocked.
        access.setConnections(std::make_unique<SiteConnections>(*m_site, *m_vault, &m_verifier));
        const ProbeResult running = check(monitor);
        QVERIFY2(running.ok, qPrintable(running.message));
        QVERIFY2(running.message.contains(u"web running on main"_s), qPrintable(running.message));

        // Connections gone (another site opened): locked again, no crash.
        access.clear();
        const ProbeResult again = check(monitor);
        QVERIFY(!again.ok);
        QVERIFY2(again.message.contains(u"vault is locked"_s), qPrintable(again.message));
    }

    // Connections made from a vault without the host's key say so through
    // the probe, and are known not to reach the host (the console makes
    // them again at the next unlock); made from the lab's vault, they do.
    void connectionsWithoutTheKeySayWhy()
    {
        Result<Vault> empty =
            Vault::create(m_tmp.filePath(u"empty-vault"_s), SecretBytes(QByteArrayView("empty")),
                          KdfParams{10, 8, 1}, SystemClock::instance());
        QVERIFY(empty.ok());
        LxdHealthAccess access;
        QVERIFY(!access.reachesEveryProbedHost()); // no connections
        QNetworkAccessManager network;
        SiteHealth health(*m_site, network, SystemClock::instance(), nullptr,
                          SiteHealth::Mode::SingleShot, nullptr, &access.context());
        ProbeMonitor* monitor = health.monitors().front();
        access.setConnections(std::make_unique<SiteConnections>(*m_site, *empty, &m_verifier));
        QVERIFY(!access.reachesEveryProbedHost());
        const ProbeResult missing = check(monitor);
        QVERIFY(!missing.ok);
        QVERIFY2(missing.message.contains(u"cannot reach the LXD of main"_s),
                 qPrintable(missing.message));
        QVERIFY2(!missing.message.contains(u"locked"_s), qPrintable(missing.message));

        access.setConnections(std::make_unique<SiteConnections>(*m_site, *m_vault, &m_verifier));
        QVERIFY(access.reachesEveryProbedHost());
        const ProbeResult running = check(monitor);
        QVERIFY2(running.ok, qPrintable(running.message));
    }

    void copyAgeWithoutHistoryIsUnknown()
    {
        LxdHealthAccess access;
        const Result<std::optional<QDateTime>> last = access.context().lastCopy(u"web"_s);
        QVERIFY(!last.ok());
        QCOMPARE(access.context().client(HostRole::Main).value(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestLxdHealthAccess)
#include "tst_lxdhealthaccess.moc"
