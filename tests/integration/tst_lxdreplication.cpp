#include "../support/ProcessRun.h"
#include "common/Database.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdReplicationHistory.h"
#include "lxd/LxdReplicationJob.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <memory>
#include <unistd.h>

using namespace relais;

// LxdReplicationJob (and `relaisctl lxd replicate`) against the lab's two
// real LXD daemons: main (dir pool) offers, backup (btrfs pool) pulls over
// the lab network. The test replicates its own copy of `web`
// (relais-test-<pid>, made on main and never started there, since its proxy
// would clash with web's), starts the copy on backup where the profile
// relais-web publishes it on http://10.231.0.20/, and removes everything it
// made on both hosts at the end.
class TestLxdReplication : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;
    QString m_name;
    std::unique_ptr<LxdClient> m_main;
    std::unique_ptr<LxdClient> m_backup;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LxdReplicationHistory> m_history;
    qint64 m_firstMs = -1;

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

    /// Runs @p op to its end (test side only).
    static Result<QJsonValue> run(LxdOperation* op, int timeoutMs = 120000)
    {
        std::optional<Result<QJsonValue>> result;
        QObject::connect(op, &LxdOperation::finished, op, [&result, op] { result = op->result(); });
        op->start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
            result = Error(LxdError::Timeout, QStringLiteral("test wait ran out"));
        op->deleteLater();
        return *result;
    }

    static QByteArray why(const Result<QJsonValue>& r)
    {
        return r ? QByteArray() : r.error().toString().toUtf8();
    }

    struct Replication
    {
        std::optional<Result<LxdReplicationReport>> result;
        int finishedCount = 0;
        QList<LxdReplicationJob::Stage> stages;
        QStringList progress;
        qint64 elapsedMs = 0;
    };

    /// Replicates @p instance; @p onStage may act on the job (cancel it).
    Replication
    replicate(const QString& instance,
              std::function<void(LxdReplicationJob&, LxdReplicationJob::Stage)> onStage = {})
    {
        Replication r;
        LxdReplicationJob job(m_main.get(), m_backup.get(), instance);
        job.setHistory(m_history.get());
        job.setTimeout(300000);
        connect(&job, &LxdReplicationJob::finished, this, [&r, &job] {
            ++r.finishedCount;
            r.result = job.result();
        });
        connect(&job, &LxdReplicationJob::stageChanged, this,
                [&r, &job, onStage](LxdReplicationJob::Stage stage) {
                    r.stages << stage;
                    if (onStage)
                        onStage(job, stage);
                });
        connect(&job, &LxdReplicationJob::progress, this,
                [&r](const QString& text, int) { r.progress << text; });
        QElapsedTimer timer;
        timer.start();
        job.start();
        (void)QTest::qWaitFor([&] { return r.result.has_value(); }, 310000);
        r.elapsedMs = timer.elapsed();
        QTest::qWait(20); // a second finished() would show here
        return r;
    }

    /// The failure of @p r, for messages (QVERIFY2 evaluates it in any case).
    static QByteArray whyNot(const Replication& r)
    {
        if (!r.result)
            return "no result in time";
        return r.result->ok() ? QByteArray() : r.result->error().toString().toUtf8();
    }

    std::optional<LxdInstance> instanceOn(LxdClient& client, const QString& name)
    {
        const Result<QJsonValue> list = run(client.listInstances());
        if (!list)
            return std::nullopt;
        const auto instances = LxdInstance::listFromJson(*list);
        if (!instances)
            return std::nullopt;
        for (const LxdInstance& i : *instances) {
            if (i.name == name)
                return i;
        }
        return std::nullopt;
    }

    QJsonObject configOn(LxdClient& client, const QString& name)
    {
        const Result<QJsonValue> got = run(client.instance(name));
        return got ? got->toObject().value(QStringLiteral("config")).toObject() : QJsonObject();
    }

    /// Bytes backup's network namespace has received on its link to the
    /// lab (LXD 5.0 does not report a refresh's bytes: the kernel counts
    /// what backup pulled from main); -1 when unreadable.
    qint64 backupReceived() const
    {
        const test::ProcessRun r = test::runProcess(
            QStringLiteral("ip"),
            {QStringLiteral("netns"), QStringLiteral("exec"),
             host("backup").value(QStringLiteral("namespace")).toString(), QStringLiteral("cat"),
             QStringLiteral("/sys/class/net/eth0/statistics/rx_bytes")},
            10000);
        bool ok = false;
        const qint64 bytes = r.out.trimmed().toLongLong(&ok);
        return r.exitCode == 0 && ok ? bytes : -1;
    }

    /// Writes @p content into the stopped instance on main (LXD's file API,
    /// which takes raw bytes: curl on the local socket; with curl's default
    /// form content type LXD writes an empty file).
    bool pushFile(const QString& path, const QByteArray& content)
    {
        const test::ProcessRun r = test::runProcess(
            QStringLiteral("curl"),
            {QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("--unix-socket"),
             lxdSocket("main"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
             QStringLiteral("X-LXD-type: file"), QStringLiteral("-H"),
             QStringLiteral("X-LXD-mode: 0644"), QStringLiteral("-H"),
             QStringLiteral("Content-Type: application/octet-stream"),
             QStringLiteral("--data-binary"), QStringLiteral("@-"),
             QStringLiteral("http://lxd/1.0/instances/%1/files?path=%2").arg(m_name, path)},
            60000, content);
        if (r.exitCode != 0)
            qWarning() << "file push failed:" << r.out << r.err;
        return r.exitCode == 0;
    }

    /// What the backup's published web answers for @p path (curl to the lab
    /// address only, no proxy).
    QByteArray backupPage(const QString& path)
    {
        const QString url =
            QStringLiteral("http://%1/%2")
                .arg(host("backup").value(QStringLiteral("address")).toString(), path);
        QByteArray body;
        // The proxy listens as soon as the instance starts; httpd a moment later.
        for (int attempt = 0; attempt < 50; ++attempt) {
            const test::ProcessRun r = test::runProcess(
                QStringLiteral("curl"),
                {QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("--noproxy"),
                 QStringLiteral("*"), QStringLiteral("--max-time"), QStringLiteral("3"), url},
                10000);
            if (r.exitCode == 0)
                return r.out;
            QTest::qWait(200);
        }
        return body;
    }

    /// Starts the copy on backup, reads @p path from its published page,
    /// stops it again.
    QByteArray readThroughBackupCopy(const QString& path, QByteArray* index = nullptr)
    {
        const Result<QJsonValue> started = run(m_backup->startInstance(m_name));
        if (!started) {
            qWarning() << "start on backup failed:" << why(started);
            return {};
        }
        const QByteArray body = backupPage(path);
        if (index)
            *index = backupPage(QString());
        const Result<QJsonValue> stopped = run(m_backup->stopInstance(m_name, 0, true));
        if (!stopped)
            qWarning() << "stop on backup failed:" << why(stopped);
        return body;
    }

    void removeEverywhere()
    {
        if (!m_main || m_name.isEmpty())
            return;
        (void)run(m_main->stopInstance(m_name, 0, true));
        (void)run(m_main->deleteInstance(m_name));
        for (const QString& name : {m_name, LxdReplicationJob::stagingName(m_name),
                                    LxdReplicationJob::previousName(m_name)}) {
            (void)run(m_backup->stopInstance(name, 0, true));
            (void)run(m_backup->deleteInstance(name));
        }
    }

    QStringList snapshotsOn(LxdClient& client)
    {
        QStringList names;
        if (const auto i = instanceOn(client, m_name)) {
            for (const LxdSnapshot& s : i->snapshots)
                names << s.name;
        }
        return names;
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
        m_status = QJsonDocument::fromJson(status.out).object();
        QVERIFY2(m_status.value(QStringLiteral("state")).toString() == QLatin1String("up"),
                 "the lab is not up (tests/lab/labctl up)");
        m_main = std::make_unique<LxdClient>(new LxdLocalTransport(lxdSocket("main")));
        m_backup = std::make_unique<LxdClient>(new LxdLocalTransport(lxdSocket("backup")));
        auto db = Database::open(m_tmp.filePath(QStringLiteral("relais.db")));
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().toString()));
        m_database = std::move(*db);
        m_history = std::make_unique<LxdReplicationHistory>(*m_database, QStringLiteral("lab"));
        m_name = QStringLiteral("relais-test-%1").arg(::getpid());

        // This run's instance on main: a copy of web, never started there.
        const Result<QJsonValue> web = run(m_main->instance(QStringLiteral("web")));
        QVERIFY2(web.ok(), why(web).constData());
        QJsonObject body = LxdReplicationJob::copyDefinition(web->toObject());
        body.insert(QStringLiteral("name"), m_name);
        body.insert(QStringLiteral("source"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("copy")},
                                {QStringLiteral("source"), QStringLiteral("web")},
                                {QStringLiteral("instance_only"), true}});
        const Result<QJsonValue> copied =
            run(m_main->request("POST", QStringLiteral("/1.0/instances"), body));
        QVERIFY2(copied.ok(), why(copied).constData());
        QVERIFY(pushFile(QStringLiteral("/srv/www/relais-test.txt"), "version 1\n"));
        // Bulk that a refresh must not carry again: 4 MB nothing compresses.
        QByteArray bulk(4 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bulk.data()),
                                              bulk.size() / sizeof(quint32));
        QVERIFY(pushFile(QStringLiteral("/srv/relais-bulk.bin"), bulk));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        removeEverywhere();
        QVERIFY(!instanceOn(*m_backup, m_name).has_value());
        QVERIFY(!instanceOn(*m_main, m_name).has_value());
        test::labctl({QStringLiteral("down")});
    }

    void firstReplicationMakesAStoppedCopy()
    {
        QVERIFY(!instanceOn(*m_backup, m_name).has_value());
        const qint64 receivedBefore = backupReceived();
        QVERIFY(receivedBefore >= 0);
        const Replication r = replicate(m_name);
        QVERIFY(r.result.has_value());
        QVERIFY2(r.result->ok(), whyNot(r).constData());
        QCOMPARE(r.finishedCount, 1);
        // The whole container travelled, its 4 MB of bulk with it.
        const qint64 received = backupReceived() - receivedBefore;
        QVERIFY2(received > 4 * 1024 * 1024, qPrintable(QString::number(received)));
        qInfo("first replication: backup received %lld bytes", received);
        const LxdReplicationReport& report = r.result->value();
        QVERIFY(!report.incremental);
        QVERIFY(report.durationMs() > 0);
        QVERIFY(!r.stages.contains(LxdReplicationJob::Stage::Cloning));
        QVERIFY(r.stages.contains(LxdReplicationJob::Stage::Transferring));
        m_firstMs = report.durationMs();
        qInfo("first replication: %lld ms (transfer %lld ms, %lld bytes reported)",
              report.durationMs(), report.transferMs, report.bytes);

        const auto copy = instanceOn(*m_backup, m_name);
        QVERIFY(copy.has_value());
        QCOMPARE(copy->status, QStringLiteral("Stopped"));
        QCOMPARE(configOn(*m_backup, m_name).value(QStringLiteral("boot.autostart")).toString(),
                 QStringLiteral("false"));
        QVERIFY(!instanceOn(*m_backup, LxdReplicationJob::stagingName(m_name)).has_value());

        const auto recorded = m_history->lastSuccess(m_name);
        QVERIFY(recorded.ok() && recorded->has_value());
        QVERIFY(!(*recorded)->incremental);
        QVERIFY((*recorded)->endedAt.secsTo(QDateTime::currentDateTimeUtc()) < 60);
    }

    void theCopyServesOnBackup()
    {
        QByteArray index;
        QCOMPARE(readThroughBackupCopy(QStringLiteral("relais-test.txt"), &index),
                 QByteArray("version 1\n"));
        QVERIFY2(index.contains("Relais lab web on backup"), index.constData());
        QCOMPARE(instanceOn(*m_backup, m_name)->status, QStringLiteral("Stopped"));
    }

    void aRunningCopyIsNeverReplaced()
    {
        const Result<QJsonValue> started = run(m_backup->startInstance(m_name));
        QVERIFY2(started.ok(), why(started).constData());
        const Replication r = replicate(m_name);
        const Result<QJsonValue> stopped = run(m_backup->stopInstance(m_name, 0, true));
        QVERIFY2(stopped.ok(), why(stopped).constData());
        QVERIFY(r.result.has_value());
        QVERIFY(!r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::Rejected),
                 qPrintable(r.result->error().toString()));
        QVERIFY2(r.result->error().message().contains(QStringLiteral("running")),
                 qPrintable(r.result->error().message()));
        QVERIFY(!r.stages.contains(LxdReplicationJob::Stage::Transferring));
    }

    void refreshCarriesTheChangeAndMirrorsSnapshots()
    {
        // A snapshot on main travels; one taken only on backup's copy does
        // not survive a refresh (LXD deletes target snapshots missing on the
        // source: docs/lxd.md).
        QVERIFY(run(m_main->createSnapshot(m_name, QStringLiteral("s1"))).ok());
        QVERIFY(run(m_backup->createSnapshot(m_name, QStringLiteral("backup-only"))).ok());
        QVERIFY(pushFile(QStringLiteral("/srv/www/relais-test.txt"), "version 2\n"));

        const qint64 receivedBefore = backupReceived();
        QVERIFY(receivedBefore >= 0);
        const Replication r = replicate(m_name);
        QVERIFY(r.result.has_value());
        QVERIFY2(r.result->ok(), whyNot(r).constData());
        const qint64 received = backupReceived() - receivedBefore;
        const LxdReplicationReport& report = r.result->value();
        QVERIFY(report.incremental);
        QVERIFY(r.stages.contains(LxdReplicationJob::Stage::Cloning));
        QVERIFY(r.stages.contains(LxdReplicationJob::Stage::Swapping));
        qInfo("second replication (refresh): %lld ms (transfer %lld ms, %lld bytes reported); "
              "first: %lld ms",
              report.durationMs(), report.transferMs, report.bytes, m_firstMs);

        QCOMPARE(snapshotsOn(*m_backup), QStringList{QStringLiteral("s1")});
        QCOMPARE(configOn(*m_backup, m_name).value(QStringLiteral("boot.autostart")).toString(),
                 QStringLiteral("false"));
        for (const QString& leftover :
             {LxdReplicationJob::stagingName(m_name), LxdReplicationJob::previousName(m_name)})
            QVERIFY2(!instanceOn(*m_backup, leftover).has_value(), qPrintable(leftover));
        QCOMPARE(readThroughBackupCopy(QStringLiteral("relais-test.txt")),
                 QByteArray("version 2\n"));

        // Only the change travels: the refresh above brought a few bytes of
        // change and a snapshot of unchanged files, not the 4 MB of bulk
        // again (counted by backup's kernel; what else the lab carries
        // meanwhile is small).
        qInfo("second replication: backup received %lld bytes", received);
        QVERIFY2(received < 2 * 1024 * 1024, qPrintable(QString::number(received)));
        const qint64 againBefore = backupReceived();
        const Replication again = replicate(m_name);
        QVERIFY(again.result.has_value() && again.result->ok());
        const qint64 againReceived = backupReceived() - againBefore;
        qInfo("third replication (no change): %lld ms (transfer %lld ms, %lld bytes received)",
              again.result->value().durationMs(), again.result->value().transferMs, againReceived);
        QVERIFY2(againReceived < 2 * 1024 * 1024, qPrintable(QString::number(againReceived)));

        // A snapshot deleted on main goes from the copy at the next refresh.
        QVERIFY(run(m_main->deleteSnapshot(m_name, QStringLiteral("s1"))).ok());
        const Replication mirrored = replicate(m_name);
        QVERIFY(mirrored.result.has_value() && mirrored.result->ok());
        QCOMPARE(snapshotsOn(*m_backup), QStringList{});
    }

    void aCancelledRefreshLeavesThePreviousCopy_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<int>("delayMs");
        QTest::newRow("while cloning") << int(LxdReplicationJob::Stage::Cloning) << 0;
        QTest::newRow("as the transfer starts") << int(LxdReplicationJob::Stage::Transferring) << 0;
        QTest::newRow("during the transfer") << int(LxdReplicationJob::Stage::Transferring) << 150;
    }

    void aCancelledRefreshLeavesThePreviousCopy()
    {
        QFETCH(int, stage);
        QFETCH(int, delayMs);
        QVERIFY(pushFile(QStringLiteral("/srv/www/relais-test.txt"), "version 3\n"));
        const auto before = m_history->recent(m_name, 1);
        const Replication r = replicate(
            m_name, [stage, delayMs](LxdReplicationJob& job, LxdReplicationJob::Stage now) {
                if (int(now) != stage)
                    return;
                if (delayMs == 0)
                    job.cancel();
                else
                    QTimer::singleShot(delayMs, &job, [&job] { job.cancel(); });
            });
        QVERIFY(r.result.has_value());
        QCOMPARE(r.finishedCount, 1);
        if (r.result->ok()) {
            // The transfer beat the cancel to the swap: nothing to check.
            QVERIFY(r.stages.contains(LxdReplicationJob::Stage::Swapping));
            QSKIP("the refresh ended before the cancel reached it");
        }
        QVERIFY2(r.result->error().is(LxdError::Cancelled),
                 qPrintable(r.result->error().toString()));
        QVERIFY(!r.stages.contains(LxdReplicationJob::Stage::Swapping));
        QVERIFY(r.stages.contains(LxdReplicationJob::Stage::CleaningUp));
        QVERIFY(!instanceOn(*m_backup, LxdReplicationJob::stagingName(m_name)).has_value());
        const auto copy = instanceOn(*m_backup, m_name);
        QVERIFY(copy.has_value());
        QCOMPARE(copy->status, QStringLiteral("Stopped"));
        // Still the previous copy, and startable.
        QCOMPARE(readThroughBackupCopy(QStringLiteral("relais-test.txt")),
                 QByteArray("version 2\n"));
        const auto recorded = m_history->recent(m_name, 1);
        QVERIFY(recorded.ok() && !recorded->isEmpty());
        QCOMPARE(recorded->first().outcome, LxdReplicationRecord::Outcome::Cancelled);
        Q_UNUSED(before);
    }

    void aMissingInstanceFailsWithoutTouchingTheBackup()
    {
        const Replication r = replicate(m_name + QStringLiteral("-missing"));
        QVERIFY(r.result.has_value());
        QVERIFY(!r.result->ok());
        QVERIFY2(r.result->error().is(LxdError::NotFound),
                 qPrintable(r.result->error().toString()));
        QCOMPARE(r.finishedCount, 1);
        QVERIFY(instanceOn(*m_backup, m_name).has_value());
        const auto recorded = m_history->recent(m_name + QStringLiteral("-missing"), 1);
        QVERIFY(recorded.ok() && !recorded->isEmpty());
        QCOMPARE(recorded->first().outcome, LxdReplicationRecord::Outcome::Fail);
    }

    void leftoversOfAnInterruptedRunArePutRight()
    {
        // As if a run had stopped between its two renames: the copy is
        // under its old-copy name and a staging instance is there.
        const QString previous = LxdReplicationJob::previousName(m_name);
        QVERIFY(run(m_backup->request("POST", QStringLiteral("/1.0/instances/") + m_name,
                                      QJsonObject{{QStringLiteral("name"), previous}}))
                    .ok());
        QVERIFY(!instanceOn(*m_backup, m_name).has_value());
        const Replication r = replicate(m_name);
        QVERIFY(r.result.has_value());
        QVERIFY2(r.result->ok(), whyNot(r).constData());
        QVERIFY(r.result->value().incremental); // the old copy was used, not copied again
        QVERIFY(instanceOn(*m_backup, m_name).has_value());
        QVERIFY(!instanceOn(*m_backup, previous).has_value());
        QCOMPARE(readThroughBackupCopy(QStringLiteral("relais-test.txt")),
                 QByteArray("version 3\n"));
    }

    // The job's time running out while the new copy is put in place does
    // not stop the swap half way (the copy renamed aside, the new one
    // deleted as a failed staging instance): the swap ends, and the backup
    // has its copy under its name.
    void aTimeoutDuringTheSwapLetsItEnd()
    {
        QVERIFY(pushFile(QStringLiteral("/srv/www/relais-test.txt"), "version 3b\n"));
        const Replication r =
            replicate(m_name, [](LxdReplicationJob& job, LxdReplicationJob::Stage now) {
                if (now == LxdReplicationJob::Stage::Swapping)
                    job.setTimeout(1); // runs out while the first rename is under way
            });
        QVERIFY(r.result.has_value());
        QCOMPARE(r.finishedCount, 1);
        QVERIFY2(r.result->ok(), whyNot(r).constData());
        const auto copy = instanceOn(*m_backup, m_name);
        QVERIFY(copy.has_value());
        QVERIFY(!instanceOn(*m_backup, LxdReplicationJob::stagingName(m_name)).has_value());
        QVERIFY(!instanceOn(*m_backup, LxdReplicationJob::previousName(m_name)).has_value());
        QCOMPARE(readThroughBackupCopy(QStringLiteral("relais-test.txt")),
                 QByteArray("version 3b\n"));
    }

    void relaisctlReplicatesThroughSsh()
    {
        // The lab's own site, vault and known hosts: both hosts through SSH.
        const QString stateDir = m_status.value(QStringLiteral("state_dir")).toString();
        QVERIFY(QFile::copy(stateDir + QStringLiteral("/ssh/known_hosts"),
                            m_tmp.filePath(QStringLiteral("known_hosts"))));
        QVERIFY(pushFile(QStringLiteral("/srv/www/relais-test.txt"), "version 4\n"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), m_tmp.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("lxd"),
                       QStringLiteral("replicate"), QStringLiteral("--site"),
                       m_status.value(QStringLiteral("site")).toString(),
                       QStringLiteral("--passphrase-file"),
                       m_status.value(QStringLiteral("vault_passphrase_file")).toString(), m_name});
        QVERIFY(process.waitForStarted(10000));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(300000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        qInfo("relaisctl: %s", qPrintable(out.trimmed()));
        QVERIFY2(process.exitCode() == 0, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("Refreshed the copy of %1 on backup in").arg(m_name)),
                 qPrintable(out));
        QVERIFY2(err.contains(QStringLiteral("pulls the instance from main")), qPrintable(err));
        QCOMPARE(readThroughBackupCopy(QStringLiteral("relais-test.txt")),
                 QByteArray("version 4\n"));

        // Recorded in the data directory's database, under the site's path.
        auto db = Database::open(m_tmp.filePath(QStringLiteral("relais.db")));
        QVERIFY(db.ok());
        LxdReplicationHistory history(**db, m_status.value(QStringLiteral("site")).toString());
        const auto last = history.lastSuccess(m_name);
        QVERIFY(last.ok() && last->has_value());
        QVERIFY((*last)->incremental);
    }

    void relaisctlCtrlCCancels()
    {
        QVERIFY(pushFile(QStringLiteral("/srv/www/relais-test.txt"), "version 5\n"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), m_tmp.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("lxd"),
                       QStringLiteral("replicate"), QStringLiteral("--site"),
                       m_status.value(QStringLiteral("site")).toString(),
                       QStringLiteral("--passphrase-file"),
                       m_status.value(QStringLiteral("vault_passphrase_file")).toString(), m_name});
        QVERIFY(process.waitForStarted(10000));
        process.closeWriteChannel();
        // Interrupt as soon as the staging clone begins.
        QByteArray err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += process.readAllStandardError();
                return err.contains("Cloning") || process.state() == QProcess::NotRunning;
            },
            60000));
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(120000));
        err += process.readAllStandardError();
        const QByteArray out = process.readAllStandardOutput();
        if (process.exitCode() == 0)
            QSKIP("the replication ended before the interrupt reached it");
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(err.contains("cancelled; the backup keeps its previous copy"), err.constData());
        QVERIFY(!instanceOn(*m_backup, LxdReplicationJob::stagingName(m_name)).has_value());
        QCOMPARE(readThroughBackupCopy(QStringLiteral("relais-test.txt")),
                 QByteArray("version 4\n"));
        Q_UNUSED(out);
    }
};

QTEST_GUILESS_MAIN(TestLxdReplication)
#include "tst_lxdreplication.moc"
