#include "CommandStepJob.h"

#include "PlanError.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"

namespace relais {

CommandStepJob::CommandStepJob(SshSession* session, QString command, QObject* parent)
    : StepJob(parent)
    , m_session(session)
    , m_command(std::move(command))
{}

CommandStepJob::~CommandStepJob() = default;

void CommandStepJob::start()
{
    m_job = new SshCommandJob(m_session, m_command, 0, this);
    connect(m_job, &SshCommandJob::stdoutLine, this, &StepJob::output);
    connect(m_job, &SshCommandJob::stderrLine, this, [this](const QString& line) {
        if (!line.trimmed().isEmpty())
            m_lastError = line.trimmed();
        emit output(line);
    });
    connect(m_job, &SshCommandJob::finished, this, &CommandStepJob::onFinished);
    m_job->start();
}

void CommandStepJob::cancel()
{
    if (m_job)
        m_job->cancel();
}

void CommandStepJob::onFinished()
{
    const Result<int>& result = m_job->result();
    if (!result) {
        emit finished(result.error());
        return;
    }
    if (*result != 0) {
        emit finished(Error(PlanError::StepFailed,
                            m_lastError.isEmpty()
                                ? tr("\"%1\" exited with status %2.").arg(m_command).arg(*result)
                                : tr("\"%1\" exited with status %2: %3")
                                      .arg(m_command)
                                      .arg(*result)
                                      .arg(m_lastError)));
        return;
    }
    emit finished(Result<void>::success());
}

} // namespace relais
