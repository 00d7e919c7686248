#pragma once

#include <QDateTime>

namespace relais {

/// One check's latency, for sparklines. A failed check has latencyMs < 0.
struct LatencySample
{
    QDateTime at;
    qint64 latencyMs = -1;
    bool ok = false;

    bool operator==(const LatencySample&) const = default;
};

} // namespace relais
