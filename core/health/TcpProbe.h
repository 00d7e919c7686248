#pragma once

#include "TimedProbe.h"

#include <QAbstractSocket>

class QTcpSocket;

namespace relais {

class ProbeConnection;

/// Checks that a TCP port accepts connections: connects, then closes at
/// once. Connection refused, unknown host, unreachable network and the
/// timeout each give their own HealthError.
///
/// The connection is direct (no proxy), on a ProbeConnection, and ends
/// with a reset once made (see ProbeConnection). Calling start() while a
/// check runs does nothing; destroying a running probe stops it without
/// finished().
class TcpProbe final : public TimedProbe
{
    Q_OBJECT

public:
    TcpProbe(QString host, quint16 port, int timeoutMs, QObject* parent = nullptr);
    ~TcpProbe() override;

    /// "TCP 10.231.0.10:80".
    QString describe() const override;

    const QString& host() const { return m_host; }
    quint16 port() const { return m_port; }

    /// The HealthError for a socket error (also used by SshProbe).
    static HealthError healthError(QAbstractSocket::SocketError error);
    /// "host:port", with an IPv6 address in brackets.
    static QString endpoint(const QString& host, quint16 port);

    /// Closes @p socket (gracefully or not) and deletes it later; the
    /// pointer is cleared (shared with SshProbe).
    static void dropSocket(QTcpSocket*& socket, QObject* receiver, bool graceful);

protected:
    void begin() override;
    void release(bool ok) override;
    ProbeResult timedOut() override;

private:
    void onConnected();
    void onErrorOccurred(QAbstractSocket::SocketError error);

    QString m_host;
    quint16 m_port;
    QString m_connectedText; ///< the message of every success
    ProbeConnection* m_connection = nullptr;
};

} // namespace relais
