#include "RsyncExitPolicy.h"

#include "HostReplicationLock.h"
#include "SyncHostInstall.h"

#include <algorithm>

namespace relais {

RsyncExitPolicy::Verdict RsyncExitPolicy::classify(int exitStatus)
{
    switch (exitStatus) {
    case 0:
        return {Outcome::Success, tr("The copy is complete.")};
    case 24:
        return {Outcome::Warning,
                tr("The copy is complete, but some source files vanished while it ran (they "
                   "were deleted or renamed on main meanwhile); the next run takes the new "
                   "state.")};
    case 10:
        return {Outcome::Retry, tr("The connection between the hosts failed (socket I/O); "
                                   "Relais will try again.")};
    case 12:
        return {Outcome::Retry, tr("The data stream between the hosts broke (often a full disk "
                                   "or a killed rsync on the other side); Relais will try again.")};
    case 30:
    case 35:
        return {Outcome::Retry,
                tr("The transfer timed out waiting for the other host; Relais will try again.")};
    case 255:
        return {Outcome::Retry, tr("The SSH connection between the hosts failed (host down, "
                                   "refused or host key problem); Relais will try again.")};
    case 23:
        return {Outcome::Fail,
                tr("Some files could not be copied (permissions, unreadable files or a full "
                   "destination); the run's messages name them.")};
    case 1:
    case 2:
    case 4:
        return {Outcome::Fail, tr("rsync refused the job's options (rsync %1 on one of the "
                                  "hosts does not support them, or the restricted key forbids "
                                  "them). Check the job and the rsync versions.")
                                   .arg(exitStatus)};
    case 3:
        return {Outcome::Fail, tr("A source or destination path is missing or unusable; check "
                                  "the job's paths on both hosts.")};
    case 5:
        return {Outcome::Fail, tr("rsync could not start on the other host (is rsync installed "
                                  "there, and does the replication key allow it?).")};
    case 11:
        return {Outcome::Fail, tr("A file could not be read or written (file I/O error: disk "
                                  "full, read-only file system or a failing disk).")};
    case 20:
        return {Outcome::Fail, tr("rsync was stopped by a signal (cancelled, or killed on a "
                                  "host).")};
    case 22:
        return {Outcome::Fail, tr("rsync ran out of memory on a host.")};
    case 25:
        return {Outcome::Fail, tr("rsync stopped because it would have deleted more files "
                                  "than the job allows (--max-delete); check the source before "
                                  "anything is lost.")};
    case SyncHostInstall::HookFailedStatus:
        return {Outcome::Fail, tr("A pre-sync hook failed or ran out of time on the initiating "
                                  "host; nothing was copied.")};
    case SyncHostInstall::BusyStatus:
        return {Outcome::Fail,
                tr("Another run of the job was in progress on its initiating host; nothing was "
                   "copied. Try again when it ends.")};
    case HostReplicationLock::ExitStatus:
        return {Outcome::Fail,
                tr("Backup refused the copy: replication to it is locked since a failover (it "
                   "serves now). Fail back to unlock it.")};
    default:
        return {Outcome::Fail, tr("rsync failed with exit status %1; the run's messages say "
                                  "why.")
                                   .arg(exitStatus)};
    }
}

RsyncExitPolicy::Verdict RsyncExitPolicy::judge(int exitStatus, const QStringList& messages)
{
    for (const QString& message : messages) {
        // Backup refused the push before rsync spoke (rsync then exits 12).
        if (message.contains(QLatin1String(HostReplicationLock::RefusalText)))
            return classify(HostReplicationLock::ExitStatus);
        if (message.contains(QStringLiteral("discarding completed file"))) {
            return {Outcome::Fail,
                    tr("rsync reported success but threw away files it had copied (\"%1\"); "
                       "the backup did not receive them. Check the job's options and the "
                       "rrsync restriction on the receiving host.")
                        .arg(message)};
        }
    }
    return classify(exitStatus);
}

int RsyncExitPolicy::retryDelaySeconds(int attempt)
{
    const int shift = std::clamp(attempt - 1, 0, 10);
    return std::min(30 << shift, 15 * 60);
}

} // namespace relais
