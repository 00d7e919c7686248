#pragma once

#include "HealthState.h"

#include <QDateTime>
#include <QString>

namespace relais {

/// One change reported by Hysteresis::record(): the target's state changed
/// (from != to), its flapping flag toggled (from == to), or both at once.
struct StateChange
{
    /// The time of the check that caused the change (the caller's clock).
    QDateTime at;
    HealthState from = HealthState::Unknown;
    HealthState to = HealthState::Unknown;
    /// The flapping flag after this check, whether or not it toggled.
    bool flapping = false;
    /// Technical English for logs and history; the UI translates from the
    /// states, not from this text. To Down: the reason of the last failure.
    QString reason;

    bool operator==(const StateChange&) const = default;
};

} // namespace relais
