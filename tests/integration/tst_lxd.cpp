#include "../support/ProcessRun.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdSnapshotSettings.h"
#include "lxd/LxdSshTransport.h"
#include "ssh/RejectAllVerifier.h"
#include "ssh/SshSession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

using namespace relais;

// LxdClient against the lab's two real LXD 5.0 daemons, over their local
// Unix sockets and through SSH tunnels. It brings the lab up and down, and
// never touches the lab's `web` container beyond listing it; it creates and
// deletes its own.
class TestLxd : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;
    QByteArray m_labKey;
    QString m_name;  ///< this run's test container on main
    QString m_token; ///< a certificate token operation to cancel at the end, if left

    QJsonObject host(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }
    QString lxdSocket(const char* role) const
    {
        return host(role).value(QStringLiteral("lxd_socket")).toString();
    }

    std::unique_ptr<LxdClient> localClient(const char* role) const
    {
        return std::make_unique<LxdClient>(new LxdLocalTransport(lxdSocket(role)));
    }

    SshSessionOptions sshOptions(const char* role)
    {
        SshSessionOptions o;
        o.target.address = host(role).value(QStringLiteral("address")).toString();
        o.target.port = host(role).value(QStringLiteral("ssh_port")).toInt(22);
        o.target.user = QStringLiteral("root");
        o.target.privateKey = m_labKey;
        o.knownHostsPath = m_tmp.filePath(QStringLiteral("known_hosts"));
        o.connectTimeoutMs = 10000;
        return o;
    }

    struct Run
    {
        std::optional<Result<QJsonValue>> result;
        int finishedCount = 0;
        QStringList progress;
        qint64 elapsedMs = 0;
        QString operationId;
    };

    /// Starts @p op and waits (test side only) for its end.
    static Run run(LxdOperation* op, int timeoutMs = 60000)
    {
        Run r;
        QObject::connect(op, &LxdOperation::finished, op, [&r, op] {
            ++r.finishedCount;
            r.result = op->result();
        });
        QObject::connect(op, &LxdOperation::progress, op,
                         [&r](const QString& text, int) { r.progress << text; });
        QElapsedTimer timer;
        timer.start();
        op->start();
        (void)QTest::qWaitFor([&] { return r.result.has_value(); }, timeoutMs);
        r.elapsedMs = timer.elapsed();
        QTest::qWait(20); // a second finished() would show here
        r.operationId = op->operationId();
        op->deleteLater();
        return r;
    }

    static QByteArray why(const Run& r)
    {
        if (!r.result)
            return "no result in time";
        return r.result->ok() ? QByteArray() : r.result->error().toString().toUtf8();
    }

    static bool succeeded(const Run& r) { return r.result && r.result->ok(); }

    static QList<LxdInstance> instancesOf(LxdClient& client, QByteArray* failure)
    {
        const Run r = run(client.listInstances());
        if (!succeeded(r)) {
            *failure = why(r);
            return {};
        }
        auto list = LxdInstance::listFromJson(r.result->value());
        if (!list) {
            *failure = list.error().toString().toUtf8();
            return {};
        }
        return *list;
    }

    static std::optional<LxdInstance> find(const QList<LxdInstance>& list, const QString& name)
    {
        for (const LxdInstance& i : list) {
            if (i.name == name)
                return i;
        }
        return std::nullopt;
    }

    /// Runs a command in the test container; its exit status.
    static int exec(LxdClient& client, const QString& instance, const QStringList& command)
    {
        const QJsonObject body{{QStringLiteral("command"), QJsonArray::fromStringList(command)},
                               {QStringLiteral("wait-for-websocket"), false},
                               {QStringLiteral("record-output"), false},
                               {QStringLiteral("interactive"), false}};
        const Run r = run(
            client.request("POST", QStringLiteral("/1.0/instances/%1/exec").arg(instance), body));
        if (!succeeded(r))
            return -1000;
        return r.result->value().toObject().value(QStringLiteral("return")).toInt(-1001);
    }

    void removeTestContainer()
    {
        if (m_name.isEmpty())
            return;
        auto client = localClient("main");
        (void)run(client->stopInstance(m_name, 0, true));
        (void)run(client->deleteInstance(m_name));
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        const test::ProcessRun up = test::labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status =
            test::labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        QCOMPARE(status.exitCode, 0);
        QJsonParseError error;
        m_status = QJsonDocument::fromJson(status.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY2(m_status.value(QStringLiteral("state")).toString() == QLatin1String("up"),
                 "the lab is not up (tests/lab/labctl up)");
        QFile key(m_status.value(QStringLiteral("secrets_dir")).toString() +
                  QStringLiteral("/lab-ssh"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_labKey = key.readAll();
        QVERIFY(QFile::copy(m_status.value(QStringLiteral("state_dir")).toString() +
                                QStringLiteral("/ssh/known_hosts"),
                            m_tmp.filePath(QStringLiteral("known_hosts"))));
        m_name = QStringLiteral("relais-test-%1").arg(::getpid());
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        removeTestContainer();
        if (!m_token.isEmpty()) {
            auto client = localClient("main");
            (void)run(client->request("DELETE", QStringLiteral("/1.0/operations/") + m_token));
        }
        test::labctl({QStringLiteral("down")});
    }

    void listsBothHostsOverTheLocalSocket()
    {
        QByteArray failure;
        auto main = localClient("main");
        const QList<LxdInstance> onMain = instancesOf(*main, &failure);
        QVERIFY2(failure.isEmpty(), failure.constData());
        const auto web = find(onMain, QStringLiteral("web"));
        QVERIFY(web.has_value());
        QCOMPARE(web->status, QStringLiteral("Running"));
        QVERIFY(web->isRunning());
        QCOMPARE(web->type, QStringLiteral("container"));
        QVERIFY(web->createdAt.isValid());
        QVERIFY(web->memoryUsage > 0);
        QVERIFY(web->processes > 0);
        bool hasLabAddress = false;
        for (const LxdAddress& a : web->addresses) {
            QVERIFY(a.interface != QLatin1String("lo"));
            if (a.family == QLatin1String("inet") && a.address.startsWith(QLatin1String("10.231.")))
                hasLabAddress = true;
        }
        QVERIFY2(hasLabAddress, "web has no 10.231.x address");

        auto backup = localClient("backup");
        const QList<LxdInstance> onBackup = instancesOf(*backup, &failure);
        QVERIFY2(failure.isEmpty(), failure.constData());
        QVERIFY(!find(onBackup, QStringLiteral("web")).has_value() ||
                onBackup.size() >= 1); // backup holds whatever replication left there
    }

    void listsBothHostsThroughSsh_data()
    {
        QTest::addColumn<QByteArray>("role");
        QTest::newRow("main") << QByteArray("main");
        QTest::newRow("backup") << QByteArray("backup");
    }

    void listsBothHostsThroughSsh()
    {
        QFETCH(QByteArray, role);
        QByteArray failure;
        auto local = localClient(role.constData());
        const QList<LxdInstance> expected = instancesOf(*local, &failure);
        QVERIFY2(failure.isEmpty(), failure.constData());

        RejectAllVerifier verifier;
        SshSession session(sshOptions(role.constData()), &verifier);
        LxdClient client(new LxdSshTransport(&session, lxdSocket(role.constData())));
        // Twice: the first request connects the session on demand.
        for (int i = 0; i < 2; ++i) {
            const QList<LxdInstance> got = instancesOf(client, &failure);
            QVERIFY2(failure.isEmpty(), failure.constData());
            QCOMPARE(got.size(), expected.size());
            for (const LxdInstance& e : expected) {
                const auto g = find(got, e.name);
                QVERIFY(g.has_value());
                QCOMPARE(g->status, e.status);
                QCOMPARE(g->snapshots.size(), e.snapshots.size());
            }
        }
        QCOMPARE(session.state(), SshSession::State::Connected);
    }

    void containerLifecycle()
    {
        auto client = localClient("main");
        auto cleanup = qScopeGuard([this] { removeTestContainer(); });

        Run r = run(client->createInstance(m_name, QStringLiteral("relais-busybox")), 120000);
        QVERIFY2(succeeded(r), why(r).constData());
        QVERIFY(!r.operationId.isEmpty());
        QCOMPARE(r.finishedCount, 1);

        r = run(client->startInstance(m_name));
        QVERIFY2(succeeded(r), why(r).constData());
        QByteArray failure;
        auto mine = find(instancesOf(*client, &failure), m_name);
        QVERIFY2(mine.has_value(), failure.constData());
        QVERIFY(mine->isRunning());
        QVERIFY(mine->snapshots.isEmpty());

        // Starting it again: a failed operation, in LXD's own words.
        r = run(client->startInstance(m_name));
        QVERIFY(r.result && !r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::OperationFailed), why(r).constData());
        QCOMPARE(r.result->error().message(), QStringLiteral("The instance is already running"));
        QCOMPARE(r.finishedCount, 1);

        // Snapshot with an expiry; restore really reverts a file.
        QCOMPARE(exec(*client, m_name,
                      {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo before > /root/marker")}),
                 0);
        const QDateTime expiry = QDateTime::currentDateTimeUtc().addDays(30);
        r = run(client->createSnapshot(m_name, QStringLiteral("s1"), expiry));
        QVERIFY2(succeeded(r), why(r).constData());
        qInfo("snapshot of a running instance: %lld ms", r.elapsedMs);
        QCOMPARE(exec(*client, m_name,
                      {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo after > /root/marker")}),
                 0);
        QCOMPARE(exec(*client, m_name,
                      {QStringLiteral("grep"), QStringLiteral("-q"), QStringLiteral("after"),
                       QStringLiteral("/root/marker")}),
                 0);

        r = run(client->listSnapshots(m_name));
        QVERIFY2(succeeded(r), why(r).constData());
        auto snapshots = LxdSnapshot::listFromJson(r.result->value());
        QVERIFY(snapshots);
        QCOMPARE(snapshots->size(), 1);
        QCOMPARE(snapshots->first().name, QStringLiteral("s1"));
        QVERIFY(qAbs(snapshots->first().createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QVERIFY(qAbs(snapshots->first().expiresAt.secsTo(expiry)) <= 1);

        QElapsedTimer restoreTimer;
        restoreTimer.start();
        r = run(client->restoreSnapshot(m_name, QStringLiteral("s1")));
        QVERIFY2(succeeded(r), why(r).constData());
        qInfo("restore of a running instance: %lld ms", restoreTimer.elapsed());
        QCOMPARE(exec(*client, m_name,
                      {QStringLiteral("grep"), QStringLiteral("-q"), QStringLiteral("before"),
                       QStringLiteral("/root/marker")}),
                 0);

        // The listing carries the snapshot with its dates.
        mine = find(instancesOf(*client, &failure), m_name);
        QVERIFY(mine.has_value());
        QCOMPARE(mine->snapshots.size(), 1);
        QVERIFY(mine->newestSnapshot());
        QCOMPARE(mine->newestSnapshot()->name, QStringLiteral("s1"));

        // Restoring a snapshot that does not exist.
        r = run(client->restoreSnapshot(m_name, QStringLiteral("nope")));
        QVERIFY(r.result && !r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::OperationFailed), why(r).constData());
        QCOMPARE(r.result->error().message(),
                 QStringLiteral("Snapshot %1/nope does not exist").arg(m_name));

        r = run(client->deleteSnapshot(m_name, QStringLiteral("s1")));
        QVERIFY2(succeeded(r), why(r).constData());
        r = run(client->listSnapshots(m_name));
        QVERIFY2(succeeded(r), why(r).constData());
        QCOMPARE(LxdSnapshot::listFromJson(r.result->value())->size(), 0);

        // Restart, clean stop with a timeout, start, forced stop.
        r = run(client->restartInstance(m_name, 30));
        QVERIFY2(succeeded(r), why(r).constData());
        r = run(client->stopInstance(m_name, 30));
        QVERIFY2(succeeded(r), why(r).constData());
        qInfo("clean stop: %lld ms", r.elapsedMs);
        mine = find(instancesOf(*client, &failure), m_name);
        QVERIFY(mine.has_value());
        QCOMPARE(mine->status, QStringLiteral("Stopped"));
        QVERIFY(!mine->isRunning());
        r = run(client->startInstance(m_name));
        QVERIFY2(succeeded(r), why(r).constData());
        r = run(client->stopInstance(m_name, 0, true));
        QVERIFY2(succeeded(r), why(r).constData());
        qInfo("forced stop: %lld ms", r.elapsedMs);

        r = run(client->deleteInstance(m_name));
        QVERIFY2(succeeded(r), why(r).constData());
        QVERIFY(!find(instancesOf(*client, &failure), m_name).has_value());
    }

    void snapshotSettingsRoundTrip()
    {
        auto client = localClient("main");
        auto cleanup = qScopeGuard([this] { removeTestContainer(); });
        Run r = run(client->createInstance(m_name, QStringLiteral("relais-busybox")), 120000);
        QVERIFY2(succeeded(r), why(r).constData());

        r = run(client->instance(m_name));
        QVERIFY2(succeeded(r), why(r).constData());
        auto settings = LxdSnapshotSettings::fromInstanceJson(r.result->value());
        QVERIFY(settings);
        QCOMPARE(*settings, LxdSnapshotSettings());

        const LxdSnapshotSettings wanted{QStringLiteral("@daily"), QStringLiteral("2w"),
                                         QStringLiteral("relais-%d")};
        r = run(client->setSnapshotSettings(m_name, wanted));
        QVERIFY2(succeeded(r), why(r).constData());
        r = run(client->instance(m_name));
        QVERIFY2(succeeded(r), why(r).constData());
        QCOMPARE(*LxdSnapshotSettings::fromInstanceJson(r.result->value()), wanted);

        // An invalid schedule: LXD's reason is what the caller gets.
        r = run(client->setSnapshotSettings(
            m_name, {QStringLiteral("every tuesday"), QString(), QString()}));
        QVERIFY(r.result && !r.result->ok());
        // LXD 5.0 answers 500 for an invalid config value.
        QVERIFY2(r.result->error().is(LxdError::Rejected) ||
                     r.result->error().is(LxdError::ServerError),
                 why(r).constData());
        QVERIFY2(r.result->error().message().contains(QLatin1String("Schedule must be")),
                 why(r).constData());

        r = run(client->setSnapshotSettings(m_name, {}));
        QVERIFY2(succeeded(r), why(r).constData());
        r = run(client->instance(m_name));
        QCOMPARE(*LxdSnapshotSettings::fromInstanceJson(r.result->value()), LxdSnapshotSettings());
    }

    void missingInstanceIsNotFoundWithLxdsText()
    {
        auto client = localClient("main");
        const QString name = QStringLiteral("relais-no-such-%1").arg(::getpid());
        for (LxdOperation* op : {client->startInstance(name), client->instance(name),
                                 client->createSnapshot(name, QStringLiteral("s"))}) {
            const Run r = run(op);
            QCOMPARE(r.finishedCount, 1);
            QVERIFY(r.result && !r.result->ok());
            QVERIFY2(r.result->error().is(LxdError::NotFound), why(r).constData());
            QVERIFY2(r.result->error().message().contains(QLatin1String("not found"),
                                                          Qt::CaseInsensitive),
                     why(r).constData());
        }
    }

    void missingSocketIsUnreachable()
    {
        LxdClient client(new LxdLocalTransport(m_tmp.filePath(QStringLiteral("no-lxd.socket"))));
        const Run r = run(client.listInstances());
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(r.result && !r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::Unreachable), why(r).constData());
        QVERIFY(r.result->error().message().contains(QLatin1String("no-lxd.socket")));
    }

    void missingRemoteSocketIsUnreachable()
    {
        RejectAllVerifier verifier;
        SshSession session(sshOptions("main"), &verifier);
        LxdClient client(
            new LxdSshTransport(&session, QStringLiteral("/nonexistent/lxd/unix.socket")));
        const Run r = run(client.listInstances());
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(r.result && !r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::Unreachable), why(r).constData());
        // The session itself is fine: the error says the remote socket failed.
        QCOMPARE(session.state(), SshSession::State::Connected);
        QVERIFY2(
            r.result->error().toString().contains(QLatin1String("/nonexistent/lxd/unix.socket")),
            why(r).constData());
    }

    void cancelStopsTheOperation()
    {
        // A trust token is an LXD operation that runs until used or
        // cancelled: the one kind every LXD can cancel.
        auto client = localClient("main");
        const QJsonObject body{{QStringLiteral("name"), QString(m_name + QStringLiteral("-token"))},
                               {QStringLiteral("type"), QStringLiteral("client")},
                               {QStringLiteral("token"), true}};
        LxdOperation* op = client->request("POST", QStringLiteral("/1.0/certificates"), body);
        op->setWaitSeconds(1);
        int finished = 0;
        connect(op, &LxdOperation::finished, this, [&] { ++finished; });
        QString id;
        connect(op, &LxdOperation::operationCreated, this, [&](const QString& i) {
            id = i;
            m_token = i;
        });
        op->start();
        QTRY_VERIFY_WITH_TIMEOUT(!id.isEmpty(), 10000);
        QTest::qWait(2500); // a few /wait rounds
        QCOMPARE(finished, 0);
        QVERIFY(op->isRunning());
        QVERIFY(op->operationState() && op->operationState()->mayCancel);
        op->cancel();
        QCOMPARE(finished, 1);
        QVERIFY(op->result().error().is(LxdError::Cancelled));
        op->cancel();
        QTest::qWait(100);
        QCOMPARE(finished, 1);

        // LXD cancelled it too.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Run r =
                    run(client->request("GET", QStringLiteral("/1.0/operations/%1").arg(id)));
                if (!succeeded(r))
                    return r.result && r.result->error().is(LxdError::NotFound);
                return r.result->value().toObject().value(QStringLiteral("status_code")).toInt() ==
                       401;
            }(),
            10000);
        m_token.clear();
        delete op;
    }

    void timeoutEndsTheWait()
    {
        auto client = localClient("main");
        const QJsonObject body{
            {QStringLiteral("name"), QString(m_name + QStringLiteral("-token2"))},
            {QStringLiteral("type"), QStringLiteral("client")},
            {QStringLiteral("token"), true}};
        LxdOperation* op = client->request("POST", QStringLiteral("/1.0/certificates"), body);
        op->setTimeout(1500);
        QString id;
        connect(op, &LxdOperation::operationCreated, this, [&](const QString& i) { id = i; });
        const Run r = run(op, 10000);
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(r.result && !r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::Timeout), why(r).constData());
        // Not before its time (run() gives it 10 s at most).
        QVERIFY2(r.elapsedMs >= 1400, QByteArray::number(r.elapsedMs).constData());
        QVERIFY(!id.isEmpty());
        client->cancelOperation(id);
        QTest::qWait(500);
    }
};

QTEST_GUILESS_MAIN(TestLxd)
#include "tst_lxd.moc"
