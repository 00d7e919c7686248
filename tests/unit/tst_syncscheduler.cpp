#include "common/ManualClock.h"
#include "health/SiteHealth.h"
#include "sync/SyncScheduler.h"
#include "sync/SyncTiming.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

SyncSchedule every(int minutes)
{
    SyncSchedule s;
    s.kind = SyncSchedule::Kind::Every;
    s.everyMinutes = minutes;
    return s;
}

SyncSchedule daily(int h, int m)
{
    SyncSchedule s;
    s.kind = SyncSchedule::Kind::Daily;
    s.dailyAt = QTime(h, m);
    return s;
}

SyncJob jobWith(const QString& name, SyncSchedule schedule)
{
    SyncJob job;
    job.name = name;
    job.schedule = schedule;
    return job;
}

const QTimeZone Paris("Europe/Paris");

} // namespace

class TestSyncScheduler : public QObject
{
    Q_OBJECT

private slots:
    void nextDailyAt_data()
    {
        QTest::addColumn<QTime>("at");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QDateTime>("expected");

        // Paris is UTC+1 in winter, UTC+2 in summer.
        QTest::newRow("later today")
            << QTime(2, 30) << utc(2026, 1, 10, 0, 0) << utc(2026, 1, 10, 1, 30);
        QTest::newRow("tomorrow") << QTime(2, 30) << utc(2026, 1, 10, 1, 30)
                                  << utc(2026, 1, 11, 1, 30);
        QTest::newRow("summer") << QTime(2, 30) << utc(2026, 7, 1, 12, 0) << utc(2026, 7, 2, 0, 30);
        // 29 March 2026: 02:00 → 03:00; 02:30 does not exist, the run is at
        // the jump (01:00 UTC = 03:00 local).
        QTest::newRow("spring forward: time skipped")
            << QTime(2, 30) << utc(2026, 3, 28, 12, 0) << utc(2026, 3, 29, 1, 0);
        QTest::newRow("day after spring forward")
            << QTime(2, 30) << utc(2026, 3, 29, 1, 0) << utc(2026, 3, 30, 0, 30);
        QTest::newRow("spring forward: time before the jump")
            << QTime(1, 30) << utc(2026, 3, 28, 12, 0) << utc(2026, 3, 29, 0, 30);
        QTest::newRow("spring forward: time after the jump")
            << QTime(3, 30) << utc(2026, 3, 28, 12, 0) << utc(2026, 3, 29, 1, 30);
        // 25 October 2026: 03:00 → 02:00; 02:30 happens twice, the run is
        // at the first (00:30 UTC), and only once.
        QTest::newRow("fall back: first of two")
            << QTime(2, 30) << utc(2026, 10, 24, 12, 0) << utc(2026, 10, 25, 0, 30);
        QTest::newRow("fall back: not again at the second")
            << QTime(2, 30) << utc(2026, 10, 25, 0, 30) << utc(2026, 10, 26, 1, 30);
        QTest::newRow("fall back: after both")
            << QTime(2, 30) << utc(2026, 10, 25, 1, 45) << utc(2026, 10, 26, 1, 30);
        QTest::newRow("utc zone midnight")
            << QTime(0, 0) << utc(2026, 5, 5, 0, 0) << utc(2026, 5, 6, 0, 0);
    }

    void nextDailyAt()
    {
        QFETCH(QTime, at);
        QFETCH(QDateTime, after);
        QFETCH(QDateTime, expected);
        const QTimeZone zone =
            QByteArray(QTest::currentDataTag()).startsWith("utc") ? QTimeZone::utc() : Paris;
        QVERIFY(zone.isValid());
        QCOMPARE(SyncTiming::nextDailyAt(at, after, zone), expected);
    }

    void nextDue_data()
    {
        QTest::addColumn<SyncSchedule>("schedule");
        QTest::addColumn<QDateTime>("lastStart");
        QTest::addColumn<std::optional<QDateTime>>("expected");
        const QDateTime now = utc(2026, 2, 1, 12, 0);
        QTest::newRow("manual") << SyncSchedule{} << now << std::optional<QDateTime>();
        QTest::newRow("every, never ran")
            << every(5) << QDateTime() << std::optional<QDateTime>(now);
        QTest::newRow("every 5 min") << every(5) << utc(2026, 2, 1, 11, 58)
                                     << std::optional<QDateTime>(utc(2026, 2, 1, 12, 3));
        QTest::newRow("every, long overdue") << every(5) << utc(2026, 1, 31, 0, 0)
                                             << std::optional<QDateTime>(utc(2026, 1, 31, 0, 5));
        QTest::newRow("every 0 is invalid") << every(0) << now << std::optional<QDateTime>();
        QTest::newRow("daily") << daily(23, 0) << utc(2026, 2, 1, 10, 0)
                               << std::optional<QDateTime>(utc(2026, 2, 1, 22, 0));
    }

