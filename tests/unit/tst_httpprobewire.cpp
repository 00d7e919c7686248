// The plain http:// check of HttpProbe, which speaks HTTP/1.1 on a socket
// of its own: how it reads bodies framed every way, slow, oversized or cut,
// and when it stops reading.
#include "health/HttpProbe.h"
#include "support/ProbeTestSupport.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

/// One write of the scripted answer, @p delayMs after the previous one.
struct Piece
{
    int delayMs = 0;
    QByteArray bytes;
};

/// What the server does once the script is written.
enum class End
{
    Close,    ///< closes the connection
    KeepOpen, ///< keeps it open, silent
};

/// Answers every connection on 127.0.0.1 with raw bytes written piece by
/// piece, once the request's header block is in.
class ScriptedServer : public QObject
{
public:
    ScriptedServer()
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    ++m_closedByPeer;
                    // A later connection's socket may get the same address.
                    m_buffers.remove(socket);
                    m_answered.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& path) const
    {
        return QUrl(u"http://127.0.0.1:"_s + QString::number(port()) + path);
    }

    void setScript(QList<Piece> pieces, End end)
    {
        m_pieces = std::move(pieces);
        m_end = end;
    }
    const QList<QByteArray>& requests() const { return m_requests; }
    /// Connections the client closed (or reset) first.
    int closedByPeer() const { return m_closedByPeer; }

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0 || m_answered.contains(socket))
            return;
        m_answered.insert(socket);
        m_requests.append(buffer.left(end));
        int at = 0;
        QPointer<QTcpSocket> guarded(socket);
        for (const Piece& piece : m_pieces) {
            at += piece.delayMs;
            QTimer::singleShot(at, this, [guarded, bytes = piece.bytes] {
                if (guarded && guarded->state() == QAbstractSocket::ConnectedState)
                    guarded->write(bytes);
            });
        }
        if (m_end == End::Close) {
            QTimer::singleShot(at, this, [guarded] {
                if (guarded)
                    guarded->disconnectFromHost();
            });
        }
    }

    QTcpServer m_server;
    QList<Piece> m_pieces;
    End m_end = End::Close;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QSet<QTcpSocket*> m_answered;
    QList<QByteArray> m_requests;
    int m_closedByPeer = 0;
};

QByteArray chunk(const QByteArray& data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

const QByteArray Page = "<html><body>Relais lab web</body></html>";

} // namespace

Q_DECLARE_METATYPE(Piece)

