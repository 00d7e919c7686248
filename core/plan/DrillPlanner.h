#pragma once

#include "DrillPlan.h"

#include <QCoreApplication>

namespace relais {

struct Site;

/// Turns a site's recovery plan into the steps of one drill.
///
/// - **Rehearsal** touches no production container and no production
///   record: each `start` step becomes isolated copies of the backup
///   containers (removed afterwards, whatever happens), started, probed
///   directly and searched for the RPO canary; each `switch` step points
///   the plan's drill record at the backup and waits for it to converge.
///   Sync, snapshot, fence, refresh and lock steps are not run.
/// - **Planned failover** runs every step as written.
/// - **Emergency failover** skips what needs main (final sync, fencing,
///   snapshots and refreshes from main) and says so in the decisions.
/// - **Failback**: for each sync job a dry run to review, then the
///   reverse sync; the containers stopped on backup (last group first),
///   main's copies refreshed, started on main (plan order); each record
///   switched back and verified; replication unlocked; notifications.
///
/// Hooks stay with the step they were written on. Timeouts left at 0 in
/// the plan get the action's default (defaultTimeoutSeconds()).
class DrillPlanner
{
    Q_DECLARE_TR_FUNCTIONS(DrillPlanner)

public:
    static DrillPlan plan(const Site& site, DrillMode mode);
    static int defaultTimeoutSeconds(DrillAction action);
};

} // namespace relais
