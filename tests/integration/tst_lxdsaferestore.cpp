#include "../support/LxcCgroupReport.h"
#include "../support/ProcessRun.h"
#include "common/ManualClock.h"
#include "common/SystemClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdExecJob.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdSafeRestoreJob.h"
#include "lxd/LxdSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <memory>
#include <unistd.h>

using namespace relais;

// LxdSafeRestoreJob against the lab's LXD on main, on a container of its
// own (relais-test-PID-restore from relais-busybox), deleted at the end.
class TestLxdSafeRestore : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QString m_name;
    std::unique_ptr<LxdClient> m_client;

    Result<QJsonValue> run(LxdOperation* op, int timeoutMs = 120000)
    {
        std::optional<Result<QJsonValue>> result;
        QObject::connect(op, &LxdOperation::finished, op, [&] { result = op->result(); });
        op->start();
        (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
        op->deleteLater();
        if (!result) {
            reportLate(op->describe());
            return Error(LxdError::Timeout, QStringLiteral("no result in time"));
        }
        return *result;
    }

    /// Says what the kernel shows of the test container when LXD did not
    /// answer in time (a container stuck freezing blocks snapshots and execs).
    void reportLate(const QString& what) const
    {
        qWarning().noquote() << what << "did not end in time; the container's cgroups:\n"
                             << test::lxcCgroupReport(m_name);
    }

    static QByteArray why(const Result<QJsonValue>& r)
    {
        return r ? QByteArray() : r.error().toString().toUtf8();
    }

    /// Exit status of a shell command in the test container.
    int sh(const QString& script)
    {
        const QJsonObject body{{QStringLiteral("command"),
                                QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), script}},
                               {QStringLiteral("wait-for-websocket"), false},
                               {QStringLiteral("record-output"), false},
                               {QStringLiteral("interactive"), false}};
        const auto r = run(
            m_client->request("POST", QStringLiteral("/1.0/instances/%1/exec").arg(m_name), body));
        return r ? r->toObject().value(QStringLiteral("return")).toInt(-1001) : -1000;
    }

    /// Runs @p command in the test container with its output recorded.
    Result<LxdExecResult> exec(const QStringList& command)
    {
        LxdExecJob* job = m_client->exec(m_name, command);
        std::optional<Result<LxdExecResult>> result;
        int count = 0;
        connect(job, &LxdExecJob::finished, job, [&] {
            ++count;
            result = job->result();
        });
        job->start();
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 60000);
        QTest::qWait(20);
        job->deleteLater();
        if (!result) {
            reportLate(QStringLiteral("exec %1").arg(command.join(QLatin1Char(' '))));
            return Error(LxdError::Timeout, QStringLiteral("no result in time"));
        }
        if (count != 1)
            return Error(LxdError::ProtocolError, QStringLiteral("finished %1 times").arg(count));
        return *result;
    }

    QList<LxdSnapshot> snapshots()
    {
        const auto r = run(m_client->listSnapshots(m_name));
        if (!r)
            return {};
        auto list = LxdSnapshot::listFromJson(*r);
        return list ? *list : QList<LxdSnapshot>();
    }

    static const LxdSnapshot* find(const QList<LxdSnapshot>& list, const QString& name)
    {
        for (const LxdSnapshot& s : list) {
            if (s.name == name)
                return &s;
        }
        return nullptr;
    }

    struct JobRun
    {
        std::optional<Result<QString>> result;
        QList<LxdSafeRestoreJob::Step> steps;
        int finishedCount = 0;
    };

    JobRun runJob(LxdSafeRestoreJob& job)
    {
        JobRun r;
        connect(&job, &LxdSafeRestoreJob::stepChanged, &job,
                [&r](LxdSafeRestoreJob::Step s) { r.steps << s; });
        connect(&job, &LxdSafeRestoreJob::finished, &job, [&r, &job] {
            ++r.finishedCount;
            r.result = job.result();
        });
        job.start();
        (void)QTest::qWaitFor([&] { return r.result.has_value(); }, 120000);
        if (!r.result)
            reportLate(QStringLiteral("the safe restore"));
        QTest::qWait(20); // a second finished() would show here
        return r;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        const test::ProcessRun up = test::labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status =
            test::labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        QCOMPARE(status.exitCode, 0);
        m_status = QJsonDocument::fromJson(status.out).object();
        QVERIFY2(m_status.value(QStringLiteral("state")).toString() == QLatin1String("up"),
                 "the lab is not up (tests/lab/labctl up)");
        m_client = std::make_unique<LxdClient>(
            new LxdLocalTransport(m_status.value(QStringLiteral("hosts"))
                                      .toObject()
                                      .value(QStringLiteral("main"))
                                      .toObject()
                                      .value(QStringLiteral("lxd_socket"))
                                      .toString()));
        m_name = QStringLiteral("relais-test-%1-restore").arg(::getpid());
        auto r = run(m_client->createInstance(m_name, QStringLiteral("relais-busybox")));
        QVERIFY2(r, why(r).constData());
        r = run(m_client->startInstance(m_name));
        QVERIFY2(r, why(r).constData());
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        if (m_client && !m_name.isEmpty()) {
            (void)run(m_client->stopInstance(m_name, 0, true));
            (void)run(m_client->deleteInstance(m_name));
        }
        m_client.reset();
        test::labctl({QStringLiteral("down")});
    }

    void safetyNameIsUtcTimestamp()
    {
        const QDateTime t(QDate(2026, 11, 22), QTime(6, 30, 15), QTimeZone(3600));
        QCOMPARE(LxdSafeRestoreJob::safetySnapshotName(t),
                 QStringLiteral("relais-before-restore-20261122-053015"));
    }

    void restoresAfterASafetySnapshot()
    {
        QCOMPARE(sh(QStringLiteral("echo before > /root/marker")), 0);
        auto r = run(m_client->createSnapshot(m_name, QStringLiteral("s1")));
        QVERIFY2(r, why(r).constData());
        QCOMPARE(sh(QStringLiteral("echo after > /root/marker")), 0);

        LxdSafeRestoreJob job(m_client.get(), m_name, QStringLiteral("s1"),
                              SystemClock::instance());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const JobRun run = runJob(job);
        QVERIFY(run.result);
        QVERIFY2(*run.result, run.result->ok() ? "" : qPrintable(run.result->error().toString()));
        QCOMPARE(run.finishedCount, 1);
        QCOMPARE(run.steps, (QList<LxdSafeRestoreJob::Step>{LxdSafeRestoreJob::Step::Check,
                                                            LxdSafeRestoreJob::Step::SafetySnapshot,
                                                            LxdSafeRestoreJob::Step::Restore,
                                                            LxdSafeRestoreJob::Step::Done}));
        const QString safety = run.result->value();
        QCOMPARE(job.safetySnapshot(), safety);
        QVERIFY2(safety.startsWith(QLatin1String("relais-before-restore-")), qPrintable(safety));

        // Restored...
        QCOMPARE(sh(QStringLiteral("grep -qx before /root/marker")), 0);
        // ...and the safety snapshot holds the state from before, expiring in 7 days.
        const QList<LxdSnapshot> list = snapshots();
        const LxdSnapshot* s = find(list, safety);
        QVERIFY2(s, qPrintable(safety));
        QVERIFY(s->expiresAt.isValid());
        QVERIFY(qAbs(s->expiresAt.secsTo(before.addDays(7))) < 120);
        auto back = this->run(m_client->restoreSnapshot(m_name, safety));
        QVERIFY2(back, why(back).constData());
        QCOMPARE(sh(QStringLiteral("grep -qx after /root/marker")), 0);
        (void)this->run(m_client->deleteSnapshot(m_name, safety));
    }

    void execRecordsOutputAndStatus()
    {
        const auto r = exec({QStringLiteral("sh"), QStringLiteral("-c"),
                             QStringLiteral("echo out; echo err >&2; exit 3")});
        QVERIFY2(r, r.ok() ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r->exitCode, 3);
        QCOMPARE(r->standardOutput, QByteArray("out\n"));
        QCOMPARE(r->standardError, QByteArray("err\n"));
        // The recorded logs are removed once read.
        QTest::qWait(300);
        const auto logs =
            run(m_client->request("GET", QStringLiteral("/1.0/instances/%1/logs").arg(m_name)));
        QVERIFY2(logs, why(logs).constData());
        for (const QJsonValue& v : logs->toArray())
            QVERIFY2(!v.toString().contains(QLatin1String("/exec_")), qPrintable(v.toString()));

        const auto missing = exec({QStringLiteral("/no/such/program")});
        QVERIFY(!missing || missing->exitCode != 0);
    }

    void restoreReallyReverts()
    {
        auto r = exec({QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo first > /root/reverted")});
        QVERIFY2(r && r->exitCode == 0, r ? "" : qPrintable(r.error().toString()));
        auto snap = run(m_client->createSnapshot(m_name, QStringLiteral("revert")));
        QVERIFY2(snap, why(snap).constData());
        r = exec({QStringLiteral("sh"), QStringLiteral("-c"),
                  QStringLiteral("echo second > /root/reverted")});
        QVERIFY(r && r->exitCode == 0);
        r = exec({QStringLiteral("cat"), QStringLiteral("/root/reverted")});
        QVERIFY(r);
        QCOMPARE(r->standardOutput, QByteArray("second\n"));

        LxdSafeRestoreJob job(m_client.get(), m_name, QStringLiteral("revert"),
                              SystemClock::instance());
        const JobRun done = runJob(job);
        QVERIFY(done.result && done.result->ok());
        r = exec({QStringLiteral("cat"), QStringLiteral("/root/reverted")});
        QVERIFY(r);
        QCOMPARE(r->standardOutput, QByteArray("first\n"));
        (void)run(m_client->deleteSnapshot(m_name, job.safetySnapshot()));
        (void)run(m_client->deleteSnapshot(m_name, QStringLiteral("revert")));
    }

    void missingSnapshotTakesNoSafetySnapshot()
    {
        const qsizetype count = snapshots().size();
        LxdSafeRestoreJob job(m_client.get(), m_name, QStringLiteral("nope"),
                              SystemClock::instance());
        const JobRun run = runJob(job);
        QVERIFY(run.result && !run.result->ok());
        QVERIFY2(run.result->error().is(LxdError::NotFound),
                 qPrintable(run.result->error().toString()));
        QCOMPARE(run.steps, QList<LxdSafeRestoreJob::Step>{LxdSafeRestoreJob::Step::Check});
        QVERIFY(job.safetySnapshot().isEmpty());
        QCOMPARE(snapshots().size(), count);
    }

    void failedSafetySnapshotStopsBeforeTheRestore()
    {
        // A snapshot already holds the safety name this clock gives: LXD
        // refuses the safety snapshot, and nothing may be restored.
        ManualClock clock(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        const QString taken = LxdSafeRestoreJob::safetySnapshotName(clock.now());
        auto r = run(m_client->createSnapshot(m_name, taken));
        QVERIFY2(r, why(r).constData());
        auto cleanup = qScopeGuard([&] { (void)run(m_client->deleteSnapshot(m_name, taken)); });
        QCOMPARE(sh(QStringLiteral("echo changed > /root/marker")), 0);

        LxdSafeRestoreJob job(m_client.get(), m_name, QStringLiteral("s1"), clock);
        const JobRun run = runJob(job);
        QVERIFY(run.result && !run.result->ok());
        QCOMPARE(run.finishedCount, 1);
        QVERIFY2(!run.result->error().is(LxdError::Cancelled),
                 qPrintable(run.result->error().toString()));
        // LXD's own words reach the caller.
        QVERIFY2(
            run.result->error().message().contains(QLatin1String("exists"), Qt::CaseInsensitive),
            qPrintable(run.result->error().toString()));
        QCOMPARE(run.steps.last(), LxdSafeRestoreJob::Step::SafetySnapshot);
        QVERIFY(job.safetySnapshot().isEmpty());
        QCOMPARE(sh(QStringLiteral("grep -qx changed /root/marker")), 0);
    }

    void cancelEndsOnceAndKeepsTheInstance()
    {
        LxdSafeRestoreJob job(m_client.get(), m_name, QStringLiteral("s1"),
                              SystemClock::instance());
        QSignalSpy finished(&job, &LxdSafeRestoreJob::finished);
        job.start();
        job.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(job.result().error().is(LxdError::Cancelled));
        job.cancel();
        QTest::qWait(1500);
        QCOMPARE(finished.size(), 1);
        // Cancelled during the check: no safety snapshot was asked for.
        for (const LxdSnapshot& s : snapshots())
            QVERIFY2(!s.name.startsWith(QLatin1String("relais-before-restore-")) ||
                         s.name.endsWith(QLatin1String("20260102-030405")),
                     qPrintable(s.name));
    }
};

QTEST_GUILESS_MAIN(TestLxdSafeRestore)
#include "tst_lxdsaferestore.moc"
