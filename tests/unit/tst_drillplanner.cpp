#include "plan/DrillPlanner.h"
#include "site/SiteDocument.h"

#include <QTest>

using namespace relais;

namespace {

Site planSite()
{
    const Result<Site> site =
        SiteDocument::load(QStringLiteral(RELAIS_TEST_DATA_DIR "/site/good/plan.json"));
    if (!site) {
        qWarning().noquote() << site.error().toString();
        return {};
    }
    return *site;
}

QStringList actions(const DrillPlan& plan)
{
    QStringList names;
    for (const DrillStep& step : plan.steps)
        names.append(drillActionName(step.action) + QLatin1Char(':') + step.group);
    return names;
}

QStringList names(std::initializer_list<const char*> list)
{
    QStringList result;
    for (const char* name : list)
        result.append(QLatin1String(name));
    return result;
}

} // namespace

class TestDrillPlanner : public QObject
{
    Q_OBJECT

private slots:
    void readsThePlanFromTheSiteDocument()
    {
        const Site site = planSite();
        QCOMPARE(site.plan.groups.size(), 2);
        QCOMPARE(site.plan.groups.first().name, QStringLiteral("database"));
        const PlanStep& start = site.plan.groups.first().steps.at(4);
        QCOMPARE(start.kind, PlanStep::Kind::Start);
        QCOMPARE(start.retries, 2);
        QCOMPARE(start.after.size(), 1);
        QCOMPARE(start.after.first().host, HostRole::Backup);
        QCOMPARE(start.after.first().timeoutSeconds, 120);
        QCOMPARE(site.plan.groups.at(1).steps.at(1).before.first().timeoutSeconds, 600);
        QCOMPARE(site.plan.drillRecord, QStringLiteral("drill"));
        QCOMPARE(site.plan.deadTimeSeconds, 600);
        QVERIFY(!site.plan.autoFailover);
    }

    void plannedFailoverRunsEveryStep()
    {
        const DrillPlan plan = DrillPlanner::plan(planSite(), DrillMode::PlannedFailover);
        QCOMPARE(actions(plan),
                 names({"final-sync:database", "snapshot-main:database", "snapshot-backup:database",
                        "fence-main:database", "refresh-copies:database",
                        "start-on-backup:database", "start-on-backup:web", "measure-rpo:web",
                        "switch:web", "verify:web", "lock-replication:web", "notify:web"}));
        QVERIFY(plan.decisions.isEmpty());
        QCOMPARE(plan.steps.first().timeoutSeconds, 1800);
        QCOMPARE(plan.steps.at(1).timeoutSeconds,
                 DrillPlanner::defaultTimeoutSeconds(DrillAction::SnapshotMain));
        // The RPO is read right before the switch, without the switch's hooks.
        const DrillStep& measure = plan.steps.at(7);
        QCOMPARE(measure.action, DrillAction::MeasureRpo);
        QVERIFY(measure.before.isEmpty());
        QVERIFY(measure.after.isEmpty());
        QCOMPARE(measure.timeoutSeconds,
                 DrillPlanner::defaultTimeoutSeconds(DrillAction::MeasureRpo));
        const DrillStep& switchStep = plan.steps.at(8);
        QCOMPARE(switchStep.target, HostRole::Backup);
        QCOMPARE(switchStep.before.size(), 1);
        // A hook stays with the step it was written on.
        QCOMPARE(plan.steps.at(5).after.first().command,
                 QStringLiteral("/usr/local/bin/adapt-data"));
        QCOMPARE(plan.steps.at(5).retries, 2);
        QVERIFY(plan.steps.at(6).after.isEmpty());
    }

    void emergencyFailoverSkipsWhatNeedsMainAndSaysSo()
    {
        const DrillPlan plan = DrillPlanner::plan(planSite(), DrillMode::EmergencyFailover);
        QCOMPARE(actions(plan), names({"snapshot-backup:database", "start-on-backup:database",
                                       "start-on-backup:web", "measure-rpo:web", "switch:web",
                                       "verify:web", "lock-replication:web", "notify:web"}));
        QCOMPARE(plan.decisions.size(), 4);
        QVERIFY(plan.decisions.first().contains(QStringLiteral("www-data")));
    }

    void aSiteWithoutSyncJobHasNoRpoToMeasure()
    {
        Site site = planSite();
        site.syncJobs.clear();
        const DrillPlan plan = DrillPlanner::plan(site, DrillMode::PlannedFailover);
        QVERIFY(!actions(plan).contains(QStringLiteral("measure-rpo:web")));
        QVERIFY(actions(plan).contains(QStringLiteral("switch:web")));
    }

