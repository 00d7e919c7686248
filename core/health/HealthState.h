#pragma once

namespace relais {

/// The health of one target (a probe's target, later a host or a service).
///
/// A single probe target is only ever Unknown, Up or Down (see Hysteresis);
/// Degraded is for aggregates, for example a host some of whose probes are
/// down while others answer.
enum class HealthState
{
    Unknown, ///< no verdict yet: nothing checked, or too few failures to say
    Up,
    Degraded,
    Down,
};

/// A stable lowercase name for logs, the database and the command line:
/// "unknown", "up", "degraded", "down". Not translated; the UI has its own.
constexpr const char* healthStateName(HealthState state)
{
    switch (state) {
    case HealthState::Unknown:
        return "unknown";
    case HealthState::Up:
        return "up";
    case HealthState::Degraded:
        return "degraded";
    case HealthState::Down:
        return "down";
    }
    return "unknown";
}

/// The worse of two states, for summaries (a host from its probes, a site
/// from its hosts). From best to worst: Up, Unknown, Degraded, Down.
///
/// Unknown ranks worse than Up: a summary must not claim "all up" while one
/// of its targets has not answered yet. It ranks better than Degraded and
/// Down, which are verdicts that something is wrong.
constexpr HealthState worst(HealthState a, HealthState b)
{
    const auto rank = [](HealthState state) {
        switch (state) {
        case HealthState::Up:
            return 0;
        case HealthState::Unknown:
            return 1;
        case HealthState::Degraded:
            return 2;
        case HealthState::Down:
            return 3;
        }
        return 1;
    };
    return rank(b) > rank(a) ? b : a;
}

} // namespace relais
