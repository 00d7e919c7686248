#pragma once

#include "common/Result.h"

#include <QObject>
#include <optional>

namespace relais {

/// How bytes reach an LXD daemon: a local Unix socket that speaks LXD's
/// REST API, either the daemon's own (LxdLocalTransport) or the local end
/// of an SSH tunnel to the host's socket (LxdSshTransport). LxdClient opens
/// one QLocalSocket per request to socketPath().
class LxdTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The local socket path that reaches the daemon, setting it up on
    /// first use (the tunnel starts listening). Never blocks.
    virtual Result<QString> socketPath() = 0;
    /// For messages: "unix:/var/…/unix.socket" or "ssh root@host:22 → /var/…".
    virtual QString describe() const = 0;

    /// The last failure below HTTP (an SSH forward refused), which explains
    /// a connection closed without an answer; taken (cleared) by the reader.
    std::optional<Error> takeLastFailure() { return std::exchange(m_lastFailure, std::nullopt); }

protected:
    void setLastFailure(const Error& error) { m_lastFailure = error; }

private:
    std::optional<Error> m_lastFailure;
};

} // namespace relais
