#include "CanaryStepJob.h"

#include "DrillContext.h"
#include "DrillText.h"
#include "PlanError.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/SyncCanary.h"

#include <QTimer>

namespace relais {

CanaryStepJob::CanaryStepJob(SshSession* backup, QList<SyncJob> jobs, DrillContext& context,
                             Missing missing, QObject* parent)
    : StepJob(parent)
    , m_backup(backup)
    , m_jobs(std::move(jobs))
    , m_missing(missing)
    , m_context(context)
{}

CanaryStepJob::~CanaryStepJob() = default;

void CanaryStepJob::start()
{
    QTimer::singleShot(0, this, &CanaryStepJob::readNext);
}

void CanaryStepJob::cancel()
{
    m_cancelled = true;
    if (m_command)
        m_command->cancel();
}

void CanaryStepJob::readNext()
{
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (m_jobs.isEmpty()) {
        if (m_oldestMs >= 0) {
            m_context.setRpoSeconds(m_oldestMs / 1000);
            emit output(tr("RPO now: %1.").arg(DrillText::duration(m_oldestMs)));
        } else if (m_missed) {
            emit output(tr("No canary could be read on backup: RPO not measured."));
        } else {
            emit output(tr("The site has no sync job: no canary, RPO not measured."));
        }
        emit finished(Result<void>::success());
        return;
    }
    m_command = new SshCommandJob(m_backup, SyncCanary::readCommand(m_jobs.first()), 30000, this);
    connect(m_command, &SshCommandJob::finished, this, &CanaryStepJob::onRead);
    m_command->start();
}

void CanaryStepJob::onRead()
{
    SshCommandJob* command = std::exchange(m_command, nullptr);
    command->deleteLater();
    const SyncJob job = m_jobs.takeFirst();
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!command->result()) {
        if (m_missing == Missing::Fails) {
            emit finished(command->result().error());
            return;
        }
        m_missed = true;
        emit output(tr("The canary of \"%1\" could not be read on backup (%2); going on.")
                        .arg(job.name, command->result().error().message()));
        readNext();
        return;
    }
    const std::optional<qint64> age = SyncCanary::ageMs(command->standardOutput());
    if (!age) {
        const QString missing = tr("No canary of sync job \"%1\" on backup (%2): its data has "
                                   "not been copied yet.")
                                    .arg(job.name, SyncCanary::backupPath(job));
        if (m_missing == Missing::Fails) {
            emit finished(Error(PlanError::StepFailed, missing));
            return;
        }
        m_missed = true;
        emit output(missing);
        readNext();
        return;
    }
    emit output(tr("Canary of \"%1\": %2 old.").arg(job.name, DrillText::duration(*age)));
    m_oldestMs = qMax(m_oldestMs, *age);
    readNext();
}

} // namespace relais
