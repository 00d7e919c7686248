#include "health/HttpProbe.h"
#include "support/ProbeTestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

/// What the responder sends for one path.
struct Response
{
    QByteArray status = "200 OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool silent = false; ///< read the request, never answer
};

/// A small HTTP/1.1 responder on 127.0.0.1 over a QTcpServer or a
/// QSslServer: one request per connection, answered from a table of paths
/// (404 otherwise), then the connection is closed.
class HttpResponder : public QObject
{
public:
    explicit HttpResponder(std::unique_ptr<QTcpServer> server = std::make_unique<QTcpServer>())
        : m_server(std::move(server))
    {
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                onData(socket);
            }
        });
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server->serverPort(); }
    QUrl url(const QString& path, const QString& scheme = QStringLiteral("http")) const
    {
        return QUrl(scheme + QStringLiteral("://127.0.0.1:") + QString::number(port()) + path);
    }

    void route(const QByteArray& path, Response response) { m_routes.insert(path, response); }
    /// The header blocks of the requests received, in order.
    const QList<QByteArray>& requests() const { return m_requests; }

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        buffer.clear();
        m_requests.append(head);
        const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
        const QByteArray path = requestLine.size() >= 2 ? requestLine.at(1) : QByteArray();

        Response response;
        if (m_routes.contains(path))
            response = m_routes.value(path);
        else
            response = Response{"404 Not Found", {}, "no such page", false};
        if (response.silent)
            return;

        QByteArray out = "HTTP/1.1 " + response.status + "\r\n";
        for (const auto& [name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += "Connection: close\r\n\r\n";
        out += response.body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    std::unique_ptr<QTcpServer> m_server;
    QHash<QByteArray, Response> m_routes;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QByteArray> m_requests;
};

Response redirect(const QByteArray& to)
{
    return Response{"302 Found", {{"Location", to}}, "moved", false};
}

/// A self-signed certificate and its key, made by the openssl tool.
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    QByteArray sha256() const { return certificate.digest(QCryptographicHash::Sha256); }
};

std::optional<TestCertificate> makeCertificate(const QString& dir, const QString& name,
                                               const QString& subjectAltName)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return std::nullopt;
    const QString keyFile = dir + QLatin1Char('/') + name + QStringLiteral(".key");
    const QString certFile = dir + QLatin1Char('/') + name + QStringLiteral(".crt");
    QProcess process;
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certFile,
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=relais-test"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=") + subjectAltName});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return std::nullopt;
    QFile certIn(certFile);
    QFile keyIn(keyFile);
    if (!certIn.open(QIODevice::ReadOnly) || !keyIn.open(QIODevice::ReadOnly))
        return std::nullopt;
    TestCertificate result{QSslCertificate(certIn.readAll(), QSsl::Pem),
                           QSslKey(keyIn.readAll(), QSsl::Ec, QSsl::Pem)};
    if (result.certificate.isNull() || result.key.isNull())
        return std::nullopt;
    return result;
}

std::unique_ptr<QTcpServer> tlsServer(const TestCertificate& identity)
{
    auto server = std::make_unique<QSslServer>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(identity.certificate);
    configuration.setPrivateKey(identity.key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(configuration);
    return server;
}

} // namespace

