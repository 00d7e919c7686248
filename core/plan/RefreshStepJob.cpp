#include "RefreshStepJob.h"

#include "PlanError.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdReplicationHistory.h"
#include "lxd/LxdReplicationJob.h"

#include <QLocale>
#include <QTimer>

namespace relais {

namespace {

QString stageText(LxdReplicationJob::Stage stage)
{
    using S = LxdReplicationJob::Stage;
    switch (stage) {
    case S::Preparing:
        return RefreshStepJob::tr("preparing");
    case S::Cloning:
        return RefreshStepJob::tr("cloning the current copy");
    case S::Transferring:
        return RefreshStepJob::tr("transferring");
    case S::Verifying:
        return RefreshStepJob::tr("verifying");
    case S::Swapping:
        return RefreshStepJob::tr("swapping in the new copy");
    case S::CleaningUp:
        break;
    }
    return RefreshStepJob::tr("cleaning up");
}

} // namespace

RefreshStepJob::RefreshStepJob(LxdClient* source, LxdClient* target, QStringList containers,
                               Database* database, QString siteKey, QObject* parent)
    : StepJob(parent)
    , m_source(source)
    , m_target(target)
    , m_containers(std::move(containers))
{
    if (database)
        m_history = std::make_unique<LxdReplicationHistory>(*database, std::move(siteKey));
}

RefreshStepJob::~RefreshStepJob()
{
    // The job goes first: it holds a pointer to the history.
    delete m_job;
    m_job = nullptr;
}

void RefreshStepJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // Deferred: finished() never comes from inside start().
    QTimer::singleShot(0, this, &RefreshStepJob::next);
}

void RefreshStepJob::cancel()
{
    m_cancelled = true;
    if (m_job)
        m_job->cancel(); // its finished() ends the step
}

void RefreshStepJob::next()
{
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (m_index >= m_containers.size()) {
        emit finished(Result<void>::success());
        return;
    }
    if (!m_source || !m_target) {
        emit finished(Error(PlanError::StepFailed, tr("No LXD connection to both hosts.")));
        return;
    }
    const QString name = m_containers.at(m_index);
    m_job = new LxdReplicationJob(m_source, m_target, name, this);
    m_job->setHistory(m_history.get());
    // Failback: main's own instance is replaced, never deleted.
    m_job->setKeepReplaced(m_keepReplaced);
    connect(m_job, &LxdReplicationJob::stageChanged, this,
            [this, name](LxdReplicationJob::Stage stage) {
                emit output(QStringLiteral("%1: %2").arg(name, stageText(stage)));
            });
    connect(m_job, &LxdReplicationJob::finished, this, &RefreshStepJob::onFinished);
    m_job->start();
}

void RefreshStepJob::onFinished()
{
    LxdReplicationJob* job = m_job;
    m_job = nullptr;
    job->deleteLater();
    const Result<LxdReplicationReport>& result = job->result();
    if (!result) {
        emit finished(result.error());
        return;
    }
    const LxdReplicationReport& report = *result;
    const QString bytes =
        report.bytes >= 0 ? QLocale().formattedDataSize(report.bytes, 1, QLocale::DataSizeSIFormat)
                          : tr("size not reported by LXD");
    emit output(
        (report.incremental ? tr("%1: refreshed in %2 s (%3)") : tr("%1: first copy in %2 s (%3)"))
            .arg(report.instance)
            .arg(report.durationMs() / 1000.0, 0, 'f', 1)
            .arg(bytes));
    if (!report.keptAs.isEmpty())
        emit output(tr("%1: the instance it replaced is kept, stopped, as %2; delete it once "
                       "the failback is confirmed.")
                        .arg(report.instance, report.keptAs));
    ++m_index;
    next();
}

} // namespace relais
