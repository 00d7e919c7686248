#pragma once

#include "site/SyncJob.h"

#include <QString>
#include <QStringList>

namespace relais {

/// The rsync command a sync job runs on its initiating host (main for a
/// push, backup for a pull), and the authorized_keys line that restricts
/// the job's replication key on the other host to exactly that transfer
/// (`restrict` + rrsync: write-only into the destination for a push,
/// read-only from the sources' common directory for a pull).
///
/// The reverse flow (failback: backup → main) runs on the same initiating
/// host with its own key (keyName(): "JOB.reverse"), confined the other way
/// round: read-only from the destination on backup when main initiates,
/// write-only into the source's directory on main when backup does. Only a
/// job with one source can flow back (with several, what came from which
/// source is no longer known on backup). The RPO canary is never sent back.
///
/// Safe options: `--delay-updates` (each file lands in a per-directory
/// ".~tmp~" and every file is renamed at the end, so no half-written file
/// is ever seen at its final name). That directory is rsync's partial-dir
/// too (--delay-updates implies --partial-dir=.~tmp~): the part of a file
/// an interrupted transfer received stays there and the next run resumes
/// from it. `--filter=-p .~tmp~/` (StagingFilter), before the job's own
/// excludes, keeps it out of the transfer, out of the change list and out
/// of --delete (perishable: it goes with its directory when that is
/// deleted).
///
/// No explicit `--partial-dir`: rsync sends it to the receiving rsync only
/// when the initiating host sends (a push), and there rrsync -wo rewrites
/// any receiver directory option into an inode pin, /proc/self/fd/N, an
/// absolute path that rsync cannot use as a partial directory ("Unable to
/// create partial-dir … discarding completed file"): every file is thrown
/// away while rsync exits 0. tst_rsynccommand runs rsync through rrsync to
/// keep it so.
class RsyncCommand
{
public:
    /// The directory --delay-updates stages files in, and keeps an
    /// interrupted transfer's partial file in, in each directory.
    static constexpr const char* StagingDir = ".~tmp~";
    /// The filter rule protecting it (perishable exclude).
    static constexpr const char* StagingFilter = "--filter=-p .~tmp~/";

    /// How the initiating host reaches the other one.
    struct Peer
    {
        QString user = QStringLiteral("root");
        QString address;
        int port = 22;
        QString keyPath;        ///< the replication key on the initiating host
        QString knownHostsPath; ///< the other host's key, on the initiating host
    };

    enum class Mode
    {
        Run,
        DryRun, ///< --dry-run: list what would change, change nothing
    };

    /// Which way the data goes.
    enum class Flow
    {
        Forward, ///< main → backup, the job as written
        Reverse, ///< backup → main (failback); isReversible() jobs only
    };

    /// The argument vector (argv[0] is "nice" or "rsync").
    static QStringList arguments(const SyncJob& job, const Peer& peer, Mode mode,
                                 Flow flow = Flow::Forward);
    /// arguments() as one POSIX shell command line.
    static QString commandLine(const SyncJob& job, const Peer& peer, Mode mode,
                               Flow flow = Flow::Forward);

    /// The forced command of the replication key on the other host; a push
    /// job's forward key first checks the direction guard's mark on backup
    /// (HostReplicationLock).
    static QString forcedCommand(const SyncJob& job, Flow flow = Flow::Forward);
    /// The authorized_keys line for @p publicKeyLine ("ssh-ed25519 AAAA… comment").
    static QString authorizedKeysLine(const SyncJob& job, const QString& publicKeyLine,
                                      Flow flow = Flow::Forward);
    /// The key's file name in the key directory: the job's name, plus
    /// ".reverse" for the reverse flow.
    static QString keyName(const SyncJob& job, Flow flow = Flow::Forward);

    /// True when the job can run in the reverse flow (exactly one source).
    static bool isReversible(const SyncJob& job);
    /// Whether the initiating host receives the files in @p flow (a pull,
    /// or a push job's reverse flow): its "Total bytes received" is then
    /// what travelled, else its "Total bytes sent".
    static bool initiatorReceives(const SyncJob& job, Flow flow = Flow::Forward);
    /// For the reverse flow: the directory on main the data goes back into
    /// (the source for "dir/", its parent for "dir").
    static QString reverseRoot(const SyncJob& job);
    /// For the reverse flow: the source as copied on backup ("DEST/" for a
    /// source "dir/", "DEST/dir" for "dir").
    static QString reverseSource(const SyncJob& job);

    /// For a pull: the directory rrsync is confined to on main (the deepest
    /// directory holding every source) and each source relative to it.
    static QString pullRoot(const QStringList& sources);
    static QStringList pullPaths(const QStringList& sources);
};

} // namespace relais
