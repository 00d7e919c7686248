#pragma once

#include "StepJob.h"
#include "site/SyncJob.h"

#include <QPointer>

namespace relais {

class DrillContext;
class SshCommandJob;
class SshSession;

/// Reads the RPO canary of each sync job on backup (SyncCanary): the age
/// of the oldest is the data the side would lose now, the drill's RPO. A
/// job without a canary yet fails a rehearsal's step (its data was never
/// copied); before a failover's switch it is only said: measuring must not
/// stand in the way of the failover (Missing::Warns).
class CanaryStepJob : public StepJob
{
    Q_OBJECT

public:
    /// The session and context must outlive the job.
    enum class Missing
    {
        Fails,
        Warns,
    };
    CanaryStepJob(SshSession* backup, QList<SyncJob> jobs, DrillContext& context, Missing missing,
                  QObject* parent = nullptr);
    ~CanaryStepJob() override;

    void start() override;
    void cancel() override;

private:
    void readNext();
    void onRead();

    QPointer<SshSession> m_backup;
    QList<SyncJob> m_jobs;
    Missing m_missing = Missing::Fails;
    bool m_missed = false;
    DrillContext& m_context;
    SshCommandJob* m_command = nullptr;
    qint64 m_oldestMs = -1;
    bool m_cancelled = false;
};

} // namespace relais
