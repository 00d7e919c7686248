#include "LxdSafeRestoreJob.h"

#include "LxdClient.h"
#include "LxdError.h"
#include "LxdOperation.h"
#include "common/Clock.h"
#include "common/Logging.h"

#include <QUrl>

namespace relais {

LxdSafeRestoreJob::LxdSafeRestoreJob(LxdClient* client, QString instance, QString snapshot,
                                     const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_instance(std::move(instance))
    , m_snapshot(std::move(snapshot))
    , m_clock(clock)
{}

LxdSafeRestoreJob::~LxdSafeRestoreJob()
{
    delete m_op;
}

QString LxdSafeRestoreJob::safetySnapshotName(const QDateTime& time)
{
    return QStringLiteral("relais-before-restore-") +
           time.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

void LxdSafeRestoreJob::start()
{
    if (m_running || m_result)
        return;
    m_running = true;
    if (!m_client || m_instance.isEmpty() || m_snapshot.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(Error(m_client ? LxdError::Rejected : LxdError::Unreachable,
                             m_client ? QStringLiteral("no instance or snapshot to restore")
                                      : QStringLiteral("the LXD client is gone")));
            },
            Qt::QueuedConnection);
        return;
    }
    check();
}

void LxdSafeRestoreJob::check()
{
    runStep(Step::Check,
            m_client->request("GET",
                              QStringLiteral("/1.0/instances/%1/snapshots/%2")
                                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_instance)),
                                       QString::fromLatin1(QUrl::toPercentEncoding(m_snapshot)))),
            &LxdSafeRestoreJob::takeSafetySnapshot);
}

void LxdSafeRestoreJob::takeSafetySnapshot()
{
    const QDateTime now = m_clock.now().toUTC();
    m_pendingSafety = safetySnapshotName(now);
    m_safetyExpiresAt = m_lifetimeSeconds > 0 ? now.addSecs(m_lifetimeSeconds) : QDateTime();
    qCInfo(lcLxd) << "safety snapshot" << m_pendingSafety << "of" << m_instance
                  << "before restoring" << m_snapshot;
    runStep(Step::SafetySnapshot,
            m_client->createSnapshot(m_instance, m_pendingSafety, m_safetyExpiresAt),
            &LxdSafeRestoreJob::restore);
}

void LxdSafeRestoreJob::restore()
{
    m_safetySnapshot = m_pendingSafety;
    runStep(Step::Restore, m_client->restoreSnapshot(m_instance, m_snapshot), nullptr);
}

void LxdSafeRestoreJob::runStep(Step step, LxdOperation* op, void (LxdSafeRestoreJob::*next)())
{
    m_step = step;
    emit stepChanged(step);
    if (!m_running) {
        delete op;
        return;
    }
    m_op = op;
    m_op->setParent(this);
    if (m_stepTimeoutMs > 0)
        m_op->setTimeout(m_stepTimeoutMs);
    connect(m_op, &LxdOperation::progress, this, &LxdSafeRestoreJob::progress);
    connect(m_op, &LxdOperation::operationCreated, this, &LxdSafeRestoreJob::operationCreated);
    connect(m_op, &LxdOperation::finished, this, [this, next] {
        LxdOperation* op = std::exchange(m_op, nullptr);
        op->deleteLater();
        if (!m_running)
            return;
        Result<QJsonValue> result = op->result();
        if (!result) {
            finish(result.error());
            return;
        }
        if (next) {
            (this->*next)();
            return;
        }
        m_step = Step::Done;
        emit stepChanged(Step::Done);
        finish(m_safetySnapshot);
    });
    m_op->start();
}

void LxdSafeRestoreJob::cancel()
{
    if (!m_running)
        return;
    if (m_op) {
        LxdOperation* op = std::exchange(m_op, nullptr);
        op->disconnect(this);
        op->cancel();
        op->deleteLater();
    }
    QStringList details;
    if (m_step == Step::SafetySnapshot)
        details << QStringLiteral("LXD may still take the safety snapshot %1").arg(m_pendingSafety);
    finish(Error(LxdError::Cancelled,
                 QStringLiteral("cancelled: restore of %1/%2").arg(m_instance, m_snapshot),
                 details));
}

void LxdSafeRestoreJob::finish(Result<QString> result)
{
    if (!m_running)
        return;
    m_running = false;
    if (!result)
        qCInfo(lcLxd) << "restore of" << m_instance << "to" << m_snapshot
                      << "failed:" << result.error().message();
    m_result = std::move(result);
    emit finished();
}

} // namespace relais
