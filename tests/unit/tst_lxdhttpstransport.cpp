#include "common/CertificatePin.h"
#include "common/FingerprintTrust.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdClientIdentity.h"
#include "lxd/LxdError.h"
#include "lxd/LxdHttpsTransport.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdServerCertificates.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace relais;

namespace {

/// A TLS server on 127.0.0.1 with a self-signed certificate that answers
/// every request with LXD's empty sync answer, and counts the requests
/// (HTTP bytes) it received and the client certificates it saw.
class FakeLxd : public QObject
{
public:
    FakeLxd()
    {
        m_identity = LxdClientIdentity::generate(QStringLiteral("fake lxd")).value();
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_identity.certificate());
        tls.setPrivateKey(m_identity.key());
        tls.setPeerVerifyMode(QSslSocket::QueryPeer);
        m_server.setSslConfiguration(tls);
        QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto* ssl = qobject_cast<QSslSocket*>(socket);
                socket->setParent(this);
                // Handed over once encrypted.
                if (ssl && !ssl->peerCertificate().isNull())
                    clientCertificates.append(ssl->peerCertificate());
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    while (m_buffer[socket].contains("\r\n\r\n")) {
                        const qsizetype end = m_buffer[socket].indexOf("\r\n\r\n") + 4;
                        requests.append(m_buffer[socket].left(end));
                        m_buffer[socket].remove(0, end);
                        const QByteArray body =
                            R"({"type":"sync","status":"Success","status_code":200,"metadata":[]})";
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                      "Content-Length: " +
                                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    }
                });
            }
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int port() const { return m_server.serverPort(); }
    QByteArray fingerprint() const { return m_identity.fingerprint(); }

    QList<QByteArray> requests;
    QList<QSslCertificate> clientCertificates;

private:
    QSslServer m_server;
    LxdClientIdentity m_identity;
    QHash<QTcpSocket*, QByteArray> m_buffer;
};

struct Outcome
{
    std::optional<Result<QJsonValue>> result;
    int finished = 0;
};

Outcome list(LxdClient& client)
{
    Outcome outcome;
    LxdOperation* op = client.listInstances();
    QObject::connect(op, &LxdOperation::finished, op, [&outcome, op] {
        ++outcome.finished;
        outcome.result = op->result();
    });
    op->start();
    (void)QTest::qWaitFor([&] { return outcome.result.has_value(); }, 20000);
    QTest::qWait(20);
    op->deleteLater();
    return outcome;
}

QByteArray why(const Outcome& o)
{
    if (!o.result)
        return "no result in time";
    return o.result->ok() ? QByteArray("succeeded") : o.result->error().toString().toUtf8();
}

} // namespace

// LxdHttpsTransport against a TLS server on loopback: the pin lets exactly
// its certificate through, anything else is refused before a request is
// written, and first contact asks the TlsTrust once.
class TestLxdHttpsTransport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    LxdClientIdentity m_client = LxdClientIdentity::generate(QStringLiteral("relais@test")).value();
    int m_stores = 0;

    LxdServerCertificates freshStore()
    {
        return LxdServerCertificates(m_tmp.filePath(QStringLiteral("pins-%1").arg(++m_stores)));
    }

