#pragma once

#include "common/Result.h"
#include "health/HealthState.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

namespace relais {

class Clock;

/// Automatic failover (the plan's `auto_failover`, off by default): it
/// fires failoverDue() once main has been down both from the console (its
/// host state, fed by setMainState()) and from the backup host's own
/// vantage point (the vantage check, asked every checkIntervalMs while
/// main is down) for the dead time without a break.
///
/// - Main up or degraded again, or answering from backup, starts the
///   count over: a failure seen only from the console (its own network)
///   never fails over.
/// - A vantage check that cannot reach backup knows nothing: the count
///   from backup starts over too (backup unreachable cannot take over).
/// - Disarmed (a drill running, backup already active, the vault locked)
///   it watches but does not fire; it fires at most once until main has
///   been seen up again.
class AutoFailover : public QObject
{
    Q_OBJECT

public:
    /// Asks whether main answers from backup; the callback gets the answer
    /// (true: it answers) or an error, exactly once.
    using VantageCheck = std::function<void(std::function<void(const Result<bool>&)>)>;

    enum class Phase
    {
        Idle,      ///< main is not down from the console
        Watching,  ///< down from the console; backup not (yet) agreeing
        Confirmed, ///< down from the console and from backup: the dead time runs
        Triggered, ///< failoverDue() was sent; waits for main to be up again
    };
    Q_ENUM(Phase)

    static constexpr int DefaultCheckIntervalMs = 15000;

    AutoFailover(const Clock& clock, int deadTimeSeconds, VantageCheck check,
                 QObject* parent = nullptr);

    void setMainState(HealthState state);
    void setArmed(bool armed);
    bool isArmed() const { return m_armed; }
    void setCheckIntervalMs(int ms) { m_timer.setInterval(ms); }

    Phase phase() const { return m_phase; }
    int deadTimeSeconds() const { return m_deadTimeSeconds; }
    /// When the console first saw main down (the failure's detection).
    std::optional<QDateTime> downSince() const { return m_downSince; }
    /// Seconds before failoverDue() while Confirmed; nullopt otherwise.
    std::optional<qint64> secondsLeft() const;
    /// Asks backup now (also done by the timer while main is down).
    void checkNow();

signals:
    void phaseChanged(relais::AutoFailover::Phase phase);
    /// Main answers from backup although the console sees it down.
    void mainAnswersFromBackup();
    /// Time to fail over: main down from both sides for the dead time.
    /// @p detectedAt: when the console first saw main down (RTO's start).
    void failoverDue(const QDateTime& detectedAt);

private:
    void setPhase(Phase phase);
    void reset();
    void onVantage(const Result<bool>& answers);
    void evaluate();

    const Clock& m_clock;
    int m_deadTimeSeconds;
    VantageCheck m_check;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    bool m_armed = true;
    bool m_checking = false;
    bool m_toldAnswers = false; ///< mainAnswersFromBackup() sent in this watch
    quint64 m_generation = 0;   ///< answers of an older watch are dropped
    std::optional<QDateTime> m_downSince;
    std::optional<QDateTime> m_backupDownSince;
};

} // namespace relais
