#pragma once

#include "StepJob.h"

#include <QPointer>

namespace relais {

class SshCommandJob;
class SshSession;

/// A plan hook: a command over SSH on a host. Its output lines go to the
/// drill's report; an exit status other than 0 fails the step with the
/// last line it wrote on standard error.
class CommandStepJob : public StepJob
{
    Q_OBJECT

public:
    /// @p session must outlive the job.
    CommandStepJob(SshSession* session, QString command, QObject* parent = nullptr);
    ~CommandStepJob() override;

    void start() override;
    void cancel() override;

private:
    void onFinished();

    QPointer<SshSession> m_session;
    QString m_command;
    SshCommandJob* m_job = nullptr;
    QString m_lastError;
};

} // namespace relais
