#pragma once

#include "DrillRecord.h"
#include "notify/NotifyMessage.h"
#include "site/Targets.h"

namespace relais {

/// What the channels hear when a drill ends: the mode and outcome as the
/// title; RTO and RPO against the targets and the reason of a failure as
/// the text; critical when the drill did not succeed, a warning when a
/// target was missed. Shared by the console and relaisctl.
class DrillNotification
{
public:
    static NotifyMessage message(const DrillRecord& record, const QString& site,
                                 const Targets& targets);
};

} // namespace relais
