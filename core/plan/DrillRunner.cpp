#include "DrillRunner.h"

#include "DrillJournal.h"
#include "PlanError.h"
#include "StepJob.h"
#include "StepJobFactory.h"
#include "common/Clock.h"
#include "common/Logging.h"

namespace relais {

namespace {

constexpr int MaxOutputLines = 200;

bool isCleanup(const DrillStepRecord& step)
{
    return step.step.cleanup;
}

} // namespace

DrillRunner::DrillRunner(StepJobFactory& factory, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_factory(factory)
    , m_clock(clock)
{
    m_deadline.setSingleShot(true);
    m_grace.setSingleShot(true);
    m_retry.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &DrillRunner::onTimeout);
    connect(&m_grace, &QTimer::timeout, this, [this] {
        // The job did not end after cancel(): abandon it.
        if (m_current < 0)
            return;
        onUnitFinished(Error(PlanError::Cancelled, tr("The step did not stop; abandoned.")));
    });
    connect(&m_retry, &QTimer::timeout, this, [this] { runUnit(); });
}

DrillRunner::~DrillRunner()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void DrillRunner::start(const DrillPlan& plan)
{
    if (m_running)
        return;
    m_record = DrillRecord();
    m_record.site = m_site;
    m_record.mode = plan.mode;
    m_record.startedAt = m_clock.now();
    m_record.decisions = plan.decisions;
    m_rtoFrom = plan.failureDetectedAt.value_or(m_record.startedAt);
    for (int i = 0; i < plan.steps.size(); ++i) {
        DrillStepRecord step;
        step.position = i;
        step.step = plan.steps.at(i);
        m_record.steps.append(step);
    }
    m_context = DrillContext();
    m_running = true;
    m_cancelled = false;
    m_error.reset();
    m_cleanupError.reset();
    m_waiting = -1;
    m_confirmed.clear();
    m_phase = Phase::Steps;
    if (plan.steps.isEmpty()) {
        m_error = Error(PlanError::NoPlan, tr("The plan has nothing to run in this mode."));
    } else if (m_journal) {
        if (auto begun = m_journal->begin(m_record); !begun) {
            m_error =
                Error(PlanError::JournalFailed,
                      tr("The drill journal cannot be written: %1").arg(begun.error().message()));
        }
    }
    begin();
}

void DrillRunner::resume(const DrillRecord& record)
{
    if (m_running)
        return;
    m_record = record;
    m_rtoFrom = m_record.startedAt;
    m_record.state = DrillRecord::State::Running;
    m_record.message.clear();
    m_context = DrillContext();
    for (DrillStepRecord& step : m_record.steps) {
        if (step.state != DrillStepRecord::State::Succeeded) {
            step.state = DrillStepRecord::State::Pending;
            step.message.clear();
        }
    }
    m_running = true;
    m_cancelled = false;
    m_error.reset();
    m_cleanupError.reset();
    m_waiting = -1;
    m_confirmed.clear();
    m_phase = Phase::Steps;
    begin();
}

void DrillRunner::cleanUp(const DrillRecord& record)
{
    if (m_running)
        return;
    m_record = record;
    m_rtoFrom = m_record.startedAt;
    m_context = DrillContext();
    for (DrillStepRecord& step : m_record.steps) {
        if (!isCleanup(step) && (step.state == DrillStepRecord::State::Running ||
                                 step.state == DrillStepRecord::State::Pending)) {
            step.state = DrillStepRecord::State::Cancelled;
            step.message = tr("Not run: the drill was cleaned up instead.");
            journalStep(step);
        } else if (isCleanup(step) && step.state != DrillStepRecord::State::Succeeded) {
            step.state = DrillStepRecord::State::Pending;
        }
    }
    m_running = true;
    m_cancelled = true;
    m_error.reset();
    m_cleanupError.reset();
    m_waiting = -1;
    m_confirmed.clear();
    m_phase = Phase::Cleanups;
    begin();
}

void DrillRunner::begin()
{
    m_context.setCleanupSink([this](const DrillStep& step) { addCleanup(step); });
    // Asynchronously, so that finished() never comes from inside start().
    QTimer::singleShot(0, this, &DrillRunner::runNext);
}

void DrillRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    qCInfo(lcPlan) << "drill cancelled";
    if (m_phase != Phase::Steps)
        return; // cleanups go on
    if (m_waiting >= 0) {
        m_waiting = -1;
        QTimer::singleShot(0, this, &DrillRunner::runNext);
        return;
    }
    if (m_retry.isActive()) {
        m_retry.stop();
        failStep(Error(PlanError::Cancelled, tr("Cancelled.")), true);
        return;
    }
    if (m_job) {
        // The grace first: a job may finish inside cancel(), which stops it.
        m_grace.start(m_cancelGraceMs);
        m_job->cancel();
    }
}