    void nextDue()
    {
        QFETCH(SyncSchedule, schedule);
        QFETCH(QDateTime, lastStart);
        QFETCH(std::optional<QDateTime>, expected);
        QCOMPARE(SyncTiming::nextDue(schedule, lastStart, utc(2026, 2, 1, 12, 0), Paris), expected);
    }

    void missedSince_data()
    {
        QTest::addColumn<SyncSchedule>("schedule");
        QTest::addColumn<QDateTime>("lastStart");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<std::optional<QDateTime>>("expected");
        QTest::newRow("on time") << every(5) << utc(2026, 2, 1, 12, 0) << utc(2026, 2, 1, 12, 5)
                                 << std::optional<QDateTime>();
        QTest::newRow("late within grace") << every(5) << utc(2026, 2, 1, 12, 0)
                                           << utc(2026, 2, 1, 12, 7) << std::optional<QDateTime>();
        QTest::newRow("late past grace")
            << every(5) << utc(2026, 2, 1, 12, 0) << utc(2026, 2, 1, 12, 7, 1)
            << std::optional<QDateTime>(utc(2026, 2, 1, 12, 5));
        QTest::newRow("daily missed")
            << daily(2, 30) << utc(2026, 2, 1, 1, 30) << utc(2026, 2, 2, 2, 1)
            << std::optional<QDateTime>(utc(2026, 2, 2, 1, 30));
        QTest::newRow("daily not yet") << daily(2, 30) << utc(2026, 2, 1, 1, 30)
                                       << utc(2026, 2, 2, 1, 50) << std::optional<QDateTime>();
        QTest::newRow("never ran, watched since")
            << every(10) << QDateTime() << utc(2026, 2, 1, 13, 0)
            << std::optional<QDateTime>(utc(2026, 2, 1, 12, 10));
        QTest::newRow("manual never missed")
            << SyncSchedule{} << QDateTime() << utc(2027, 1, 1, 0, 0) << std::optional<QDateTime>();
    }

    void missedSince()
    {
        QFETCH(SyncSchedule, schedule);
        QFETCH(QDateTime, lastStart);
        QFETCH(QDateTime, now);
        QFETCH(std::optional<QDateTime>, expected);
        // Grace of every(5): 2 minutes (the floor); of daily: 30 minutes.
        QCOMPARE(SyncTiming::missedSince(schedule, lastStart, utc(2026, 2, 1, 12, 0), now, Paris,
                                         SyncTiming::defaultGraceSeconds(schedule)),
                 expected);
    }

    void graces()
    {
        QCOMPARE(SyncTiming::defaultGraceSeconds(every(5)), 120);
        QCOMPARE(SyncTiming::defaultGraceSeconds(every(120)), 720);
        QCOMPARE(SyncTiming::defaultGraceSeconds(daily(1, 0)), 1800);
    }

    // Due every 5 minutes; a run that lasts past its next due time is not
    // started twice.
    void runsNeverOverlap()
    {
        ManualClock clock(utc(2026, 2, 1, 12, 0));
        SyncScheduler scheduler({jobWith(QStringLiteral("www"), every(5))}, clock, Paris);
        QSignalSpy due(&scheduler, &SyncScheduler::due);
        QSignalSpy missed(&scheduler, &SyncScheduler::runMissed);
        scheduler.start();
        QCOMPARE(due.count(), 1); // never ran: at once
        scheduler.runStarted(QStringLiteral("www"));
        QVERIFY(scheduler.isRunning(QStringLiteral("www")));
        QCOMPARE(scheduler.nextRun(QStringLiteral("www")), utc(2026, 2, 1, 12, 5));

        clock.advanceSeconds(11 * 60); // the run takes 11 minutes
        scheduler.poll();
        QCOMPARE(due.count(), 1);
        QCOMPARE(missed.count(), 0);
        scheduler.runFinished(QStringLiteral("www"));
        scheduler.poll(); // overdue: once, now
        QCOMPARE(due.count(), 2);
        // Held back by the long run past its grace: late, so reported.
        QCOMPARE(missed.count(), 1);
        scheduler.runStarted(QStringLiteral("www"));
        scheduler.runFinished(QStringLiteral("www"));
        scheduler.poll();
        QCOMPARE(due.count(), 2);
        QCOMPARE(scheduler.nextRun(QStringLiteral("www")), utc(2026, 2, 1, 12, 16));
        clock.advanceSeconds(5 * 60);
        scheduler.poll();
        QCOMPARE(due.count(), 3);
    }