private slots:
    void pinnedCertificateIsAcceptedWithTheClientCertificate()
    {
        FakeLxd lxd;
        const LxdServerCertificates store = freshStore();
        QVERIFY(store.add(QStringLiteral("127.0.0.1"), lxd.port(), lxd.fingerprint()).ok());
        FingerprintTrust refuse;
        LxdClient client(new LxdHttpsTransport(lxd.url(), m_client, store, &refuse));
        const Outcome o = list(client);
        QVERIFY2(o.result && o.result->ok(), why(o).constData());
        QCOMPARE(o.finished, 1);
        QCOMPARE(lxd.requests.size(), 1);
        QVERIFY(lxd.requests.first().startsWith("GET /1.0/instances?recursion=2 HTTP/1.1\r\n"));
        QCOMPARE(refuse.questionsAsked(), 0);
        QVERIFY(!lxd.clientCertificates.isEmpty());
        QCOMPARE(CertificatePin::digestOf(lxd.clientCertificates.first()), m_client.fingerprint());
    }

    void wrongPinIsRefusedBeforeAnyRequest()
    {
        FakeLxd lxd;
        const LxdServerCertificates store = freshStore();
        const QByteArray bogus = QCryptographicHash::hash("other", QCryptographicHash::Sha256);
        QVERIFY(store.add(QStringLiteral("127.0.0.1"), lxd.port(), bogus).ok());
        FingerprintTrust acceptAll({CertificatePin::format(lxd.fingerprint())});
        LxdClient client(new LxdHttpsTransport(lxd.url(), m_client, store, &acceptAll));
        const Outcome o = list(client);
        QVERIFY(o.result && !o.result->ok());
        QVERIFY2(o.result->error().is(LxdError::CertificateMismatch), why(o).constData());
        QVERIFY(o.result->error().message().contains(CertificatePin::format(lxd.fingerprint())));
        QCOMPARE(o.finished, 1);
        QCOMPARE(lxd.requests.size(), 0);
        QCOMPARE(acceptAll.questionsAsked(), 0); // a changed certificate is never asked about
        QCOMPARE(store.lookup(QStringLiteral("127.0.0.1"), lxd.port())->value(), bogus);
    }

    void unknownCertificateRefusedByTheTrust()
    {
        FakeLxd lxd;
        const LxdServerCertificates store = freshStore();
        FingerprintTrust refuse;
        LxdClient client(new LxdHttpsTransport(lxd.url(), m_client, store, &refuse));
        const Outcome o = list(client);
        QVERIFY(o.result && !o.result->ok());
        QVERIFY2(o.result->error().is(LxdError::CertificateUnknown), why(o).constData());
        QCOMPARE(lxd.requests.size(), 0);
        QCOMPARE(refuse.questionsAsked(), 1);
        const TlsQuestion& q = refuse.questions().first();
        QCOMPARE(q.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(q.port, lxd.port());
        QCOMPARE(q.fingerprint, CertificatePin::format(lxd.fingerprint()));
        QVERIFY(q.selfSigned);
        QVERIFY(!store.lookup(QStringLiteral("127.0.0.1"), lxd.port())->has_value());
    }

    void unknownCertificateWithoutTrustIsRefused()
    {
        FakeLxd lxd;
        LxdClient client(new LxdHttpsTransport(lxd.url(), m_client, freshStore(), nullptr));
        const Outcome o = list(client);
        QVERIFY(o.result && !o.result->ok());
        QVERIFY2(o.result->error().is(LxdError::CertificateUnknown), why(o).constData());
        QCOMPARE(lxd.requests.size(), 0);
    }

    void acceptedCertificateIsPinnedAndAskedOnceForConcurrentRequests()
    {
        FakeLxd lxd;
        const LxdServerCertificates store = freshStore();
        FingerprintTrust accept({CertificatePin::format(lxd.fingerprint())});
        LxdClient client(new LxdHttpsTransport(lxd.url(), m_client, store, &accept));
        Outcome a;
        Outcome b;
        for (Outcome* o : {&a, &b}) {
            LxdOperation* op = client.listInstances();
            QObject::connect(op, &LxdOperation::finished, op, [o, op] {
                ++o->finished;
                o->result = op->result();
            });
            op->start();
        }
        QVERIFY(QTest::qWaitFor([&] { return a.result && b.result; }, 20000));
        QVERIFY2(a.result->ok(), why(a).constData());
        QVERIFY2(b.result->ok(), why(b).constData());
        QCOMPARE(accept.questionsAsked(), 1);
        QCOMPARE(lxd.requests.size(), 2);
        QCOMPARE(store.lookup(QStringLiteral("127.0.0.1"), lxd.port())->value(), lxd.fingerprint());

        // A new transport reads the pin: no question.
        FingerprintTrust refuse;
        LxdClient again(new LxdHttpsTransport(lxd.url(), m_client, store, &refuse));
        const Outcome o = list(again);
        QVERIFY2(o.result && o.result->ok(), why(o).constData());
        QCOMPARE(refuse.questionsAsked(), 0);
    }

    void pendingQuestionIsSharedAndNothingIsSentBeforeTheAnswer()
    {
        // A trust that answers later, as the GUI's dialog does.
        struct LaterTrust : TlsTrust
        {
            QList<std::function<void(bool)>> answers;
            void verify(const TlsQuestion&, std::function<void(bool)> answer) override
            {
                answers.append(std::move(answer));
            }
        } later;
        FakeLxd lxd;
        const LxdServerCertificates store = freshStore();
        LxdClient client(new LxdHttpsTransport(lxd.url(), m_client, store, &later));
        Outcome a;
        Outcome b;
        for (Outcome* o : {&a, &b}) {
            LxdOperation* op = client.listInstances();
            QObject::connect(op, &LxdOperation::finished, op, [o, op] {
                ++o->finished;
                o->result = op->result();
            });
            op->start();
        }
        QVERIFY(QTest::qWaitFor([&] { return !later.answers.isEmpty(); }, 20000));
        QTest::qWait(300);
        QCOMPARE(later.answers.size(), 1);
        QVERIFY(!a.result && !b.result);
        QCOMPARE(lxd.requests.size(), 0);
        later.answers.first()(true);
        QVERIFY(QTest::qWaitFor([&] { return a.result && b.result; }, 20000));
        QVERIFY2(a.result->ok(), why(a).constData());
        QVERIFY2(b.result->ok(), why(b).constData());
        QCOMPARE(lxd.requests.size(), 2);
    }

    void closedPortIsUnreachable()
    {
        quint16 port = 0;
        {
            FakeLxd probe;
            port = quint16(probe.port());
        } // closed again
        QUrl url(QStringLiteral("https://127.0.0.1"));
        url.setPort(port);
        FingerprintTrust refuse;
        LxdClient client(new LxdHttpsTransport(url, m_client, freshStore(), &refuse));
        const Outcome o = list(client);
        QVERIFY(o.result && !o.result->ok());
        QVERIFY2(o.result->error().is(LxdError::Unreachable), why(o).constData());
        QCOMPARE(o.finished, 1);
    }
};

QTEST_GUILESS_MAIN(TestLxdHttpsTransport)
#include "tst_lxdhttpstransport.moc"
