#include "SequenceStepJob.h"

#include "PlanError.h"

namespace relais {

SequenceStepJob::SequenceStepJob(QList<StepJob*> jobs, QObject* parent)
    : StepJob(parent)
    , m_jobs(std::move(jobs))
{
    for (StepJob* job : std::as_const(m_jobs)) {
        job->setParent(this);
        connect(job, &StepJob::output, this, &StepJob::output);
        connect(job, &StepJob::finished, this, &SequenceStepJob::onFinished);
    }
}

SequenceStepJob::~SequenceStepJob() = default;

void SequenceStepJob::start()
{
    m_current = -1;
    m_cancelled = false;
    runNext();
}

void SequenceStepJob::runNext()
{
    if (++m_current >= m_jobs.size()) {
        emit finished(Result<void>::success());
        return;
    }
    m_jobs.at(m_current)->start();
}

void SequenceStepJob::cancel()
{
    m_cancelled = true;
    if (m_current >= 0 && m_current < m_jobs.size())
        m_jobs.at(m_current)->cancel();
}

void SequenceStepJob::onFinished(const Result<void>& result)
{
    if (!result) {
        m_current = int(m_jobs.size());
        emit finished(result);
        return;
    }
    if (m_cancelled) {
        m_current = int(m_jobs.size());
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    runNext();
}

} // namespace relais
