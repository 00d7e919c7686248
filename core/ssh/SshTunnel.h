#pragma once

#include "common/Result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace relais {

class SshSession;

/// A Unix socket on the remote host (LXD's unix.socket) made reachable as a
/// local Unix socket: each local connection opens a direct-streamlocal
/// channel over the session (OpenSSH's `ssh -L LOCAL:REMOTE`). The local
/// socket lives in a private temporary directory (mode 0700) and is removed
/// with the tunnel. Nothing blocks: bytes travel through the session's
/// worker thread.
class SshTunnel : public QObject
{
    Q_OBJECT

public:
    SshTunnel(SshSession* session, QString remoteSocketPath, QObject* parent = nullptr);
    ~SshTunnel() override;

    /// Starts listening; returns the local socket path.
    Result<QString> listen();
    QString localPath() const;
    const QString& remoteSocketPath() const { return m_remotePath; }
    /// Local connections currently forwarded.
    int connectionCount() const { return static_cast<int>(m_links.size()); }
    /// Stops listening and closes every forwarded connection.
    void close();

signals:
    /// A local connection could not be forwarded (channel refused, session down).
    void forwardFailed(const relais::Error& error);

private:
    friend class SshSession;

    struct Link
    {
        QLocalSocket* socket = nullptr;
        bool open = false;
        QByteArray buffered; ///< read locally before the channel opened
    };

    void onNewConnection();
    void onLocalData(quint64 id);
    void onLocalClosed(quint64 id);
    void onForwardOpened(quint64 id);
    void onForwardData(quint64 id, const QByteArray& data);
    void onForwardClosed(quint64 id, const std::optional<Error>& error);

    QPointer<SshSession> m_session;
    QString m_remotePath;
    std::optional<QTemporaryDir> m_dir;
    QLocalServer* m_server = nullptr;
    QHash<quint64, Link> m_links;
};

} // namespace relais
