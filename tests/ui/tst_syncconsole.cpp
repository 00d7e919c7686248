#include "SyncConsole.h"
#include "common/Database.h"
#include "common/ManualClock.h"
#include "sync/ReplicationLock.h"
#include "sync/SyncHistory.h"
#include "sync/SyncScheduler.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// The console's scheduling decisions, on a ManualClock and without hosts:
// a due run while the direction guard's lock holds is skipped and said so
// (once per period, not at every poll), pull jobs included; without the
// vault's connections a run is skipped with the reason; a scheduled run
// that did not start raises one alert; the history gives the last start.
class TestSyncConsole : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC)};
    int m_dbCount = 0;
    const QString m_key = QStringLiteral("/sites/lab.json");

    static Site site()
    {
        Site s;
        s.name = QStringLiteral("lab");
        SyncJob www;
        www.name = QStringLiteral("www");
        www.schedule.kind = SyncSchedule::Kind::Every;
        www.schedule.everyMinutes = 5;
        SyncJob mail;
        mail.name = QStringLiteral("mail");
        mail.direction = SyncJob::Direction::Pull;
        s.syncJobs = {www, mail};
        return s;
    }

    std::unique_ptr<Database> database()
    {
        auto db =
            Database::open(m_dir.filePath(QStringLiteral("r%1.db").arg(++m_dbCount)), m_clock);
        return db ? std::move(db).value() : nullptr;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void lockSkipsScheduledAndManualRuns()
    {
        auto db = database();
        QVERIFY(db);
        QVERIFY(ReplicationLock(*db, m_key).lock(QStringLiteral("Failed over to backup.")));
        SyncConsole console(site(), m_key, db.get(), m_clock);
        QSignalSpy skipped(&console, &SyncConsole::runSkipped);
        QSignalSpy started(&console, &SyncConsole::runStarted);
        QSignalSpy next(&console, &SyncConsole::nextRunChanged);
        QCOMPARE(console.lockReason(), QStringLiteral("Failed over to backup."));

        console.start(); // www never ran: due at once
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped.first().at(0).toString(), QStringLiteral("www"));
        QVERIFY(skipped.first().at(1).toString().contains(QStringLiteral("locked")));
        QVERIFY(skipped.first().at(1).toString().contains(QStringLiteral("Failed over")));
        QCOMPARE(started.size(), 0);
        QCOMPARE(console.scheduler()->nextRun(QStringLiteral("www")),
                 std::optional<QDateTime>(m_clock.now().addSecs(300)));
        QVERIFY(!next.isEmpty());

        // Not at every poll: the skipped slot counts as the period's run.
        m_clock.advanceSeconds(60);
        console.scheduler()->poll();
        QCOMPARE(skipped.size(), 1);
        m_clock.advanceSeconds(250);
        console.scheduler()->poll();
        QCOMPARE(skipped.size(), 2);

        // By hand, and a pull job: copied main → backup too, locked too.
        QVERIFY(!console.runJob(QStringLiteral("mail"), false));
        QCOMPARE(skipped.size(), 3);
        QCOMPARE(skipped.last().at(0).toString(), QStringLiteral("mail"));
        QVERIFY(skipped.last().at(1).toString().contains(QStringLiteral("locked")));
        // A dry run changes nothing: only the missing vault stops it here.
        QVERIFY(!console.runJob(QStringLiteral("mail"), true));
        QVERIFY(skipped.last().at(1).toString().contains(QStringLiteral("vault")));
        QCOMPARE(started.size(), 0);
        QVERIFY(!console.runJob(QStringLiteral("nope"), false));
    }

    void missedRunAlertsOnce()
    {
        auto db = database();
        QVERIFY(db);
        SyncConsole console(site(), m_key, db.get(), m_clock);
        QSignalSpy skipped(&console, &SyncConsole::runSkipped);
        QSignalSpy alerts(&console, &SyncConsole::alert);
        QSignalSpy events(&console, &SyncConsole::healthEvent);
        console.start();
        // Not locked, but no connections: the reason is given.
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped.first().at(1).toString().contains(QStringLiteral("vault is locked")));
        QCOMPARE(alerts.size(), 0);

        // Never ran: measured from the first due time after the console
        // started (5 min), past the grace (a tenth of 5 min, at least 2 min).
        m_clock.advanceSeconds(60);
        console.scheduler()->poll();
        QCOMPARE(alerts.size(), 0);
        QCOMPARE(skipped.size(), 1); // said once, not at every poll
        m_clock.advanceSeconds(340);
        console.scheduler()->poll();
        QCOMPARE(alerts.size(), 0);
        m_clock.advanceSeconds(30);
        console.scheduler()->poll();
        QCOMPARE(alerts.size(), 1);
        QVERIFY(alerts.first().at(0).toString().contains(QStringLiteral("www")));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().at(0).value<HealthEvent>().target, QStringLiteral("sync:www"));
        m_clock.advanceSeconds(60);
        console.scheduler()->poll();
        QCOMPARE(alerts.size(), 1);
    }

    void historyGivesTheLastStart()
    {
        auto db = database();
        QVERIFY(db);
        SyncHistory history(*db, m_key);
        SyncRunRecord run;
        run.job = QStringLiteral("www");
        run.startedAt = m_clock.now().addSecs(-120);
        run.endedAt = m_clock.now().addSecs(-110);
        run.outcome = SyncRunRecord::Outcome::Success;
        QVERIFY(history.record(run));
        SyncRunRecord dry = run;
        dry.dryRun = true;
        dry.startedAt = m_clock.now().addSecs(-10);
        QVERIFY(history.record(dry));
        // Another site's run is not this site's.
        run.startedAt = m_clock.now().addSecs(-5);
        QVERIFY(SyncHistory(*db, QStringLiteral("lab")).record(run));

        SyncConsole console(site(), m_key, db.get(), m_clock);
        QSignalSpy skipped(&console, &SyncConsole::runSkipped);
        console.start();
        QCOMPARE(skipped.size(), 0); // not due: it ran 2 minutes ago
        QCOMPARE(console.scheduler()->nextRun(QStringLiteral("www")),
                 std::optional<QDateTime>(m_clock.now().addSecs(180)));
        QCOMPARE(console.scheduler()->nextRun(QStringLiteral("mail")), std::nullopt);
        QVERIFY(console.history());
    }
};

QTEST_GUILESS_MAIN(TestSyncConsole)
#include "tst_syncconsole.moc"
