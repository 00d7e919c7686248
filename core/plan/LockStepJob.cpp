#include "LockStepJob.h"

#include "sync/ReplicationLock.h"

#include <QTimer>

namespace relais {

LockStepJob::LockStepJob(Database& database, QString site, bool lock, QObject* parent)
    : StepJob(parent)
    , m_database(database)
    , m_site(std::move(site))
    , m_lock(lock)
{}

void LockStepJob::start()
{
    QTimer::singleShot(0, this, [this] {
        ReplicationLock lock(m_database, m_site);
        const Result<void> done =
            m_lock ? lock.lock(tr("Failed over to backup: replication to backup is locked until "
                                  "failback."))
                   : lock.unlock();
        if (done)
            emit output(m_lock ? tr("Replication main → backup locked.")
                               : tr("Replication main → backup unlocked."));
        emit finished(done);
    });
}

} // namespace relais
