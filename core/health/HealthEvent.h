#pragma once

#include "HealthState.h"

#include <QDateTime>
#include <QString>

namespace relais {

/// A change of state worth keeping in the history: a probe's, a host's or
/// the site's.
struct HealthEvent
{
    enum class Scope
    {
        Probe,
        Host,
        Site,
    };

    QDateTime at;
    Scope scope = Scope::Probe;
    /// The probe's id, "main"/"backup" for hosts, the site's name for the site.
    QString target;
    HealthState from = HealthState::Unknown;
    HealthState to = HealthState::Unknown;
    bool flapping = false;
    QString reason; ///< technical English, never a secret

    bool operator==(const HealthEvent&) const = default;
};

} // namespace relais
