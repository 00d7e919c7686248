#pragma once

#include <QString>
#include <optional>

namespace relais {

/// What a drill does with the plan.
enum class DrillMode
{
    Rehearsal,         ///< isolated clones on backup; production untouched
    PlannedFailover,   ///< main answers: final sync and fencing included
    EmergencyFailover, ///< main is silent: the steps that need it are skipped
    Failback,          ///< back to main after a failover; never automatic
};

/// "rehearsal", "planned-failover", "emergency-failover", "failback".
QString drillModeName(DrillMode mode);
std::optional<DrillMode> drillModeFromName(const QString& name);

} // namespace relais
