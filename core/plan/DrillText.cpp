#include "DrillText.h"

#include <QLocale>

namespace relais {

namespace {

QString side(HostRole role)
{
    return role == HostRole::Main ? DrillText::tr("main") : DrillText::tr("backup");
}

} // namespace

QString DrillText::title(const DrillStep& step)
{
    const QString containers = QLocale().createSeparatedList(step.containers);
    using A = DrillAction;
    switch (step.action) {
    case A::FinalSync:
        return tr("Final sync of \"%1\"").arg(step.job);
    case A::SnapshotMain:
        return tr("Snapshot %1 on main").arg(containers);
    case A::SnapshotBackup:
        return tr("Snapshot %1 on backup").arg(containers);
    case A::FenceMain:
        return tr("Stop %1 on main").arg(containers);
    case A::RefreshCopies:
        return tr("Refresh the backup copies of %1").arg(containers);
    case A::StartOnBackup:
        return tr("Start %1 on backup").arg(containers);
    case A::Switch:
        return tr("Switch %1 to %2").arg(step.service, side(step.target));
    case A::Verify:
        return tr("Check %1 on %2").arg(step.service, side(step.target));
    case A::LockReplication:
        return tr("Lock replication to backup");
    case A::Notify:
        return tr("Notify: %1").arg(step.message);
    case A::CloneForDrill:
        return tr("Clone %1 for the drill").arg(containers);
    case A::StartClones:
        return tr("Start the clones of %1").arg(containers);
    case A::ProbeClones:
        return tr("Probe the clones of %1").arg(containers);
    case A::ReadCanary:
        return tr("Read the canary in the clones of %1").arg(containers);
    case A::MeasureRpo:
        return tr("Measure the RPO on backup");
    case A::SwitchDrillRecord:
        return tr("Point the drill record of %1 at backup").arg(step.service);
    case A::VerifyDrillRecord:
        return tr("Wait for the drill record of %1 to converge").arg(step.service);
    case A::RemoveClones:
        return tr("Remove the clones of %1").arg(containers);
    case A::RemoveDrillRecord:
        return tr("Remove the drill record of %1").arg(step.service);
    case A::ReverseSyncReview:
        return tr("Review what \"%1\" would copy back to main").arg(step.job);
    case A::ReverseSync:
        return tr("Copy \"%1\" back to main").arg(step.job);
    case A::StopOnBackup:
        return tr("Stop %1 on backup").arg(containers);
    case A::RefreshMain:
        return tr("Refresh %1 on main from backup").arg(containers);
    case A::StartOnMain:
        return tr("Start %1 on main").arg(containers);
    case A::UnlockReplication:
        return tr("Unlock replication to backup");
    }
    return drillActionName(step.action);
}

QString DrillText::stepState(DrillStepRecord::State state)
{
    using S = DrillStepRecord::State;
    switch (state) {
    case S::Pending:
        return tr("waiting");
    case S::Running:
        return tr("running");
    case S::Succeeded:
        return tr("done");
    case S::Failed:
        return tr("failed");
    case S::Cancelled:
        return tr("cancelled");
    case S::Skipped:
        return tr("skipped");
    }
    return {};
}

QString DrillText::runState(DrillRecord::State state)
{
    using S = DrillRecord::State;
    switch (state) {
    case S::Running:
        return tr("running");
    case S::Succeeded:
        return tr("succeeded");
    case S::Failed:
        return tr("failed");
    case S::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString DrillText::mode(DrillMode mode)
{
    switch (mode) {
    case DrillMode::Rehearsal:
        return tr("Rehearsal");
    case DrillMode::PlannedFailover:
        return tr("Planned failover");
    case DrillMode::EmergencyFailover:
        return tr("Emergency failover");
    case DrillMode::Failback:
        return tr("Failback");
    }
    return {};
}

QString DrillText::duration(qint64 ms)
{
    if (ms < 0)
        return tr("—");
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace relais