    // The machine sleeps over many due times: one missed-run alert and one
    // catch-up run when it wakes, not one per period.
    void sleepingPastDueTimes()
    {
        ManualClock clock(utc(2026, 2, 1, 12, 0));
        SyncScheduler scheduler({jobWith(QStringLiteral("www"), every(5)),
                                 jobWith(QStringLiteral("db"), daily(3, 0)),
                                 jobWith(QStringLiteral("hand"), SyncSchedule{})},
                                clock, Paris);
        QSignalSpy due(&scheduler, &SyncScheduler::due);
        QSignalSpy missed(&scheduler, &SyncScheduler::runMissed);
        scheduler.setLastStart(QStringLiteral("www"), utc(2026, 2, 1, 11, 59));
        scheduler.setLastStart(QStringLiteral("db"), utc(2026, 2, 1, 2, 0));
        scheduler.start();
        QCOMPARE(due.count(), 0);
        QCOMPARE(scheduler.nextRun(QStringLiteral("db")), utc(2026, 2, 2, 2, 0));
        QCOMPARE(scheduler.nextRun(QStringLiteral("hand")), std::nullopt);

        clock.advanceSeconds(3 * 24 * 3600); // asleep for three days
        scheduler.poll();
        QCOMPARE(missed.count(), 2);
        QCOMPARE(missed.at(0).at(0).toString(), QStringLiteral("www"));
        QCOMPARE(missed.at(0).at(1).toDateTime(), utc(2026, 2, 1, 12, 4));
        QCOMPARE(missed.at(1).at(0).toString(), QStringLiteral("db"));
        QCOMPARE(missed.at(1).at(1).toDateTime(), utc(2026, 2, 2, 2, 0));
        QCOMPARE(due.count(), 2);
        scheduler.poll(); // reported once
        QCOMPARE(missed.count(), 2);
        for (const QString& job : {QStringLiteral("www"), QStringLiteral("db")}) {
            scheduler.runStarted(job);
            scheduler.runFinished(job);
        }
        due.clear();
        scheduler.poll();
        QCOMPARE(due.count(), 0);
        QCOMPARE(scheduler.nextRun(QStringLiteral("www")), clock.now().addSecs(300));
        // Daily: the next 03:00 Paris after the catch-up (4 Feb 12:00 UTC).
        QCOMPARE(scheduler.nextRun(QStringLiteral("db")), utc(2026, 2, 5, 2, 0));
    }

    void missedRunEvent()
    {
        const HealthEvent event = SyncScheduler::missedRunEvent(
            QStringLiteral("www"), utc(2026, 2, 1, 12, 5), utc(2026, 2, 1, 12, 8));
        QCOMPARE(event.target, QStringLiteral("sync:www"));
        QCOMPARE(event.scope, HealthEvent::Scope::Probe);
        QCOMPARE(event.to, HealthState::Down);
        QCOMPARE(event.at, utc(2026, 2, 1, 12, 8));
        QVERIFY(event.reason.contains(QStringLiteral("2026-02-01T12:05:00Z")));

        // Shown like the probes' events.
        ManualClock clock;
        QNetworkAccessManager network;
        SiteHealth health(Site{}, network, clock);
        QSignalSpy recorded(&health, &SiteHealth::eventRecorded);
        health.addEvent(event);
        QCOMPARE(recorded.count(), 1);
        QCOMPARE(recorded.at(0).at(0).value<HealthEvent>(), event);
    }

    // A daily job that never ran waits for its time.
    void dailyWaitsForItsTime()
    {
        ManualClock clock(utc(2026, 6, 1, 10, 0));
        SyncScheduler scheduler({jobWith(QStringLiteral("db"), daily(14, 0))}, clock, Paris);
        QSignalSpy due(&scheduler, &SyncScheduler::due);
        scheduler.start();
        QCOMPARE(due.count(), 0);
        QCOMPARE(scheduler.nextRun(QStringLiteral("db")), utc(2026, 6, 1, 12, 0));
        clock.advanceSeconds(2 * 3600);
        scheduler.poll();
        QCOMPARE(due.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "tst_syncscheduler.moc"
