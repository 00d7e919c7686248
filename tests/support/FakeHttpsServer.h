#pragma once

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace relais::test {

/// One HTTP request as the fake server received it.
struct FakeRequest
{
    QByteArray method;
    QByteArray target;                     ///< path and query, as on the request line
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    QByteArray path() const
    {
        const qsizetype query = target.indexOf('?');
        return query < 0 ? target : target.left(query);
    }
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;
};

/// A CA and a certificate for 127.0.0.1 signed by it, made with the
/// openssl command at test time (test code only), for the process' life.
class TestCertificates
{
public:
    static const TestCertificates& instance()
    {
        static const TestCertificates certificates;
        return certificates;
    }
    bool ok() const { return m_ok; }
    QSslCertificate ca;
    QSslCertificate leaf;
    QSslKey key;

private:
    TestCertificates()
    {
        const QString d = m_dir.path() + QLatin1Char('/');
        QFile ext(d + QStringLiteral("leaf.ext"));
        if (!ext.open(QIODevice::WriteOnly))
            return;
        ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                  "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\n");
        ext.close();
        const QList<QStringList> steps{
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), d + QStringLiteral("ca.key"), QStringLiteral("-out"),
             d + QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=Relais test CA"),
             QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
             QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
            {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), d + QStringLiteral("leaf.key"),
             QStringLiteral("-out"), d + QStringLiteral("leaf.csr"), QStringLiteral("-subj"),
             QStringLiteral("/CN=127.0.0.1")},
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             d + QStringLiteral("leaf.csr"), QStringLiteral("-CA"), d + QStringLiteral("ca.pem"),
             QStringLiteral("-CAkey"), d + QStringLiteral("ca.key"),
             QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
             d + QStringLiteral("leaf.pem"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-extfile"), d + QStringLiteral("leaf.ext")},
        };
        for (const QStringList& arguments : steps) {
            QProcess openssl;
            openssl.start(QStringLiteral("openssl"), arguments);
            if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
                return;
        }
        auto read = [&](const char* name) {
            QFile file(d + QLatin1String(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        ca = QSslCertificate(read("ca.pem"));
        leaf = QSslCertificate(read("leaf.pem"));
        key = QSslKey(read("leaf.key"), QSsl::Ec);
        m_ok = !ca.isNull() && !leaf.isNull() && !key.isNull();
    }

    QTemporaryDir m_dir;
    bool m_ok = false;
};

/// An HTTPS server on 127.0.0.1 (a free port) that hands each request to
/// a handler and answers with Connection: close. Test code only.
class FakeHttpsServer
{
public:
    using Handler = std::function<FakeResponse(const FakeRequest&)>;

    explicit FakeHttpsServer(Handler handler)
        : m_handler(std::move(handler))
    {
        const TestCertificates& certificates = TestCertificates::instance();
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificates.leaf);
        tls.setPrivateKey(certificates.key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(tls);
        QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, &m_server,
                         [this] { accept(); });
        m_listening = certificates.ok() && m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool isListening() const { return m_listening; }
    quint16 port() const { return m_server.serverPort(); }
    /// "https://127.0.0.1:PORT".
    QByteArray origin() const { return "https://127.0.0.1:" + QByteArray::number(port()); }
    const QList<FakeRequest>& requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    void accept()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                FakeRequest request;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.target = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                               lines[i].mid(colon + 1).trimmed());
                }
                const qsizetype length = request.header("content-length").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->clear();
                m_requests << request;
                const FakeResponse response = m_handler(request);
                QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) +
                                 " Fake\r\nContent-Type: application/json\r\nContent-Length: " +
                                 QByteArray::number(response.body.size()) +
                                 "\r\nConnection: close\r\n\r\n" + response.body;
                socket->write(out);
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    Handler m_handler;
    QSslServer m_server;
    QList<FakeRequest> m_requests;
    bool m_listening = false;
};

} // namespace relais::test
