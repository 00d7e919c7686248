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
#include <QJsonObject>
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
                    QByteArray& buffer = m_buffer[socket];
                    buffer += socket->readAll();
                    while (buffer.contains("\r\n\r\n")) {
                        const qsizetype end = buffer.indexOf("\r\n\r\n") + 4;
                        const QByteArray head = buffer.left(end);
                        qsizetype length = 0;
                        for (const QByteArray& line : head.split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        }
                        if (buffer.size() < end + length)
                            return; // the body is still coming
                        buffer.remove(0, end + length);
                        requests.append(head);
                        answer(socket, head.left(head.indexOf("\r\n")));
                    }
                });
            }
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
    }

    /// Sync answers to everything, except an exec (a background operation
    /// "op1" that ends with exit status 3) and its /wait (never answered
    /// while hangWaits).
    void answer(QTcpSocket* socket, const QByteArray& requestLine)
    {
        int status = 200;
        QByteArray body = R"({"type":"sync","status":"Success","status_code":200,"metadata":[]})";
        if (requestLine.startsWith("POST /1.0/instances/web/exec")) {
            status = 202;
            body = R"({"type":"async","status_code":100,"operation":"/1.0/operations/op1",)"
                   R"("metadata":{"id":"op1","status_code":103,"may_cancel":true,"err":""}})";
        } else if (requestLine.startsWith("GET /1.0/operations/op1/wait")) {
            if (hangWaits)
                return;
            body = R"({"type":"sync","status":"Success","status_code":200,"metadata":)"
                   R"({"id":"op1","status_code":200,"may_cancel":true,"err":"",)"
                   R"("metadata":{"return":3}}})";
        }
        socket->write("HTTP/1.1 " + QByteArray::number(status) +
                      " OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int port() const { return m_server.serverPort(); }
    QByteArray fingerprint() const { return m_identity.fingerprint(); }

    QList<QByteArray> requests;
    QList<QSslCertificate> clientCertificates;
    bool hangWaits = false;

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

    void operationsAreWaitedOnAndCancelled()
    {
        FakeLxd lxd;
        const LxdServerCertificates store = freshStore();
        QVERIFY(store.add(QStringLiteral("127.0.0.1"), lxd.port(), lxd.fingerprint()).ok());
        LxdClient client(new LxdHttpsTransport(lxd.url(), m_client, store, nullptr));
        const QJsonObject body{{QStringLiteral("command"), QJsonArray{QStringLiteral("true")}}};

        // Waited on to its end with /wait.
        LxdOperation* op = client.request("POST", QStringLiteral("/1.0/instances/web/exec"), body);
        Outcome done;
        QObject::connect(op, &LxdOperation::finished, op, [&done, op] {
            ++done.finished;
            done.result = op->result();
        });
        op->start();
        QVERIFY(QTest::qWaitFor([&] { return done.result.has_value(); }, 20000));
        QVERIFY2(done.result->ok(), why(done).constData());
        QCOMPARE(done.result->value().toObject().value(QStringLiteral("return")).toInt(), 3);
        QCOMPARE(op->operationId(), QStringLiteral("op1"));
        QVERIFY(lxd.requests.at(0).startsWith("POST /1.0/instances/web/exec HTTP/1.1\r\n"));
        QVERIFY(lxd.requests.at(1).startsWith("GET /1.0/operations/op1/wait?timeout="));

        // Cancelled while a /wait is pending: DELETE goes out on another
        // connection at once.
        lxd.hangWaits = true;
        lxd.requests.clear();
        LxdOperation* hung =
            client.request("POST", QStringLiteral("/1.0/instances/web/exec"), body);
        Outcome cancelled;
        QObject::connect(hung, &LxdOperation::finished, hung, [&cancelled, hung] {
            ++cancelled.finished;
            cancelled.result = hung->result();
        });
        hung->start();
        QVERIFY(QTest::qWaitFor([&] { return lxd.requests.size() == 2; }, 20000));
        hung->cancel();
        QCOMPARE(cancelled.finished, 1);
        QVERIFY(cancelled.result->error().is(LxdError::Cancelled));
        QVERIFY(QTest::qWaitFor([&] { return lxd.requests.size() == 3; }, 20000));
        QVERIFY(lxd.requests.at(2).startsWith("DELETE /1.0/operations/op1 HTTP/1.1\r\n"));
        op->deleteLater();
        hung->deleteLater();
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