    void rehearsalNeverTouchesProduction()
    {
        const DrillPlan plan = DrillPlanner::plan(planSite(), DrillMode::Rehearsal);
        QCOMPARE(actions(plan),
                 names({"clone-for-drill:database", "start-clones:database",
                        "probe-clones:database", "read-canary:database", "clone-for-drill:web",
                        "start-clones:web", "probe-clones:web", "read-canary:web",
                        "switch-drill-record:web", "verify-drill-record:web", "notify:web"}));
        for (const DrillStep& step : plan.steps) {
            QVERIFY(step.action != DrillAction::Switch);
            QVERIFY(step.action != DrillAction::FenceMain);
            QVERIFY(step.action != DrillAction::FinalSync);
        }
        QCOMPARE(plan.decisions.size(), 1);
    }

    void rehearsalWithoutDrillRecordSkipsTheDns()
    {
        Site site = planSite();
        site.plan.drillRecord.clear();
        const DrillPlan plan = DrillPlanner::plan(site, DrillMode::Rehearsal);
        QVERIFY(!actions(plan).contains(QStringLiteral("switch-drill-record:web")));
        QCOMPARE(plan.decisions.size(), 2);
    }

    void failbackReversesTheWay()
    {
        const DrillPlan plan = DrillPlanner::plan(planSite(), DrillMode::Failback);
        QCOMPARE(actions(plan),
                 names({"reverse-sync-review:database", "reverse-sync:database",
                        "stop-on-backup:web", "stop-on-backup:database", "refresh-main:database",
                        "start-on-main:database", "start-on-main:web", "switch:web", "verify:web",
                        "unlock-replication:web", "notify:web"}));
        QCOMPARE(plan.steps.at(7).target, HostRole::Main);
        QCOMPARE(plan.steps.at(8).target, HostRole::Main);
    }

    void onlyTheReverseSyncReviewAsksForConfirmation()
    {
        for (DrillMode mode : {DrillMode::Rehearsal, DrillMode::PlannedFailover,
                               DrillMode::EmergencyFailover, DrillMode::Failback}) {
            const DrillPlan plan = DrillPlanner::plan(planSite(), mode);
            int gates = 0;
            for (const DrillStep& step : plan.steps) {
                QCOMPARE(step.confirmAfter, step.action == DrillAction::ReverseSyncReview);
                gates += step.confirmAfter ? 1 : 0;
            }
            QCOMPARE(gates, mode == DrillMode::Failback ? 1 : 0);
        }
        const DrillPlan failback = DrillPlanner::plan(planSite(), DrillMode::Failback);
        const auto again = DrillStep::fromJson(failback.steps.first().toJson());
        QVERIFY(again.has_value());
        QVERIFY(again->confirmAfter);
        QVERIFY(!DrillStep::fromJson(failback.steps.at(1).toJson())->confirmAfter);
    }

    void stepsSurviveTheJournal()
    {
        const DrillPlan plan = DrillPlanner::plan(planSite(), DrillMode::PlannedFailover);
        for (const DrillStep& step : plan.steps) {
            const auto again = DrillStep::fromJson(step.toJson());
            QVERIFY(again.has_value());
            QCOMPARE(*again, step);
        }
        QVERIFY(!DrillStep::fromJson(QJsonObject{{QStringLiteral("action"), QStringLiteral("x")}}));
    }

    void noPlanNothingToRun()
    {
        Site site = planSite();
        site.plan = RecoveryPlan();
        for (DrillMode mode : {DrillMode::Rehearsal, DrillMode::PlannedFailover,
                               DrillMode::EmergencyFailover, DrillMode::Failback})
            QVERIFY(DrillPlanner::plan(site, mode).steps.isEmpty());
    }

    void modeNames()
    {
        for (DrillMode mode : {DrillMode::Rehearsal, DrillMode::PlannedFailover,
                               DrillMode::EmergencyFailover, DrillMode::Failback})
            QCOMPARE(drillModeFromName(drillModeName(mode)), std::optional<DrillMode>(mode));
        QVERIFY(!drillModeFromName(QStringLiteral("drill")));
    }
};

QTEST_GUILESS_MAIN(TestDrillPlanner)
#include "tst_drillplanner.moc"
