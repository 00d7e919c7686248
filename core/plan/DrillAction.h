#pragma once

#include <QString>
#include <optional>

namespace relais {

/// What one drill step does. DrillPlanner derives them from the plan's
/// steps and the drill mode; a StepJobFactory makes jobs of them.
enum class DrillAction
{
    // Failover
    FinalSync,         ///< run the sync job once more, main → backup
    SnapshotMain,      ///< snapshot the containers on main
    SnapshotBackup,    ///< snapshot the containers on backup (rollback point)
    FenceMain,         ///< stop the containers on main
    RefreshCopies,     ///< refresh the backup copies from main
    StartOnBackup,     ///< start the containers on backup, wait for the probes
    Switch,            ///< point the service's record at the target side
    Verify,            ///< probe the service on the target side, check DNS
    LockReplication,   ///< lock main → backup replication
    Notify,            ///< tell the user
                       // Rehearsal
    CloneForDrill,     ///< isolated copies of the backup containers
    StartClones,       ///< start those copies
    ProbeClones,       ///< probe the copies directly
    ReadCanary,        ///< read the RPO canary inside the copies
    SwitchDrillRecord, ///< point the drill record at the backup (created when missing)
    VerifyDrillRecord, ///< wait until every authoritative server answers it
    RemoveClones,      ///< cleanup: delete the copies
    RemoveDrillRecord, ///< cleanup: delete the drill record made, or put back one that existed
                       // Failback
    ReverseSyncReview, ///< dry run backup → main, shown to the user
    ReverseSync,       ///< sync backup → main; refused on conflicting changes
    StopOnBackup,      ///< stop the containers on backup
    RefreshMain,       ///< refresh main's containers from backup
    StartOnMain,       ///< start the containers on main, wait for the probes
    UnlockReplication, ///< main → backup replication allowed again
                       // Failover, added later (names are stable)
    MeasureRpo,        ///< read the canaries on backup right before the switch: the RPO
};

/// Stable name used in the journal ("final-sync", "start-on-backup"…).
QString drillActionName(DrillAction action);
std::optional<DrillAction> drillActionFromName(const QString& name);

} // namespace relais
