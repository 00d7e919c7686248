#pragma once

namespace relais {

/// Recovery targets the drills are measured against.
struct Targets
{
    int rpoMinutes = 60;
    int rtoMinutes = 60;

    bool operator==(const Targets&) const = default;
};

} // namespace relais
