#include "../support/ScriptedSteps.h"
#include "common/Database.h"
#include "common/ManualClock.h"
#include "plan/DrillContext.h"
#include "plan/DrillJournal.h"
#include "plan/DrillRunner.h"
#include "plan/PlanError.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace relais;
using relais::test::Script;
using relais::test::ScriptedFactory;

namespace {

DrillStep step(DrillAction action, int timeoutSeconds = 5, int retries = 0)
{
    DrillStep s;
    s.action = action;
    s.group = QStringLiteral("web");
    s.containers = {QStringLiteral("web")};
    s.timeoutSeconds = timeoutSeconds;
    s.retries = retries;
    s.retryDelaySeconds = 1;
    return s;
}

DrillPlan failbackPlan()
{
    DrillPlan plan;
    plan.mode = DrillMode::Failback;
    DrillStep review = step(DrillAction::ReverseSyncReview);
    review.confirmAfter = true;
    plan.steps = {review, step(DrillAction::ReverseSync), step(DrillAction::StartOnMain)};
    return plan;
}

PlanHook hook(const char* command)
{
    PlanHook h;
    h.host = HostRole::Backup;
    h.command = QLatin1String(command);
    h.timeoutSeconds = 5;
    return h;
}

} // namespace

class TestDrillRunner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(7, 0), Qt::UTC)};

    DrillRecord run(DrillRunner& runner, const DrillPlan& plan)
    {
        QSignalSpy finished(&runner, &DrillRunner::finished);
        runner.start(plan);
        if (!finished.wait(20000))
            return {};
        return finished.first().first().value<DrillRecord>();
    }

    static QList<DrillStepRecord::State> states(const DrillRecord& record)
    {
        QList<DrillStepRecord::State> list;
        for (const DrillStepRecord& s : record.steps)
            list.append(s.state);
        return list;
    }

