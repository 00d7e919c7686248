#pragma once

#include "DrillContext.h"
#include "DrillPlan.h"
#include "DrillRecord.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <optional>

namespace relais {

class Clock;
class DrillJournal;
class StepJob;
class StepJobFactory;

/// Runs a drill: its steps one after the other, each as a job with a
/// timeout and retries, stopping at the first error; then, whatever
/// happened, the cleanups the steps registered (last first). Every step is
/// journaled before it starts and after it ends, so a drill cut short by a
/// crash is found at the next start and can be resumed or cleaned up.
///
/// A step runs its `before` hooks, then its job (retried `retries` times
/// after `retryDelaySeconds` when it fails; hooks are not retried), then
/// its `after` hooks. A timed-out job is cancelled; one that does not end
/// within a few seconds of that is abandoned.
///
/// A step marked confirmAfter (the reverse sync's dry run) is a gate:
/// when it succeeds the runner pauses before the next step and emits
/// confirmationNeeded() with the step's output; confirm() goes on,
/// cancel() stops the drill. The runner only waits (no event loop of its
/// own). While paused the journal shows the gate step succeeded and the
/// next one pending, so a drill killed there, once resumed, asks again
/// (the gate step is not run again).
///
/// cancel() stops the running step; the cleanups still run (a second
/// cancel does not stop them: nothing a rehearsal created is left behind
/// by choice). finished() comes once per start(), resume() or cleanUp().
class DrillRunner : public QObject
{
    Q_OBJECT

public:
    DrillRunner(StepJobFactory& factory, const Clock& clock, QObject* parent = nullptr);
    ~DrillRunner() override;

    /// Where steps are journaled (optional; not owned).
    void setJournal(DrillJournal* journal) { m_journal = journal; }
    void setSite(const QString& site) { m_site = site; }
    /// How long a cancelled job may take to end before it is abandoned.
    void setCancelGraceMs(int ms) { m_cancelGraceMs = ms; }

    void start(const DrillPlan& plan);
    /// Continues an unfinished drill read from the journal: what succeeded
    /// is not run again, the rest is, then the cleanups.
    void resume(const DrillRecord& record);
    /// Runs only the pending cleanups of an unfinished drill, which then
    /// ends as cancelled.
    void cleanUp(const DrillRecord& record);
    void cancel();
    /// Goes on past the gate the runner waits at (confirmationNeeded()).
    void confirm();

    bool isRunning() const { return m_running; }
    /// The gate step whose confirmation is awaited, or -1.
    int waitingForConfirmation() const { return m_waiting; }
    const DrillRecord& record() const { return m_record; }

signals:
    /// Index into record().steps.
    void stepStarted(int index);
    void stepOutput(int index, const QString& line);
    void stepFinished(int index);
    /// A cleanup step was registered and appended to record().steps.
    void stepAdded(int index);
    /// The step @p index succeeded and the next waits for confirm() or
    /// cancel(); @p lines is what the step said (the changes to review).
    void confirmationNeeded(int index, const QStringList& lines);
    void finished(const relais::DrillRecord& record);

private:
    enum class Phase
    {
        Steps,
        Cleanups,
    };
    struct Unit
    {
        bool hook = false;
        PlanHook hookSpec;
    };

    void begin();
    void runNext();
    void runStep(int index);
    void runUnit();
    void onUnitFinished(const Result<void>& result);
    void onTimeout();
    void failStep(const Error& error, bool cancelled);
    void stepSucceeded();
    void endStep();
    void retryLater();
    void finish();
    void journalStep(const DrillStepRecord& step);
    void addCleanup(const DrillStep& step);
    bool canRun() const;
    bool pauseAtGate(int next);

    StepJobFactory& m_factory;
    const Clock& m_clock;
    DrillJournal* m_journal = nullptr;
    QString m_site;
    DrillRecord m_record;
    QDateTime m_rtoFrom; ///< RTO's start: the drill's, or the detected failure's
    DrillContext m_context;
    Phase m_phase = Phase::Steps;
    bool m_running = false;
    bool m_cancelled = false;
    std::optional<Error> m_error;        ///< why the drill failed
    std::optional<Error> m_cleanupError; ///< the first failed cleanup
    int m_current = -1;                  ///< index of the running step
    int m_waiting = -1;                  ///< the gate step awaiting confirmation
    QSet<int> m_confirmed;               ///< gates passed in this run
    QList<Unit> m_units;                 ///< what is left of the running step
    bool m_mainDone = false;             ///< the step's job succeeded (after hooks left)
    QPointer<StepJob> m_job;
    bool m_timedOut = false;
    int m_cancelGraceMs = 5000;
    QTimer m_deadline;
    QTimer m_grace;
    QTimer m_retry;
    quint64 m_unitRun = 0;
};

} // namespace relais
