#pragma once

namespace relais {

/// Errors of the sync module. The message says what happened; the UI turns
/// the code into a translated sentence.
enum class SyncError
{
    DirectionLocked, ///< backup is active: main→backup replication is locked
    HookFailed,      ///< a pre-sync hook failed or timed out; nothing was copied
    CanaryFailed,    ///< the RPO canary could not be written on main
    RsyncFailed,     ///< rsync failed; the message is RsyncExitPolicy's sentence
    Cancelled,       ///< stopped by cancel()
    NotConnected,    ///< the initiating host could not be reached over SSH
    AlreadyRunning,  ///< another run of the job holds its lock on the initiating host
};

constexpr const char* errorDomain(SyncError)
{
    return "sync";
}

} // namespace relais