class TestHttpProbe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<TestCertificate> m_selfSigned; ///< names another host: two errors
    std::optional<TestCertificate> m_localhost;  ///< names 127.0.0.1
    QSslConfiguration m_defaultTls;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_defaultTls = QSslConfiguration::defaultConfiguration();
        if (QSslSocket::supportsSsl()) {
            m_selfSigned = makeCertificate(m_dir.path(), QStringLiteral("other"),
                                           QStringLiteral("DNS:relais-test.invalid"));
            m_localhost = makeCertificate(m_dir.path(), QStringLiteral("local"),
                                          QStringLiteral("IP:127.0.0.1"));
        }
    }

    void cleanup() { QSslConfiguration::setDefaultConfiguration(m_defaultTls); }

    void check_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("statusMin");
        QTest::addColumn<int>("statusMax");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<int>("expectedError"); // -1: ok
        QTest::addColumn<QString>("expectedMessage");

        const int ok = -1;
        QTest::newRow("200") << u"/ok"_s << 200 << 399 << QString() << ok << u"HTTP 200 OK"_s;
        QTest::newRow("200 with keyword")
            << u"/ok"_s << 200 << 399 << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("keyword missing")
            << u"/ok"_s << 200 << 399 << u"Out of order"_s << int(HealthError::KeywordMissing)
            << u"the page does not contain \"Out of order\""_s;
        QTest::newRow("keyword is case-sensitive")
            << u"/ok"_s << 200 << 399 << u"relais LAB web"_s << int(HealthError::KeywordMissing)
            << u"does not contain"_s;
        QTest::newRow("regex keyword")
            << u"/ok"_s << 200 << 399 << u"re:Relais\\s+lab\\s+w[a-z]+b"_s << ok
            << u"HTTP 200 OK"_s;
        QTest::newRow("regex keyword missing")
            << u"/ok"_s << 200 << 399 << u"re:^Relais"_s << int(HealthError::KeywordMissing)
            << u"the page does not match \"re:^Relais\""_s;
        QTest::newRow("unicode keyword")
            << u"/ok"_s << 200 << 399 << u"Ça marche"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("503") << u"/down"_s << 200 << 399 << QString()
                             << int(HealthError::HttpStatus) << u"HTTP 503 Service Unavailable"_s;
        QTest::newRow("404") << u"/missing"_s << 200 << 399 << QString()
                             << int(HealthError::HttpStatus) << u"HTTP 404 Not Found"_s;
        QTest::newRow("404 expected")
            << u"/missing"_s << 404 << 404 << u"no such page"_s << ok << u"HTTP 404 Not Found"_s;
        QTest::newRow("redirect followed")
            << u"/old"_s << 200 << 200 << u"Relais lab web"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("three redirects")
            << u"/r3"_s << 200 << 200 << QString() << ok << u"HTTP 200 OK"_s;
        QTest::newRow("four redirects")
            << u"/r4"_s << 200 << 399 << QString() << int(HealthError::HttpStatus)
            << u"HTTP 302 Found: more than 3 redirects"_s;
        QTest::newRow("redirect loop")
            << u"/loop"_s << 200 << 399 << QString() << int(HealthError::HttpStatus)
            << u"more than 3 redirects"_s;
        QTest::newRow("keyword early in a big page")
            << u"/big"_s << 200 << 399 << u"BEGIN"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("keyword past 1 MiB")
            << u"/big"_s << 200 << 399 << u"END"_s << int(HealthError::KeywordMissing)
            << u"in its first 1048576 bytes"_s;
        QTest::newRow("big page, no keyword")
            << u"/big"_s << 200 << 399 << QString() << ok << u"HTTP 200 OK"_s;
        QTest::newRow("silent server") << u"/silent"_s << 200 << 399 << QString()
                                       << int(HealthError::Timeout) << u"within 500 ms"_s;
        QTest::newRow("invalid pattern")
            << u"/ok"_s << 200 << 399 << u"re:(unclosed"_s << int(HealthError::Failed)
            << u"invalid keyword pattern"_s;
    }

    void check()
    {
        QFETCH(QString, path);
        QFETCH(int, statusMin);
        QFETCH(int, statusMax);
        QFETCH(QString, keyword);
        QFETCH(int, expectedError);
        QFETCH(QString, expectedMessage);

        HttpResponder server;
        server.route("/ok", Response{"200 OK",
                                     {{"Content-Type", "text/html; charset=utf-8"}},
                                     "<html><body>Relais lab web \xc3\x87"
                                     "a marche</body></html>",
                                     false});
        server.route("/down", Response{"503 Service Unavailable", {}, "maintenance", false});
        server.route("/old", redirect("/ok"));
        server.route("/r3", redirect("/r2"));
        server.route("/r2", redirect("/r1"));
        server.route("/r1", redirect("/ok"));
        server.route("/r4", redirect("/r3"));
        server.route("/loop", redirect("/loop"));
        server.route(
            "/big",
            Response{"200 OK", {}, "BEGIN" + QByteArray(2 * 1024 * 1024, 'x') + "END", false});
        server.route("/silent", Response{{}, {}, {}, true});
        QVERIFY(server.listen());

        QNetworkAccessManager network;
        HttpProbe probe(network, server.url(path), statusMin, statusMax, keyword, 500);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(ProbeTest::errorOf(*result) == expectedError, qPrintable(result->message));
        QCOMPARE(result->ok, expectedError == -1);
        QVERIFY2(result->message.contains(expectedMessage), qPrintable(result->message));
        QVERIFY(result->latencyMs >= 0);
    }

    void requestIsPlain()
    {
        HttpResponder server;
        server.route("/ok", Response{"200 OK", {{"Set-Cookie", "a=b"}}, "hello", false});
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        HttpProbe probe(network, server.url(QStringLiteral("/ok")), 200, 299, QString(), 3000);
        for (int i = 0; i < 2; ++i) {
            const auto result = ProbeTest::run(probe);
            QVERIFY(result);
            QVERIFY2(result->ok, qPrintable(result->message));
        }
        QCOMPARE(server.requests().size(), 2);
        for (const QByteArray& request : server.requests()) {
            const QByteArray lower = request.toLower();
            QVERIFY(request.startsWith("GET /ok HTTP/1.1\r\n"));
            QVERIFY(lower.contains("\r\nconnection: close"));
            QVERIFY(!lower.contains("\r\ncookie:")); // the cookie was not kept
        }
    }

    void closedPortIsRefused()
    {
        const quint16 port = ProbeTest::closedPort();
        QVERIFY(port != 0);
        QNetworkAccessManager network;
        HttpProbe probe(network, QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), 200, 399,
                        QString(), 3000);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::ConnectionRefused);
    }

    void cancelFinishesOnce()
    {
        HttpResponder server;
        server.route("/silent", Response{{}, {}, {}, true});
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        HttpProbe probe(network, server.url(QStringLiteral("/silent")), 200, 399, QString(), 5000);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QTRY_COMPARE(server.requests().size(), 1);
        probe.cancel();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ProbeResult>().error, HealthError::Cancelled);
        QVERIFY(!probe.isRunning());
        QTest::qWait(200);
        QCOMPARE(spy.size(), 1);

        // And again after the cancel.
        server.route("/silent", Response{"200 OK", {}, "back", false});
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));
    }

    void invalidSettings_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("expectedMessage");
        QTest::newRow("ftp") << u"ftp://127.0.0.1/"_s << QString() << u"invalid URL"_s;
        QTest::newRow("no host") << u"http:///path"_s << QString() << u"invalid URL"_s;
        QTest::newRow("bad pin") << u"https://127.0.0.1/"_s << u"AB:CD"_s
                                 << u"invalid certificate pin"_s;
        QTest::newRow("pin on http") << u"http://127.0.0.1/"_s << QString(64, QLatin1Char('a'))
                                     << u"needs an https:// URL"_s;
    }

    void invalidSettings()
    {
        QFETCH(QString, url);
        QFETCH(QString, pin);
        QFETCH(QString, expectedMessage);
        QNetworkAccessManager network;
        HttpProbe probe(network, QUrl(url), 200, 399, QString(), 1000, pin);
        QSignalSpy spy(&probe, &Probe::finished);
        probe.start();
        QCOMPARE(spy.size(), 0); // never from inside start()
        QVERIFY(spy.wait(1000));
        const auto result = spy.at(0).at(0).value<ProbeResult>();
        QCOMPARE(result.error, HealthError::Failed);
        QVERIFY2(result.message.contains(expectedMessage), qPrintable(result.message));
    }

    void parsePin_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        const QString hex = QStringLiteral("0123456789abcdef").repeated(4);
        QString colons;
        for (int i = 0; i < hex.size(); i += 2)
            colons += (i ? QStringLiteral(":") : QString()) + hex.mid(i, 2).toUpper();
        QTest::newRow("plain hex") << hex << true;
        QTest::newRow("openssl form") << colons << true;
        QTest::newRow("spaces around") << QStringLiteral("  ") + hex + QStringLiteral("\n") << true;
        QTest::newRow("too short") << hex.left(62) << false;
        QTest::newRow("too long") << hex + QStringLiteral("00") << false;
        QTest::newRow("not hex") << hex.left(63) + QStringLiteral("g") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void parsePin()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::optional<QByteArray> pin = HttpProbe::parsePin(text);
        QCOMPARE(pin.has_value(), valid);
        if (valid) {
            QCOMPARE(pin->size(), 32);
            QCOMPARE(HttpProbe::formatPin(*pin).remove(QLatin1Char(':')),
                     text.trimmed().remove(QLatin1Char(':')).toUpper());
        }
    }

    void tls_data()
    {
        QTest::addColumn<bool>("localhostCertificate"); // else the one naming another host
        QTest::addColumn<bool>("trustIt");              // added as a CA for this test
        QTest::addColumn<QString>("pin");               // "right", "wrong" or empty
        QTest::addColumn<int>("expectedError");
        QTest::addColumn<QString>("expectedMessage");

        const int ok = -1;
        QTest::newRow("untrusted, no pin")
            << false << false << QString() << int(HealthError::TlsFailed) << u"self-signed"_s;
        QTest::newRow("untrusted, right pin")
            << false << false << u"right"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("untrusted, right pin, lower case")
            << false << false << u"right-lower"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("untrusted, wrong pin")
            << false << false << u"wrong"_s << int(HealthError::PinMismatch)
            << u"is not the pinned"_s;
        QTest::newRow("self-signed for 127.0.0.1, no pin")
            << true << false << QString() << int(HealthError::TlsFailed) << u"self-signed"_s;
        QTest::newRow("trusted, no pin") << true << true << QString() << ok << u"HTTP 200 OK"_s;
        QTest::newRow("trusted, right pin") << true << true << u"right"_s << ok << u"HTTP 200 OK"_s;
        QTest::newRow("trusted, wrong pin")
            << true << true << u"wrong"_s << int(HealthError::PinMismatch)
            << u"is not the pinned"_s;
    }

    void tls()
    {
        QFETCH(bool, localhostCertificate);
        QFETCH(bool, trustIt);
        QFETCH(QString, pin);
        QFETCH(int, expectedError);
        QFETCH(QString, expectedMessage);
        if (!m_selfSigned || !m_localhost)
            QSKIP("no TLS backend or no openssl tool to make certificates");

        const TestCertificate& identity = localhostCertificate ? *m_localhost : *m_selfSigned;
        if (trustIt) {
            QSslConfiguration trusting = m_defaultTls;
            trusting.addCaCertificate(identity.certificate);
            QSslConfiguration::setDefaultConfiguration(trusting);
        }
        QString pinText;
        if (pin == QLatin1String("right"))
            pinText = HttpProbe::formatPin(identity.sha256());
        else if (pin == QLatin1String("right-lower"))
            pinText = QString::fromLatin1(identity.sha256().toHex());
        else if (pin == QLatin1String("wrong"))
            pinText = HttpProbe::formatPin(
                QCryptographicHash::hash("another certificate", QCryptographicHash::Sha256));

        HttpResponder server(tlsServer(identity));
        server.route("/ok", Response{"200 OK", {}, "Relais over TLS", false});
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        HttpProbe probe(network, server.url(QStringLiteral("/ok"), QStringLiteral("https")), 200,
                        299, QStringLiteral("over TLS"), 5000, pinText);
        const auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(ProbeTest::errorOf(*result) == expectedError, qPrintable(result->message));
        QCOMPARE(result->ok, expectedError == -1);
        QVERIFY2(result->message.contains(expectedMessage, Qt::CaseInsensitive),
                 qPrintable(result->message));
        if (expectedError == int(HealthError::PinMismatch))
            QVERIFY(result->message.contains(HttpProbe::formatPin(identity.sha256())));
        if (expectedError == -1)
            QCOMPARE(server.requests().size(), 1);
        else if (!trustIt)
            QCOMPARE(server.requests().size(), 0); // refused during the handshake
    }

    void pinDoesNotLeakToOtherProbes()
    {
        if (!m_selfSigned)
            QSKIP("no TLS backend or no openssl tool to make certificates");
        HttpResponder server(tlsServer(*m_selfSigned));
        server.route("/ok", Response{"200 OK", {}, "Relais over TLS", false});
        QVERIFY(server.listen());
        QNetworkAccessManager network; // shared, as in the console
        const QUrl url = server.url(u"/ok"_s, u"https"_s);
        HttpProbe pinned(network, url, 200, 299, QString(), 5000,
                         HttpProbe::formatPin(m_selfSigned->sha256()));
        HttpProbe unpinned(network, url, 200, 299, QString(), 5000);

        for (int round = 0; round < 2; ++round) {
            auto result = ProbeTest::run(pinned);
            QVERIFY(result);
            QVERIFY2(result->ok, qPrintable(result->message));
            // The connection the pin accepted is not reused without it.
            result = ProbeTest::run(unpinned);
            QVERIFY(result);
            QCOMPARE(result->error, HealthError::TlsFailed);
        }
        QCOMPARE(server.requests().size(), 2);
    }

    void changedCertificateIsCaught()
    {
        if (!m_selfSigned || !m_localhost)
            QSKIP("no TLS backend or no openssl tool to make certificates");
        auto first = std::make_unique<HttpResponder>(tlsServer(*m_selfSigned));
        first->route("/ok", Response{"200 OK", {}, "first", false});
        QVERIFY(first->listen());
        const quint16 port = first->port();
        const QUrl url = first->url(u"/ok"_s, u"https"_s);
        QNetworkAccessManager network;
        HttpProbe probe(network, url, 200, 299, QString(), 5000,
                        HttpProbe::formatPin(m_selfSigned->sha256()));
        auto result = ProbeTest::run(probe);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->message));

        // Another server, another certificate, same address and port: the
        // exception made for the first certificate does not cover it.
        first.reset();
        auto tls = tlsServer(*m_localhost);
        QVERIFY(tls->listen(QHostAddress::LocalHost, port));
        HttpResponder second(std::move(tls));
        second.route("/ok", Response{"200 OK", {}, "second", false});
        result = ProbeTest::run(probe);
        QVERIFY(result);
        QCOMPARE(result->error, HealthError::PinMismatch);
        QVERIFY(second.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpProbe)
#include "tst_httpprobe.moc"
