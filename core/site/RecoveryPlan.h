#pragma once

#include "SyncJob.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace relais {

/// A command run over SSH on a host before or after a plan step (a data
/// adaptation script after a restore, say), with its own timeout. Same
/// shape as a sync job's pre-hook.
using PlanHook = SyncHook;

/// One step of a recovery plan, as the site document writes it. What it
/// becomes in each drill mode is DrillPlanner's business.
struct PlanStep
{
    enum class Kind
    {
        Sync,     ///< final sync: run rsync job `job` (main must answer)
        Snapshot, ///< snapshot `containers` on main (when it answers) and backup
        Fence,    ///< stop `containers` on main when main answers
        Refresh,  ///< refresh the backup copies of `containers` from main
        Start,    ///< start `containers` on backup and wait for the service's probes
        Switch,   ///< move service `service`'s DNS record to the other side
        Verify,   ///< probe service `service` through the new side and check DNS
        Lock,     ///< lock main→backup replication (backup is active)
        Notify,   ///< tell the user `message`
    };

    Kind kind = Kind::Notify;
    QString job;            ///< sync
    QStringList containers; ///< snapshot, fence, refresh, start
    QString service;        ///< start (its probes), switch, verify
    QString message;        ///< notify
    /// 0: the kind's default (see DrillPlanner).
    int timeoutSeconds = 0;
    int retries = 0;
    int retryDelaySeconds = 10;
    QList<PlanHook> before;
    QList<PlanHook> after;

    bool operator==(const PlanStep&) const = default;
};

/// Steps that go together (the database before the web), run in order.
struct PlanGroup
{
    QString name;
    QList<PlanStep> steps;

    bool operator==(const PlanGroup&) const = default;
};

/// How a site recovers: the ordered groups of steps, and what the drills
/// need besides.
struct RecoveryPlan
{
    QList<PlanGroup> groups;
    /// The record a rehearsal points at the backup instead of the
    /// service's own ("drill" → drill.example.test), in each switched
    /// service's zone. Empty: rehearsals skip the DNS part.
    QString drillRecord;
    /// Fail over by itself when main is down from the console and from the
    /// backup for deadTimeSeconds. Off by default.
    bool autoFailover = false;
    int deadTimeSeconds = 300;

    bool isEmpty() const { return groups.isEmpty(); }
    bool operator==(const RecoveryPlan&) const = default;
};

} // namespace relais
