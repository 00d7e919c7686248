#include "health/SshProbe.h"
#include "support/ProbeTestSupport.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace relais;

namespace {

/// A TCP server on 127.0.0.1 that greets each connection with fixed bytes
/// (possibly in several pieces), then stays silent or closes.
class GreetingServer : public QObject
{
public:
    explicit GreetingServer(QList<QByteArray> pieces, bool closeAfter, int pieceDelayMs = 0)
        : m_pieces(std::move(pieces))
        , m_closeAfter(closeAfter)
        , m_pieceDelayMs(pieceDelayMs)
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                send(socket, 0);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

private:
    void send(QPointer<QTcpSocket> socket, int index)
    {
        if (!socket)
            return;
        if (index < m_pieces.size()) {
            socket->write(m_pieces.at(index));
            QTimer::singleShot(m_pieceDelayMs, this,
                               [this, socket, index] { send(socket, index + 1); });
        } else if (m_closeAfter) {
            socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    QList<QByteArray> m_pieces;
    bool m_closeAfter;
    int m_pieceDelayMs;
};

} // namespace

class TestSshProbe : public QObject
{
    Q_OBJECT

private slots:
    void banner_data()
    {
        QTest::addColumn<QByteArray>("greeting");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("expectedError"); // -1: ok
        QTest::addColumn<QString>("expectedMessage");

        const int ok = -1;
        const int notSsh = int(HealthError::NotSsh);
        const int timeout = int(HealthError::Timeout);

        QTest::newRow("test banner")
            << QByteArray("SSH-2.0-Test\r\n") << false << ok << QStringLiteral("SSH-2.0-Test");
        QTest::newRow("openssh") << QByteArray("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
                                 << false << ok
                                 << QStringLiteral("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
        QTest::newRow("then closed")
            << QByteArray("SSH-2.0-Test\r\n") << true << ok << QStringLiteral("SSH-2.0-Test");
        QTest::newRow("lf only") << QByteArray("SSH-2.0-Test\n") << false << ok
                                 << QStringLiteral("SSH-2.0-Test");
        QTest::newRow("ssh 1.99") << QByteArray("SSH-1.99-Compat\r\n") << false << ok
                                  << QStringLiteral("SSH-1.99-Compat");
        QTest::newRow("pre-banner lines")
            << QByteArray("Welcome to the lab\r\nAuthorised use only\r\n\r\nSSH-2.0-Test\r\n")
            << false << ok << QStringLiteral("SSH-2.0-Test");
        QTest::newRow("control bytes escaped") << QByteArray("SSH-2.0-Te\x01st\x7f\r\n") << false
                                               << ok << QStringLiteral("SSH-2.0-Te\\x01st\\x7F");
        QTest::newRow("longest line")
            << QByteArray("SSH-2.0-" + QByteArray(247, 'x') + "\r\n") << false << ok
            << QString(QStringLiteral("SSH-2.0-") + QString(247, QLatin1Char('x')));

        QTest::newRow("http then close")
            << QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n") << true << notSsh
            << QStringLiteral("HTTP/1.1 400 Bad Request");
        QTest::newRow("http kept open") << QByteArray("HTTP/1.1 400 Bad Request\r\n") << false
                                        << notSsh << QStringLiteral("HTTP/1.1 400 Bad Request");
        QTest::newRow("http no newline")
            << QByteArray("HTTP/1.1 400") << false << notSsh << QStringLiteral("HTTP/1.1 400");
        QTest::newRow("ssh 1.5") << QByteArray("SSH-1.5-Old\r\n") << false << notSsh
                                 << QStringLiteral("unsupported SSH protocol version");
        QTest::newRow("line too long")
            << QByteArray("SSH-2.0-" + QByteArray(300, 'x') + "\r\n") << false << notSsh
            << QStringLiteral("longer than 255 bytes");
        QTest::newRow("line too long, no newline")
            << QByteArray(400, 'y') << false << notSsh << QStringLiteral("longer than 255 bytes");
        QTest::newRow("binary") << QByteArray("\x0a\x00\x00\x00\x0a"
                                              "5.7.0\x00",
                                              11)
                                << false << notSsh << QStringLiteral("binary data");
        QTest::newRow("too many lines")
            << QByteArray("x\r\n").repeated(SshProbe::MaxPreBannerLines + 1) + "SSH-2.0-Late\r\n"
            << false << notSsh << QStringLiteral("no SSH identification in the first");
        QTest::newRow("closed without a word")
            << QByteArray() << true << notSsh << QStringLiteral("closed before");
        QTest::newRow("silent") << QByteArray() << false << timeout
                                << QStringLiteral("no SSH identification within 400 ms");
        QTest::newRow("half a banner") << QByteArray("SSH-2.0-Te") << false << timeout
                                       << QStringLiteral("no SSH identification within 400 ms");
    }

    void banner()
    {
        QFETCH(QByteArray, greeting);
        QFETCH(bool, closeAfter);
        QFETCH(int, expectedError);
        QFETCH(QString, expectedMessage);

        GreetingServer server(
            greeting.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{greeting}, closeAfter);
        QVERIFY(server.listen());
        SshProbe probe(QStringLiteral("127.0.0.1"), server.port(), 400);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(ProbeTest::errorOf(*result) == expectedError, qPrintable(result->message));
        QCOMPARE(result->ok, expectedError == -1);
        QVERIFY(result->latencyMs >= 0);
        if (expectedError == -1)
            QCOMPARE(result->message, expectedMessage);
        else
            QVERIFY2(result->message.contains(expectedMessage), qPrintable(result->message));
    }

    void bannerInPieces()
    {
        GreetingServer server({"Hello\r", "\nSSH-2.", "0-Piece", "wise\r\n"}, false, 30);
        QVERIFY(server.listen());
        SshProbe probe(QStringLiteral("127.0.0.1"), server.port(), 3000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(result->message, QStringLiteral("SSH-2.0-Piecewise"));
        QVERIFY(result->latencyMs >= 90);
    }

    void timeoutIsTimely()
    {
        GreetingServer server({}, false);
        QVERIFY(server.listen());
        SshProbe probe(QStringLiteral("127.0.0.1"), server.port(), 300);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::Timeout);
        QVERIFY(result->latencyMs >= 300);
    }

    void closedPortIsRefused()
    {
        const quint16 port = ProbeTest::closedPort();
        QVERIFY(port != 0);
        SshProbe probe(QStringLiteral("127.0.0.1"), port, 3000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::ConnectionRefused);
    }

    void cancelFinishesOnce()
    {
        GreetingServer server({}, false);
        QVERIFY(server.listen());
        SshProbe probe(QStringLiteral("127.0.0.1"), server.port(), 5000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QTest::qWait(100); // connected, waiting for the banner
        QCOMPARE(spy.size(), 0);
        probe.cancel();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ProbeResult>().error, HealthError::Cancelled);
        QVERIFY(!probe.isRunning());
        QTest::qWait(200);
        QCOMPARE(spy.size(), 1);
    }

    void restartable()
    {
        GreetingServer server({"SSH-2.0-Again\r\n"}, false);
        QVERIFY(server.listen());
        SshProbe probe(QStringLiteral("127.0.0.1"), server.port(), 3000);
        QCOMPARE(probe.describe(), QStringLiteral("SSH 127.0.0.1:%1").arg(server.port()));
        for (int i = 0; i < 3; ++i) {
            const auto result = ProbeTest::run(probe);
            QVERIFY(result);
            QCOMPARE(result->message, QStringLiteral("SSH-2.0-Again"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSshProbe)
#include "tst_sshprobe.moc"
