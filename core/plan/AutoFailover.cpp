#include "AutoFailover.h"

#include "common/Clock.h"
#include "common/Logging.h"

#include <algorithm>

namespace relais {

AutoFailover::AutoFailover(const Clock& clock, int deadTimeSeconds, VantageCheck check,
                           QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_deadTimeSeconds(deadTimeSeconds)
    , m_check(std::move(check))
{
    m_timer.setInterval(DefaultCheckIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AutoFailover::checkNow);
}

void AutoFailover::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

void AutoFailover::reset()
{
    ++m_generation;
    m_checking = false;
    m_toldAnswers = false;
    m_timer.stop();
    m_downSince.reset();
    m_backupDownSince.reset();
    setPhase(Phase::Idle);
}

void AutoFailover::setMainState(HealthState state)
{
    if (state != HealthState::Down) {
        // Unknown (not checked yet) keeps a running watch; up ends it.
        if (state == HealthState::Up || state == HealthState::Degraded)
            reset();
        return;
    }
    if (m_downSince)
        return;
    m_downSince = m_clock.now();
    qCInfo(lcPlan) << "automatic failover: main down from the console; asking backup";
    setPhase(Phase::Watching);
    m_timer.start();
    checkNow();
}

void AutoFailover::setArmed(bool armed)
{
    m_armed = armed;
    evaluate();
}

std::optional<qint64> AutoFailover::secondsLeft() const
{
    if (m_phase != Phase::Confirmed || !m_downSince || !m_backupDownSince)
        return std::nullopt;
    const QDateTime since = std::max(*m_downSince, *m_backupDownSince);
    return std::max<qint64>(0, m_deadTimeSeconds - since.secsTo(m_clock.now()));
}

void AutoFailover::checkNow()
{
    if (!m_downSince || m_checking || m_phase == Phase::Triggered)
        return;
    evaluate();
    if (m_phase == Phase::Triggered)
        return;
    m_checking = true;
    const quint64 generation = m_generation;
    m_check([this, generation](const Result<bool>& answers) {
        if (generation != m_generation)
            return;
        m_checking = false;
        onVantage(answers);
    });
}

void AutoFailover::onVantage(const Result<bool>& answers)
{
    if (!m_downSince)
        return;
    if (!answers || *answers) {
        if (!answers)
            qCInfo(lcPlan) << "automatic failover: backup not reachable:"
                           << answers.error().message();
        m_backupDownSince.reset();
        setPhase(Phase::Watching);
        if (answers && !m_toldAnswers) {
            qCInfo(lcPlan) << "automatic failover: main answers from backup; no failover";
            m_toldAnswers = true;
            emit mainAnswersFromBackup();
        }
        return;
    }
    if (!m_backupDownSince)
        m_backupDownSince = m_clock.now();
    setPhase(Phase::Confirmed);
    evaluate();
}

void AutoFailover::evaluate()
{
    if (m_phase != Phase::Confirmed || !m_armed)
        return;
    const std::optional<qint64> left = secondsLeft();
    if (!left || *left > 0)
        return;
    m_timer.stop();
    setPhase(Phase::Triggered);
    qCWarning(lcPlan) << "automatic failover: main down from the console and from backup for"
                      << m_deadTimeSeconds << "s: failing over";
    emit failoverDue(*m_downSince);
}

} // namespace relais