class TestHttpProbeWire : public QObject
{
    Q_OBJECT

private slots:
    void read_data()
    {
        QTest::addColumn<QList<Piece>>("pieces");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<int>("expectedError"); // -1: ok
        QTest::addColumn<QString>("expectedMessage");
        // The probe's timeout is 2000 ms: where the server keeps the
        // connection open, any verdict but Timeout shows the probe did not
        // wait for more than it needed.

        const int ok = -1;
        const int close = int(End::Close);
        const int open = int(End::KeepOpen);
        const QByteArray lengthHead =
            "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(Page.size()) + "\r\n\r\n";
        const QByteArray chunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray closeHead = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n";
        const QByteArray big(2 * 1024 * 1024, 'x');

        QTest::newRow("content-length") << QList<Piece>{{0, lengthHead + Page}} << close
                                        << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("content-length, no keyword")
            << QList<Piece>{{0, lengthHead + Page}} << open << QString() << ok << u"HTTP 200 OK"_s;
        QTest::newRow("chunked") << QList<Piece>{{0, chunkedHead + chunk("<html><body>Relais ") +
                                                         chunk("lab web") +
                                                         chunk("</body></html>") + "0\r\n\r\n"}}
                                 << close << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("chunked, keyword missing")
            << QList<Piece>{{0, chunkedHead + chunk(Page) + "0\r\n\r\n"}} << open
            << u"Out of order"_s << int(HealthError::KeywordMissing)
            << u"the page does not contain \"Out of order\""_s;
        QTest::newRow("close-delimited") << QList<Piece>{{0, closeHead}, {50, Page}} << close
                                         << u"</html>"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("close-delimited, keyword missing")
            << QList<Piece>{{0, closeHead + Page}} << close << u"Out of order"_s
            << int(HealthError::KeywordMissing) << u"does not contain"_s;
        QTest::newRow("keyword split across reads")
            << QList<Piece>{{0, lengthHead + "<html><body>Relais l"}, {150, "ab web</body></html>"}}
            << open << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("keyword split across chunks and reads")
            << QList<Piece>{{0, chunkedHead + chunk("<html>Rel")},
                            {100, chunk("ais lab")},
                            {100, "3\r\n we"},
                            {100, "\r\n1\r\nb\r\n0\r\n\r\n"}}
            << open << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("slow body")
            << QList<Piece>{{0, lengthHead}, {200, Page.left(10)}, {200, Page.mid(10)}} << open
            << u"</html>"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("keyword found, rest never sent")
            << QList<Piece>{{0, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + Page}} << open
            << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("body never ends")
            << QList<Piece>{{0, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + Page}} << open
            << u"Out of order"_s << int(HealthError::Timeout) << u"within 2000 ms"_s;
        QTest::newRow("oversized, keyword early") << QList<Piece>{{0, closeHead + "BEGIN" + big}}
                                                  << open << u"BEGIN"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("oversized, keyword past 1 MiB")
            << QList<Piece>{{0, closeHead + big + "END"}} << open << u"END"_s
            << int(HealthError::KeywordMissing) << u"in its first 1048576 bytes"_s;
        QTest::newRow("oversized chunked, keyword past 1 MiB")
            << QList<Piece>{{0, chunkedHead + chunk(big) + chunk("END") + "0\r\n\r\n"}} << open
            << u"END"_s << int(HealthError::KeywordMissing) << u"in its first 1048576 bytes"_s;
        QTest::newRow("oversized, no keyword")
            << QList<Piece>{{0, "HTTP/1.1 200 OK\r\nContent-Length: 2097152\r\n\r\n" + big}} << open
            << QString() << ok << u"HTTP 200 OK"_s;
        QTest::newRow("status out of range, body never ends")
            << QList<Piece>{{0, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 9999\r\n\r\n"}}
            << open << u"Relais"_s << int(HealthError::HttpStatus)
            << u"HTTP 503 Service Unavailable"_s;
        QTest::newRow("interim 100 Continue")
            << QList<Piece>{{0, "HTTP/1.1 100 Continue\r\n\r\n"}, {50, lengthHead + Page}} << open
            << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("regex over a chunked body")
            << QList<Piece>{{0, chunkedHead + chunk("<html><body>Relais  ")},
                            {50, chunk("lab web</body></html>") + "0\r\n\r\n"}}
            << open << u"re:Relais\\s+lab\\s+web</body></html>$"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("regex waits for the end")
            << QList<Piece>{{0, closeHead + "<html>Relais lab web"}, {50, " and more"}} << close
            << u"re:web$"_s << int(HealthError::KeywordMissing) << u"does not match"_s;
        QTest::newRow("headers never complete")
            << QList<Piece>{{0, "HTTP/1.1 200 OK\r\nContent-"}} << open << QString()
            << int(HealthError::Timeout) << u"within 2000 ms"_s;
        QTest::newRow("closed mid-body")
            << QList<Piece>{{0, "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\nshort"}} << close
            << QString() << int(HealthError::Failed) << u"closed before the end"_s;
        QTest::newRow("closed mid-headers")
            << QList<Piece>{{0, "HTTP/1.1 200 OK\r\nServer: x"}} << close << QString()
            << int(HealthError::Failed) << u"before the end"_s;
        QTest::newRow("closed without an answer")
            << QList<Piece>{} << close << QString() << int(HealthError::Failed)
            << u"without answering"_s;
        QTest::newRow("not HTTP") << QList<Piece>{{0, "SSH-2.0-OpenSSH_9.2\r\n"}} << open
                                  << QString() << int(HealthError::Failed)
                                  << u"invalid HTTP answer"_s;
        QTest::newRow("bad chunk") << QList<Piece>{{0, chunkedHead + "zz\r\n"}} << open << QString()
                                   << int(HealthError::Failed) << u"invalid HTTP answer"_s;
        QTest::newRow("reason phrase sanitized")
            << QList<Piece>{{0, "HTTP/1.1 404 Not\tHere\r\nContent-Length: 0\r\n\r\n"}} << open
            << QString() << int(HealthError::HttpStatus) << u"HTTP 404 Not?Here"_s;
    }

    void read()
    {
        QFETCH(QList<Piece>, pieces);
        QFETCH(int, end);
        QFETCH(QString, keyword);
        QFETCH(int, expectedError);
        QFETCH(QString, expectedMessage);

        ScriptedServer server;
        server.setScript(pieces, End(end));
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, server.url(u"/"_s), 200, 399, keyword, 2000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(ProbeTest::errorOf(*result) == expectedError, qPrintable(result->message));
        QCOMPARE(result->ok, expectedError == -1);
        QVERIFY2(result->message.contains(expectedMessage), qPrintable(result->message));
        QCOMPARE(server.requests().size(), 1);
    }

    void requestIsPlainHttp11()
    {
        ScriptedServer server;
        server.setScript({{0, "HTTP/1.1 204 No Content\r\n\r\n"}}, End::KeepOpen);
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, server.url(u"/health/a%20b?x=1&y=%C3%A9#frag"_s), 200, 299,
                        QString(), 2000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(result->message, u"HTTP 204 No Content"_s);
        QCOMPARE(server.requests().size(), 1);
        const QByteArray request = server.requests().first();
        const QByteArray port = QByteArray::number(server.port());
        QVERIFY2(request.startsWith("GET /health/a%20b?x=1&y=%C3%A9 HTTP/1.1\r\n"),
                 request.constData());
        QVERIFY(request.contains(QByteArray("\r\nHost: 127.0.0.1:" + port)));
        QVERIFY(request.contains("\r\nConnection: close"));
        QVERIFY(request.contains("\r\nCache-Control: no-cache"));
        QVERIFY(request.contains("\r\nUser-Agent: Relais-health-probe"));
        QVERIFY(!request.toLower().contains("accept-encoding"));
        // The probe closed the connection it no longer needed.
        QTRY_COMPARE(server.closedByPeer(), 1);
    }

    void redirectToAnotherServer()
    {
        ScriptedServer target;
        target.setScript({{0, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"}}, End::Close);
        QVERIFY(target.listen());
        ScriptedServer origin;
        origin.setScript(
            {{0, "HTTP/1.1 307 Temporary Redirect\r\nLocation: " +
                     target.url(u"/there?q=1"_s).toEncoded() + "\r\nContent-Length: 0\r\n\r\n"}},
            End::KeepOpen);
        QVERIFY(origin.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, origin.url(u"/"_s), 200, 200, u"hi"_s, 2000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(target.requests().size(), 1);
        QVERIFY(target.requests().first().startsWith("GET /there?q=1 HTTP/1.1\r\n"));
        QVERIFY(target.requests().first().contains(
            QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(target.port()))));
    }

    void redirectToHttpsGoesThroughTls()
    {
        // The https:// leg is Qt's, with verification: a port that refuses
        // shows it was tried as such.
        const quint16 closed = ProbeTest::closedPort();
        QVERIFY(closed != 0);
        ScriptedServer origin;
        origin.setScript({{0, "HTTP/1.1 301 Moved Permanently\r\nLocation: https://127.0.0.1:" +
                                  QByteArray::number(closed) + "/\r\nContent-Length: 0\r\n\r\n"}},
                         End::KeepOpen);
        QVERIFY(origin.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, origin.url(u"/"_s), 200, 399, QString(), 2000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::ConnectionRefused);
        QCOMPARE(origin.requests().size(), 1);
    }

    void redirectToOtherSchemeFails()
    {
        ScriptedServer origin;
        origin.setScript(
            {{0, "HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/\r\nContent-Length: 0\r\n\r\n"}},
            End::KeepOpen);
        QVERIFY(origin.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, origin.url(u"/"_s), 200, 399, QString(), 2000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::Failed);
        QVERIFY2(result->message.contains(u"unsupported URL"_s), qPrintable(result->message));
    }

    void redirectWithoutLocationIsJudged()
    {
        ScriptedServer origin;
        origin.setScript({{0, "HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n"}}, End::KeepOpen);
        QVERIFY(origin.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, origin.url(u"/"_s), 200, 399, QString(), 2000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(result->message, u"HTTP 302 Found"_s);
    }

    void repeatedChecksUseFreshConnections()
    {
        ScriptedServer server;
        server.setScript({{0, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"}}, End::KeepOpen);
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, server.url(u"/"_s), 200, 299, u"ok"_s, 2000);
        for (int i = 0; i < 5; ++i) {
            const auto result = ProbeTest::run(probe, 10000, 0);
            QVERIFY(result);
            QVERIFY2(result->ok, qPrintable(result->message));
        }
        QCOMPARE(server.requests().size(), 5);
        QTRY_COMPARE(server.closedByPeer(), 5);
    }

    void explicitProxyKeepsQtNetwork()
    {
        // Through a configured HTTP proxy the request goes as Qt sends it:
        // in absolute form, to the proxy.
        ScriptedServer proxy;
        proxy.setScript({{0, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"}}, End::Close);
        QVERIFY(proxy.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.port()));
        HttpProbe probe(network, QUrl(u"http://relais-test.invalid/page"_s), 200, 299, u"ok"_s,
                        2000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(proxy.requests().size(), 1);
        QVERIFY2(proxy.requests().first().startsWith("GET http://relais-test.invalid/page "),
                 proxy.requests().first().constData());
    }

    void cancelWhileReading()
    {
        ScriptedServer server;
        server.setScript({{0, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc"}}, End::KeepOpen);
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpProbe probe(network, server.url(u"/"_s), 200, 299, u"zzz"_s, 5000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QTRY_COMPARE(server.requests().size(), 1);
        QTest::qWait(100);
        probe.cancel();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ProbeResult>().error, HealthError::Cancelled);
        QTRY_COMPARE(server.closedByPeer(), 1);
        QTest::qWait(100);
        QCOMPARE(spy.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpProbeWire)
#include "tst_httpprobewire.moc"