private slots:
    void initTestCase() { qRegisterMetaType<DrillRecord>(); }

    void runsStepsInOrderWithHooksAndCleanups()
    {
        ScriptedFactory factory;
        factory.upAt = m_clock.now().addSecs(95);
        DrillRunner runner(factory, m_clock);
        DrillPlan plan;
        DrillStep clone = step(DrillAction::CloneForDrill);
        clone.before = {hook("prepare")};
        clone.after = {hook("adapt-data")};
        plan.steps = {clone, step(DrillAction::StartClones), step(DrillAction::ProbeClones),
                      step(DrillAction::ReadCanary)};
        const DrillRecord record = run(runner, plan);
        QCOMPARE(record.state, DrillRecord::State::Succeeded);
        QCOMPARE(factory.log,
                 QStringList(
                     {QStringLiteral("start hook prepare"), QStringLiteral("start clone-for-drill"),
                      QStringLiteral("start hook adapt-data"), QStringLiteral("start start-clones"),
                      QStringLiteral("start probe-clones"), QStringLiteral("start read-canary"),
                      QStringLiteral("start remove-clones")}));
        QCOMPARE(record.steps.size(), 5);
        QVERIFY(record.steps.last().step.cleanup);
        QCOMPARE(record.steps.last().state, DrillStepRecord::State::Succeeded);
        QCOMPARE(record.rtoMs, std::optional<qint64>(95000));
        QCOMPARE(record.rpoSeconds, std::optional<qint64>(42));
        QVERIFY(record.steps.first().output.contains(QStringLiteral("hello from clone-for-drill")));
    }

    void aStepStaysWholeWhileItsCleanupIsRegistered()
    {
        // Registering a cleanup adds a step to the drill; the step being
        // made must not move under the factory (it read no containers when
        // the drill's list of steps grew: a rehearsal with a drill record
        // cloned nothing).
        for (int extra = 0; extra < 12; ++extra) {
            ScriptedFactory factory;
            DrillRunner runner(factory, m_clock);
            DrillPlan plan;
            plan.steps = {step(DrillAction::CloneForDrill)};
            for (int i = 0; i < extra; ++i)
                plan.steps.append(step(DrillAction::Notify));
            const DrillRecord record = run(runner, plan);
            QCOMPARE(record.state, DrillRecord::State::Succeeded);
            QCOMPARE(factory.clonedContainers, QList<QStringList>({{QStringLiteral("web")}}));
        }
    }

    void stopsAtTheFirstErrorAndStillCleansUp()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("start-clones"), {Script::Fail});
        DrillRunner runner(factory, m_clock);
        DrillPlan plan;
        plan.steps = {step(DrillAction::CloneForDrill), step(DrillAction::StartClones),
                      step(DrillAction::ProbeClones)};
        const DrillRecord record = run(runner, plan);
        QCOMPARE(record.state, DrillRecord::State::Failed);
        QVERIFY2(record.message.contains(QStringLiteral("boom in start-clones")),
                 qPrintable(record.message));
        using S = DrillStepRecord::State;
        QCOMPARE(states(record), QList<S>({S::Succeeded, S::Failed, S::Skipped, S::Succeeded}));
        QVERIFY(!factory.log.contains(QStringLiteral("start probe-clones")));
        QCOMPARE(factory.log.last(), QStringLiteral("start remove-clones"));
    }

    void retriesAFailingStep()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("switch"), {Script::Fail, Script::Succeed});
        DrillRunner runner(factory, m_clock);
        DrillPlan plan;
        plan.steps = {step(DrillAction::Switch, 5, 2)};
        const DrillRecord record = run(runner, plan);
        QCOMPARE(record.state, DrillRecord::State::Succeeded);
        QCOMPARE(record.steps.first().attempts, 2);
        QVERIFY(record.steps.first()
                    .output.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("boom in switch")));
    }

    void givesUpAfterTheRetries()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("switch"), {Script::Fail});
        DrillRunner runner(factory, m_clock);
        DrillPlan plan;
        plan.steps = {step(DrillAction::Switch, 5, 1)};
        const DrillRecord record = run(runner, plan);
        QCOMPARE(record.state, DrillRecord::State::Failed);
        QCOMPARE(record.steps.first().attempts, 2);
    }

    void aFailingHookFailsTheStepWithoutRetry()
    {
        ScriptedFactory factory;
        factory.failingHooks = {QStringLiteral("adapt-data")};
        DrillRunner runner(factory, m_clock);
        DrillPlan plan;
        DrillStep start = step(DrillAction::StartOnBackup, 5, 3);
        start.after = {hook("adapt-data")};
        plan.steps = {start, step(DrillAction::Switch)};
        const DrillRecord record = run(runner, plan);
        QCOMPARE(record.state, DrillRecord::State::Failed);
        QVERIFY2(record.message.contains(QStringLiteral("adapt-data")), qPrintable(record.message));
        QCOMPARE(record.steps.first().attempts, 1);
        QCOMPARE(record.steps.at(1).state, DrillStepRecord::State::Skipped);
    }

    void timesOutAHangingStep()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("verify"), {Script::Hang});
        DrillRunner runner(factory, m_clock);
        DrillPlan plan;
        plan.steps = {step(DrillAction::Verify, 1)};
        const DrillRecord record = run(runner, plan);
        QCOMPARE(record.state, DrillRecord::State::Failed);
        QVERIFY(factory.log.contains(QStringLiteral("cancel verify")));
        QVERIFY2(record.message.contains(QStringLiteral("timeout")), qPrintable(record.message));
    }

    void abandonsAStepThatIgnoresCancel()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("verify"), {Script::HangForever});
        DrillRunner runner(factory, m_clock);
        runner.setCancelGraceMs(100);
        DrillPlan plan;
        plan.steps = {step(DrillAction::Verify, 1)};
        const DrillRecord record = run(runner, plan);
        QCOMPARE(record.state, DrillRecord::State::Failed);
        QCOMPARE(record.steps.first().state, DrillStepRecord::State::Failed);
    }

    void cancelStopsTheStepAndCleansUp()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("start-clones"), {Script::Hang});
        DrillRunner runner(factory, m_clock);
        DrillPlan plan;
        plan.steps = {step(DrillAction::CloneForDrill), step(DrillAction::StartClones, 60),
                      step(DrillAction::ProbeClones)};
        QSignalSpy finished(&runner, &DrillRunner::finished);
        connect(&runner, &DrillRunner::stepStarted, &runner, [&](int index) {
            if (runner.record().steps.at(index).step.action == DrillAction::StartClones)
                QTimer::singleShot(10, &runner, [&] { runner.cancel(); });
        });
        runner.start(plan);
        QVERIFY(finished.wait(10000));
        const auto record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.state, DrillRecord::State::Cancelled);
        using S = DrillStepRecord::State;
        QCOMPARE(states(record), QList<S>({S::Succeeded, S::Cancelled, S::Skipped, S::Succeeded}));
        QVERIFY(factory.log.contains(QStringLiteral("cancel start-clones")));
    }

    void aJobThatEndsInsideCancelLeavesNoTimerBehind()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("start-clones"), {Script::CancelAtOnce});
        DrillRunner runner(factory, m_clock);
        runner.setCancelGraceMs(100);
        DrillPlan plan;
        plan.steps = {step(DrillAction::StartClones, 60)};
        QSignalSpy finished(&runner, &DrillRunner::finished);
        connect(&runner, &DrillRunner::stepStarted, &runner,
                [&](int) { QTimer::singleShot(10, &runner, [&] { runner.cancel(); }); });
        runner.start(plan);
        QVERIFY(finished.wait(10000));
        const auto record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.state, DrillRecord::State::Cancelled);
        // The drill is over: the cancelled job's grace timer must not fire.
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(runner.record().state, DrillRecord::State::Cancelled);
    }

    void anEmptyPlanIsRefused()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        const DrillRecord record = run(runner, DrillPlan());
        QCOMPARE(record.state, DrillRecord::State::Failed);
        QVERIFY(factory.log.isEmpty());
    }

    void journalsEveryStepAndFindsAnInterruptedDrill()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("journal.db")), m_clock);
        QVERIFY(db.ok());
        DrillJournal journal(**db, QStringLiteral("lab"));
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("start-clones"), {Script::HangForever});
        DrillPlan plan;
        plan.mode = DrillMode::Rehearsal;
        plan.decisions = {QStringLiteral("production is not touched")};
        plan.steps = {step(DrillAction::CloneForDrill), step(DrillAction::StartClones, 60),
                      step(DrillAction::ProbeClones)};
        qint64 id = -1;
        {
            // A runner destroyed in the middle of a step: Relais killed.
            DrillRunner runner(factory, m_clock);
            runner.setJournal(&journal);
            QSignalSpy started(&runner, &DrillRunner::stepStarted);
            runner.start(plan);
            QTRY_COMPARE(started.size(), 2);
            id = runner.record().id;
            QVERIFY(id >= 0);
        }
        const auto unfinished = journal.unfinished();
        QVERIFY(unfinished.ok());
        QCOMPARE(unfinished->size(), 1);
        const DrillRecord interrupted = unfinished->first();
        QCOMPARE(interrupted.id, id);
        QCOMPARE(interrupted.decisions, plan.decisions);
        using S = DrillStepRecord::State;
        QCOMPARE(states(interrupted), QList<S>({S::Succeeded, S::Running, S::Pending, S::Pending}));
        QCOMPARE(interrupted.steps.last().step.action, DrillAction::RemoveClones);
        QVERIFY(interrupted.steps.last().step.cleanup);

        // Clean up: only the registered cleanup runs, the drill ends cancelled.
        factory.log.clear();
        DrillRunner cleaner(factory, m_clock);
        cleaner.setJournal(&journal);
        QSignalSpy finished(&cleaner, &DrillRunner::finished);
        cleaner.cleanUp(interrupted);
        QVERIFY(finished.wait(10000));
        QCOMPARE(factory.log, QStringList({QStringLiteral("start remove-clones")}));
        const auto after = journal.load(id);
        QVERIFY(after.ok());
        QCOMPARE(after->state, DrillRecord::State::Cancelled);
        QCOMPARE(states(*after),
                 QList<S>({S::Succeeded, S::Cancelled, S::Cancelled, S::Succeeded}));
        QVERIFY(journal.unfinished()->isEmpty());
    }

    void pausesAtTheGateUntilConfirmed()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        QSignalSpy asked(&runner, &DrillRunner::confirmationNeeded);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        runner.start(failbackPlan());
        QVERIFY(asked.wait(10000));
        QCOMPARE(asked.first().at(0).toInt(), 0);
        QCOMPARE(asked.first().at(1).toStringList(),
                 QStringList({QStringLiteral("hello from reverse-sync-review")}));
        // Waiting: nothing more runs until confirm().
        QTest::qWait(100);
        QCOMPARE(factory.log, QStringList({QStringLiteral("start reverse-sync-review")}));
        QVERIFY(runner.isRunning());
        QCOMPARE(runner.waitingForConfirmation(), 0);
        QCOMPARE(runner.record().awaitingConfirmation(), 0);
        QCOMPARE(runner.record().steps.at(1).state, DrillStepRecord::State::Pending);
        QVERIFY(finished.isEmpty());

        runner.confirm();
        QCOMPARE(runner.waitingForConfirmation(), -1);
        QVERIFY(finished.wait(10000));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(factory.log, QStringList({QStringLiteral("start reverse-sync-review"),
                                           QStringLiteral("start reverse-sync"),
                                           QStringLiteral("start start-on-main")}));
        const auto record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.state, DrillRecord::State::Succeeded);
        QCOMPARE(record.awaitingConfirmation(), -1);
    }

    void confirmInsideTheSignalGoesOn()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        connect(&runner, &DrillRunner::confirmationNeeded, &runner,
                [&](int, const QStringList&) { runner.confirm(); });
        const DrillRecord record = run(runner, failbackPlan());
        QCOMPARE(record.state, DrillRecord::State::Succeeded);
        QCOMPARE(factory.log.size(), 3);
    }

    void cancelAtTheGateStopsTheDrillAndCleansUp()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        DrillPlan plan = failbackPlan();
        plan.steps.prepend(step(DrillAction::CloneForDrill)); // registers a cleanup
        QSignalSpy asked(&runner, &DrillRunner::confirmationNeeded);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        runner.start(plan);
        QVERIFY(asked.wait(10000));
        QCOMPARE(asked.first().at(0).toInt(), 1);
        runner.confirm(); // not for this gate: nothing is waiting after cancel
        runner.cancel();
        runner.confirm();
        QVERIFY(finished.wait(10000));
        const auto record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.state, DrillRecord::State::Cancelled);
        using S = DrillStepRecord::State;
        QCOMPARE(states(record),
                 QList<S>({S::Succeeded, S::Succeeded, S::Skipped, S::Skipped, S::Succeeded}));
        QVERIFY(!factory.log.contains(QStringLiteral("start reverse-sync")));
        QCOMPARE(factory.log.last(), QStringLiteral("start remove-clones"));
    }

    void aFailedReviewDoesNotAsk()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("reverse-sync-review"), {Script::Fail});
        DrillRunner runner(factory, m_clock);
        QSignalSpy asked(&runner, &DrillRunner::confirmationNeeded);
        const DrillRecord record = run(runner, failbackPlan());
        QCOMPARE(record.state, DrillRecord::State::Failed);
        QVERIFY(asked.isEmpty());
        QVERIFY(!factory.log.contains(QStringLiteral("start reverse-sync")));
    }

    void aDrillKilledAtTheGateAsksAgainOnResume()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("gate.db")), m_clock);
        QVERIFY(db.ok());
        DrillJournal journal(**db, QStringLiteral("lab"));
        ScriptedFactory factory;
        qint64 id = -1;
        {
            // Relais killed while the user reads the review.
            DrillRunner runner(factory, m_clock);
            runner.setJournal(&journal);
            QSignalSpy asked(&runner, &DrillRunner::confirmationNeeded);
            runner.start(failbackPlan());
            QVERIFY(asked.wait(10000));
            id = runner.record().id;
        }
        const auto unfinished = journal.unfinished();
        QVERIFY(unfinished.ok());
        QCOMPARE(unfinished->size(), 1);
        const DrillRecord paused = unfinished->first();
        QCOMPARE(paused.id, id);
        QVERIFY(paused.steps.first().step.confirmAfter);
        QCOMPARE(paused.awaitingConfirmation(), 0);
        QCOMPARE(paused.steps.first().output,
                 QStringList({QStringLiteral("hello from reverse-sync-review")}));

        factory.log.clear();
        DrillRunner runner(factory, m_clock);
        runner.setJournal(&journal);
        QSignalSpy asked(&runner, &DrillRunner::confirmationNeeded);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        runner.resume(paused);
        QVERIFY(asked.wait(10000));
        // The review is not run again: its journaled output is shown.
        QVERIFY(factory.log.isEmpty());
        QCOMPARE(asked.first().at(1).toStringList(),
                 QStringList({QStringLiteral("hello from reverse-sync-review")}));
        runner.confirm();
        QVERIFY(finished.wait(10000));
        QCOMPARE(factory.log, QStringList({QStringLiteral("start reverse-sync"),
                                           QStringLiteral("start start-on-main")}));
        const auto after = journal.load(id);
        QCOMPARE(after->state, DrillRecord::State::Succeeded);
        QCOMPARE(after->awaitingConfirmation(), -1);
    }

    void resumesWhereTheDrillStopped()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("resume.db")), m_clock);
        QVERIFY(db.ok());
        DrillJournal journal(**db, QStringLiteral("lab"));
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("switch"), {Script::HangForever, Script::Succeed});
        DrillPlan plan;
        plan.mode = DrillMode::PlannedFailover;
        plan.steps = {step(DrillAction::StartOnBackup), step(DrillAction::Switch, 60),
                      step(DrillAction::LockReplication)};
        {
            DrillRunner runner(factory, m_clock);
            runner.setJournal(&journal);
            QSignalSpy started(&runner, &DrillRunner::stepStarted);
            runner.start(plan);
            QTRY_COMPARE(started.size(), 2);
        }
        const auto unfinished = journal.unfinished();
        QCOMPARE(unfinished->size(), 1);
        factory.log.clear();
        DrillRunner runner(factory, m_clock);
        runner.setJournal(&journal);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        runner.resume(unfinished->first());
        QVERIFY(finished.wait(10000));
        QCOMPARE(factory.log, QStringList({QStringLiteral("start switch"),
                                           QStringLiteral("start lock-replication")}));
        const auto after = journal.load(unfinished->first().id);
        QCOMPARE(after->state, DrillRecord::State::Succeeded);
        QCOMPARE(after->mode, DrillMode::PlannedFailover);
        const auto recent = journal.recent();
        QCOMPARE(recent->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDrillRunner)
#include "tst_drillrunner.moc"
