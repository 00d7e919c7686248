#pragma once

#include "RsyncItem.h"
#include "site/SyncJob.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace relais {

/// The failback's conflict check: of the files a reverse sync (backup →
/// main) would change or delete on main, those main itself changed since
/// backup became the active side. Such a file changed on both sides: the
/// reverse sync would throw main's change away, so it is refused.
///
/// "Changed on main" is a modification time (of the file's content or
/// metadata: ctime is not kept by rsync, mtime is) later than the time the
/// failover locked replication, read with main's own clock: the two
/// clocks are assumed to agree within a second (NTP). Directories are left
/// out (their time changes with their entries, which are checked
/// themselves), and so is the RPO canary.
class ReverseSyncConflicts
{
public:
    /// Shell command for main: every entry but directories under the job's
    /// (single) source modified after @p since (whole seconds, rounded
    /// down: a file changed in the same second counts), one path a line,
    /// relative to the source; nothing when the source does not exist.
    static QString changedSinceCommand(const SyncJob& job, const QDateTime& since);
    /// changedSinceCommand()'s output as rsync names those paths in the
    /// reverse flow ("dir/file"; "NAME/dir/file" for a source "…/NAME"
    /// written without a final slash).
    static QStringList parseChanged(const QByteArray& output, const SyncJob& job);
    /// The paths of @p items (the reverse dry run's change list) that are
    /// in @p changedOnMain, sorted, each once.
    static QStringList conflicts(const QList<RsyncItem>& items, const QStringList& changedOnMain);
};

} // namespace relais
