#include "ProbeConnection.h"

#include <QHostInfo>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace relais {

namespace {

/// @p address as a socket address; its length, 0 when it is neither IPv4
/// nor IPv6.
socklen_t toSockaddr(const QHostAddress& address, quint16 port, sockaddr_storage& storage)
{
    std::memset(&storage, 0, sizeof storage);
    bool ipv4 = false;
    const quint32 v4 = address.toIPv4Address(&ipv4);
    if (ipv4) {
        auto* in = reinterpret_cast<sockaddr_in*>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(v4);
        return sizeof(sockaddr_in);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        bool numeric = false;
        const uint scope = address.scopeId().toUInt(&numeric);
        if (numeric)
            in6->sin6_scope_id = scope;
        return sizeof(sockaddr_in6);
    }
    return 0;
}

/// Whether another address of the same name may do better.
bool worthNextAddress(int errnoValue)
{
    return errnoValue == ECONNREFUSED || errnoValue == ENETUNREACH || errnoValue == EHOSTUNREACH ||
           errnoValue == EAFNOSUPPORT || errnoValue == EADDRNOTAVAIL;
}

} // namespace

ProbeConnection::ProbeConnection(QObject* parent)
    : QObject(parent)
    , m_readNotifier(QSocketNotifier::Read)
    , m_writeNotifier(QSocketNotifier::Write)
{
    connect(&m_readNotifier, &QSocketNotifier::activated, this, &ProbeConnection::onReadable);
    connect(&m_writeNotifier, &QSocketNotifier::activated, this, &ProbeConnection::onWritable);
}

ProbeConnection::~ProbeConnection()
{
    abort();
}

QAbstractSocket::SocketError ProbeConnection::socketError(int errnoValue, QString* message)
{
    QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
    QString text;
    switch (errnoValue) {
    case ECONNREFUSED:
        error = QAbstractSocket::ConnectionRefusedError;
        text = QStringLiteral("Connection refused");
        break;
    case ENETUNREACH:
        error = QAbstractSocket::NetworkError;
        text = QStringLiteral("Network unreachable");
        break;
    case EHOSTUNREACH:
        error = QAbstractSocket::NetworkError;
        text = QStringLiteral("Host unreachable");
        break;
    case ETIMEDOUT:
        error = QAbstractSocket::SocketTimeoutError;
        text = QStringLiteral("Connection timed out");
        break;
    case ECONNRESET:
    case EPIPE:
        error = QAbstractSocket::RemoteHostClosedError;
        text = QStringLiteral("The remote host closed the connection");
        break;
    case EACCES:
    case EPERM:
        error = QAbstractSocket::SocketAccessError;
        text = QStringLiteral("Connection not permitted (firewall?)");
        break;
    case EADDRNOTAVAIL:
    case EADDRINUSE:
        error = QAbstractSocket::SocketResourceError;
        text = QStringLiteral("No local port left to connect from");
        break;
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        error = QAbstractSocket::SocketResourceError;
        text = QStringLiteral("Out of sockets or memory");
        break;
    case EAFNOSUPPORT:
        error = QAbstractSocket::UnsupportedSocketOperationError;
        text = QStringLiteral("The address family is not supported on this machine");
        break;
    default:
        text = QString::fromLocal8Bit(std::strerror(errnoValue));
        break;
    }
    if (message)
        *message = std::move(text);
    return error;
}

void ProbeConnection::connectToHost(const QString& host, quint16 port)
{
    abort();
    m_port = port;
    QHostAddress address;
    if (address.setAddress(host)) {
        m_addresses = {address};
        connectToNext();
        return;
    }
    // A name: QHostInfo runs the look-up off this thread and keeps recent
    // answers, so a probe every second does not ask the resolver each time.
    m_lookupPending = true;
    const quint64 generation = m_generation;
    QHostInfo::lookupHost(host, this, [this, generation](const QHostInfo& info) {
        onLookedUp(generation, info.addresses(),
                   info.error() == QHostInfo::NoError ? QString() : info.errorString());
    });
}

void ProbeConnection::onLookedUp(quint64 generation, const QList<QHostAddress>& addresses,
                                 const QString& lookupError)
{
    if (generation != m_generation || !m_lookupPending)
        return;
    m_lookupPending = false;
    if (addresses.isEmpty()) {
        m_error = QAbstractSocket::HostNotFoundError;
        m_errorString = lookupError.isEmpty() ? QStringLiteral("Host not found") : lookupError;
        emit errorOccurred(m_error);
        return;
    }
    m_addresses = addresses;
    connectToNext();
}

