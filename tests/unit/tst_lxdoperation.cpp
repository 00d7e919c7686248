#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace relais;

namespace {

struct Request
{
    QByteArray method;
    QByteArray target;
    QByteArray body;
};

struct Answer
{
    QByteArray bytes; ///< empty: close without answering
    int delayMs = 0;
    bool hold = false; ///< never answer, keep the connection open
};

QByteArray envelope(int status, const QByteArray& json, bool chunked = false)
{
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + " X\r\n" + "Content-Type: application/json\r\n";
    if (!chunked)
        return head + "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
    QByteArray body;
    for (qsizetype i = 0; i < json.size(); i += 10) {
        const QByteArray part = json.mid(i, 10);
        body += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
    }
    return head + "Transfer-Encoding: chunked\r\n\r\n" + body + "0\r\n\r\n";
}

QByteArray sync(const QByteArray& metadata, bool chunked = false)
{
    return envelope(
        200, R"({"type":"sync","status":"Success","status_code":200,"metadata":)" + metadata + "}",
        chunked);
}

QByteArray operation(const char* id, int statusCode, const QByteArray& metadata = "null",
                     const QByteArray& err = "")
{
    return QByteArray(R"({"id":")") + id + R"(","status_code":)" + QByteArray::number(statusCode) +
           R"(,"may_cancel":true,"err":")" + err + R"(","metadata":)" + metadata + "}";
}

QByteArray async(const char* id)
{
    return envelope(
        202, QByteArray(R"({"type":"async","status_code":100,"operation":"/1.0/operations/)") + id +
                 R"(","metadata":)" + operation(id, 103) + "}");
}

QByteArray waitAnswer(const QByteArray& op)
{
    return sync(op);
}

} // namespace

/// A scripted LXD on a Unix socket: records each request and answers with
/// what the test's handler says.
class FakeLxd : public QObject
{
    Q_OBJECT

public:
    std::function<Answer(const Request&)> handler;
    QList<Request> requests;

    FakeLxd()
    {
        m_server.listen(m_dir.filePath(QStringLiteral("unix.socket")));
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QLocalSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }
    QString path() const { return m_server.fullServerName(); }
    QList<QByteArray> targets() const
    {
        QList<QByteArray> out;
        for (const Request& r : requests)
            out << r.method + ' ' + r.target;
        return out;
    }

private:
    void read(QLocalSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray& line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        Request request{first.value(0), first.value(1), buffer.mid(end + 4, length)};
        m_buffers.remove(socket);
        requests.append(request);
        const Answer answer = handler ? handler(request) : Answer{};
        if (answer.hold)
            return;
        QPointer<QLocalSocket> guarded(socket);
        QTimer::singleShot(answer.delayMs, this, [guarded, answer] {
            if (!guarded)
                return;
            guarded->write(answer.bytes);
            guarded->disconnectFromServer();
        });
    }

    QTemporaryDir m_dir;
    QLocalServer m_server;
    QHash<QLocalSocket*, QByteArray> m_buffers;
};

// LxdOperation and LxdClient against a scripted daemon: the wait loop,
// progress, failures, cancel and the exactly-once finish.
class TestLxdOperation : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        std::optional<Result<QJsonValue>> result;
        int finishedCount = 0;
        QList<int> percents;
        QStringList texts;
    };

    static void watch(LxdOperation* op, Run& r)
    {
        QObject::connect(op, &LxdOperation::finished, op, [&r, op] {
            ++r.finishedCount;
            r.result = op->result();
        });
        QObject::connect(op, &LxdOperation::progress, op, [&r](const QString& text, int percent) {
            r.texts << text;
            r.percents << percent;
        });
    }

    static Run run(LxdOperation* op, int timeoutMs = 10000)
    {
        Run r;
        watch(op, r);
        op->start();
        (void)QTest::qWaitFor([&] { return r.result.has_value(); }, timeoutMs);
        QTest::qWait(20);
        return r;
    }

    static QByteArray why(const Run& r)
    {
        if (!r.result)
            return "no result";
        return r.result->ok() ? QByteArray() : r.result->error().toString().toUtf8();
    }

