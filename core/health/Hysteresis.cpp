#include "Hysteresis.h"

#include <algorithm>

namespace relais {

namespace {

HysteresisPolicy normalized(HysteresisPolicy policy)
{
    policy.failThreshold = std::max(policy.failThreshold, 1);
    policy.recoverThreshold = std::max(policy.recoverThreshold, 1);
    policy.flapWindowChecks = std::max(policy.flapWindowChecks, 0);
    policy.flapChanges = std::max(policy.flapChanges, 0);
    return policy;
}

/// "1 check", "2 checks": the count with the right noun, for log texts.
QString counted(int count, QLatin1StringView one, QLatin1StringView many)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? one : many);
}

} // namespace

Hysteresis::Hysteresis(const HysteresisPolicy& policy)
    : m_policy(normalized(policy))
{}

std::optional<StateChange> Hysteresis::record(bool success, const QDateTime& at,
                                              const QString& reason)
{
    if (success) {
        ++m_successes;
        m_failures = 0;
    } else {
        ++m_failures;
        m_successes = 0;
        m_lastError = reason.isEmpty() ? QStringLiteral("check failed") : reason;
    }

    const HealthState from = m_state;
    const HealthState to = nextState(success);
    const bool wasFlapping = m_flapping;

    remember(to != from && from != HealthState::Unknown);
    m_state = to;
    if (to != from)
        m_lastChange = at;

    if (to == from && m_flapping == wasFlapping)
        return std::nullopt;

    StateChange change{at, from, to, m_flapping, {}};
    if (to == from) {
        change.reason = flapReason();
        return change;
    }
    if (to == HealthState::Down)
        change.reason = m_lastError;
    else if (from == HealthState::Unknown)
        change.reason = QStringLiteral("first successful check");
    else
        change.reason = QLatin1StringView("recovered after ") +
                        counted(m_successes, QLatin1StringView("successful check"),
                                QLatin1StringView("successful checks"));
    if (m_flapping != wasFlapping)
        change.reason += QLatin1StringView("; ") + flapReason();
    return change;
}

void Hysteresis::reset()
{
    m_state = HealthState::Unknown;
    m_flapping = false;
    m_failures = 0;
    m_successes = 0;
    m_lastChange = {};
    m_lastError.clear();
    m_window.clear();
    m_windowChanges = 0;
}

HealthState Hysteresis::nextState(bool success) const
{
    switch (m_state) {
    case HealthState::Unknown:
        if (success)
            return HealthState::Up;
        return m_failures >= m_policy.failThreshold ? HealthState::Down : HealthState::Unknown;
    case HealthState::Up:
    case HealthState::Degraded: // never set here; treated as Up
        if (!success && m_failures >= m_policy.failThreshold)
            return HealthState::Down;
        return m_state;
    case HealthState::Down:
        if (success && m_successes >= m_policy.recoverThreshold)
            return HealthState::Up;
        return m_state;
    }
    return m_state;
}

void Hysteresis::remember(bool changed)
{
    if (!m_policy.flapDetectionEnabled())
        return;

    m_window.push_back(changed);
    if (changed)
        ++m_windowChanges;
    while (m_window.size() > static_cast<std::size_t>(m_policy.flapWindowChecks)) {
        if (m_window.front())
            --m_windowChanges;
        m_window.pop_front();
    }

    if (!m_flapping && m_windowChanges >= m_policy.flapChanges)
        m_flapping = true;
    else if (m_flapping && m_windowChanges < m_policy.flapClearBelow())
        m_flapping = false;
}

QString Hysteresis::flapReason() const
{
    const int size = static_cast<int>(m_window.size());
    return (m_flapping ? QLatin1StringView("flapping: ") : QLatin1StringView("stable again: ")) +
           counted(m_windowChanges, QLatin1StringView("state change"),
                   QLatin1StringView("state changes")) +
           QLatin1StringView(" in the last ") +
           counted(size, QLatin1StringView("check"), QLatin1StringView("checks"));
}

} // namespace relais
