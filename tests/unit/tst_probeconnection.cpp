// ProbeConnection: the bare socket of TCP and plain HTTP checks. Its
// connect paths (done during connect(), or EINPROGRESS then SO_ERROR), its
// errors, its reads and the reset that ends it.
#include "health/ProbeConnection.h"

#include <QSignalSpy>
#include <QTest>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace relais;

namespace {

/// A raw listening socket on 127.0.0.1, so that the test sees exactly how
/// the client ended each connection (a reset or a FIN).
class RawListener
{
public:
    RawListener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(m_fd, 16) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
    }
    ~RawListener()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    /// The next connection (waiting up to @p ms), or -1.
    int accept(int ms = 2000) const
    {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, ms) != 1)
            return -1;
        return ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
    }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

/// A port on 127.0.0.1 that nothing listens on.
quint16 closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd); // bound, never listened: refused from now on
    return port;
}

/// How the peer of @p fd ended the connection: "reset", "closed" (FIN) or
/// "open" (nothing within @p ms).
QByteArray peerEnd(int fd, int ms = 2000)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, ms) != 1)
        return "open";
    char byte;
    const ssize_t n = ::recv(fd, &byte, 1, 0);
    if (n == 0)
        return "closed";
    if (n < 0 && errno == ECONNRESET)
        return "reset";
    return "data";
}

} // namespace

class TestProbeConnection : public QObject
{
    Q_OBJECT

private slots:
    void connectsAndEndsWithReset_data()
    {
        QTest::addColumn<bool>("early");
        QTest::newRow("done during connect()") << true;
        QTest::newRow("EINPROGRESS, then writable") << false;
    }

    void connectsAndEndsWithReset()
    {
        QFETCH(bool, early);
        RawListener listener;
        QVERIFY(listener.port() != 0);
        ProbeConnection connection;
        connection.setEarlyCompletion(early);
        QSignalSpy connected(&connection, &ProbeConnection::connected);
        QSignalSpy failed(&connection, &ProbeConnection::errorOccurred);
        connection.connectToHost(QStringLiteral("127.0.0.1"), listener.port());
        // Early completion answers from inside connectToHost(), else later.
        QCOMPARE(connected.size(), early ? 1 : 0);
        if (!early)
            QVERIFY(connected.wait(2000));
        QVERIFY(connection.isConnected());
        QCOMPARE(failed.size(), 0);

        const int server = listener.accept();
        QVERIFY(server >= 0);
        connection.abort();
        QVERIFY(!connection.isActive());
        // The server sees a reset, not a FIN (nothing left in TIME_WAIT).
        QCOMPARE(peerEnd(server), QByteArray("reset"));
        ::close(server);
        QTest::qWait(50);
        QCOMPARE(connected.size(), 1);
    }

    void refused_data()
    {
        QTest::addColumn<bool>("early");
        // On loopback connect() says EINPROGRESS though the RST is already
        // in: the second connect() or SO_ERROR reports the refusal.
        QTest::newRow("second connect()") << true;
        QTest::newRow("SO_ERROR once writable") << false;
    }

