#pragma once

#include "DrillStep.h"
#include "common/Result.h"

class QObject;

namespace relais {

class DrillContext;
class StepJob;

/// Makes the jobs that carry out drill steps and hooks: the product's
/// factory drives LXD, rsync, DNS and the probes; tests give their own.
class StepJobFactory
{
public:
    virtual ~StepJobFactory() = default;

    /// A job for @p step, parented to @p parent, not started. Steps that
    /// create something to remove afterwards register its cleanup step in
    /// @p context; steps that measure report it there (service up, RPO).
    virtual Result<StepJob*> create(const DrillStep& step, DrillContext& context,
                                    QObject* parent) = 0;
    /// A job running @p hook (a command over SSH on its host).
    virtual Result<StepJob*> createHook(const PlanHook& hook, QObject* parent) = 0;
};

} // namespace relais
