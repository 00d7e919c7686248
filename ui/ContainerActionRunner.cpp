#include "ContainerActionRunner.h"

#include "UiLogging.h"
#include "lxd/LxdError.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdReplicationJob.h"
#include "lxd/LxdSafeRestoreJob.h"

namespace relais {

ContainerActionRunner::ContainerActionRunner(QObject* parent)
    : QObject(parent)
{}

ContainerActionRunner::~ContainerActionRunner()
{
    // A job still running is cancelled (LXD is asked to stop it) and goes
    // with its runner.
    if (m_job) {
        QObject* job = m_job;
        disconnect(job, nullptr, this, nullptr);
        if (m_cancel)
            m_cancel();
        delete job;
    }
}

void ContainerActionRunner::begin(const QString& description, QObject* job,
                                  std::function<void()> cancel)
{
    Q_ASSERT(!isRunning());
    job->setParent(this);
    m_job = job;
    m_cancel = std::move(cancel);
    m_description = description;
    m_result.reset();
    m_note.clear();
    m_cancellable = true;
    m_whyNoCancel.clear();
    emit started(description);
}

void ContainerActionRunner::end(Result<QString> result)
{
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    m_cancel = nullptr;
    m_cancellable = true;
    m_whyNoCancel.clear();
    if (!result)
        qCInfo(lcUi).noquote() << m_description << result.error().toString();
    m_result = std::move(result);
    emit finished(m_result->ok());
}

void ContainerActionRunner::setCancellable(bool cancellable, const QString& why)
{
    if (!isRunning())
        return;
    m_whyNoCancel = cancellable ? QString() : why;
    if (m_cancellable == cancellable)
        return;
    m_cancellable = cancellable;
    emit cancellableChanged(cancellable);
}

void ContainerActionRunner::run(const QString& description, LxdOperation* op, bool cancellable)
{
    begin(description, op, [op] { op->cancel(); });
    if (!cancellable)
        setCancellable(false, tr("LXD cannot stop this once it has begun: it runs to its end."));
    connect(op, &LxdOperation::progress, this, &ContainerActionRunner::progress);
    connect(op, &LxdOperation::finished, this, [this, op] {
        const Result<QJsonValue>& r = op->result();
        end(r ? Result<QString>(QString()) : Result<QString>(r.error()));
    });
    op->start();
}

void ContainerActionRunner::run(const QString& description, LxdSafeRestoreJob* job)
{
    begin(description, job, [job] { job->cancel(); });
    connect(job, &LxdSafeRestoreJob::stepChanged, this, [this](LxdSafeRestoreJob::Step step) {
        switch (step) {
        case LxdSafeRestoreJob::Step::Check:
            emit progress(tr("Checking the snapshot…"), -1);
            break;
        case LxdSafeRestoreJob::Step::SafetySnapshot:
            emit progress(tr("Taking a safety snapshot of the current state…"), -1);
            break;
        case LxdSafeRestoreJob::Step::Restore:
            setCancellable(false, tr("LXD cannot stop a restore once it has begun: it runs to "
                                     "its end. The safety snapshot keeps the state from before."));
            emit progress(tr("Restoring…"), -1);
            break;
        case LxdSafeRestoreJob::Step::Done:
            break;
        }
    });
    connect(job, &LxdSafeRestoreJob::progress, this, &ContainerActionRunner::progress);
    connect(job, &LxdSafeRestoreJob::finished, this, [this, job] {
        Result<QString> result = job->result();
        // Once taken, the safety snapshot is worth naming even on failure.
        if (!result && !job->safetySnapshot().isEmpty())
            m_note = tr("The state before the restore is kept in the snapshot %1.")
                         .arg(job->safetySnapshot());
        end(std::move(result));
    });
    job->start();
}

void ContainerActionRunner::run(const QString& description, LxdReplicationJob* job)
{
    begin(description, job, [job] { job->cancel(); });
    connect(job, &LxdReplicationJob::stageChanged, this, [this](LxdReplicationJob::Stage stage) {
        switch (stage) {
        case LxdReplicationJob::Stage::Preparing:
            emit progress(tr("Reading main and backup…"), -1);
            break;
        case LxdReplicationJob::Stage::Cloning:
            emit progress(tr("Cloning the backup's copy into a staging instance…"), -1);
            break;
        case LxdReplicationJob::Stage::Transferring:
            emit progress(tr("The backup pulls the container from main…"), -1);
            break;
        case LxdReplicationJob::Stage::Verifying:
            emit progress(tr("Checking the new copy…"), -1);
            break;
        case LxdReplicationJob::Stage::Swapping:
            setCancellable(false, tr("The new copy is being put in place: stopping now could "
                                     "leave the backup without a copy."));
            emit progress(tr("Putting the new copy in place…"), -1);
            break;
        case LxdReplicationJob::Stage::CleaningUp:
            setCancellable(false, tr("The replication is already stopping."));
            emit progress(tr("Removing the staging instance; the backup keeps its copy…"), -1);
            break;
        }
    });
    connect(job, &LxdReplicationJob::progress, this, &ContainerActionRunner::progress);
    connect(job, &LxdReplicationJob::finished, this, [this, job] {
        const auto& r = job->result();
        end(r ? Result<QString>(QString()) : Result<QString>(r.error()));
    });
    job->start();
}

void ContainerActionRunner::cancel()
{
    if (m_cancel && m_cancellable)
        m_cancel();
}

void ContainerActionRunner::abort()
{
    if (!m_job)
        return;
    QObject* job = m_job;
    disconnect(job, nullptr, this, nullptr);
    // Whatever the job still holds (a replication's history) is not touched
    // again: it goes now, its LXD operations cancelled by its destructor.
    if (auto* replication = qobject_cast<LxdReplicationJob*>(job))
        replication->setHistory(nullptr);
    m_job = nullptr;
    delete job;
    end(Error(LxdError::Cancelled, QStringLiteral("stopped: the LXD connections closed")));
}

} // namespace relais