    void refused()
    {
        QFETCH(bool, early);
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        ProbeConnection connection;
        connection.setEarlyCompletion(early);
        QSignalSpy connected(&connection, &ProbeConnection::connected);
        QSignalSpy failed(&connection, &ProbeConnection::errorOccurred);
        connection.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (failed.isEmpty())
            QVERIFY(failed.wait(2000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<QAbstractSocket::SocketError>(),
                 QAbstractSocket::ConnectionRefusedError);
        QCOMPARE(connection.errorString(), QStringLiteral("Connection refused"));
        QCOMPARE(connected.size(), 0);
        QVERIFY(!connection.isActive());
    }

    void unreachable()
    {
        // The kernel refuses a TCP connection to the broadcast address at
        // once (ENETUNREACH): no packet leaves the machine.
        ProbeConnection connection;
        QSignalSpy failed(&connection, &ProbeConnection::errorOccurred);
        connection.connectToHost(QStringLiteral("255.255.255.255"), 80);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(connection.error(), QAbstractSocket::NetworkError);
        QCOMPARE(connection.errorString(), QStringLiteral("Network unreachable"));
    }

    void nameTriesEachAddress()
    {
        // "localhost" comes from /etc/hosts (no DNS query); whether it
        // gives ::1 first or not, the IPv4 listener is reached.
        RawListener listener;
        QVERIFY(listener.port() != 0);
        ProbeConnection connection;
        QSignalSpy connected(&connection, &ProbeConnection::connected);
        QSignalSpy failed(&connection, &ProbeConnection::errorOccurred);
        connection.connectToHost(QStringLiteral("localhost"), listener.port());
        QCOMPARE(connected.size(), 0); // the look-up answers later
        QVERIFY(connected.wait(3000));
        QCOMPARE(failed.size(), 0);
        const int server = listener.accept();
        QVERIFY(server >= 0);
        ::close(server);
    }

    void abortDuringLookupIsSilent()
    {
        ProbeConnection connection;
        QSignalSpy connected(&connection, &ProbeConnection::connected);
        QSignalSpy failed(&connection, &ProbeConnection::errorOccurred);
        connection.connectToHost(QStringLiteral("localhost"), closedPort());
        QVERIFY(connection.isActive());
        connection.abort();
        QVERIFY(!connection.isActive());
        QTest::qWait(300);
        QCOMPARE(connected.size(), 0);
        QCOMPARE(failed.size(), 0);
    }

    void sendReadAndPeerClose()
    {
        RawListener listener;
        QVERIFY(listener.port() != 0);
        ProbeConnection connection;
        connection.setReading(true);
        QSignalSpy readyRead(&connection, &ProbeConnection::readyRead);
        connect(&connection, &ProbeConnection::connected, &connection,
                [&connection] { connection.send("ping\n"); });
        connection.connectToHost(QStringLiteral("127.0.0.1"), listener.port());
        const int server = listener.accept();
        QVERIFY(server >= 0);
        char request[16] = {};
        pollfd p{server, POLLIN, 0};
        QCOMPARE(::poll(&p, 1, 2000), 1);
        QCOMPARE(::recv(server, request, sizeof request, 0), ssize_t(5));
        QCOMPARE(QByteArray(request, 5), QByteArray("ping\n"));

        QCOMPARE(::send(server, "pong", 4, 0), ssize_t(4));
        QVERIFY(readyRead.wait(2000));
        char answer[16];
        QCOMPARE(connection.read(answer, sizeof answer), qint64(4));
        QCOMPARE(QByteArray(answer, 4), QByteArray("pong"));
        QCOMPARE(connection.read(answer, sizeof answer), qint64(0)); // nothing more yet

        ::close(server); // FIN
        QVERIFY(readyRead.wait(2000));
        QCOMPARE(connection.read(answer, sizeof answer), qint64(-1));
        QCOMPARE(connection.error(), QAbstractSocket::RemoteHostClosedError);
        // The end is reported once, not on every pass of the loop.
        const qsizetype seen = readyRead.size();
        QTest::qWait(100);
        QCOMPARE(readyRead.size(), seen);
    }

    void errnoMapping_data()
    {
        QTest::addColumn<int>("errnoValue");
        QTest::addColumn<QAbstractSocket::SocketError>("expected");
        QTest::newRow("refused") << ECONNREFUSED << QAbstractSocket::ConnectionRefusedError;
        QTest::newRow("net unreachable") << ENETUNREACH << QAbstractSocket::NetworkError;
        QTest::newRow("host unreachable") << EHOSTUNREACH << QAbstractSocket::NetworkError;
        QTest::newRow("timed out") << ETIMEDOUT << QAbstractSocket::SocketTimeoutError;
        QTest::newRow("reset") << ECONNRESET << QAbstractSocket::RemoteHostClosedError;
        QTest::newRow("firewall") << EPERM << QAbstractSocket::SocketAccessError;
        QTest::newRow("no port") << EADDRNOTAVAIL << QAbstractSocket::SocketResourceError;
        QTest::newRow("other") << EIO << QAbstractSocket::UnknownSocketError;
    }

    void errnoMapping()
    {
        QFETCH(int, errnoValue);
        QFETCH(QAbstractSocket::SocketError, expected);
        QString message;
        QCOMPARE(ProbeConnection::socketError(errnoValue, &message), expected);
        QVERIFY(!message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProbeConnection)
#include "tst_probeconnection.moc"
