#include "DrillPlanner.h"

#include "site/Site.h"

#include <algorithm>

namespace relais {

namespace {

DrillStep derive(const PlanGroup& group, const PlanStep& spec, DrillAction action)
{
    DrillStep step;
    step.action = action;
    step.group = group.name;
    step.job = spec.job;
    step.containers = spec.containers;
    step.service = spec.service;
    step.message = spec.message;
    step.timeoutSeconds =
        spec.timeoutSeconds > 0 ? spec.timeoutSeconds : DrillPlanner::defaultTimeoutSeconds(action);
    step.retries = spec.retries;
    step.retryDelaySeconds = spec.retryDelaySeconds;
    return step;
}

/// Appends the steps made of one plan step, the plan's hooks on the first
/// (before) and last (after) of them.
void append(DrillPlan& plan, QList<DrillStep> steps, const PlanStep& spec)
{
    if (steps.isEmpty())
        return;
    steps.first().before = spec.before;
    steps.last().after = spec.after;
    plan.steps.append(steps);
}

QString containerList(const QStringList& containers)
{
    return containers.join(QStringLiteral(", "));
}

void planFailover(const Site& site, DrillPlan& plan, bool mainAnswers)
{
    bool rpoMeasured = site.syncJobs.isEmpty();
    for (const PlanGroup& group : site.plan.groups) {
        for (const PlanStep& spec : group.steps) {
            using K = PlanStep::Kind;
            using A = DrillAction;
            QList<DrillStep> steps;
            switch (spec.kind) {
            case K::Sync:
                if (mainAnswers)
                    steps.append(derive(group, spec, A::FinalSync));
                else
                    plan.decisions.append(
                        DrillPlanner::tr("Main is silent: final sync of job \"%1\" skipped.")
                            .arg(spec.job));
                break;
            case K::Snapshot:
                if (mainAnswers)
                    steps.append(derive(group, spec, A::SnapshotMain));
                else
                    plan.decisions.append(
                        DrillPlanner::tr("Main is silent: no snapshot of %1 on main.")
                            .arg(containerList(spec.containers)));
                steps.append(derive(group, spec, A::SnapshotBackup));
                break;
            case K::Fence:
                if (mainAnswers)
                    steps.append(derive(group, spec, A::FenceMain));
                else
                    plan.decisions.append(
                        DrillPlanner::tr("Main is silent: %1 not stopped on main (fencing "
                                         "skipped).")
                            .arg(containerList(spec.containers)));
                break;
            case K::Refresh:
                if (mainAnswers)
                    steps.append(derive(group, spec, A::RefreshCopies));
                else
                    plan.decisions.append(
                        DrillPlanner::tr("Main is silent: the backup copies of %1 are used as "
                                         "they are.")
                            .arg(containerList(spec.containers)));
                break;
            case K::Start:
                steps.append(derive(group, spec, A::StartOnBackup));
                break;
            case K::Switch:
                // RPO: the age of the data backup serves from, right
                // before it takes over.
                if (!rpoMeasured) {
                    DrillStep measure = derive(group, spec, A::MeasureRpo);
                    measure.timeoutSeconds = DrillPlanner::defaultTimeoutSeconds(A::MeasureRpo);
                    measure.retries = 0;
                    measure.before.clear();
                    measure.after.clear();
                    plan.steps.append(measure); // the switch's hooks stay on the switch
                    rpoMeasured = true;
                }
                steps.append(derive(group, spec, A::Switch));
                steps.last().target = HostRole::Backup;
                break;
            case K::Verify:
                steps.append(derive(group, spec, A::Verify));
                steps.last().target = HostRole::Backup;
                break;
            case K::Lock:
                steps.append(derive(group, spec, A::LockReplication));
                break;
            case K::Notify:
                steps.append(derive(group, spec, A::Notify));
                break;
            }
            append(plan, steps, spec);
        }
    }
}

void planRehearsal(const Site& site, DrillPlan& plan)
{
    bool skippedProduction = false;
    for (const PlanGroup& group : site.plan.groups) {
        for (const PlanStep& spec : group.steps) {
            using K = PlanStep::Kind;
            using A = DrillAction;
            QList<DrillStep> steps;
            switch (spec.kind) {
            case K::Sync:
            case K::Snapshot:
            case K::Fence:
            case K::Refresh:
            case K::Lock:
                skippedProduction = true;
                break;
            case K::Start:
                steps.append(derive(group, spec, A::CloneForDrill));
                steps.append(derive(group, spec, A::StartClones));
                steps.append(derive(group, spec, A::ProbeClones));
                steps.append(derive(group, spec, A::ReadCanary));
                break;
            case K::Switch:
                if (site.plan.drillRecord.isEmpty()) {
                    plan.decisions.append(
                        DrillPlanner::tr("No drill record in the plan: the DNS switch of "
                                         "\"%1\" is not rehearsed.")
                            .arg(spec.service));
                    break;
                }
                steps.append(derive(group, spec, A::SwitchDrillRecord));
                steps.append(derive(group, spec, A::VerifyDrillRecord));
                break;
            case K::Verify:
                // The copies are probed right after they start.
                break;
            case K::Notify:
                steps.append(derive(group, spec, A::Notify));
                break;
            }
            append(plan, steps, spec);
        }
    }
    if (skippedProduction)
        plan.decisions.append(DrillPlanner::tr(
            "Rehearsal: sync, snapshot, fencing, refresh and lock steps are not run; "
            "production is not touched."));
}

void planFailback(const Site& site, DrillPlan& plan)
{
    using K = PlanStep::Kind;
    using A = DrillAction;
    auto forEach = [&](K kind, auto&& body, bool reverse = false) {
        QList<std::pair<const PlanGroup*, const PlanStep*>> found;
        for (const PlanGroup& group : site.plan.groups) {
            for (const PlanStep& spec : group.steps) {
                if (spec.kind == kind)
                    found.append({&group, &spec});
            }
        }
        if (reverse)
            std::reverse(found.begin(), found.end());
        for (const auto& [group, spec] : found)
            body(*group, *spec);
    };

    forEach(K::Sync, [&](const PlanGroup& group, const PlanStep& spec) {
        // The user reads the dry run's change list before anything is copied.
        DrillStep review = derive(group, spec, A::ReverseSyncReview);
        review.confirmAfter = true;
        append(plan, {review, derive(group, spec, A::ReverseSync)}, spec);
    });
    forEach(
        K::Start,
        [&](const PlanGroup& group, const PlanStep& spec) {
            plan.steps.append(derive(group, spec, A::StopOnBackup));
        },
        true);
    forEach(K::Refresh, [&](const PlanGroup& group, const PlanStep& spec) {
        plan.steps.append(derive(group, spec, A::RefreshMain));
    });
    forEach(K::Start, [&](const PlanGroup& group, const PlanStep& spec) {
        append(plan, {derive(group, spec, A::StartOnMain)}, spec);
    });
    forEach(K::Switch, [&](const PlanGroup& group, const PlanStep& spec) {
        DrillStep step = derive(group, spec, A::Switch);
        step.target = HostRole::Main;
        append(plan, {step}, spec);
    });
    forEach(K::Verify, [&](const PlanGroup& group, const PlanStep& spec) {
        DrillStep step = derive(group, spec, A::Verify);
        step.target = HostRole::Main;
        append(plan, {step}, spec);
    });
    forEach(K::Lock, [&](const PlanGroup& group, const PlanStep& spec) {
        plan.steps.append(derive(group, spec, A::UnlockReplication));
    });
    forEach(K::Notify, [&](const PlanGroup& group, const PlanStep& spec) {
        append(plan, {derive(group, spec, A::Notify)}, spec);
    });
}

} // namespace

DrillPlan DrillPlanner::plan(const Site& site, DrillMode mode)
{
    DrillPlan plan;
    plan.mode = mode;
    switch (mode) {
    case DrillMode::Rehearsal:
        planRehearsal(site, plan);
        break;
    case DrillMode::PlannedFailover:
        planFailover(site, plan, true);
        break;
    case DrillMode::EmergencyFailover:
        planFailover(site, plan, false);
        break;
    case DrillMode::Failback:
        planFailback(site, plan);
        break;
    }
    return plan;
}

int DrillPlanner::defaultTimeoutSeconds(DrillAction action)
{
    using A = DrillAction;
    switch (action) {
    case A::FinalSync:
    case A::RefreshCopies:
    case A::ReverseSync:
    case A::RefreshMain:
        return 3600;
    case A::ReverseSyncReview:
    case A::SnapshotMain:
    case A::SnapshotBackup:
    case A::CloneForDrill:
    case A::Switch:
    case A::SwitchDrillRecord:
        return 900;
    case A::FenceMain:
    case A::StartOnBackup:
    case A::StartClones:
    case A::ProbeClones:
    case A::Verify:
    case A::VerifyDrillRecord:
    case A::RemoveClones:
    case A::RemoveDrillRecord:
    case A::StopOnBackup:
    case A::StartOnMain:
        return 300;
    case A::ReadCanary:
    case A::MeasureRpo:
    case A::LockReplication:
    case A::UnlockReplication:
    case A::Notify:
        return 60;
    }
    return 300;
}

} // namespace relais
