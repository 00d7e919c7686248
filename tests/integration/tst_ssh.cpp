#include "../support/ProcessRun.h"
#include "ssh/FingerprintVerifier.h"
#include "ssh/KnownHosts.h"
#include "ssh/RejectAllVerifier.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshError.h"
#include "ssh/SshSession.h"
#include "ssh/SshTunnel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace relais;

// SshSession and SshCommandJob against the lab's real sshd on main and backup.
class TestSsh : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;
    QByteArray m_labKey;
    int m_knownHostsCount = 0;

    using Run = test::ProcessRun;

    static Run run(const QString& program, const QStringList& arguments, int timeoutMs = 600000,
                   const QByteArray& input = {})
    {
        return test::runProcess(program, arguments, timeoutMs, input);
    }

    static Run labctl(const QStringList& arguments, int timeoutMs = 600000)
    {
        return test::labctl(arguments, timeoutMs);
    }

    QJsonObject host(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }
    QString address(const char* role) const
    {
        return host(role).value(QStringLiteral("address")).toString();
    }
    QString fingerprint(const char* role) const
    {
        return host(role).value(QStringLiteral("ssh_host_key_fingerprint")).toString();
    }

    /// A fresh, empty known_hosts path for one test.
    QString freshKnownHosts()
    {
        return m_tmp.filePath(QStringLiteral("known_hosts.%1").arg(++m_knownHostsCount));
    }

    SshTarget target(const char* role) const
    {
        SshTarget t;
        t.address = address(role);
        t.port = host(role).value(QStringLiteral("ssh_port")).toInt(22);
        t.user = QStringLiteral("root");
        t.privateKey = m_labKey;
        return t;
    }

    SshSessionOptions options(const char* role, const QString& knownHosts) const
    {
        SshSessionOptions o;
        o.target = target(role);
        o.knownHostsPath = knownHosts;
        o.connectTimeoutMs = 10000;
        return o;
    }

    /// known_hosts already trusting both lab hosts.
    QString trustedKnownHosts()
    {
        const QString path = freshKnownHosts();
        QFile::copy(m_status.value(QStringLiteral("state_dir")).toString() +
                        QStringLiteral("/ssh/known_hosts"),
                    path);
        return path;
    }

    /// backup's host key, as the lab's own known_hosts has it.
    HostKey backupHostKey()
    {
        const auto entries = KnownHosts(trustedKnownHosts()).entries();
        if (!entries)
            return {};
        for (const KnownHostsEntry& e : *entries) {
            if (e.host == address("backup"))
                return e.key;
        }
        return {};
    }

    template <typename T> static QByteArray why(const Result<T>& result)
    {
        return result.ok() ? QByteArray() : result.error().toString().toUtf8();
    }

    /// One HTTP/1.0 request over a local Unix socket, driven by signals (the
    /// tunnel needs this thread's event loop); returns the whole response.
    static QByteArray httpOverLocalSocket(const QString& path, const QByteArray& httpPath)
    {
        QLocalSocket socket;
        QByteArray response;
        bool closed = false;
        QObject::connect(&socket, &QLocalSocket::readyRead, [&] { response += socket.readAll(); });
        QObject::connect(&socket, &QLocalSocket::disconnected, [&] { closed = true; });
        socket.connectToServer(path);
        if (!QTest::qWaitFor([&] { return socket.state() == QLocalSocket::ConnectedState; }, 5000))
            return {};
        socket.write("GET " + httpPath + " HTTP/1.0\r\nHost: lxd\r\n\r\n");
        (void)QTest::qWaitFor([&] { return closed; }, 20000);
        response += socket.readAll();
        return response;
    }

    QString lxdSocket(const char* role) const
    {
        return host(role).value(QStringLiteral("lxd_socket")).toString();
    }

    struct Outcome
    {
        bool connected = false;
        std::optional<Error> error;
    };

    /// Connects and waits (test-side only) for the outcome.
    static Outcome connectAndWait(SshSession& session)
    {
        auto outcome = std::make_shared<Outcome>();
        auto done = std::make_shared<bool>(false);
        const auto c1 = QObject::connect(&session, &SshSession::connected, [=] {
            outcome->connected = true;
            *done = true;
        });
        const auto c2 =
            QObject::connect(&session, &SshSession::connectFailed, [=](const Error& error) {
                outcome->error = error;
                *done = true;
            });
        session.connectToHost();
        (void)QTest::qWaitFor([&] { return *done; }, 30000);
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        return *outcome;
    }

    struct CommandRun
    {
        std::optional<Result<int>> result;
        QStringList out;
        QStringList err;
        int finishedCount = 0;
        qint64 elapsedMs = 0;
    };

    static CommandRun runCommand(SshSession& session, const QString& command, int timeoutMs = 20000,
                                 const QByteArray& input = {})
    {
        CommandRun r;
        SshCommandJob job(&session, command, timeoutMs);
        job.setStandardInput(input);
        QObject::connect(&job, &SshCommandJob::stdoutLine, [&](const QString& l) { r.out << l; });
        QObject::connect(&job, &SshCommandJob::stderrLine, [&](const QString& l) { r.err << l; });
        QObject::connect(&job, &SshCommandJob::finished, [&] {
            ++r.finishedCount;
            r.result = job.result();
        });
        job.start();
        (void)QTest::qWaitFor([&] { return r.result.has_value(); }, timeoutMs + 30000);
        QTest::qWait(50); // a second finished() would show here
        r.elapsedMs = job.elapsedMs();
        return r;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        const Run up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, qPrintable(QStringLiteral("labctl up failed (%1):\n%2\n%3")
                                                  .arg(up.exitCode)
                                                  .arg(QString::fromUtf8(up.out.right(4000)),
                                                       QString::fromUtf8(up.err.right(4000)))));
        const Run status = labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        QCOMPARE(status.exitCode, 0);
        QJsonParseError error;
        m_status = QJsonDocument::fromJson(status.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        QFile key(m_status.value(QStringLiteral("secrets_dir")).toString() +
                  QStringLiteral("/lab-ssh"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_labKey = key.readAll();
        QVERIFY(m_labKey.contains("PRIVATE KEY"));
        QVERIFY(fingerprint("main").startsWith(QStringLiteral("SHA256:")));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        const Run down = labctl({QStringLiteral("down")});
        QVERIFY2(down.exitCode == 0, down.err.constData());
    }

    void unknownKeyAsksVerifierWithExactFingerprint()
    {
        const QString knownHosts = freshKnownHosts();
        FingerprintVerifier verifier({fingerprint("main")});
        SshSession session(options("main", knownHosts), &verifier);
        const Outcome outcome = connectAndWait(session);
        QVERIFY2(outcome.connected, outcome.error ? qPrintable(outcome.error->toString()) : "");
        QCOMPARE(session.state(), SshSession::State::Connected);
        QCOMPARE(verifier.questionsAsked(), 1);
        const HostKeyQuestion q = verifier.questions().first();
        QCOMPARE(q.host, address("main"));
        QCOMPARE(q.port, 22);
        QCOMPARE(q.keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(q.fingerprint, fingerprint("main"));
        QVERIFY(!q.viaJumpHost);

        // Saved: the next session is not asked.
        const auto entries = KnownHosts(knownHosts).entries();
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().key.fingerprint(), fingerprint("main"));
        RejectAllVerifier reject;
        SshSession again(options("main", knownHosts), &reject);
        QVERIFY(connectAndWait(again).connected);
        QCOMPARE(reject.questionsAsked(), 0);
    }

    void rejectedKeyIsHostKeyRejected()
    {
        const QString knownHosts = freshKnownHosts();
        FingerprintVerifier verifier({QStringLiteral("SHA256:notTheRightOne")});
        SshSession session(options("backup", knownHosts), &verifier);
        const Outcome outcome = connectAndWait(session);
        QVERIFY(!outcome.connected);
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->is(SshError::HostKeyRejected),
                 qPrintable(outcome.error->toString()));
        QVERIFY(outcome.error->message().contains(fingerprint("backup")));
        QCOMPARE(verifier.questionsAsked(), 1);
        QVERIFY(!QFile::exists(knownHosts));
        QCOMPARE(session.state(), SshSession::State::Disconnected);
    }

    void changedKeyIsRefusedWithoutAsking()
    {
        // main's address with backup's key: as if main's key had changed.
        const QString knownHosts = freshKnownHosts();
        const HostKey other = backupHostKey();
        QVERIFY(other.isValid());
        QVERIFY(KnownHosts(knownHosts).add(address("main"), 22, other));

        FingerprintVerifier verifier({fingerprint("main"), fingerprint("backup")});
        SshSession session(options("main", knownHosts), &verifier);
        const Outcome outcome = connectAndWait(session);
        QVERIFY(!outcome.connected);
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->is(SshError::HostKeyChanged),
                 qPrintable(outcome.error->toString()));
        QVERIFY(outcome.error->message().contains(fingerprint("main")));
        QVERIFY(outcome.error->message().contains(fingerprint("backup")));
        QCOMPARE(outcome.error->details().size(), 2);
        QCOMPARE(verifier.questionsAsked(), 0);
        // Never replaced.
        QCOMPARE(KnownHosts(knownHosts).entries()->size(), 1);
    }

    void wrongPrivateKeyIsAuthFailed()
    {
        const QString keyPath = m_tmp.filePath(QStringLiteral("stranger"));
        const Run keygen =
            run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                 QStringLiteral("-q"), QStringLiteral("-f"), keyPath});
        QCOMPARE(keygen.exitCode, 0);
        QFile key(keyPath);
        QVERIFY(key.open(QIODevice::ReadOnly));
        RejectAllVerifier verifier;
        SshSessionOptions o = options("main", trustedKnownHosts());
        o.target.privateKey = key.readAll();
        SshSession session(o, &verifier);
        const Outcome outcome = connectAndWait(session);
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->is(SshError::AuthFailed), qPrintable(outcome.error->toString()));

        o.target.privateKey = "not a key";
        SshSession garbage(o, &verifier);
        const Outcome bad = connectAndWait(garbage);
        QVERIFY(bad.error);
        QVERIFY2(bad.error->is(SshError::InvalidKey), qPrintable(bad.error->toString()));
    }

    void closedPortIsConnectFailed()
    {
        RejectAllVerifier verifier;
        SshSessionOptions o = options("main", trustedKnownHosts());
        o.target.port = 2;
        SshSession session(o, &verifier);
        const Outcome outcome = connectAndWait(session);
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->is(SshError::ConnectFailed), qPrintable(outcome.error->toString()));
    }

    // Standard input reaches the command and is closed after it, so a
    // command reading it ends; without input, stdin is closed at once.
    void standardInput()
    {
        FingerprintVerifier verifier({fingerprint("main")});
        SshSession session(options("main", trustedKnownHosts()), &verifier);
        QByteArray big;
        for (int i = 0; i < 20000; ++i)
            big += "line " + QByteArray::number(i) + '\n';
        const CommandRun counted = runCommand(session, QStringLiteral("wc -c"), 20000, big);
        QVERIFY(counted.result && counted.result->ok());
        QCOMPARE(counted.out.value(0).trimmed(), QString::number(big.size()));
        const CommandRun echoed =
            runCommand(session, QStringLiteral("umask 077; cat > /dev/stdout"), 20000, "key\n");
        QCOMPARE(echoed.out, QStringList{QStringLiteral("key")});
        const CommandRun none = runCommand(session, QStringLiteral("cat; echo done"), 20000);
        QVERIFY(none.result && none.result->ok());
        QCOMPARE(none.out, QStringList{QStringLiteral("done")});
    }

    void exitCodesAndStreams_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("out");
        QTest::addColumn<QStringList>("err");
        QTest::newRow("true") << QStringLiteral("true") << 0 << QStringList() << QStringList();
        QTest::newRow("exit 3") << QStringLiteral("echo out1; echo err1 >&2; echo out2; exit 3")
                                << 3 << QStringList{QStringLiteral("out1"), QStringLiteral("out2")}
                                << QStringList{QStringLiteral("err1")};
        QTest::newRow("no final newline")
            << QStringLiteral("printf 'a\\nb'") << 0
            << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QStringList();
        QTest::newRow("not found") << QStringLiteral("no-such-command-relais") << 127
                                   << QStringList() << QStringList{QStringLiteral("*")};
        QTest::newRow("many lines") << QStringLiteral("seq 1 5000") << 0
                                    << QStringList{QStringLiteral("#5000")} << QStringList();
    }

    void exitCodesAndStreams()
    {
        QFETCH(QString, command);
        QFETCH(int, exitCode);
        QFETCH(QStringList, out);
        QFETCH(QStringList, err);
        RejectAllVerifier verifier;
        SshSession session(options("main", trustedKnownHosts()), &verifier);
        // Not connected yet: the job connects on demand.
        const CommandRun r = runCommand(session, command);
        QVERIFY(r.result);
        QCOMPARE(r.finishedCount, 1);
        QVERIFY2(r.result->ok(), why(*r.result).constData());
        QCOMPARE(r.result->value(), exitCode);
        if (out.size() == 1 && out.first().startsWith(QLatin1Char('#'))) {
            QCOMPARE(r.out.size(), out.first().mid(1).toInt());
            QCOMPARE(r.out.last(), out.first().mid(1));
        } else {
            QCOMPARE(r.out, out);
        }
        if (err == QStringList{QStringLiteral("*")})
            QVERIFY(!r.err.isEmpty());
        else
            QCOMPARE(r.err, err);
    }

    void timeoutStopsTheCommand()
    {
        RejectAllVerifier verifier;
        SshSession session(options("main", trustedKnownHosts()), &verifier);
        QVERIFY(connectAndWait(session).connected);
        const CommandRun r = runCommand(session, QStringLiteral("echo started; sleep 30"), 700);
        QVERIFY(r.result);
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(!r.result->ok());
        QVERIFY2(r.result->error().is(SshError::Timeout), why(*r.result).constData());
        QCOMPARE(r.out, QStringList{QStringLiteral("started")});
        QVERIFY2(r.elapsedMs >= 690 && r.elapsedMs < 5000,
                 QByteArray::number(r.elapsedMs).constData());
        // The session is still usable.
        const CommandRun after = runCommand(session, QStringLiteral("echo ok"));
        QVERIFY(after.result && after.result->ok());
        QCOMPARE(after.out, QStringList{QStringLiteral("ok")});
    }

    void cancelStopsTheCommand()
    {
        RejectAllVerifier verifier;
        SshSession session(options("backup", trustedKnownHosts()), &verifier);
        SshCommandJob job(&session, QStringLiteral("echo started; sleep 30"));
        int finished = 0;
        QStringList out;
        connect(&job, &SshCommandJob::stdoutLine, this, [&](const QString& line) {
            out << line;
            job.cancel(); // from inside a line signal
        });
        connect(&job, &SshCommandJob::finished, this, [&] { ++finished; });
        QElapsedTimer clock;
        clock.start();
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 20000);
        QVERIFY(clock.elapsed() < 10000);
        QVERIFY(!job.result().ok());
        QVERIFY(job.result().error().is(SshError::Cancelled));
        QCOMPARE(out, QStringList{QStringLiteral("started")});
        job.cancel(); // again: nothing
        QTest::qWait(100);
        QCOMPARE(finished, 1);
        const CommandRun after = runCommand(session, QStringLiteral("echo ok"));
        QVERIFY(after.result && after.result->ok());
    }

    // With ready shells, a one-line command without input runs in a
    // login shell started ahead (it sees that shell's variable), with the
    // same exit status and streams, and the next command finds a new one,
    // as do three sent at once;
    // a command with input or a newline starts its own, as does every
    // command of a session without the option; cancel works the same.
    void readyShellRunsCommandsAsSshdWould()
    {
        const QString probe = QStringLiteral("echo \"in:${relais_command:+ready}\"");
        RejectAllVerifier verifier;
        SshSessionOptions o = options("main", trustedKnownHosts());
        o.readyShell = true;
        SshSession session(o, &verifier);
        QVERIFY(connectAndWait(session).connected);
        for (int round = 0; round < 3; ++round) {
            const CommandRun r = runCommand(session, probe);
            QVERIFY(r.result && r.result->ok());
            QCOMPARE(r.out, QStringList{QStringLiteral("in:ready")});
        }
        // Three sent at once (a sync run's lock check, hook and transfer
        // come in a row) each find a shell started ahead.
        {
            std::vector<std::unique_ptr<SshCommandJob>> jobs;
            QList<QStringList> outs(3);
            int ended = 0;
            for (int i = 0; i < 3; ++i) {
                jobs.push_back(std::make_unique<SshCommandJob>(&session, probe));
                connect(jobs.back().get(), &SshCommandJob::stdoutLine, this,
                        [&outs, i](const QString& line) { outs[i] << line; });
                connect(jobs.back().get(), &SshCommandJob::finished, this, [&ended] { ++ended; });
            }
            for (const auto& job : jobs)
                job->start();
            QTRY_COMPARE_WITH_TIMEOUT(ended, 3, 20000);
            for (int i = 0; i < 3; ++i)
                QCOMPARE(outs.at(i), QStringList{QStringLiteral("in:ready")});
        }
        const CommandRun streams = runCommand(
            session, QStringLiteral("echo out1; echo err1 >&2; echo \"$relais_command\" | wc -l; "
                                    "exit 3"));
        QVERIFY(streams.result && streams.result->ok());
        QCOMPARE(streams.result->value(), 3);
        QCOMPARE(streams.out, (QStringList{QStringLiteral("out1"), QStringLiteral("1")}));
        QCOMPARE(streams.err, QStringList{QStringLiteral("err1")});

        const CommandRun withInput =
            runCommand(session, QStringLiteral("cat; ") + probe, 20000, "key\n");
        QCOMPARE(withInput.out, (QStringList{QStringLiteral("key"), QStringLiteral("in:")}));
        const CommandRun twoLines = runCommand(session, QStringLiteral("echo a\n") + probe);
        QCOMPARE(twoLines.out, (QStringList{QStringLiteral("a"), QStringLiteral("in:")}));

        SshCommandJob job(&session, QStringLiteral("echo \"started:${relais_command:+ready}\"; "
                                                   "sleep 30"));
        int finished = 0;
        QStringList out;
        connect(&job, &SshCommandJob::stdoutLine, this, [&](const QString& line) {
            out << line;
            job.cancel();
        });
        connect(&job, &SshCommandJob::finished, this, [&] { ++finished; });
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 20000);
        QVERIFY(job.result().error().is(SshError::Cancelled));
        QCOMPARE(out, QStringList{QStringLiteral("started:ready")});
        const CommandRun after = runCommand(session, probe);
        QCOMPARE(after.out, QStringList{QStringLiteral("in:ready")});

        SshSession plain(options("main", trustedKnownHosts()), &verifier);
        const CommandRun own = runCommand(plain, probe);
        QVERIFY(own.result && own.result->ok());
        QCOMPARE(own.out, QStringList{QStringLiteral("in:")});
    }

    void backupThroughMainAsJumpHost()
    {
        const QString knownHosts = freshKnownHosts();
        FingerprintVerifier verifier({fingerprint("main"), fingerprint("backup")});
        SshSessionOptions o = options("backup", knownHosts);
        o.jump = target("main");
        SshSession session(o, &verifier);
        QVERIFY(session.describe().contains(QStringLiteral(" via ")));
        const CommandRun r = runCommand(session, QStringLiteral("echo $SSH_CONNECTION"));
        QVERIFY(r.result);
        QVERIFY2(r.result->ok(), why(*r.result).constData());
        QCOMPARE(r.result->value(), 0);
        // sshd on backup sees the connection coming from main.
        QCOMPARE(r.out.size(), 1);
        const QStringList conn = r.out.first().split(QLatin1Char(' '));
        QCOMPARE(conn.value(0), address("main"));
        QCOMPARE(conn.value(2), address("backup"));
        // Both keys were asked about, the jump host first.
        QCOMPARE(verifier.questionsAsked(), 2);
        QCOMPARE(verifier.questions().at(0).fingerprint, fingerprint("main"));
        QVERIFY(!verifier.questions().at(0).viaJumpHost);
        QCOMPARE(verifier.questions().at(1).fingerprint, fingerprint("backup"));
        QVERIFY(verifier.questions().at(1).viaJumpHost);
        QCOMPARE(KnownHosts(knownHosts).entries()->size(), 2);

        // Several commands at once over the jump.
        std::vector<std::unique_ptr<SshCommandJob>> jobs;
        int finished = 0;
        for (int i = 0; i < 5; ++i) {
            jobs.push_back(std::make_unique<SshCommandJob>(
                &session, QStringLiteral("sleep 0.5; echo %1").arg(i), 20000));
            connect(jobs.back().get(), &SshCommandJob::finished, this, [&] { ++finished; });
            jobs.back()->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 5, 20000);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(jobs[i]->result().ok());
            QCOMPARE(jobs[i]->standardOutput(), QByteArray::number(i) + '\n');
        }
    }

    void changedJumpHostKeyIsRefused()
    {
        // main (the jump host) with backup's key.
        const QString knownHosts = freshKnownHosts();
        const HostKey other = backupHostKey();
        QVERIFY(other.isValid());
        QVERIFY(KnownHosts(knownHosts).add(address("main"), 22, other));
        FingerprintVerifier verifier({fingerprint("main"), fingerprint("backup")});
        SshSessionOptions o = options("backup", knownHosts);
        o.jump = target("main");
        SshSession session(o, &verifier);
        const Outcome outcome = connectAndWait(session);
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->is(SshError::HostKeyChanged),
                 qPrintable(outcome.error->toString()));
        QVERIFY(outcome.error->message().contains(fingerprint("main")));
        QCOMPARE(verifier.questionsAsked(), 0);
    }

    void severalSessionsAtOnce()
    {
        RejectAllVerifier verifier;
        const QString knownHosts = trustedKnownHosts();
        std::vector<std::unique_ptr<SshSession>> sessions;
        std::vector<std::unique_ptr<SshCommandJob>> jobs;
        int finished = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 6; ++i) {
            sessions.push_back(std::make_unique<SshSession>(
                options(i % 2 ? "backup" : "main", knownHosts), &verifier));
            jobs.push_back(std::make_unique<SshCommandJob>(
                sessions.back().get(), QStringLiteral("sleep 1; echo $SSH_CONNECTION"), 20000));
            connect(jobs.back().get(), &SshCommandJob::finished, this, [&] { ++finished; });
            jobs.back()->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 6, 30000);
        // In parallel: far less than six seconds of sleep.
        QVERIFY2(clock.elapsed() < 5000, QByteArray::number(clock.elapsed()).constData());
        for (int i = 0; i < 6; ++i) {
            QVERIFY2(jobs[i]->result().ok(), why(jobs[i]->result()).constData());
            QVERIFY(jobs[i]->standardOutput().trimmed().endsWith(
                (address(i % 2 ? "backup" : "main") + QStringLiteral(" 22")).toUtf8()));
        }
        QCOMPARE(verifier.questionsAsked(), 0);
    }

    void reconnectOnDemand()
    {
        RejectAllVerifier verifier;
        SshSession session(options("main", trustedKnownHosts()), &verifier);
        QVERIFY(connectAndWait(session).connected);
        session.disconnectFromHost();
        QCOMPARE(session.state(), SshSession::State::Disconnected);
        const CommandRun r = runCommand(session, QStringLiteral("echo back"));
        QVERIFY(r.result);
        QVERIFY2(r.result->ok(), why(*r.result).constData());
        QCOMPARE(r.out, QStringList{QStringLiteral("back")});
        QCOMPARE(session.state(), SshSession::State::Connected);
    }

    void keepaliveKeepsTheSessionUp()
    {
        RejectAllVerifier verifier;
        SshSessionOptions o = options("main", trustedKnownHosts());
        o.keepaliveIntervalMs = 100;
        SshSession session(o, &verifier);
        bool lost = false;
        connect(&session, &SshSession::connectionLost, this, [&] { lost = true; });
        QVERIFY(connectAndWait(session).connected);
        QTest::qWait(800); // several keepalives answered
        QVERIFY(!lost);
        const CommandRun r = runCommand(session, QStringLiteral("echo alive"));
        QVERIFY(r.result && r.result->ok());
        QCOMPARE(r.out, QStringList{QStringLiteral("alive")});
    }

    void lostConnectionIsReportedAndReconnected()
    {
        RejectAllVerifier verifier;
        SshSessionOptions o = options("main", trustedKnownHosts());
        o.keepaliveIntervalMs = 200;
        SshSession session(o, &verifier);
        std::optional<Error> lost;
        connect(&session, &SshSession::connectionLost, this, [&](const Error& e) { lost = e; });
        QVERIFY(connectAndWait(session).connected);
        // The server side of this connection dies under the command.
        const CommandRun killed = runCommand(session, QStringLiteral("kill -9 $PPID; sleep 5"));
        QVERIFY(killed.result);
        QVERIFY(!killed.result->ok());
        QTRY_VERIFY_WITH_TIMEOUT(lost.has_value(), 10000);
        QVERIFY2(lost->is(SshError::Disconnected), qPrintable(lost->toString()));
        QCOMPARE(session.state(), SshSession::State::Disconnected);
        // The next command connects again.
        const CommandRun again = runCommand(session, QStringLiteral("echo again"));
        QVERIFY(again.result);
        QVERIFY2(again.result->ok(), why(*again.result).constData());
        QCOMPARE(again.out, QStringList{QStringLiteral("again")});
    }

    void authenticatesThroughSshAgent()
    {
        // A private ssh-agent (our own process, stopped by its QProcess).
        const QString socketPath = m_tmp.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"),
                    {QStringLiteral("-D"), QStringLiteral("-a"), socketPath});
        QVERIFY(agent.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketPath), 5000);
        const auto stopAgent = qScopeGuard([&] {
            agent.kill();
            agent.waitForFinished(5000);
        });

        RejectAllVerifier verifier;
        SshSessionOptions o = options("main", trustedKnownHosts());
        o.target.privateKey.clear();
        o.target.agentSocket = socketPath;
        {
            // An empty agent: refused.
            SshSession session(o, &verifier);
            const Outcome outcome = connectAndWait(session);
            QVERIFY(outcome.error);
            QVERIFY2(outcome.error->is(SshError::AuthFailed),
                     qPrintable(outcome.error->toString()));
        }
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), socketPath);
        add.setProcessEnvironment(env);
        add.start(QStringLiteral("ssh-add"),
                  {m_status.value(QStringLiteral("secrets_dir")).toString() +
                   QStringLiteral("/lab-ssh")});
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);
        SshSession session(o, &verifier);
        const CommandRun r = runCommand(session, QStringLiteral("echo agent"));
        QVERIFY(r.result);
        QVERIFY2(r.result->ok(), why(*r.result).constData());
        QCOMPARE(r.out, QStringList{QStringLiteral("agent")});
    }

    void deletingTheSessionEndsItsJobs()
    {
        RejectAllVerifier verifier;
        auto session =
            std::make_unique<SshSession>(options("main", trustedKnownHosts()), &verifier);
        SshCommandJob job(session.get(), QStringLiteral("sleep 30"));
        int finished = 0;
        connect(&job, &SshCommandJob::finished, this, [&] { ++finished; });
        job.start();
        QTest::qWait(300);
        session.reset();
        QCOMPARE(finished, 1);
        QVERIFY(job.result().error().is(SshError::Disconnected));
    }

    void tunnelReachesLxdSocket()
    {
        RejectAllVerifier verifier;
        SshSession session(options("main", trustedKnownHosts()), &verifier);
        QString localPath;
        {
            SshTunnel tunnel(&session, lxdSocket("main"));
            const auto listening = tunnel.listen();
            QVERIFY2(listening, why(listening).constData());
            localPath = *listening;
            QCOMPARE(tunnel.localPath(), localPath);
            QCOMPARE(QFileInfo(QFileInfo(localPath).path()).permissions() &
                         (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
            // Twice in a row (the session connects on demand the first time)...
            for (int i = 0; i < 2; ++i) {
                const QByteArray response = httpOverLocalSocket(localPath, "/1.0");
                QVERIFY2(response.startsWith("HTTP/1.") && response.contains("api_version"),
                         response.left(300).constData());
            }
            // ...and several at once.
            std::vector<QByteArray> responses(3);
            std::vector<std::unique_ptr<QLocalSocket>> sockets;
            int closed = 0;
            for (int i = 0; i < 3; ++i) {
                sockets.push_back(std::make_unique<QLocalSocket>());
                QLocalSocket* socket = sockets.back().get();
                connect(socket, &QLocalSocket::readyRead, this,
                        [&responses, socket, i] { responses[i] += socket->readAll(); });
                connect(socket, &QLocalSocket::disconnected, this, [&closed] { ++closed; });
                connect(socket, &QLocalSocket::connected, this, [socket] {
                    socket->write("GET /1.0/instances HTTP/1.0\r\nHost: lxd\r\n\r\n");
                });
                socket->connectToServer(localPath);
            }
            QTRY_COMPARE_WITH_TIMEOUT(closed, 3, 20000);
            for (const QByteArray& response : responses)
                QVERIFY2(response.contains("/1.0/instances/web"), response.left(300).constData());
            QTRY_COMPARE_WITH_TIMEOUT(tunnel.connectionCount(), 0, 5000);
        }
        QVERIFY(!QFileInfo::exists(localPath));
    }

    void tunnelThroughJumpHost()
    {
        FingerprintVerifier verifier({fingerprint("main"), fingerprint("backup")});
        SshSessionOptions o = options("backup", freshKnownHosts());
        o.jump = target("main");
        SshSession session(o, &verifier);
        SshTunnel tunnel(&session, lxdSocket("backup"));
        const auto listening = tunnel.listen();
        QVERIFY(listening);
        const QByteArray response = httpOverLocalSocket(*listening, "/1.0");
        QVERIFY2(response.startsWith("HTTP/1.") && response.contains("api_version"),
                 response.left(300).constData());
    }

    void tunnelToMissingSocketFails()
    {
        RejectAllVerifier verifier;
        SshSession session(options("main", trustedKnownHosts()), &verifier);
        SshTunnel tunnel(&session, QStringLiteral("/nonexistent/relais.socket"));
        std::optional<Error> failure;
        connect(&tunnel, &SshTunnel::forwardFailed, this, [&](const Error& e) { failure = e; });
        const auto listening = tunnel.listen();
        QVERIFY(listening);
        const QByteArray response = httpOverLocalSocket(*listening, "/1.0");
        QVERIFY(response.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), 10000);
        QVERIFY2(failure->is(SshError::ChannelFailed), qPrintable(failure->toString()));
    }
};

QTEST_GUILESS_MAIN(TestSsh)
#include "tst_ssh.moc"
