#pragma once

#include "LxdTransport.h"

namespace relais {

/// A transport whose requests go to a local Unix socket that speaks LXD's
/// REST API: the daemon's own (LxdLocalTransport) or the local end of an SSH
/// tunnel to the host's socket (LxdSshTransport). Each request is one
/// LxdSocketExchange on a fresh QLocalSocket to socketPath().
class LxdSocketTransport : public LxdTransport
{
    Q_OBJECT

public:
    using LxdTransport::LxdTransport;

    /// The local socket path that reaches the daemon, setting it up on
    /// first use (the tunnel starts listening). Never blocks.
    virtual Result<QString> socketPath() = 0;

    LxdExchange* createExchange(HttpRequest request, int timeoutMs,
                                QObject* parent = nullptr) override;
};

} // namespace relais
