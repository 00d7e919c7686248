#pragma once

#include "common/Result.h"

#include <QObject>
#include <QString>

namespace relais {

/// One drill step (or hook) at work: a job object. start() returns at
/// once; finished() comes exactly once per start(), also after cancel()
/// (with an error then). DrillRunner owns the timeout and the retries.
class StepJob : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~StepJob() override = default;

    virtual void start() = 0;
    /// Stops the work as soon as it safely can; finished() still comes.
    virtual void cancel() = 0;

signals:
    /// A line of output worth keeping in the drill report.
    void output(const QString& line);
    void finished(const relais::Result<void>& result);
};

} // namespace relais
