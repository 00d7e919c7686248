#pragma once

#include <QDateTime>

namespace relais {

/// Time source injected wherever time matters (probes, schedules, drills),
/// so tests drive time instead of waiting for it.
class Clock
{
public:
    virtual ~Clock() = default;

    /// Wall-clock time, UTC.
    virtual QDateTime now() const = 0;
    /// Monotonic milliseconds since an arbitrary origin, for durations.
    virtual qint64 monotonicMs() const = 0;
};

} // namespace relais
