#include "common/ManualClock.h"
#include "plan/AutoFailover.h"
#include "plan/PlanError.h"

#include <QSignalSpy>
#include <QTest>

using namespace relais;

// Automatic failover's decision with a manual clock and a scripted
// vantage check (what backup says about main).
class TestAutoFailover : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    QList<std::function<void(const Result<bool>&)>> m_pending;

    std::unique_ptr<AutoFailover> make(int deadTime = 60)
    {
        m_pending.clear();
        auto failover = std::make_unique<AutoFailover>(
            m_clock, deadTime, [this](std::function<void(const Result<bool>&)> answer) {
                m_pending.append(std::move(answer));
            });
        failover->setCheckIntervalMs(3600 * 1000); // the test asks by hand
        return failover;
    }

    /// Answers the oldest pending check.
    bool answer(const Result<bool>& mainAnswers)
    {
        if (m_pending.isEmpty())
            return false;
        m_pending.takeFirst()(mainAnswers);
        return true;
    }

private slots:
    void init() { qRegisterMetaType<AutoFailover::Phase>(); }

    void firesOnceAfterTheDeadTimeWhenBothSidesSeeMainDown()
    {
        auto failover = make(60);
        QSignalSpy due(failover.get(), &AutoFailover::failoverDue);
        const QDateTime detected = m_clock.now();
        failover->setMainState(HealthState::Down);
        QCOMPARE(failover->phase(), AutoFailover::Phase::Watching);
        QVERIFY(answer(false)); // backup agrees at once
        QCOMPARE(failover->phase(), AutoFailover::Phase::Confirmed);
        QCOMPARE(failover->secondsLeft(), std::optional<qint64>(60));

        m_clock.advanceSeconds(59);
        failover->checkNow();
        QVERIFY(answer(false));
        QCOMPARE(due.count(), 0);
        QCOMPARE(failover->secondsLeft(), std::optional<qint64>(1));

        m_clock.advanceSeconds(1);
        failover->checkNow();
        QCOMPARE(due.count(), 1);
        QCOMPARE(due.first().first().toDateTime(), detected);
        QCOMPARE(failover->phase(), AutoFailover::Phase::Triggered);

        // Never twice while main stays down.
        m_clock.advanceSeconds(600);
        failover->checkNow();
        failover->setMainState(HealthState::Down);
        QVERIFY(m_pending.isEmpty());
        QCOMPARE(due.count(), 1);
    }

    void mainAnsweringFromBackupNeverFails()
    {
        auto failover = make(60);
        QSignalSpy due(failover.get(), &AutoFailover::failoverDue);
        QSignalSpy answers(failover.get(), &AutoFailover::mainAnswersFromBackup);
        failover->setMainState(HealthState::Down);
        for (int i = 0; i < 10; ++i) {
            QVERIFY(answer(true));
            m_clock.advanceSeconds(60);
            failover->checkNow();
        }
        QCOMPARE(due.count(), 0);
        QCOMPARE(failover->phase(), AutoFailover::Phase::Watching);
        QCOMPARE(answers.count(), 1); // told once per watch
    }

    void theDeadTimeCountsFromWhenBackupAgrees()
    {
        auto failover = make(60);
        QSignalSpy due(failover.get(), &AutoFailover::failoverDue);
        const QDateTime detected = m_clock.now();
        failover->setMainState(HealthState::Down);
        QVERIFY(answer(true));
        m_clock.advanceSeconds(100);
        failover->checkNow();
        QVERIFY(answer(false)); // backup loses main 100 s later
        m_clock.advanceSeconds(59);
        failover->checkNow();
        QVERIFY(answer(false));
        QCOMPARE(due.count(), 0);
        m_clock.advanceSeconds(1);
        failover->checkNow();
        QCOMPARE(due.count(), 1);
        // RTO still starts when the console saw the failure.
        QCOMPARE(due.first().first().toDateTime(), detected);
    }

    void aBreakStartsTheCountOver()
    {
        auto failover = make(60);
        QSignalSpy due(failover.get(), &AutoFailover::failoverDue);
        failover->setMainState(HealthState::Down);
        QVERIFY(answer(false));
        m_clock.advanceSeconds(50);
        failover->setMainState(HealthState::Up); // main came back
        QCOMPARE(failover->phase(), AutoFailover::Phase::Idle);
        QVERIFY(!failover->downSince().has_value());
        m_clock.advanceSeconds(5);
        const QDateTime second = m_clock.now();
        failover->setMainState(HealthState::Down);
        QCOMPARE(failover->downSince(), std::optional<QDateTime>(second));
        QVERIFY(answer(false));
        m_clock.advanceSeconds(30);
        failover->checkNow();
        QVERIFY(answer(false));
        QCOMPARE(due.count(), 0);
        m_clock.advanceSeconds(30);
        failover->checkNow();
        QCOMPARE(due.count(), 1);
    }

    void unknownKeepsTheWatchAndUpEndsIt()
    {
        auto failover = make(60);
        failover->setMainState(HealthState::Down);
        failover->setMainState(HealthState::Unknown);
        QCOMPARE(failover->phase(), AutoFailover::Phase::Watching);
        failover->setMainState(HealthState::Degraded);
        QCOMPARE(failover->phase(), AutoFailover::Phase::Idle);
    }

    void backupUnreachableKnowsNothing()
    {
        auto failover = make(60);
        QSignalSpy due(failover.get(), &AutoFailover::failoverDue);
        failover->setMainState(HealthState::Down);
        QVERIFY(answer(false));
        m_clock.advanceSeconds(40);
        failover->checkNow();
        QVERIFY(answer(Error(PlanError::StepFailed, QStringLiteral("no route to backup"))));
        QCOMPARE(failover->phase(), AutoFailover::Phase::Watching);
        m_clock.advanceSeconds(40);
        failover->checkNow();
        QVERIFY(answer(false)); // the count from backup starts again here
        m_clock.advanceSeconds(40);
        failover->checkNow();
        QVERIFY(answer(false));
        QCOMPARE(due.count(), 0);
        m_clock.advanceSeconds(20);
        failover->checkNow();
        QCOMPARE(due.count(), 1);
    }

    void disarmedWatchesButDoesNotFire()
    {
        auto failover = make(60);
        QSignalSpy due(failover.get(), &AutoFailover::failoverDue);
        failover->setArmed(false);
        failover->setMainState(HealthState::Down);
        QVERIFY(answer(false));
        m_clock.advanceSeconds(120);
        failover->checkNow();
        QVERIFY(answer(false));
        QCOMPARE(due.count(), 0);
        QCOMPARE(failover->phase(), AutoFailover::Phase::Confirmed);
        failover->setArmed(true);
        QCOMPARE(due.count(), 1);
    }

    void anAnswerFromAnEndedWatchIsDropped()
    {
        auto failover = make(60);
        QSignalSpy due(failover.get(), &AutoFailover::failoverDue);
        failover->setMainState(HealthState::Down);
        failover->setMainState(HealthState::Up);
        m_clock.advanceSeconds(600);
        QVERIFY(answer(false)); // the old check answers late
        QCOMPARE(failover->phase(), AutoFailover::Phase::Idle);
        QCOMPARE(due.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAutoFailover)
#include "tst_autofailover.moc"
