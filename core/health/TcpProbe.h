#pragma once

#include "Probe.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QTimer>

class QTcpSocket;

namespace relais {

/// Checks that a TCP port accepts connections: connects, then closes at
/// once. Connection refused, unknown host, unreachable network and the
/// timeout each give their own HealthError.
///
/// The connection is direct (no proxy). Calling start() while a check runs
/// does nothing; destroying a running probe stops it without finished().
class TcpProbe final : public Probe
{
    Q_OBJECT

public:
    TcpProbe(QString host, quint16 port, int timeoutMs, QObject* parent = nullptr);
    ~TcpProbe() override;

    void start() override;
    void cancel() override;
    bool isRunning() const override { return m_running; }
    /// "TCP 10.231.0.10:80".
    QString describe() const override;

    const QString& host() const { return m_host; }
    quint16 port() const { return m_port; }
    int timeoutMs() const { return m_timeoutMs; }

    /// The HealthError for a socket error (also used by SshProbe).
    static HealthError healthError(QAbstractSocket::SocketError error);
    /// "host:port", with an IPv6 address in brackets.
    static QString endpoint(const QString& host, quint16 port);

private:
    void onConnected();
    void onErrorOccurred(QAbstractSocket::SocketError error);
    void onTimeout();
    void finish(ProbeResult result);
    void finishLater(ProbeResult result);
    void dropSocket(bool graceful);

    QString m_host;
    quint16 m_port;
    int m_timeoutMs;
    QTcpSocket* m_socket = nullptr;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    bool m_running = false;
    bool m_starting = false;
    quint64 m_run = 0;
};

} // namespace relais
