#pragma once

#include "DrillMode.h"
#include "DrillStep.h"

#include <QList>
#include <QStringList>

namespace relais {

/// The steps of one drill, in order, and what the planner decided on the
/// way ("main is silent: final sync of \"www\" skipped").
struct DrillPlan
{
    DrillMode mode = DrillMode::Rehearsal;
    QList<DrillStep> steps;
    QStringList decisions;
};

} // namespace relais
