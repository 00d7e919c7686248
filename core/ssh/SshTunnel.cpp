#include "SshTunnel.h"

#include "SshError.h"
#include "SshSession.h"
#include "common/Logging.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace relais {

SshTunnel::SshTunnel(SshSession* session, QString remoteSocketPath, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_remotePath(std::move(remoteSocketPath))
{}

SshTunnel::~SshTunnel()
{
    close();
}

Result<QString> SshTunnel::listen()
{
    if (m_server)
        return localPath();
    m_dir.emplace(QDir(QDir::tempPath()).filePath(QStringLiteral("relais-tunnel-XXXXXX")));
    if (!m_dir->isValid()) {
        const QString reason = m_dir->errorString();
        m_dir.reset();
        return Error(
            SshError::ChannelFailed,
            QStringLiteral("cannot create a private directory for the tunnel: %1").arg(reason));
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    const QString path = m_dir->filePath(QStringLiteral("socket"));
    if (!m_server->listen(path)) {
        const QString reason = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        m_dir.reset();
        return Error(SshError::ChannelFailed,
                     QStringLiteral("cannot listen on %1: %2").arg(path, reason));
    }
    connect(m_server, &QLocalServer::newConnection, this, &SshTunnel::onNewConnection);
    qCDebug(lcSsh) << "tunnel" << path << "->" << m_remotePath;
    return path;
}

QString SshTunnel::localPath() const
{
    return m_server ? m_server->fullServerName() : QString();
}

void SshTunnel::close()
{
    const auto links = std::exchange(m_links, {});
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        if (m_session)
            m_session->closeForward(it.key());
        it->socket->disconnect(this);
        it->socket->abort();
        it->socket->deleteLater();
    }
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    m_dir.reset();
}

void SshTunnel::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        if (!m_session) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        const quint64 id = m_session->openForward(this, m_remotePath);
        m_links.insert(id, Link{socket, false, {}});
        connect(socket, &QLocalSocket::readyRead, this, [this, id] { onLocalData(id); });
        connect(socket, &QLocalSocket::disconnected, this, [this, id] { onLocalClosed(id); });
    }
}

void SshTunnel::onLocalData(quint64 id)
{
    auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    const QByteArray data = it->socket->readAll();
    if (!it->open)
        it->buffered += data;
    else if (m_session && !data.isEmpty())
        m_session->writeForward(id, data);
}

void SshTunnel::onLocalClosed(quint64 id)
{
    auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    QLocalSocket* socket = it->socket;
    m_links.erase(it);
    if (m_session)
        m_session->closeForward(id);
    socket->deleteLater();
}

void SshTunnel::onForwardOpened(quint64 id)
{
    auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    it->open = true;
    it->buffered += it->socket->readAll();
    if (m_session && !it->buffered.isEmpty())
        m_session->writeForward(id, std::exchange(it->buffered, {}));
}

void SshTunnel::onForwardData(quint64 id, const QByteArray& data)
{
    auto it = m_links.find(id);
    if (it != m_links.end())
        it->socket->write(data);
}

void SshTunnel::onForwardClosed(quint64 id, const std::optional<Error>& error)
{
    auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    QLocalSocket* socket = it->socket;
    m_links.erase(it);
    socket->disconnect(this);
    // Whatever was received is still written before the socket closes.
    socket->disconnectFromServer();
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    if (socket->state() == QLocalSocket::UnconnectedState)
        socket->deleteLater();
    if (error)
        emit forwardFailed(*error);
}

} // namespace relais
