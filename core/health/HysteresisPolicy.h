#pragma once

namespace relais {

/// How many results a target's health verdict needs before it changes, and
/// when a target counts as flapping. The thresholds come from the probe's
/// `fail_threshold` / `recover_threshold` in the site document.
struct HysteresisPolicy
{
    /// Down after this many consecutive failures (Heartbeat's deadtime,
    /// Route 53's failure threshold). Values below 1 count as 1.
    int failThreshold = 3;
    /// Up again after this many consecutive successes. Values below 1
    /// count as 1.
    int recoverThreshold = 2;
    /// The flap window: the last N checks, the current one included.
    int flapWindowChecks = 20;
    /// A target is flapping once the flap window holds at least this many
    /// state changes. It stops flapping once the window holds fewer than
    /// flapClearBelow() changes, so the flag itself does not flap.
    /// 0 (or a window of 0) turns flap detection off.
    int flapChanges = 4;

    /// Whether flapping is detected at all.
    constexpr bool flapDetectionEnabled() const { return flapWindowChecks > 0 && flapChanges > 0; }

    /// Flapping clears when the window holds fewer changes than this: half
    /// of flapChanges, rounded up (4 → fewer than 2, 5 → fewer than 3).
    constexpr int flapClearBelow() const { return (flapChanges + 1) / 2; }

    bool operator==(const HysteresisPolicy&) const = default;
};

} // namespace relais
