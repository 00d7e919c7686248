#pragma once

#include "HealthError.h"
#include "site/Host.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace relais {

/// The outcome of one check.
struct ProbeResult
{
    bool ok = false;
    qint64 latencyMs = -1; ///< time to the answer (or to the failure)
    std::optional<HealthError> error;
    QString message; ///< technical English detail, safe to log
    /// DNS probes: the side the record points to, when it is one of them.
    std::optional<HostRole> pointsTo;
    /// DNS probes: the addresses answered.
    QStringList answers;

    static ProbeResult success(qint64 latencyMs, QString message = {})
    {
        ProbeResult r;
        r.ok = true;
        r.latencyMs = latencyMs;
        r.message = std::move(message);
        return r;
    }
    static ProbeResult failure(HealthError error, qint64 latencyMs, QString message)
    {
        ProbeResult r;
        r.error = error;
        r.latencyMs = latencyMs;
        r.message = std::move(message);
        return r;
    }
};

} // namespace relais
