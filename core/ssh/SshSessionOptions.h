#pragma once

#include "KnownHosts.h"
#include "SshTarget.h"

#include <optional>

namespace relais {

/// How an SshSession reaches its host.
struct SshSessionOptions
{
    SshTarget target;
    /// Reached first, the target through it (OpenSSH's ProxyJump); its host
    /// key is checked the same way as the target's.
    std::optional<SshTarget> jump;
    QString knownHostsPath = KnownHosts::defaultPath();
    int connectTimeoutMs = 10000;
    /// Interval of keepalive requests while connected; 0 disables them.
    int keepaliveIntervalMs = 30000;
    /// Keep shells (three) started on the host, waiting for the next commands. sshd
    /// starts the user's login shell for every command, and its startup
    /// files (~/.bashrc) may take a tenth of a second or more: a session
    /// that lives long and runs a command now and then (the console's sync
    /// runs) pays that ahead instead of in the command's time. The shell
    /// reads the command as one line and runs it with `eval`, as sshd would
    /// have; a command with standard input or a newline starts its own.
    /// The next shell starts as soon as one is taken; three wait, so that
    /// commands sent in a row (a sync run's lock check, hook and transfer)
    /// each find one through its startup files.
    bool readyShell = false;
};

} // namespace relais
