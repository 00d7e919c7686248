#pragma once

#include "StepJob.h"

#include <QPointer>

namespace relais {

class Database;
class SshCommandJob;
class SshSession;

/// Locks main → backup replication (the backup now serves), or unlocks it
/// after a failback. The lock lives in relais.db and survives restarts;
/// with backup's session, the lock is also marked on backup itself
/// (HostReplicationLock), where it stops the transfers no console sees: a
/// job installed on main, main coming back after an emergency failover.
/// Locking writes relais.db first, then the mark; unlocking removes the
/// mark first, then relais.db's lock, so a failure half way leaves it
/// locked.
class LockStepJob : public StepJob
{
    Q_OBJECT

public:
    /// @p database (and @p backup, when given) must outlive the job.
    LockStepJob(Database& database, QString site, bool lock, SshSession* backup = nullptr,
                QObject* parent = nullptr);
    ~LockStepJob() override;

    void start() override;
    void cancel() override;

private:
    Result<void> writeDatabase();
    void markBackup();
    void onMarked();

    Database& m_database;
    QString m_site;
    bool m_lock;
    QPointer<SshSession> m_backup;
    SshCommandJob* m_mark = nullptr;
    bool m_ended = false;
};

} // namespace relais