private slots:
    void syncAnswerInChunks()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request&) {
            return Answer{sync(R"(["/1.0/instances/web","/1.0/instances/db"])", true)};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        const Run r = run(client.request("GET", QStringLiteral("/1.0/instances")));
        QVERIFY2(r.result && r.result->ok(), why(r).constData());
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(r.result->value().toArray().size(), 2);
        QCOMPARE(lxd.targets(), QList<QByteArray>{"GET /1.0/instances"});
    }

    void briefListingAsksNoState()
    {
        // recursion=1: statuses without every instance's state; read by the
        // same parser as the full listing.
        FakeLxd lxd;
        lxd.handler = [](const Request&) {
            return Answer{sync(R"([{"name":"web","status":"Running","status_code":103},)"
                               R"({"name":"db","status":"Stopped","status_code":102}])")};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        const Run r = run(client.listInstancesBrief());
        QVERIFY2(r.result && r.result->ok(), why(r).constData());
        QCOMPARE(lxd.targets(), QList<QByteArray>{"GET /1.0/instances?recursion=1"});
        const Result<QList<LxdInstance>> instances = LxdInstance::listFromJson(r.result->value());
        QVERIFY(instances.ok());
        QCOMPARE(instances->size(), 2);
        QVERIFY(instances->at(0).isRunning());
        QVERIFY(!instances->at(1).isRunning());
    }

    void sendsJsonBodies()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request&) {
            return Answer{sync("{}")};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        const Run r = run(client.stopInstance(QStringLiteral("web"), 30));
        QVERIFY2(r.result && r.result->ok(), why(r).constData());
        QCOMPARE(lxd.requests.size(), 1);
        QCOMPARE(lxd.requests[0].method, QByteArray("PUT"));
        QCOMPARE(lxd.requests[0].target, QByteArray("/1.0/instances/web/state"));
        QCOMPARE(lxd.requests[0].body,
                 QByteArray(R"({"action":"stop","force":false,"timeout":30})"));
    }

    void asyncIsWaitedOnInRoundsWithProgress()
    {
        FakeLxd lxd;
        int waits = 0;
        lxd.handler = [&](const Request& request) {
            if (request.method == "POST")
                return Answer{async("op1")};
            ++waits;
            if (waits == 1)
                return Answer{waitAnswer(
                    operation("op1", 103,
                              R"({"create_instance_from_image_unpack_progress":"Unpack: 10%"})"))};
            if (waits == 2)
                return Answer{waitAnswer(
                    operation("op1", 103,
                              R"({"create_instance_from_image_unpack_progress":"Unpack: 10%"})"))};
            if (waits == 3)
                return Answer{waitAnswer(
                    operation("op1", 103,
                              R"({"create_instance_from_image_unpack_progress":"Unpack: 60%"})"))};
            return Answer{waitAnswer(operation("op1", 200, R"({"return":0})"))};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        LxdOperation* op =
            client.createInstance(QStringLiteral("c1"), QStringLiteral("relais-busybox"));
        op->setWaitSeconds(2);
        QSignalSpy created(op, &LxdOperation::operationCreated);
        const Run r = run(op);
        QVERIFY2(r.result && r.result->ok(), why(r).constData());
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().first().toString(), QStringLiteral("op1"));
        QCOMPARE(op->operationId(), QStringLiteral("op1"));
        QCOMPARE(r.result->value().toObject().value(QStringLiteral("return")).toInt(-1), 0);
        // The same progress twice is reported once.
        QCOMPARE(r.percents, (QList<int>{10, 60}));
        QCOMPARE(r.texts.last(), QStringLiteral("Unpack: 60%"));
        QCOMPARE(lxd.targets(),
                 (QList<QByteArray>{"POST /1.0/instances", "GET /1.0/operations/op1/wait?timeout=2",
                                    "GET /1.0/operations/op1/wait?timeout=2",
                                    "GET /1.0/operations/op1/wait?timeout=2",
                                    "GET /1.0/operations/op1/wait?timeout=2"}));
    }

    void failedOperationKeepsLxdsText()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request& request) {
            if (request.method == "PUT")
                return Answer{async("op2")};
            return Answer{waitAnswer(operation(
                "op2", 400, "null", "Failed to start device \\\"eth0\\\": Parent device gone"))};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        const Run r = run(client.startInstance(QStringLiteral("web")));
        QVERIFY(r.result && !r.result->ok());
        QVERIFY(r.result->error().is(LxdError::OperationFailed));
        QCOMPARE(r.result->error().message(),
                 QStringLiteral("Failed to start device \"eth0\": Parent device gone"));
        QVERIFY(r.result->error().details().join(QLatin1Char(' ')).contains(QLatin1String("op2")));
    }

    void operationCancelledElsewhereIsCancelled()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request& request) {
            if (request.method == "POST")
                return Answer{async("op3")};
            return Answer{waitAnswer(operation("op3", 401))};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        const Run r = run(client.createSnapshot(QStringLiteral("web"), QStringLiteral("s")));
        QVERIFY(r.result && !r.result->ok());
        QVERIFY(r.result->error().is(LxdError::Cancelled));
    }

    void cancelWhileWaitingDeletesTheOperation()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request& request) {
            if (request.method == "POST")
                return Answer{async("op4")};
            if (request.method == "DELETE")
                return Answer{sync("{}")};
            return Answer{{}, 0, true}; // the wait never returns
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        QList<QPair<QString, QString>> cancelFailed;
        connect(&client, &LxdClient::cancelFailed, this, [&](const QString& id, const Error& e) {
            cancelFailed.append({id, e.message()});
        });
        LxdOperation* op = client.createSnapshot(QStringLiteral("web"), QStringLiteral("s"));
        Run r;
        watch(op, r);
        op->start();
        QTRY_COMPARE(lxd.requests.size(), 2);
        QCOMPARE(r.finishedCount, 0);
        op->cancel();
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(r.result->error().is(LxdError::Cancelled));
        op->cancel();
        QTRY_COMPARE(lxd.requests.size(), 3);
        QCOMPARE(lxd.targets().last(), QByteArray("DELETE /1.0/operations/op4"));
        QTest::qWait(50);
        QCOMPARE(r.finishedCount, 1);
        QCOMPARE(cancelFailed.size(), 0);
    }

    void cancelBeforeTheOperationExistsStillCancelsIt()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request& request) {
            if (request.method == "POST")
                return Answer{async("op5"), 300};
            return Answer{envelope(400, R"({"type":"error","error_code":400,)"
                                        "\"error\":\"This operation can't be cancelled\"}")};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        QList<QPair<QString, QString>> cancelFailed;
        connect(&client, &LxdClient::cancelFailed, this, [&](const QString& id, const Error& e) {
            cancelFailed.append({id, e.message()});
        });
        LxdOperation* op = client.createSnapshot(QStringLiteral("web"), QStringLiteral("s"));
        Run r;
        watch(op, r);
        op->start();
        QTRY_COMPARE(lxd.requests.size(), 1);
        op->cancel();
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(r.result->error().is(LxdError::Cancelled));
        // When LXD's answer names the operation, it is cancelled; LXD's refusal is reported.
        QTRY_COMPARE(lxd.requests.size(), 2);
        QCOMPARE(lxd.targets().last(), QByteArray("DELETE /1.0/operations/op5"));
        QTRY_COMPARE(cancelFailed.size(), 1);
        QCOMPARE(cancelFailed.first().first, QStringLiteral("op5"));
        QCOMPARE(cancelFailed.first().second, QStringLiteral("This operation can't be cancelled"));
        QCOMPARE(r.finishedCount, 1);
    }

    void timeoutEndsTheJob()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request& request) {
            if (request.method == "POST")
                return Answer{async("op6")};
            return Answer{{}, 0, true};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        LxdOperation* op = client.createSnapshot(QStringLiteral("web"), QStringLiteral("s"));
        op->setTimeout(400);
        const Run r = run(op);
        QCOMPARE(r.finishedCount, 1);
        QVERIFY2(r.result->error().is(LxdError::Timeout), why(r).constData());
        QVERIFY(op->elapsedMs() >= 400);
    }

    void closedWithoutAnswerIsUnreachable()
    {
        FakeLxd lxd;
        lxd.handler = [](const Request&) {
            return Answer{};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        const Run r = run(client.listInstances());
        QVERIFY(r.result && !r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::Unreachable), why(r).constData());
    }

    void brokenAnswersAreProtocolErrors_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n");
        QTest::newRow("truncated") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{");
        QTest::newRow("not JSON") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        QTest::newRow("wait that is not an operation") << QByteArray("async-then-garbage");
    }

    void brokenAnswersAreProtocolErrors()
    {
        QFETCH(QByteArray, answer);
        FakeLxd lxd;
        lxd.handler = [&](const Request& request) {
            if (answer == "async-then-garbage")
                return Answer{request.method == "POST" ? async("op7") : sync("[1]")};
            return Answer{answer};
        };
        LxdClient client(new LxdLocalTransport(lxd.path()));
        const Run r = run(client.createSnapshot(QStringLiteral("web"), QStringLiteral("s")));
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(r.result && !r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::ProtocolError), why(r).constData());
    }

    void finishedNeverComesFromStart()
    {
        QTemporaryDir dir;
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("none.socket"))));
        LxdOperation* op = client.listInstances();
        Run r;
        watch(op, r);
        op->start();
        QCOMPARE(r.finishedCount, 0);
        QTRY_COMPARE(r.finishedCount, 1);
        QVERIFY(r.result->error().is(LxdError::Unreachable));
        QVERIFY(r.result->error().message().contains(QLatin1String("none.socket")));
    }
};

QTEST_GUILESS_MAIN(TestLxdOperation)
#include "tst_lxdoperation.moc"
