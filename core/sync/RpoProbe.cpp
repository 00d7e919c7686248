#include "RpoProbe.h"

#include "SyncCanary.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshError.h"
#include "ssh/SshSession.h"

#include <QTimer>

namespace relais {

RpoProbe::RpoProbe(SshSession* backup, SyncJob job, int targetMinutes, int timeoutMs,
                   QObject* parent)
    : Probe(parent)
    , m_backup(backup)
    , m_job(std::move(job))
    , m_targetMinutes(targetMinutes)
    , m_timeoutMs(timeoutMs)
{}

RpoProbe::~RpoProbe()
{
    if (m_command) {
        disconnect(m_command, nullptr, this, nullptr);
        m_command->cancel();
        delete m_command;
    }
}

bool RpoProbe::isRunning() const
{
    return m_command != nullptr;
}

QString RpoProbe::describe() const
{
    return QStringLiteral("RPO %1 (target %2 min)").arg(m_job.name).arg(m_targetMinutes);
}

ProbeResult RpoProbe::judge(const QByteArray& output, int targetMinutes, qint64 latencyMs)
{
    const std::optional<qint64> age = SyncCanary::ageMs(output);
    if (!age) {
        return ProbeResult::failure(
            HealthError::Failed, latencyMs,
            QStringLiteral("no RPO canary on backup yet: the job has not copied anything"));
    }
    const QString text = QStringLiteral("backup's copy is %1 min old (target %2 min)")
                             .arg(*age / 60000.0, 0, 'f', 1)
                             .arg(targetMinutes);
    if (*age > qint64(targetMinutes) * 60000)
        return ProbeResult::failure(HealthError::Failed, latencyMs, text);
    return ProbeResult::success(latencyMs, text);
}

void RpoProbe::start()
{
    if (m_command)
        return;
    m_elapsed.start();
    if (!m_backup) {
        QTimer::singleShot(0, this, [this] {
            emit finished(ProbeResult::failure(HealthError::Failed, 0,
                                               QStringLiteral("no SSH session to backup")));
        });
        return;
    }
    m_command = new SshCommandJob(m_backup, SyncCanary::readCommand(m_job), m_timeoutMs, this);
    connect(m_command, &SshCommandJob::finished, this, &RpoProbe::onFinished);
    m_command->start();
}

void RpoProbe::cancel()
{
    if (m_command)
        m_command->cancel(); // finished() follows with Cancelled
}

void RpoProbe::onFinished()
{
    SshCommandJob* job = m_command;
    m_command = nullptr;
    if (!job)
        return;
    job->deleteLater();
    const qint64 latency = m_elapsed.elapsed();
    const Result<int>& result = job->result();
    ProbeResult verdict;
    if (!result) {
        const bool cancelled = result.error().code<SshError>() == SshError::Cancelled;
        const bool timedOut = result.error().code<SshError>() == SshError::Timeout;
        verdict = ProbeResult::failure(cancelled  ? HealthError::Cancelled
                                       : timedOut ? HealthError::Timeout
                                                  : HealthError::Failed,
                                       latency, result.error().message());
        m_lastAgeMs.reset();
    } else {
        verdict = judge(job->standardOutput(), m_targetMinutes, latency);
        m_lastAgeMs = SyncCanary::ageMs(job->standardOutput());
    }
    emit finished(verdict);
}

} // namespace relais
