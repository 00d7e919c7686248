#include "TcpProbe.h"

#include "ProbeConnection.h"

#include <QTcpSocket>

namespace relais {

TcpProbe::TcpProbe(QString host, quint16 port, int timeoutMs, QObject* parent)
    : TimedProbe(timeoutMs, parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_connectedText(QStringLiteral("connected to ") + endpoint(m_host, m_port))
{}

TcpProbe::~TcpProbe()
{
    if (m_connection) {
        m_connection->disconnect(this);
        delete m_connection;
    }
}

QString TcpProbe::describe() const
{
    return QStringLiteral("TCP ") + endpoint(m_host, m_port);
}

QString TcpProbe::endpoint(const QString& host, quint16 port)
{
    const bool ipv6 = host.contains(QLatin1Char(':'));
    return (ipv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':') +
           QString::number(port);
}

HealthError TcpProbe::healthError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return HealthError::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError:
        return HealthError::HostNotFound;
    case QAbstractSocket::NetworkError:
        return HealthError::Unreachable;
    case QAbstractSocket::SocketTimeoutError:
        return HealthError::Timeout;
    default:
        return HealthError::Failed;
    }
}

void TcpProbe::begin()
{
    if (m_host.isEmpty() || m_port == 0) {
        finish(ProbeResult::failure(HealthError::Failed, 0,
                                    QStringLiteral("invalid target ") + describe()));
        return;
    }
    // One connection object for all the checks (each on a connection of
    // its own): nothing made, wired and deleted on every check.
    if (!m_connection) {
        m_connection = new ProbeConnection(this);
        connect(m_connection, &ProbeConnection::connected, this, &TcpProbe::onConnected);
        connect(m_connection, &ProbeConnection::errorOccurred, this, &TcpProbe::onErrorOccurred);
    }
    m_connection->connectToHost(m_host, m_port);
}

void TcpProbe::onConnected()
{
    if (!isRunning())
        return;
    finish(ProbeResult::success(elapsedMs(), m_connectedText));
}

void TcpProbe::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (!isRunning())
        return;
    finish(ProbeResult::failure(healthError(error), elapsedMs(), m_connection->errorString()));
}

ProbeResult TcpProbe::timedOut()
{
    return ProbeResult::failure(HealthError::Timeout, elapsedMs(),
                                QStringLiteral("no connection within %1 ms").arg(timeoutMs()));
}

void TcpProbe::release(bool)
{
    // A made connection ends with a reset, a pending one is dropped.
    if (m_connection)
        m_connection->abort();
}

void TcpProbe::dropSocket(QTcpSocket*& socket, QObject* receiver, bool graceful)
{
    if (!socket)
        return;
    QTcpSocket* dropped = socket;
    socket = nullptr;
    dropped->disconnect(receiver);
    if (graceful)
        dropped->disconnectFromHost();
    else
        dropped->abort();
    dropped->deleteLater();
}

} // namespace relais
