#include "CanaryStepJob.h"

#include "DrillContext.h"
#include "DrillText.h"
#include "PlanError.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdExecJob.h"
#include "lxd/LxdOperation.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/SyncCanary.h"

#include <QDir>
#include <QTimer>

namespace relais {

namespace {

constexpr int ReadTimeoutMs = 30000;

QString cleaned(const QString& path)
{
    return QDir::cleanPath(path);
}

} // namespace

CanaryStepJob::CanaryStepJob(SshSession* backup, QList<SyncJob> jobs, DrillContext& context,
                             Missing missing, QObject* parent)
    : StepJob(parent)
    , m_backup(backup)
    , m_jobs(std::move(jobs))
    , m_missing(missing)
    , m_context(context)
{}

CanaryStepJob::~CanaryStepJob() = default;

void CanaryStepJob::readInside(LxdClient* lxd, QStringList clones)
{
    m_lxd = lxd;
    m_clones = std::move(clones);
}

std::optional<QString> CanaryStepJob::pathInside(const QJsonObject& devices,
                                                 const QString& hostPath)
{
    const QString path = cleaned(hostPath);
    std::optional<QString> best;
    qsizetype bestLength = -1;
    for (auto it = devices.constBegin(); it != devices.constEnd(); ++it) {
        const QJsonObject device = it.value().toObject();
        if (device.value(QStringLiteral("type")).toString() != QLatin1String("disk") ||
            device.contains(QStringLiteral("pool")))
            continue;
        const QString source = cleaned(device.value(QStringLiteral("source")).toString());
        const QString inside = device.value(QStringLiteral("path")).toString();
        if (!source.startsWith(QLatin1Char('/')) || inside.isEmpty())
            continue;
        const bool under = path == source || source == QLatin1String("/") ||
                           path.startsWith(source + QLatin1Char('/'));
        if (!under || source.size() <= bestLength)
            continue;
        const QString rest = source == QLatin1String("/") ? path : path.mid(source.size());
        best = cleaned(inside + QLatin1Char('/') + rest);
        bestLength = source.size();
    }
    return best;
}

void CanaryStepJob::start()
{
    m_toRead = m_lxd && !m_jobs.isEmpty() ? m_clones : QStringList();
    QTimer::singleShot(0, this, &CanaryStepJob::readDevices);
}

void CanaryStepJob::cancel()
{
    m_cancelled = true;
    if (m_command)
        m_command->cancel();
    if (m_exec)
        m_exec->cancel();
    if (m_operation)
        m_operation->cancel();
}

void CanaryStepJob::readDevices()
{
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (m_toRead.isEmpty() || !m_lxd) {
        readNext();
        return;
    }
    const QString clone = m_toRead.takeFirst();
    m_operation = m_lxd->instance(clone);
    connect(m_operation, &LxdOperation::finished, this, [this, clone] {
        LxdOperation* operation = std::exchange(m_operation, nullptr);
        operation->deleteLater();
        if (m_cancelled) {
            emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
            return;
        }
        if (!operation->result()) {
            emit finished(operation->result().error());
            return;
        }
        m_devices.insert(
            clone,
            operation->result()->toObject().value(QStringLiteral("expanded_devices")).toObject());
        readDevices();
    });
    m_operation->start();
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
    m_command =
        new SshCommandJob(m_backup, SyncCanary::readCommand(m_jobs.first()), ReadTimeoutMs, this);
    connect(m_command, &SshCommandJob::finished, this, &CanaryStepJob::onRead);
    m_command->start();
}

void CanaryStepJob::onRead()
{
    SshCommandJob* command = std::exchange(m_command, nullptr);
    command->deleteLater();
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    const SyncJob& job = m_jobs.first();
    if (!command->result()) {
        if (m_missing == Missing::Fails) {
            emit finished(command->result().error());
            return;
        }
        missing(tr("The canary of \"%1\" could not be read on backup (%2); going on.")
                    .arg(job.name, command->result().error().message()));
        return;
    }
    const QString hostPath = SyncCanary::backupPath(job);
    for (const QString& clone : std::as_const(m_clones)) {
        const std::optional<QString> inside = pathInside(m_devices.value(clone), hostPath);
        if (!inside)
            continue;
        m_hostOutput = command->standardOutput();
        m_exec = new LxdExecJob(m_lxd, clone, {QStringLiteral("cat"), *inside}, this);
        m_exec->setTimeout(ReadTimeoutMs);
        connect(m_exec, &LxdExecJob::finished, this, [this, clone] { onReadInside(clone); });
        m_exec->start();
        return;
    }
    if (!m_clones.isEmpty())
        emit output(tr("No clone mounts %1: the canary of \"%2\" is read on backup.")
                        .arg(job.destination, job.name));
    measured(job, command->standardOutput(), tr("on backup"));
}

void CanaryStepJob::onReadInside(const QString& clone)
{
    LxdExecJob* exec = std::exchange(m_exec, nullptr);
    exec->deleteLater();
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    const SyncJob& job = m_jobs.first();
    if (!exec->result()) {
        emit finished(exec->result().error());
        return;
    }
    // Backup's time (the first line of the host's read), the clone's canary.
    const QByteArray now = m_hostOutput.trimmed().split('\n').value(0);
    const QByteArray canary =
        exec->result()->exitCode == 0 ? exec->result()->standardOutput.trimmed() : QByteArray();
    measured(job, now + '\n' + canary, tr("inside %1").arg(clone));
}

void CanaryStepJob::measured(const SyncJob& job, const QByteArray& read, const QString& where)
{
    const std::optional<qint64> age = SyncCanary::ageMs(read);
    if (!age) {
        const QString text = tr("No canary of sync job \"%1\" %2 (%3): its data has not been "
                                "copied yet.")
                                 .arg(job.name, where, SyncCanary::backupPath(job));
        if (m_missing == Missing::Fails) {
            emit finished(Error(PlanError::StepFailed, text));
            return;
        }
        missing(text);
        return;
    }
    emit output(tr("Canary of \"%1\" %2: %3 old.").arg(job.name, where, DrillText::duration(*age)));
    m_oldestMs = qMax(m_oldestMs, *age);
    m_jobs.removeFirst();
    readNext();
}

void CanaryStepJob::missing(const QString& text)
{
    m_missed = true;
    emit output(text);
    m_jobs.removeFirst();
    readNext();
}

} // namespace relais
