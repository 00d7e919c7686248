#include "health/TcpProbe.h"
#include "support/ProbeTestSupport.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace relais;

namespace {

/// A listening socket on 127.0.0.1 whose accept queue is full: the kernel
/// drops further connection attempts (SYNs), so they hang until timeout.
class StalledListener
{
public:
    StalledListener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof address;
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(m_fd, 0) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
        // Fill the accept queue (never accepted).
        for (int i = 0; i < 2; ++i) {
            auto* filler = new QTcpSocket;
            filler->connectToHost(QHostAddress::LocalHost, m_port);
            m_fillers.append(filler);
        }
        QTest::qWait(100);
    }
    ~StalledListener()
    {
        qDeleteAll(m_fillers);
        if (m_fd >= 0)
            ::close(m_fd);
    }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    QList<QTcpSocket*> m_fillers;
};

} // namespace

class TestTcpProbe : public QObject
{
    Q_OBJECT

private slots:
    void openPort()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        TcpProbe probe(QStringLiteral("127.0.0.1"), server.serverPort(), 3000);
        QCOMPARE(probe.describe(), QStringLiteral("TCP 127.0.0.1:%1").arg(server.serverPort()));

        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QVERIFY(!result->error);
        QVERIFY(result->latencyMs >= 0);
        QVERIFY(result->message.contains(QStringLiteral("127.0.0.1")));
        QTRY_VERIFY(server.hasPendingConnections());
    }

    void closedPortIsRefused()
    {
        const quint16 port = ProbeTest::closedPort();
        QVERIFY(port != 0);
        TcpProbe probe(QStringLiteral("127.0.0.1"), port, 3000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error, HealthError::ConnectionRefused);
        QVERIFY(result->latencyMs >= 0);
        QVERIFY(!result->message.isEmpty());
    }

    void unreachable()
    {
        // Refused by the kernel at once (ENETUNREACH), no packet sent.
        TcpProbe probe(QStringLiteral("255.255.255.255"), 80, 3000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::Unreachable);
        QCOMPARE(result->message, QStringLiteral("Network unreachable"));
    }

    void successEndsWithReset()
    {
        // The connection is reset once made: the server reads ECONNRESET,
        // not an orderly end, and the probe leaves nothing in TIME_WAIT.
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(listener >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr*>(&address), length), 0);
        QCOMPARE(::listen(listener, 4), 0);
        QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
        TcpProbe probe(QStringLiteral("127.0.0.1"), ntohs(address.sin_port), 3000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        const int server = ::accept(listener, nullptr, nullptr);
        QVERIFY(server >= 0);
        char byte;
        errno = 0;
        QCOMPARE(::recv(server, &byte, 1, MSG_DONTWAIT), ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
        ::close(server);
        ::close(listener);
    }

    void timeout()
    {
        StalledListener listener;
        if (listener.port() == 0)
            QSKIP("cannot set up a stalled listener");
        TcpProbe probe(QStringLiteral("127.0.0.1"), listener.port(), 300);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::Timeout);
        QVERIFY(result->latencyMs >= 300);
    }

    void cancelFinishesOnce()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        TcpProbe probe(QStringLiteral("127.0.0.1"), server.serverPort(), 3000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QVERIFY(probe.isRunning());
        probe.cancel();
        QCOMPARE(spy.size(), 1);
        QVERIFY(!probe.isRunning());
        const auto result = spy.at(0).at(0).value<ProbeResult>();
        QVERIFY(!result.ok);
        QCOMPARE(result.error, HealthError::Cancelled);

        probe.cancel(); // nothing runs: no second finished()
        QTest::qWait(200);
        QCOMPARE(spy.size(), 1);
    }

    void cancelOnStalledConnect()
    {
        StalledListener listener;
        if (listener.port() == 0)
            QSKIP("cannot set up a stalled listener");
        TcpProbe probe(QStringLiteral("127.0.0.1"), listener.port(), 5000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QTest::qWait(100);
        QCOMPARE(spy.size(), 0);
        probe.cancel();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ProbeResult>().error, HealthError::Cancelled);
        QTest::qWait(200);
        QCOMPARE(spy.size(), 1);
    }

    void restartable()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        TcpProbe probe(QStringLiteral("127.0.0.1"), server.serverPort(), 3000);
        for (int i = 0; i < 3; ++i) {
            const auto result = ProbeTest::run(probe);
            QVERIFY(result);
            QVERIFY(result->ok);
        }
        // Cancelled, then started again.
        probe.start();
        probe.cancel();
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY(result->ok);
    }

    void restartFromFinishedSlot()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        TcpProbe probe(QStringLiteral("127.0.0.1"), server.serverPort(), 3000);
        int finishedCount = 0;
        connect(&probe, &Probe::finished, this, [&](const ProbeResult& result) {
            QVERIFY(result.ok);
            if (++finishedCount < 3)
                probe.start();
        });
        probe.start();
        QTRY_COMPARE(finishedCount, 3);
        QTest::qWait(100);
        QCOMPARE(finishedCount, 3);
        QVERIFY(!probe.isRunning());
    }

    void startWhileRunningIsIgnored()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        TcpProbe probe(QStringLiteral("127.0.0.1"), server.serverPort(), 3000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        probe.start();
        QVERIFY(spy.wait(3000));
        QTest::qWait(100);
        QCOMPARE(spy.size(), 1);
    }

    void invalidTargetFailsLater()
    {
        TcpProbe probe(QString(), 80, 3000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QCOMPARE(spy.size(), 0); // never from inside start()
        QVERIFY(spy.wait(1000));
        QCOMPARE(spy.at(0).at(0).value<ProbeResult>().error, HealthError::Failed);
    }

    void destroyWhileRunning()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        auto* probe = new TcpProbe(QStringLiteral("127.0.0.1"), server.serverPort(), 3000);
        QSignalSpy spy(probe, &Probe::finished);
        probe->start();
        delete probe;
        QTest::qWait(100); // nothing left behind fires
    }

    void socketErrorMapping_data()
    {
        QTest::addColumn<QAbstractSocket::SocketError>("socketError");
        QTest::addColumn<HealthError>("expected");
        QTest::newRow("refused") << QAbstractSocket::ConnectionRefusedError
                                 << HealthError::ConnectionRefused;
        QTest::newRow("host not found")
            << QAbstractSocket::HostNotFoundError << HealthError::HostNotFound;
        QTest::newRow("network") << QAbstractSocket::NetworkError << HealthError::Unreachable;
        QTest::newRow("timeout") << QAbstractSocket::SocketTimeoutError << HealthError::Timeout;
        QTest::newRow("closed") << QAbstractSocket::RemoteHostClosedError << HealthError::Failed;
        QTest::newRow("unknown") << QAbstractSocket::UnknownSocketError << HealthError::Failed;
    }

    void socketErrorMapping()
    {
        QFETCH(QAbstractSocket::SocketError, socketError);
        QFETCH(HealthError, expected);
        QCOMPARE(TcpProbe::healthError(socketError), expected);
    }

    void endpoint()
    {
        QCOMPARE(TcpProbe::endpoint(QStringLiteral("10.0.0.1"), 80), QStringLiteral("10.0.0.1:80"));
        QCOMPARE(TcpProbe::endpoint(QStringLiteral("::1"), 22), QStringLiteral("[::1]:22"));
        QCOMPARE(TcpProbe::endpoint(QStringLiteral("host.example"), 443),
                 QStringLiteral("host.example:443"));
    }
};

QTEST_GUILESS_MAIN(TestTcpProbe)
#include "tst_tcpprobe.moc"
