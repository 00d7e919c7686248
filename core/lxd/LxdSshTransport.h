#pragma once

#include "LxdSocketTransport.h"

#include <QPointer>

namespace relais {

class SshSession;
class SshTunnel;

/// A remote daemon's Unix socket through an SSH tunnel (the site's lxd
/// `transport: ssh` with its `socket` path): each request is one
/// direct-streamlocal channel over @p session, which connects on demand.
class LxdSshTransport : public LxdSocketTransport
{
    Q_OBJECT

public:
    /// @p session must outlive the transport.
    LxdSshTransport(SshSession* session, QString remoteSocketPath, QObject* parent = nullptr);
    ~LxdSshTransport() override;

    Result<QString> socketPath() override;
    QString describe() const override;

private:
    QPointer<SshSession> m_session;
    QString m_remotePath;
    SshTunnel* m_tunnel = nullptr;
};

} // namespace relais
