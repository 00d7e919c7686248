#pragma once

#include "StepJob.h"

#include <QPointer>
#include <QStringList>
#include <memory>

namespace relais {

class Database;
class LxdClient;
class LxdReplicationHistory;
class LxdReplicationJob;

/// Refreshes copies of containers from one host's LXD to the other's, one
/// container after the other, with LxdReplicationJob (`lxc copy --refresh`
/// semantics, the path of `relaisctl lxd replicate`): the target's LXD
/// pulls from the source's, into a staging copy swapped in only after
/// success, so a failed refresh leaves the old copy. RefreshCopies goes main
/// → backup (kept in the replication history when a database is given, as
/// the RPO of the copies is read there); RefreshMain, at failback, backup →
/// main: the instance on main must be stopped (LxdReplicationJob never
/// replaces a running one); it is kept, stopped, under another name, and the
/// new one starts at boot as it did (LxdReplicationJob::setKeepReplaced).
/// Each container's stages and outcome go to
/// output(); cancel() cancels the one in progress (its staging copy is
/// removed) and starts no other.
class RefreshStepJob : public StepJob
{
    Q_OBJECT

public:
    /// @p source and @p target must outlive the job; @p database (optional)
    /// and @p siteKey name where the history goes.
    RefreshStepJob(LxdClient* source, LxdClient* target, QStringList containers, Database* database,
                   QString siteKey, QObject* parent = nullptr);
    ~RefreshStepJob() override;

    /// Failback (RefreshMain): see LxdReplicationJob::setKeepReplaced().
    void setKeepReplaced(bool keep) { m_keepReplaced = keep; }

    void start() override;
    void cancel() override;

private:
    void next();
    void onFinished();

    QPointer<LxdClient> m_source;
    QPointer<LxdClient> m_target;
    QStringList m_containers;
    bool m_keepReplaced = false;
    std::unique_ptr<LxdReplicationHistory> m_history;
    qsizetype m_index = 0;
    LxdReplicationJob* m_job = nullptr;
    bool m_started = false;
    bool m_cancelled = false;
};

} // namespace relais
