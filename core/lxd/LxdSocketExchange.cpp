#include "LxdSocketExchange.h"

#include "LxdError.h"
#include "LxdSocketTransport.h"
#include "common/Logging.h"
#include "http/HttpRequestWriter.h"
#include "ssh/SshError.h"

#include <QLocalSocket>

namespace relais {

LxdSocketExchange::LxdSocketExchange(LxdSocketTransport* transport, HttpRequest request,
                                     int timeoutMs, QObject* parent)
    : LxdExchange(std::move(request), parent)
    , m_transport(transport)
    , m_timeoutMs(timeoutMs)
{
    m_parser.setHeadRequest(this->request().method == "HEAD");
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(Error(LxdError::Timeout,
                     QStringLiteral("LXD did not answer within %1 s").arg(m_timeoutMs / 1000.0),
                     {describe()}));
    });
}

LxdSocketExchange::~LxdSocketExchange()
{
    abort();
}

void LxdSocketExchange::start()
{
    if (m_running || isFinished())
        return;
    m_running = true;
    // Deliver on the next pass: finished() never comes from start().
    QMetaObject::invokeMethod(this, &LxdSocketExchange::run, Qt::QueuedConnection);
}

void LxdSocketExchange::abort()
{
    m_running = false;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

Error LxdSocketExchange::unreachable(const QString& why) const
{
    QStringList details{describe()};
    if (m_transport)
        details.prepend(m_transport->describe());
    return Error(LxdError::Unreachable, why, details);
}

void LxdSocketExchange::run()
{
    if (!m_running)
        return;
    if (!m_transport) {
        finish(unreachable(QStringLiteral("the LXD transport is gone")));
        return;
    }
    auto path = m_transport->socketPath();
    if (!path) {
        finish(path.error());
        return;
    }
    m_path = *path;
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, &LxdSocketExchange::onConnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &LxdSocketExchange::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &LxdSocketExchange::onDisconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &LxdSocketExchange::onSocketError);
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    qCDebug(lcLxd) << describe() << "via" << m_transport->describe();
    m_socket->connectToServer(m_path);
}

void LxdSocketExchange::onConnected()
{
    if (!m_running || m_connected)
        return;
    m_connected = true;
    HttpRequest request = this->request();
    request.headers.append(HttpHeader("Connection", "close"));
    auto bytes = HttpRequestWriter::write(request);
    if (!bytes) {
        finish(Error(LxdError::ProtocolError, bytes.error().message(), {describe()}));
        return;
    }
    m_socket->write(*bytes);
}

void LxdSocketExchange::onReadyRead()
{
    if (!m_running || !m_socket)
        return;
    const auto state = m_parser.feed(m_socket->readAll());
    if (state == HttpResponseParser::State::Complete)
        finish(m_parser.response());
    else if (state == HttpResponseParser::State::Failed)
        finish(Error(LxdError::ProtocolError, m_parser.error().message(), {describe()}));
}

void LxdSocketExchange::onDisconnected()
{
    if (!m_running || !m_socket)
        return;
    if (m_socket->bytesAvailable() > 0) {
        onReadyRead();
        if (!m_running)
            return;
    }
    if (!m_parser.receivedAnything()) {
        // Through a tunnel the local connection succeeds and then closes when
        // the remote socket cannot be reached: say why when the tunnel knows.
        const auto failure = m_transport ? m_transport->takeLastFailure() : std::nullopt;
        if (failure &&
            (failure->is(SshError::HostKeyRejected) || failure->is(SshError::HostKeyUnknown))) {
            // Not a host that cannot be reached: one whose key was refused.
            Error refused = unreachable(failure->message());
            finish(Error(LxdError::HostKeyNotTrusted, refused.message(), refused.details()));
            return;
        }
        finish(unreachable(failure
                               ? failure->message()
                               : QStringLiteral("LXD closed the connection without answering")));
        return;
    }
    const auto state = m_parser.finish();
    if (state == HttpResponseParser::State::Complete)
        finish(m_parser.response());
    else
        finish(Error(LxdError::ProtocolError, m_parser.error().message(), {describe()}));
}

void LxdSocketExchange::onSocketError()
{
    if (!m_running || !m_socket)
        return;
    const auto error = m_socket->error();
    if (error == QLocalSocket::PeerClosedError) {
        onDisconnected();
        return;
    }
    if (!m_connected) {
        switch (error) {
        case QLocalSocket::ServerNotFoundError:
            finish(unreachable(
                QStringLiteral("the LXD socket %1 does not exist (is LXD running?)").arg(m_path)));
            return;
        case QLocalSocket::ConnectionRefusedError:
            finish(
                unreachable(QStringLiteral("nothing answers on the LXD socket %1 (is LXD running?)")
                                .arg(m_path)));
            return;
        default:
            break;
        }
    }
    finish(
        unreachable(QStringLiteral("connection to LXD failed: %1").arg(m_socket->errorString())));
}

void LxdSocketExchange::finish(Result<HttpResponse> result)
{
    if (!m_running)
        return;
    abort();
    deliver(std::move(result));
}

} // namespace relais
