#pragma once

#include <QString>

namespace relais {

/// The direction guard's mark on backup itself: a file that, while it
/// exists, makes backup refuse every main → backup transfer, whoever starts
/// it. A failover writes it (with relais.db's lock, which only the consoles
/// and relaisctl see); the failback removes it. It stops what no console
/// controls: a job installed on main whose timer fires after the failover,
/// or main coming back after an emergency failover. Checked by the forced
/// command of a push job's key on backup and by a pull job's runner on
/// backup; the reverse keys (failback) are never stopped by it.
class HostReplicationLock
{
public:
    /// rsync's exit status when backup refuses a transfer for the lock
    /// (RsyncExitPolicy says why).
    static constexpr int ExitStatus = 77;
    /// How the refusal begins on standard error: a run whose messages
    /// carry it was refused for the lock, whatever rsync's exit status.
    static constexpr const char* RefusalText = "Relais: replication to this host is locked";

    /// "/var/lib/relais/replication-locked"; RELAIS_HOST_LOCK_FILE moves it
    /// (tests, where the lab's hosts share one file system).
    static QString path();
    /// A shell test that exits with ExitStatus, saying why on standard
    /// error, when the mark is there; "true" otherwise.
    static QString guardCommand();
    /// Writes the mark (atomically) with @p reason in it.
    static QString lockCommand(const QString& reason);
    /// Removes the mark (no error when there is none).
    static QString unlockCommand();
};

} // namespace relais
