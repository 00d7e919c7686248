#include "TcpProbe.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QTcpSocket>

namespace relais {

TcpProbe::TcpProbe(QString host, quint16 port, int timeoutMs, QObject* parent)
    : Probe(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TcpProbe::onTimeout);
}

TcpProbe::~TcpProbe()
{
    dropSocket(false);
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

void TcpProbe::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_run;
    m_elapsed.start();

    if (m_host.isEmpty() || m_port == 0) {
        finishLater(ProbeResult::failure(HealthError::Failed, 0,
                                         QStringLiteral("invalid target ") + describe()));
        return;
    }
    if (m_timeoutMs <= 0) {
        finishLater(ProbeResult::failure(HealthError::Failed, 0,
                                         QStringLiteral("invalid timeout %1 ms").arg(m_timeoutMs)));
        return;
    }

    m_socket = new QTcpSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::connected, this, &TcpProbe::onConnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpProbe::onErrorOccurred);
    m_timer.start(m_timeoutMs);

    // A socket may report some errors before connectToHost() returns;
    // finish() defers them so that finished() never comes from start().
    m_starting = true;
    m_socket->connectToHost(m_host, m_port);
    m_starting = false;
}

void TcpProbe::cancel()
{
    if (!m_running)
        return;
    finish(ProbeResult::failure(HealthError::Cancelled, m_elapsed.elapsed(),
                                QStringLiteral("cancelled")));
}

void TcpProbe::onConnected()
{
    finish(ProbeResult::success(m_elapsed.elapsed(),
                                QStringLiteral("connected to ") + endpoint(m_host, m_port)));
}

void TcpProbe::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    finish(ProbeResult::failure(healthError(error), m_elapsed.elapsed(), m_socket->errorString()));
}

void TcpProbe::onTimeout()
{
    finish(ProbeResult::failure(HealthError::Timeout, m_elapsed.elapsed(),
                                QStringLiteral("no connection within %1 ms").arg(m_timeoutMs)));
}

void TcpProbe::finish(ProbeResult result)
{
    if (!m_running)
        return;
    if (m_starting) {
        finishLater(std::move(result));
        return;
    }
    m_running = false;
    m_timer.stop();
    dropSocket(result.ok);
    // Nothing after the emit: a receiver may start the probe again or delete it.
    emit finished(result);
}

void TcpProbe::finishLater(ProbeResult result)
{
    QMetaObject::invokeMethod(
        this,
        [this, run = m_run, result = std::move(result)]() mutable {
            if (m_run == run)
                finish(std::move(result));
        },
        Qt::QueuedConnection);
}

void TcpProbe::dropSocket(bool graceful)
{
    if (!m_socket)
        return;
    QTcpSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (graceful)
        socket->disconnectFromHost();
    else
        socket->abort();
    socket->deleteLater();
}

} // namespace relais
