#pragma once

#include "StepJob.h"

#include <QList>

namespace relais {

/// Runs other step jobs one after the other as one step: their output is
/// its output, the first failure ends it, cancel() cancels the one running.
/// Used where a step is an action then a wait (start containers, then wait
/// for their probes).
class SequenceStepJob : public StepJob
{
    Q_OBJECT

public:
    /// Takes the jobs as children.
    explicit SequenceStepJob(QList<StepJob*> jobs, QObject* parent = nullptr);
    ~SequenceStepJob() override;

    void start() override;
    void cancel() override;

private:
    void runNext();
    void onFinished(const Result<void>& result);

    QList<StepJob*> m_jobs;
    int m_current = -1;
    bool m_cancelled = false;
};

} // namespace relais
