#include "LockStepJob.h"

#include "PlanError.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/HostReplicationLock.h"
#include "sync/ReplicationLock.h"

#include <QDateTime>
#include <QTimer>

namespace relais {

namespace {
constexpr int MarkTimeoutMs = 30000;
} // namespace

LockStepJob::LockStepJob(Database& database, QString site, bool lock, SshSession* backup,
                         QObject* parent)
    : StepJob(parent)
    , m_database(database)
    , m_site(std::move(site))
    , m_lock(lock)
    , m_backup(backup)
{}

LockStepJob::~LockStepJob() = default;

Result<void> LockStepJob::writeDatabase()
{
    ReplicationLock lock(m_database, m_site);
    const Result<void> done =
        m_lock ? lock.lock(tr("Failed over to backup: replication to backup is locked until "
                              "failback."))
               : lock.unlock();
    if (done)
        emit output(m_lock ? tr("Replication main → backup locked.")
                           : tr("Replication main → backup unlocked."));
    return done;
}

void LockStepJob::start()
{
    QTimer::singleShot(0, this, [this] {
        if (m_lock) {
            const Result<void> done = writeDatabase();
            if (!done || !m_backup) {
                m_ended = true;
                emit finished(done);
                return;
            }
        }
        if (m_backup) {
            markBackup();
            return;
        }
        m_ended = true;
        emit finished(writeDatabase());
    });
}

void LockStepJob::markBackup()
{
    const QString command =
        m_lock ? HostReplicationLock::lockCommand(
                     tr("Locked by a Relais failover on %1 (UTC); the failback removes this file.")
                         .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)))
               : HostReplicationLock::unlockCommand();
    m_mark = new SshCommandJob(m_backup, command, MarkTimeoutMs, this);
    connect(m_mark, &SshCommandJob::finished, this, &LockStepJob::onMarked);
    m_mark->start();
}

void LockStepJob::onMarked()
{
    SshCommandJob* mark = std::exchange(m_mark, nullptr);
    mark->deleteLater();
    if (m_ended)
        return;
    const Result<int>& result = mark->result();
    if (!result || *result != 0) {
        const QString why =
            result ? QString::fromUtf8(mark->standardError()).trimmed() : result.error().message();
        m_ended = true;
        emit finished(Error(
            PlanError::StepFailed,
            m_lock ? tr("Replication is locked in Relais, but backup could not be marked (%1): "
                        "a job installed on main could still copy to backup. Remove it there "
                        "(relaisctl sync install --remove) or retry.")
                         .arg(why)
                   : tr("Backup's replication lock could not be removed (%1); replication stays "
                        "locked.")
                         .arg(why)));
        return;
    }
    emit output(
        m_lock ? tr("Backup refuses main → backup copies (%1).").arg(HostReplicationLock::path())
               : tr("Backup accepts main → backup copies again."));
    m_ended = true;
    emit finished(m_lock ? Result<void>::success() : writeDatabase());
}

void LockStepJob::cancel()
{
    if (m_ended)
        return;
    if (m_mark) {
        m_mark->cancel();
        return;
    }
}

} // namespace relais