void DrillRunner::confirm()
{
    if (!m_running || m_waiting < 0)
        return;
    qCInfo(lcPlan) << "step" << m_waiting << "confirmed";
    m_confirmed.insert(m_waiting);
    m_waiting = -1;
    // Asynchronously: confirm() may come from a confirmationNeeded() slot.
    QTimer::singleShot(0, this, &DrillRunner::runNext);
}

bool DrillRunner::pauseAtGate(int next)
{
    int previous = next - 1;
    while (previous >= 0 && isCleanup(m_record.steps.at(previous)))
        --previous;
    if (previous < 0 || m_confirmed.contains(previous))
        return false;
    const DrillStepRecord& gate = m_record.steps.at(previous);
    if (!gate.step.confirmAfter || gate.state != DrillStepRecord::State::Succeeded)
        return false;
    m_waiting = previous;
    qCInfo(lcPlan) << "step" << previous << "waits for confirmation";
    emit confirmationNeeded(previous, gate.output);
    return true;
}

bool DrillRunner::canRun() const
{
    return !m_cancelled && !m_error;
}

void DrillRunner::addCleanup(const DrillStep& step)
{
    DrillStepRecord record;
    record.position = static_cast<int>(m_record.steps.size());
    record.step = step;
    record.step.cleanup = true;
    if (m_journal && m_record.id >= 0) {
        if (auto added = m_journal->addStep(m_record.id, record); !added && !m_error)
            m_error =
                Error(PlanError::JournalFailed,
                      tr("The drill journal cannot be written: %1").arg(added.error().message()));
    }
    m_record.steps.append(record);
    emit stepAdded(static_cast<int>(m_record.steps.size() - 1));
}

void DrillRunner::runNext()
{
    if (m_phase == Phase::Steps) {
        for (int i = 0; i < m_record.steps.size(); ++i) {
            DrillStepRecord& step = m_record.steps[i];
            if (isCleanup(step) || step.state != DrillStepRecord::State::Pending)
                continue;
            if (canRun()) {
                if (m_waiting >= 0 || pauseAtGate(i))
                    return;
                runStep(i);
                return;
            }
            step.state = DrillStepRecord::State::Skipped;
            journalStep(step);
        }
        m_phase = Phase::Cleanups;
    }
    // Cleanups: the last registered first, whatever happened before.
    for (int i = static_cast<int>(m_record.steps.size()) - 1; i >= 0; --i) {
        const DrillStepRecord& step = m_record.steps.at(i);
        if (isCleanup(step) && step.state == DrillStepRecord::State::Pending) {
            runStep(i);
            return;
        }
    }
    finish();
}

void DrillRunner::runStep(int index)
{
    m_current = index;
    DrillStepRecord& step = m_record.steps[index];
    step.state = DrillStepRecord::State::Running;
    step.attempts = 0;
    step.startedAt = m_clock.now();
    step.endedAt = QDateTime();
    step.message.clear();
    m_units.clear();
    for (const PlanHook& hook : step.step.before)
        m_units.append(Unit{true, hook});
    m_units.append(Unit{false, PlanHook()});
    for (const PlanHook& hook : step.step.after)
        m_units.append(Unit{true, hook});
    m_mainDone = false;
    journalStep(step);
    emit stepStarted(index);
    qCInfo(lcPlan) << "step" << index << drillActionName(step.step.action) << "started";
    if (m_error && m_phase == Phase::Steps) {
        // The journal failed: the step is not run.
        failStep(*m_error, false);
        return;
    }
    runUnit();
}

void DrillRunner::runUnit()
{
    DrillStepRecord& step = m_record.steps[m_current];
    if (m_units.isEmpty()) {
        stepSucceeded();
        return;
    }
    const Unit unit = m_units.first();
    if (!unit.hook)
        ++step.attempts;
    // A copy: a factory that registers a cleanup appends to m_record.steps,
    // which may move the step the reference points at while create() reads it.
    const DrillStep spec = step.step;
    Result<StepJob*> created = unit.hook ? m_factory.createHook(unit.hookSpec, this)
                                         : m_factory.create(spec, m_context, this);
    if (!created) {
        failStep(created.error(), false);
        return;
    }
    m_job = *created;
    m_timedOut = false;
    const quint64 run = ++m_unitRun;
    const int index = m_current;
    connect(m_job, &StepJob::output, this, [this, index](const QString& line) {
        QStringList& output = m_record.steps[index].output;
        output.append(line);
        if (output.size() > MaxOutputLines)
            output.removeFirst();
        emit stepOutput(index, line);
    });
    connect(m_job, &StepJob::finished, this, [this, run](const Result<void>& result) {
        if (run == m_unitRun)
            onUnitFinished(result);
    });
    const int seconds = unit.hook ? unit.hookSpec.timeoutSeconds : spec.timeoutSeconds;
    m_deadline.start(seconds * 1000);
    m_job->start();
}

void DrillRunner::onTimeout()
{
    if (!m_job)
        return;
    m_timedOut = true;
    m_grace.start(m_cancelGraceMs);
    m_job->cancel();
}

