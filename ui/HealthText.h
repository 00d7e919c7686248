#pragma once

#include "health/HealthError.h"
#include "health/HealthEvent.h"
#include "health/HealthState.h"
#include "health/ProbeResult.h"
#include "site/Host.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace relais {

class ProbeMonitor;
class SiteHealth;
struct ProbeSpec;

/// The words and colours of health for the user: a translated word per
/// state, a plain-language sentence per HealthError, a colour per state.
/// A state is always shown in words; the colour (and the shape of
/// HealthIcon) only repeats it.
class HealthText
{
    Q_DECLARE_TR_FUNCTIONS(HealthText)

public:
    /// "Up", "Degraded", "Down", "Unknown": capitalised, for labels and cells.
    static QString stateName(HealthState state);
    /// "up", "degraded", "down", "unknown": inside a sentence.
    static QString stateAdjective(HealthState state);
    /// The colour that repeats the state's word (never shown alone).
    static QColor stateColor(HealthState state);

    /// What went wrong, in plain language. @p timeoutSeconds (the probe's
    /// timeout) makes a Timeout precise; 0 when unknown.
    static QString errorSentence(HealthError error, int timeoutSeconds = 0);
    /// The sentence for a failed result; empty for a success.
    static QString failureSentence(const ProbeResult& result, int timeoutSeconds = 0);

    /// "Up → Down"; a flapping toggle alone (from == to) is said as such.
    static QString change(HealthState from, HealthState to, bool flapping = false);
    /// "Main", "Backup".
    static QString roleName(HostRole role);
    /// A time of day in local time ("14:03:07"), with the date when it is
    /// not the day of @p now.
    static QString time(const QDateTime& at, const QDateTime& now = QDateTime::currentDateTime());

    /// The plain-language sentence for the monitor's last result; empty
    /// when it answered (or has not yet).
    static QString lastFailure(const SiteHealth& health, const ProbeMonitor& monitor);
};

} // namespace relais
