#pragma once

#include "DrillMode.h"
#include "DrillStep.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <optional>

namespace relais {

/// The steps of one drill, in order, and what the planner decided on the
/// way ("main is silent: final sync of \"www\" skipped").
struct DrillPlan
{
    DrillMode mode = DrillMode::Rehearsal;
    QList<DrillStep> steps;
    QStringList decisions;
    /// Automatic failover: when the failure was detected; RTO counts from
    /// there instead of from the drill's start.
    std::optional<QDateTime> failureDetectedAt;
};

} // namespace relais