void DrillRunner::onUnitFinished(const Result<void>& result)
{
    m_deadline.stop();
    m_grace.stop();
    ++m_unitRun; // ignore anything more from this job
    if (m_job) {
        m_job->disconnect(this);
        m_job->deleteLater();
    }
    m_job = nullptr;
    const Unit unit = m_units.takeFirst();
    DrillStepRecord& step = m_record.steps[m_current];
    const bool cancelled = m_cancelled && m_phase == Phase::Steps;

    if (result.ok() && !m_timedOut && !cancelled) {
        if (!unit.hook)
            m_mainDone = true;
        runUnit();
        return;
    }
    Error error = result.ok() ? Error(PlanError::Cancelled, tr("Cancelled.")) : result.error();
    if (m_timedOut) {
        const int seconds = unit.hook ? unit.hookSpec.timeoutSeconds : step.step.timeoutSeconds;
        error =
            Error(PlanError::StepTimedOut,
                  unit.hook ? tr("The hook \"%1\" ran past its timeout of %n s.", nullptr, seconds)
                                  .arg(unit.hookSpec.command)
                            : tr("The step ran past its timeout of %n s.", nullptr, seconds));
    } else if (cancelled) {
        failStep(Error(PlanError::Cancelled, tr("Cancelled.")), true);
        return;
    } else if (unit.hook) {
        error = Error(PlanError::StepFailed,
                      tr("The hook \"%1\" failed: %2").arg(unit.hookSpec.command, error.message()));
    }
    if (!unit.hook && step.attempts <= step.step.retries) {
        step.output.append(tr("Attempt %1 failed: %2").arg(step.attempts).arg(error.message()));
        emit stepOutput(m_current, step.output.constLast());
        m_units.prepend(unit);
        retryLater();
        return;
    }
    failStep(error, false);
}

void DrillRunner::retryLater()
{
    const DrillStepRecord& step = m_record.steps.at(m_current);
    qCInfo(lcPlan) << "step" << m_current << "retried in" << step.step.retryDelaySeconds << "s";
    m_retry.start(step.step.retryDelaySeconds * 1000);
}

void DrillRunner::stepSucceeded()
{
    DrillStepRecord& step = m_record.steps[m_current];
    step.state = DrillStepRecord::State::Succeeded;
    endStep();
}

void DrillRunner::failStep(const Error& error, bool cancelled)
{
    DrillStepRecord& step = m_record.steps[m_current];
    step.state = cancelled ? DrillStepRecord::State::Cancelled : DrillStepRecord::State::Failed;
    step.message = error.message();
    qCInfo(lcPlan) << "step" << m_current << drillActionName(step.step.action)
                   << (cancelled ? "cancelled" : "failed") << ":" << error.message();
    if (m_phase == Phase::Cleanups) {
        if (!m_cleanupError)
            m_cleanupError = error;
    } else if (!cancelled && !m_error) {
        m_error = error;
    }
    endStep();
}

void DrillRunner::endStep()
{
    DrillStepRecord& step = m_record.steps[m_current];
    step.endedAt = m_clock.now();
    journalStep(step);
    const int index = m_current;
    m_current = -1;
    emit stepFinished(index);
    runNext();
}

void DrillRunner::journalStep(const DrillStepRecord& step)
{
    if (!m_journal || step.id < 0)
        return;
    if (auto written = m_journal->updateStep(step); !written && !m_error) {
        m_error =
            Error(PlanError::JournalFailed,
                  tr("The drill journal cannot be written: %1").arg(written.error().message()));
    }
}

void DrillRunner::finish()
{
    m_record.endedAt = m_clock.now();
    if (m_error) {
        m_record.state = DrillRecord::State::Failed;
        m_record.message = m_error->message();
    } else if (m_cancelled) {
        m_record.state = DrillRecord::State::Cancelled;
        m_record.message = tr("Cancelled.");
    } else if (m_cleanupError) {
        m_record.state = DrillRecord::State::Failed;
        m_record.message = tr("A cleanup failed: %1").arg(m_cleanupError->message());
    } else {
        m_record.state = DrillRecord::State::Succeeded;
    }
    if (m_cleanupError && m_record.state != DrillRecord::State::Succeeded &&
        !m_record.message.contains(m_cleanupError->message()))
        m_record.message +=
            QLatin1Char(' ') + tr("A cleanup failed too: %1").arg(m_cleanupError->message());
    if (const auto up = m_context.serviceUpAt())
        m_record.rtoMs = (m_rtoFrom.isValid() ? m_rtoFrom : m_record.startedAt).msecsTo(*up);
    if (const auto rpo = m_context.rpoSeconds())
        m_record.rpoSeconds = *rpo;
    if (m_journal && m_record.id >= 0) {
        if (auto written = m_journal->finish(m_record); !written)
            qCWarning(lcPlan) << "cannot finish the drill journal:" << written.error().message();
    }
    m_running = false;
    m_context.setCleanupSink({});
    qCInfo(lcPlan) << "drill" << m_record.id << "ended:" << m_record.message;
    emit finished(m_record);
}

} // namespace relais
