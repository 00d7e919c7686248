#pragma once

#include "HealthState.h"
#include "HysteresisPolicy.h"
#include "StateChange.h"

#include <QDateTime>
#include <QString>
#include <deque>
#include <optional>

namespace relais {

/// The verdict on one probe target, from its stream of check results: the
/// hysteresis that keeps one lost packet from declaring a server down, and
/// the flap detection that tells a target changing its mind too often.
///
/// Pure logic: no timer and no I/O. The caller (a probe monitor) runs the
/// checks and passes each result with the time read from its injected Clock.
///
/// Rules:
/// - The state starts Unknown and is only ever Unknown, Up or Down.
/// - From Unknown, the first success gives Up at once (a fresh console shows
///   a live target without delay); Down needs failThreshold consecutive
///   failures, as from Up, because going Down is what alerts and may fail
///   over. Until then the state stays Unknown.
/// - From Up, failThreshold consecutive failures give Down; fewer keep Up.
/// - From Down, recoverThreshold consecutive successes give Up.
/// - A success resets the count of consecutive failures, and a failure the
///   count of consecutive successes.
/// - Flapping: each check is remembered in a window of the last
///   flapWindowChecks checks, marked when it changed the state. The first
///   verdict out of Unknown is not marked (it is not a change of mind). The
///   target becomes flapping when the window holds flapChanges marks, and
///   stops when it holds fewer than flapClearBelow(). Flapping does not hold
///   state changes back; it is reported beside them, and whoever notifies
///   decides what to do with it.
class Hysteresis
{
public:
    explicit Hysteresis(const HysteresisPolicy& policy = {});

    /// Records one check result. Returns a change when the state changed,
    /// when the flapping flag toggled, or both (then a single change with
    /// from != to and the new flag); nothing otherwise.
    ///
    /// @p reason explains a failure ("connection refused"); an empty one is
    /// recorded as "check failed". The reason of a success is not kept.
    ///
    /// The change's reason: to Down, the last failure's reason; to Up from
    /// Unknown, "first successful check"; to Up from Down, "recovered after
    /// N successful checks"; a flapping toggle alone, "flapping: N state
    /// changes in the last M checks" or "stable again: …". When the flag
    /// toggles with the state, "; flapping: …" follows the state's reason.
    /// (The flag is only ever set by a check that changes the state, and
    /// only ever cleared by one that does not.)
    std::optional<StateChange> record(bool success, const QDateTime& at,
                                      const QString& reason = {});

    HealthState state() const { return m_state; }
    bool flapping() const { return m_flapping; }
    int consecutiveFailures() const { return m_failures; }
    int consecutiveSuccesses() const { return m_successes; }
    /// When the state last changed (flapping toggles do not count); null
    /// before the first change.
    QDateTime lastChange() const { return m_lastChange; }
    /// The reason of the last failure, kept across later successes; empty
    /// before the first failure.
    QString lastError() const { return m_lastError; }

    /// The policy in effect, thresholds raised to at least 1.
    const HysteresisPolicy& policy() const { return m_policy; }

    /// Forgets everything: Unknown, not flapping, no history.
    void reset();

private:
    HealthState nextState(bool success) const;
    void remember(bool changed);
    QString flapReason() const;

    HysteresisPolicy m_policy;
    HealthState m_state = HealthState::Unknown;
    bool m_flapping = false;
    int m_failures = 0;
    int m_successes = 0;
    QDateTime m_lastChange;
    QString m_lastError;
    /// The flap window, oldest first: true for a check that changed the state.
    std::deque<bool> m_window;
    int m_windowChanges = 0;
};

} // namespace relais
