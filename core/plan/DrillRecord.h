#pragma once

#include "DrillMode.h"
#include "DrillStep.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace relais {

/// One step of a drill as it ran (or did not).
struct DrillStepRecord
{
    enum class State
    {
        Pending,
        Running,
        Succeeded,
        Failed,
        Cancelled,
        Skipped, ///< not run: the drill stopped before it
    };

    qint64 id = -1; ///< journal row
    int position = 0;
    DrillStep step;
    State state = State::Pending;
    int attempts = 0;
    QDateTime startedAt;
    QDateTime endedAt;
    QString message;    ///< the error, when it failed
    QStringList output; ///< what the step said (last lines)
};

/// One drill: its steps, outcome and measures.
struct DrillRecord
{
    enum class State
    {
        Running, ///< in the journal: the drill was still running (or Relais died)
        Succeeded,
        Failed,
        Cancelled,
    };

    qint64 id = -1; ///< journal row
    QString site;
    DrillMode mode = DrillMode::Rehearsal;
    State state = State::Running;
    QDateTime startedAt;
    QDateTime endedAt;
    /// From the start to the first good probe of the service on the new side.
    std::optional<qint64> rtoMs;
    /// The canary's age on the new side at the switch.
    std::optional<qint64> rpoSeconds;
    QString message; ///< why it failed or was cancelled
    QStringList decisions;
    QList<DrillStepRecord> steps; ///< the plan's steps, then the cleanups

    /// The step whose output waits for the user's confirmation: a running
    /// drill whose next step to run follows a succeeded step that asks for
    /// one (DrillStep::confirmAfter). -1 when there is none. This is how the
    /// journal keeps a drill paused at the gate.
    int awaitingConfirmation() const
    {
        if (state != State::Running)
            return -1;
        int previous = -1;
        for (int i = 0; i < steps.size(); ++i) {
            const DrillStepRecord& step = steps.at(i);
            if (step.step.cleanup)
                continue;
            if (step.state == DrillStepRecord::State::Pending) {
                if (previous < 0)
                    return -1;
                const DrillStepRecord& before = steps.at(previous);
                return before.step.confirmAfter && before.state == DrillStepRecord::State::Succeeded
                           ? previous
                           : -1;
            }
            previous = i;
        }
        return -1;
    }
};

} // namespace relais