void ProbeConnection::connectToNext()
{
    const QHostAddress address = m_addresses.takeFirst();
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(address, m_port, storage);
    if (length == 0) {
        failConnect(EAFNOSUPPORT);
        return;
    }
    m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        failConnect(errno);
        return;
    }
    const auto* target = reinterpret_cast<const sockaddr*>(&storage);
    if (::connect(m_fd, target, length) == 0) {
        becomeConnected();
        return;
    }
    if (errno != EINPROGRESS) {
        failConnect(errno);
        return;
    }
    if (m_earlyCompletion) {
        // A server on this machine or behind a local bridge has usually
        // answered the SYN before connect() returned: asking once more
        // costs one system call and saves a notifier and a loop pass.
        if (::connect(m_fd, target, length) == 0 || errno == EISCONN) {
            becomeConnected();
            return;
        }
        if (errno != EALREADY && errno != EINPROGRESS) {
            failConnect(errno);
            return;
        }
    }
    m_writeNotifier.setSocket(m_fd);
    m_writeNotifier.setEnabled(true);
}

void ProbeConnection::failConnect(int errnoValue)
{
    closeSocket(false);
    if (worthNextAddress(errnoValue) && !m_addresses.isEmpty()) {
        connectToNext();
        return;
    }
    m_addresses.clear();
    m_error = socketError(errnoValue, &m_errorString);
    emit errorOccurred(m_error);
}

void ProbeConnection::becomeConnected()
{
    m_connected = true;
    m_addresses.clear();
    if (m_reading) {
        m_readNotifier.setSocket(m_fd);
        m_readNotifier.setEnabled(true);
    }
    emit connected();
}

void ProbeConnection::onWritable()
{
    m_writeNotifier.setEnabled(false);
    if (m_fd < 0)
        return;
    if (!m_connected) {
        int error = 0;
        socklen_t length = sizeof error;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
            error = errno;
        if (error != 0)
            failConnect(error);
        else
            becomeConnected();
        return;
    }
    flush();
}

void ProbeConnection::send(const QByteArray& data)
{
    if (m_fd < 0 || !m_connected)
        return;
    m_pending += data;
    flush();
}

bool ProbeConnection::flush()
{
    qsizetype written = 0;
    while (written < m_pending.size()) {
        const ssize_t n = ::send(m_fd, m_pending.constData() + written,
                                 std::size_t(m_pending.size() - written), MSG_NOSIGNAL);
        if (n >= 0) {
            written += n;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            m_pending.remove(0, written);
            m_writeNotifier.setSocket(m_fd);
            m_writeNotifier.setEnabled(true);
            return true;
        }
        // The connection broke: the reader learns it from read().
        m_error = socketError(errno, &m_errorString);
        m_pending.clear();
        m_readNotifier.setEnabled(false);
        ::shutdown(m_fd, SHUT_RDWR);
        emit readyRead();
        return false;
    }
    m_pending.clear();
    return true;
}

qint64 ProbeConnection::read(char* data, qint64 max)
{
    if (m_fd < 0 || !m_connected)
        return -1;
    for (;;) {
        const ssize_t n = ::recv(m_fd, data, std::size_t(max), 0);
        if (n > 0)
            return n;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        // The end: closed by the peer, reset, or broken. The notifier
        // would otherwise report the end over and over.
        m_readNotifier.setEnabled(false);
        if (n == 0) {
            if (m_errorString.isEmpty()) {
                m_error = QAbstractSocket::RemoteHostClosedError;
                m_errorString = QStringLiteral("The remote host closed the connection");
            }
        } else {
            m_error = socketError(errno, &m_errorString);
        }
        return -1;
    }
}

void ProbeConnection::onReadable()
{
    emit readyRead();
}

void ProbeConnection::abort()
{
    ++m_generation;
    m_lookupPending = false;
    closeSocket(m_connected);
    m_addresses.clear();
    m_pending.clear();
    m_error = QAbstractSocket::UnknownSocketError;
    m_errorString.clear();
}

void ProbeConnection::closeSocket(bool reset)
{
    m_connected = false;
    if (m_fd < 0)
        return;
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    if (reset) {
        // See the class comment: a reset, not the FIN exchange.
        const linger hard{1, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    ::close(m_fd);
    m_fd = -1;
}

} // namespace relais
