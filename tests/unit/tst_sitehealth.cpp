#include "common/Database.h"
#include "common/SystemClock.h"
#include "health/HealthHistory.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <set>

using namespace relais;

// SiteHealth over real TCP probes on loopback: main at 127.0.0.1 with two
// ports, backup at 127.0.0.2 with one.
class TestSiteHealth : public QObject
{
    Q_OBJECT

private:
    QTcpServer m_web;
    QTcpServer m_mail;
    QTcpServer m_backup;
    quint16 m_webPort = 0;
    quint16 m_mailPort = 0;
    quint16 m_backupPort = 0;

    static ProbeSpec tcp(HostRole host, quint16 port)
    {
        ProbeSpec spec;
        spec.kind = ProbeSpec::Kind::Tcp;
        spec.host = host;
        spec.port = port;
        spec.intervalSeconds = 1;
        spec.timeoutSeconds = 1;
        spec.failThreshold = 1;
        spec.recoverThreshold = 1;
        return spec;
    }

    Site site() const
    {
        Site site;
        site.name = QStringLiteral("Loopback");
        site.main.name = QStringLiteral("main");
        site.main.address = QStringLiteral("127.0.0.1");
        site.backup.name = QStringLiteral("backup");
        site.backup.address = QStringLiteral("127.0.0.2");
        Service web;
        web.name = QStringLiteral("web");
        web.probes << tcp(HostRole::Main, m_webPort) << tcp(HostRole::Backup, m_backupPort);
        Service mail;
        mail.name = QStringLiteral("mail");
        mail.probes << tcp(HostRole::Main, m_mailPort);
        site.services << web << mail;
        return site;
    }

    static void reopen(QTcpServer& server, const QString& address, quint16 port)
    {
        QVERIFY(server.listen(QHostAddress(address), port));
    }

private slots:
    void init()
    {
        QVERIFY(m_web.listen(QHostAddress::LocalHost));
        QVERIFY(m_mail.listen(QHostAddress::LocalHost));
        QVERIFY(m_backup.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        m_webPort = m_web.serverPort();
        m_mailPort = m_mail.serverPort();
        m_backupPort = m_backup.serverPort();
    }

    void cleanup()
    {
        m_web.close();
        m_mail.close();
        m_backup.close();
    }

    void monitorsKnowTheirProbe()
    {
        QNetworkAccessManager network;
        SiteHealth health(site(), network, SystemClock::instance());
        QCOMPARE(health.monitors().size(), std::size_t(3));
        QCOMPARE(health.monitorsOf(QStringLiteral("web")).size(), std::size_t(2));
        ProbeMonitor* mail = health.monitorsOf(QStringLiteral("mail")).front();
        QCOMPARE(health.serviceOf(mail), QStringLiteral("mail"));
        QCOMPARE(health.specOf(mail)->port, m_mailPort);
        QCOMPARE(mail->target(), std::optional(HostRole::Main));
        QCOMPARE(health.specOf(nullptr), nullptr);
    }

    void hostStatesFollowTheirProbes()
    {
        QNetworkAccessManager network;
        SiteHealth health(site(), network, SystemClock::instance());
        QSignalSpy hostChanges(&health, &SiteHealth::hostStateChanged);
        QCOMPARE(health.hostState(HostRole::Main), HealthState::Unknown);

        health.checkAll();
        QTRY_VERIFY(health.allChecked());
        QCOMPARE(health.hostState(HostRole::Main), HealthState::Up);
        QCOMPARE(health.hostState(HostRole::Backup), HealthState::Up);
        QCOMPARE(health.siteState(), HealthState::Up);

        // One of main's two services stops: main is degraded.
        m_web.close();
        health.checkAll();
        QTRY_COMPARE(health.hostState(HostRole::Main), HealthState::Degraded);
        QCOMPARE(health.siteState(), HealthState::Degraded);
        const QList<QVariant> change = hostChanges.last();
        QCOMPARE(change.at(0).value<HostRole>(), HostRole::Main);
        QCOMPARE(change.at(2).value<HealthState>(), HealthState::Degraded);
        QVERIFY(change.at(3).toString().contains(QString::number(m_webPort)));

        // Both: main is down, and so is the site; backup is untouched.
        m_mail.close();
        health.checkAll();
        QTRY_COMPARE(health.hostState(HostRole::Main), HealthState::Down);
        QCOMPARE(health.siteState(), HealthState::Down);
        QCOMPARE(health.hostState(HostRole::Backup), HealthState::Up);

        reopen(m_web, QStringLiteral("127.0.0.1"), m_webPort);
        reopen(m_mail, QStringLiteral("127.0.0.1"), m_mailPort);
        health.checkAll();
        QTRY_COMPARE(health.hostState(HostRole::Main), HealthState::Up);
    }

    void changesAreKeptInTheHistory()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db.ok());
        HealthHistory history(**db, QStringLiteral("loopback"));
        QNetworkAccessManager network;
        SiteHealth health(site(), network, SystemClock::instance(), &history);
        health.checkAll();
        QTRY_VERIFY(health.allChecked());
        m_backup.close();
        health.checkAll();
        QTRY_COMPARE(health.hostState(HostRole::Backup), HealthState::Down);

        const auto events = history.recent();
        QVERIFY(events.ok());
        const auto isBackupDown = [](const HealthEvent& e) {
            return e.scope == HealthEvent::Scope::Host && e.target == QStringLiteral("backup") &&
                   e.from == HealthState::Up && e.to == HealthState::Down;
        };
        QVERIFY(std::any_of(events->begin(), events->end(), isBackupDown));
        QCOMPARE(events->first().scope, HealthEvent::Scope::Site); // newest: the site went down
    }

    void startOffsetsShareSlots()
    {
        // 200 probes at 1 s start in 40 slots of 25 ms, in order, all
        // within the interval; a few probes keep their own slots.
        const std::chrono::milliseconds second(1000);
        std::set<qint64> starts;
        qint64 previous = 0;
        for (qint64 i = 0; i < 200; ++i) {
            const qint64 offset = SiteHealth::startOffset(i, 200, second).count();
            QVERIFY(offset >= previous);
            QVERIFY(offset < 1000);
            QCOMPARE(offset % 25, 0);
            previous = offset;
            starts.insert(offset);
        }
        QCOMPARE(starts.size(), std::size_t(40));
        QCOMPARE(SiteHealth::startOffset(0, 3, second).count(), 0);
        QCOMPARE(SiteHealth::startOffset(1, 3, second).count(), 325);
        QCOMPARE(SiteHealth::startOffset(2, 3, second).count(), 650);
        QCOMPARE(SiteHealth::startOffset(0, 0, second).count(), 0);
    }

    void startSpreadsTheFirstChecks()
    {
        QNetworkAccessManager network;
        SiteHealth health(site(), network, SystemClock::instance());
        QSignalSpy checked(&health, &SiteHealth::updated);
        health.start();
        // Only the first monitor checks at once; the others follow within
        // the interval.
        QTRY_COMPARE(checked.count(), 1);
        QCOMPARE(int(health.allChecked()), 0);
        QTRY_VERIFY_WITH_TIMEOUT(health.allChecked(), 3000);
        health.stop();
        for (const ProbeMonitor* monitor : health.monitors())
            QVERIFY(!monitor->isActive());
    }
};

QTEST_GUILESS_MAIN(TestSiteHealth)
#include "tst_sitehealth.moc"
