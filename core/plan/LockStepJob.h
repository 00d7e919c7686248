#pragma once

#include "StepJob.h"

namespace relais {

class Database;

/// Locks main → backup replication (the backup now serves), or unlocks it
/// after a failback. The lock lives in relais.db and survives restarts.
class LockStepJob : public StepJob
{
    Q_OBJECT

public:
    /// @p database must outlive the job.
    LockStepJob(Database& database, QString site, bool lock, QObject* parent = nullptr);

    void start() override;
    void cancel() override {}

private:
    Database& m_database;
    QString m_site;
    bool m_lock;
};

} // namespace relais
