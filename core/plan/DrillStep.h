#pragma once

#include "DrillAction.h"
#include "site/Host.h"
#include "site/RecoveryPlan.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace relais {

/// One step of a drill, ready to run: what to do, on what, with which
/// limits. Self-contained (toJson/fromJson) so that the journal can
/// resume or clean up a drill after a restart.
struct DrillStep
{
    DrillAction action = DrillAction::Notify;
    QString group;                      ///< the plan group it comes from ("" for cleanups)
    QString job;                        ///< sync job
    QStringList containers;             ///< LXD instances
    QString service;                    ///< service name
    HostRole target = HostRole::Backup; ///< switch / verify: the side to serve from
    QString message;                    ///< notify
    int timeoutSeconds = 60;
    int retries = 0;
    int retryDelaySeconds = 10;
    QList<PlanHook> before;
    QList<PlanHook> after;
    bool cleanup = false; ///< runs after the drill, whatever its outcome
    /// When it succeeds, the runner waits for the user's confirmation
    /// (its output to review) before the next step.
    bool confirmAfter = false;
    /// Remove drill record (a cleanup): the rehearsal created the drill
    /// record, so the cleanup deletes it. False: the record existed before,
    /// pointing at `target`, and the cleanup puts it back there. Kept in
    /// the journal, so a drill killed half way still cleans up right.
    bool drillRecordCreated = false;

    QJsonObject toJson() const;
    static std::optional<DrillStep> fromJson(const QJsonObject& object);

    bool operator==(const DrillStep&) const = default;
};

} // namespace relais
