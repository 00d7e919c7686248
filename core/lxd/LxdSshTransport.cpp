#include "LxdSshTransport.h"

#include "LxdError.h"
#include "ssh/SshSession.h"
#include "ssh/SshTunnel.h"

namespace relais {

LxdSshTransport::LxdSshTransport(SshSession* session, QString remoteSocketPath, QObject* parent)
    : LxdSocketTransport(parent)
    , m_session(session)
    , m_remotePath(std::move(remoteSocketPath))
{}

LxdSshTransport::~LxdSshTransport() = default;

Result<QString> LxdSshTransport::socketPath()
{
    if (!m_session)
        return Error(LxdError::Unreachable, QStringLiteral("the SSH session to the host is gone"));
    if (!m_tunnel) {
        m_tunnel = new SshTunnel(m_session, m_remotePath, this);
        connect(m_tunnel, &SshTunnel::forwardFailed, this,
                [this](const Error& error) { setLastFailure(error); });
    }
    auto path = m_tunnel->listen();
    if (!path)
        return Error(LxdError::Unreachable, path.error().message());
    return path;
}

QString LxdSshTransport::describe() const
{
    return QStringLiteral("ssh %1 -> %2")
        .arg(m_session ? m_session->describe() : QStringLiteral("(closed)"), m_remotePath);
}

} // namespace relais
