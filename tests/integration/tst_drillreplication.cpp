// The replication steps of a drill against the lab, made by the product's
// SiteStepJobFactory from the lab site plus a sync job of the test's own:
// the failover's final sync (main → backup with the job's rrsync-confined
// key), the direction lock refusing it afterwards, the failback's reverse
// sync review (the change list of backup → main, refused when main changed
// the same file since the lock) and the reverse sync itself, and the
// refresh of a container's copy main → backup and back.

#include "../support/ProcessRun.h"
#include "common/Database.h"
#include "common/SystemClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "plan/DrillContext.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillRunner.h"
#include "plan/PlanError.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "plan/StepJob.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "sync/ReplicationLock.h"
#include "sync/RsyncCommand.h"
#include "sync/SyncError.h"
#include "sync/SyncHistory.h"
#include "vault/Vault.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

using namespace relais;
using relais::test::labctl;
using relais::test::runProcess;

class TestDrillReplication : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    QString m_work; ///< under /var/tmp: both lab hosts see the same file system
    QString m_authorizedKeys;
    QByteArray m_authorizedKeysBefore;
    QString m_mainAuthorizedKeys;
    QByteArray m_mainAuthorizedKeysBefore;
    QString m_container;
    std::optional<Vault> m_vault;
    RejectAllVerifier m_verifier;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SiteConnections> m_connections;
    std::unique_ptr<SiteStepJobFactory> m_factory;
    QStringList m_reviewed;    ///< the lines the last drill's gate showed
    QByteArray m_mainAtReview; ///< main's drill.txt while the gate waited
    const QString m_siteKey = QStringLiteral("lab-drill-replication");

    struct Outcome
    {
        bool finished = false;
        Result<void> result = Result<void>::success();
        QStringList output;
    };

    QJsonObject host(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }
    QString src() const { return m_work + QStringLiteral("/src"); }
    QString dst() const { return m_work + QStringLiteral("/dst"); }
    QString keys() const { return m_work + QStringLiteral("/keys"); }

    SyncJob job() const
    {
        SyncJob j;
        j.name = QStringLiteral("drill-files");
        j.sources = {src() + QLatin1Char('/')};
        j.destination = dst();
        j.lowPriority = false;
        return j;
    }

    /// A pull job (backup runs rsync) over another tree.
    SyncJob pullJob() const
    {
        SyncJob j;
        j.name = QStringLiteral("drill-pull");
        j.direction = SyncJob::Direction::Pull;
        j.sources = {m_work + QStringLiteral("/src-pull/")};
        j.destination = m_work + QStringLiteral("/dst-pull");
        j.lowPriority = false;
        return j;
    }

    static void write(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    std::unique_ptr<LxdClient> lxd(const char* role) const
    {
        return std::make_unique<LxdClient>(
            new LxdLocalTransport(host(role).value(QStringLiteral("lxd_socket")).toString()));
    }

    static Result<QJsonValue> run(LxdOperation* op)
    {
        std::optional<Result<QJsonValue>> result;
        QObject::connect(op, &LxdOperation::finished, op, [&] { result = op->result(); });
        op->start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 120000))
            return Error(LxdError::Timeout, QStringLiteral("no answer"));
        op->deleteLater();
        return *result;
    }

    std::optional<LxdInstance> instanceOn(const char* role, const QString& name) const
    {
        auto client = lxd(role);
        const Result<QJsonValue> listed = run(client->listInstances());
        if (!listed)
            return std::nullopt;
        const Result<QList<LxdInstance>> instances = LxdInstance::listFromJson(*listed);
        if (!instances)
            return std::nullopt;
        for (const LxdInstance& instance : *instances) {
            if (instance.name == name)
                return instance;
        }
        return std::nullopt;
    }

    /// The instances on @p role whose name starts with @p prefix, as LXD
    /// gives them (config included).
    QList<QJsonObject> instancesLike(const char* role, const QString& prefix) const
    {
        auto client = lxd(role);
        const Result<QJsonValue> listed =
            run(client->request("GET", QStringLiteral("/1.0/instances?recursion=1")));
        QList<QJsonObject> found;
        if (!listed)
            return found;
        for (const QJsonValue& value : listed->toArray()) {
            if (value.toObject().value(QStringLiteral("name")).toString().startsWith(prefix))
                found.append(value.toObject());
        }
        return found;
    }

    static QString autostart(const QJsonObject& instance)
    {
        return instance.value(QStringLiteral("config"))
            .toObject()
            .value(QStringLiteral("boot.autostart"))
            .toString();
    }

    /// Makes the step's job with the product's factory and runs it to its end.
    Outcome runStep(DrillAction action, int timeoutMs = 120000, const QString& jobName = {})
    {
        Outcome outcome;
        DrillStep step;
        step.action = action;
        step.job = jobName.isEmpty() ? job().name : jobName;
        step.containers = {m_container};
        DrillContext context;
        Result<StepJob*> made = m_factory->create(step, context, this);
        if (!made) {
            outcome.finished = true;
            outcome.result = made.error();
            return outcome;
        }
        StepJob* stepJob = *made;
        connect(stepJob, &StepJob::output, this,
                [&outcome](const QString& line) { outcome.output.append(line); });
        connect(stepJob, &StepJob::finished, this, [&outcome](const Result<void>& result) {
            outcome.finished = true;
            outcome.result = result;
        });
        stepJob->start();
        (void)QTest::qWaitFor([&] { return outcome.finished; }, timeoutMs);
        if (!outcome.finished) {
            stepJob->cancel();
            (void)QTest::qWaitFor([&] { return outcome.finished; }, 30000);
        }
        delete stepJob;
        return outcome;
    }

    static QString describe(const Outcome& outcome)
    {
        return (outcome.result ? QStringLiteral("ok") : outcome.result.error().toString()) +
               QLatin1Char('\n') + outcome.output.join(QLatin1Char('\n'));
    }

    /// Runs a whole drill of @p mode with the product's runner, on a plan of
    /// three steps: sync the job, refresh the container, lock.
    DrillRecord drill(DrillMode mode)
    {
        Site site = m_connections->site();
        PlanStep sync;
        sync.kind = PlanStep::Kind::Sync;
        sync.job = job().name;
        PlanStep refresh;
        refresh.kind = PlanStep::Kind::Refresh;
        refresh.containers = {m_container};
        PlanStep lock;
        lock.kind = PlanStep::Kind::Lock;
        PlanGroup group;
        group.name = QStringLiteral("files");
        group.steps = {sync, refresh, lock};
        site.plan.groups = {group};
        DrillJournal journal(*m_db, m_siteKey);
        DrillRunner runner(*m_factory, SystemClock::instance());
        runner.setJournal(&journal);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        m_reviewed.clear();
        m_mainAtReview.clear();
        // The user reads the review, then confirms: main is not yet touched.
        connect(&runner, &DrillRunner::confirmationNeeded, &runner,
                [this, &runner](int, const QStringList& lines) {
                    m_reviewed = lines;
                    m_mainAtReview = read(src() + QStringLiteral("/drill.txt"));
                    runner.confirm();
                });
        runner.start(DrillPlanner::plan(site, mode));
        if (!finished.wait(150000))
            return {};
        return finished.first().first().value<DrillRecord>();
    }

    static QString describe(const DrillRecord& record)
    {
        QString text = record.message + QLatin1Char('\n');
        for (const DrillStepRecord& step : record.steps)
            text += drillActionName(step.step.action) + QLatin1Char(' ') +
                    QString::number(int(step.state)) + QLatin1Char(' ') + step.message +
                    QLatin1Char('\n') + step.output.join(QLatin1Char('\n')) + QLatin1Char('\n');
        return text;
    }

    /// Sets @p path's modification time @p secondsAgo seconds back.
    static void age(const QString& path, int secondsAgo)
    {
        const time_t when = ::time(nullptr) - secondsAgo;
        const struct utimbuf times = {when, when};
        QCOMPARE(::utime(qPrintable(path), &times), 0);
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        qRegisterMetaType<DrillRecord>();
        qputenv("RELAIS_DATA_DIR", m_tmp.path().toUtf8());
        const test::ProcessRun up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status =
            labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        m_status = QJsonDocument::fromJson(status.out).object();
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        const QString labKnownHosts = m_status.value(QStringLiteral("state_dir")).toString() +
                                      QStringLiteral("/ssh/known_hosts");
        QVERIFY(QFile::copy(labKnownHosts, m_tmp.filePath(QStringLiteral("known_hosts"))));
        // A vault of the test's own with the lab's SSH key under the lab
        // site's id (the lab's vault is written only when relaisctl was
        // built before "labctl up").
        Result<Vault> vault = Vault::create(m_tmp.filePath(QStringLiteral("vault")),
                                            SecretBytes(QByteArrayView("drill replication test")),
                                            KdfParams{10, 8, 1}, SystemClock::instance());
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().toString()));
        VaultEntry key;
        key.id = QStringLiteral("lab-ssh");
        key.kind = VaultEntry::Kind::SshPrivateKey;
        key.label = QStringLiteral("lab SSH key");
        const QByteArray labKey = read(m_status.value(QStringLiteral("secrets_dir")).toString() +
                                       QStringLiteral("/lab-ssh"));
        QVERIFY(labKey.contains("PRIVATE KEY"));
        key.secret = SecretBytes(QByteArrayView(labKey));
        QVERIFY(vault->add(std::move(key)).ok());
        m_vault = std::move(vault).value();

        // The site: the lab's, plus the test's own sync job.
        m_work = QStringLiteral("/var/tmp/relais-drillrepl-test-%1").arg(::getpid());
        QDir(m_work).removeRecursively();
        QVERIFY(QDir().mkpath(src()));
        QVERIFY(QDir().mkpath(dst()));
        QVERIFY(QDir().mkpath(keys()));
        Result<Site> loaded = SiteDocument::load(m_status.value(QStringLiteral("site")).toString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
        Site site = *loaded;
        site.syncJobs = {job(), pullJob()};
        const QString sitePath = m_tmp.filePath(QStringLiteral("site.json"));
        QVERIFY(SiteDocument::save(site, sitePath).ok());
        Result<Site> reloaded = SiteDocument::load(sitePath);
        QVERIFY2(reloaded.ok(), reloaded.ok() ? "" : qPrintable(reloaded.error().toString()));

        // The job's two keys on main (the initiating host of a push): the
        // forward one write-only into the destination on backup, the
        // reverse one read-only from it.
        m_authorizedKeys = m_status.value(QStringLiteral("state_dir")).toString() +
                           QStringLiteral("/backup/ssh/authorized_keys");
        m_authorizedKeysBefore = read(m_authorizedKeys);
        QVERIFY(!m_authorizedKeysBefore.isEmpty());
        QByteArray authorized = m_authorizedKeysBefore;
        for (const RsyncCommand::Flow flow :
             {RsyncCommand::Flow::Forward, RsyncCommand::Flow::Reverse}) {
            const QString key = keys() + QLatin1Char('/') + RsyncCommand::keyName(job(), flow);
            const auto keygen =
                runProcess(QStringLiteral("ssh-keygen"),
                           {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                            QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                            QStringLiteral("relais-sync:") + RsyncCommand::keyName(job(), flow),
                            QStringLiteral("-f"), key});
            QCOMPARE(keygen.exitCode, 0);
            QVERIFY(QFile::copy(labKnownHosts, key + QStringLiteral(".known_hosts")));
            authorized += RsyncCommand::authorizedKeysLine(
                              job(), QString::fromUtf8(read(key + QStringLiteral(".pub"))), flow)
                              .toUtf8() +
                          '\n';
        }
        write(m_authorizedKeys, authorized);
        // The pull job's reverse key on backup, write-only into its source
        // on main.
        m_mainAuthorizedKeys = m_status.value(QStringLiteral("state_dir")).toString() +
                               QStringLiteral("/main/ssh/authorized_keys");
        m_mainAuthorizedKeysBefore = read(m_mainAuthorizedKeys);
        QVERIFY(!m_mainAuthorizedKeysBefore.isEmpty());
        // And its forward key on backup, read-only from its source on main.
        QByteArray mainAuthorized = m_mainAuthorizedKeysBefore;
        for (const RsyncCommand::Flow flow :
             {RsyncCommand::Flow::Forward, RsyncCommand::Flow::Reverse}) {
            const QString key = keys() + QLatin1Char('/') + RsyncCommand::keyName(pullJob(), flow);
            const auto keygen =
                runProcess(QStringLiteral("ssh-keygen"),
                           {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                            QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                            QStringLiteral("relais-sync:") + RsyncCommand::keyName(pullJob(), flow),
                            QStringLiteral("-f"), key});
            QCOMPARE(keygen.exitCode, 0);
            QVERIFY(QFile::copy(labKnownHosts, key + QStringLiteral(".known_hosts")));
            mainAuthorized +=
                RsyncCommand::authorizedKeysLine(
                    pullJob(), QString::fromUtf8(read(key + QStringLiteral(".pub"))), flow)
                    .toUtf8() +
                '\n';
        }
        write(m_mainAuthorizedKeys, mainAuthorized);

        Result<std::unique_ptr<Database>> db =
            Database::open(m_tmp.filePath(QStringLiteral("relais.db")));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_connections = std::make_unique<SiteConnections>(*reloaded, *m_vault, &m_verifier);
        m_factory = std::make_unique<SiteStepJobFactory>(*m_connections, SystemClock::instance(),
                                                         m_db.get(), m_siteKey);
        m_factory->setSyncKeyDirectory(keys());

        // A small container on main whose copy the refresh steps make.
        m_container = QStringLiteral("relais-drt-%1").arg(::getpid());
        const Result<QJsonValue> created =
            run(lxd("main")->createInstance(m_container, QStringLiteral("relais-busybox")));
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        m_factory.reset();
        m_connections.reset();
        if (!m_container.isEmpty()) {
            for (const char* role : {"main", "backup"}) {
                auto client = lxd(role);
                for (const QJsonObject& instance : instancesLike(role, m_container)) {
                    const QString name = instance.value(QStringLiteral("name")).toString();
                    (void)run(client->stopInstance(name, 0, true));
                    (void)run(client->deleteInstance(name));
                }
            }
        }
        if (!m_authorizedKeys.isEmpty())
            write(m_authorizedKeys, m_authorizedKeysBefore);
        if (!m_mainAuthorizedKeys.isEmpty())
            write(m_mainAuthorizedKeys, m_mainAuthorizedKeysBefore);
        if (!m_work.isEmpty())
            QDir(m_work).removeRecursively();
        labctl({QStringLiteral("down")});
    }

    void finalSyncReplicatesMainToBackup()
    {
        write(src() + QStringLiteral("/index.html"), "main v1\n");
        write(src() + QStringLiteral("/data/keep.txt"), "unchanged\n");
        write(dst() + QStringLiteral("/stale.txt"), "gone from main\n");
        // Older than the second of the lock (the failover) that follows.
        for (const char* name : {"/index.html", "/data/keep.txt"})
            age(src() + QLatin1String(name), 5);
        const Outcome outcome = runStep(DrillAction::FinalSync);
        QVERIFY2(outcome.finished && outcome.result.ok(), qPrintable(describe(outcome)));
        QCOMPARE(read(dst() + QStringLiteral("/index.html")), QByteArray("main v1\n"));
        QCOMPARE(read(dst() + QStringLiteral("/data/keep.txt")), QByteArray("unchanged\n"));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/stale.txt")));
        QVERIFY(QFile::exists(dst() + QStringLiteral("/.relais-canary")));
        QVERIFY2(outcome.output.join(QLatin1Char('\n')).contains(job().name),
                 qPrintable(describe(outcome)));
        const auto runs = SyncHistory(*m_db, m_siteKey).recent(job().name, 5);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 1);
    }

    // A pull: backup runs rsync and receives; the run's record counts what
    // travelled (what backup received), not the little it sent.
    void pullRecordsTheBytesReceived()
    {
        const QString mainTree = m_work + QStringLiteral("/src-pull");
        write(mainTree + QStringLiteral("/big.bin"), QByteArray(300000, 'p'));
        const Outcome outcome = runStep(DrillAction::FinalSync, 120000, pullJob().name);
        QVERIFY2(outcome.finished && outcome.result.ok(), qPrintable(describe(outcome)));
        QCOMPARE(read(m_work + QStringLiteral("/dst-pull/big.bin")).size(), 300000);
        const auto runs = SyncHistory(*m_db, m_siteKey).recent(pullJob().name, 5);
        QVERIFY(runs.ok() && !runs->isEmpty());
        QVERIFY2(runs->first().bytes >= 300000, qPrintable(QString::number(runs->first().bytes)));
        QVERIFY(QFile::remove(mainTree + QStringLiteral("/big.bin")));
    }

    void reverseSyncNeedsAFailover()
    {
        const Outcome outcome = runStep(DrillAction::ReverseSyncReview);
        QVERIFY(outcome.finished);
        QVERIFY(!outcome.result.ok());
        QVERIFY2(outcome.result.error().message().contains(QStringLiteral("not locked")),
                 qPrintable(describe(outcome)));
    }

    void lockedFinalSyncIsRefused()
    {
        // The failover: backup serves from now on.
        QVERIFY(ReplicationLock(*m_db, m_siteKey).lock(QStringLiteral("failover test")).ok());
        write(src() + QStringLiteral("/late.txt"), "written on main after the failover\n");
        const Outcome outcome = runStep(DrillAction::FinalSync);
        QVERIFY(outcome.finished);
        QVERIFY2(!outcome.result.ok() && outcome.result.error().is(SyncError::DirectionLocked),
                 qPrintable(describe(outcome)));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/late.txt")));
        QVERIFY(QFile::remove(src() + QStringLiteral("/late.txt")));
    }

    void reviewListsTheChangesMadeOnBackup()
    {
        write(dst() + QStringLiteral("/index.html"), "backup v2, written while it served\n");
        write(dst() + QStringLiteral("/orders/new.txt"), "order 42\n");
        const Outcome outcome = runStep(DrillAction::ReverseSyncReview);
        QVERIFY2(outcome.finished && outcome.result.ok(), qPrintable(describe(outcome)));
        const QString text = outcome.output.join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral(" index.html")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" orders/new.txt")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("keep.txt")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral(".relais-canary")), qPrintable(text));
        // A review changes nothing on main.
        QCOMPARE(read(src() + QStringLiteral("/index.html")), QByteArray("main v1\n"));
        QVERIFY(!QFile::exists(src() + QStringLiteral("/orders/new.txt")));
    }

    void aFileChangedOnBothSidesIsRefused()
    {
        write(src() + QStringLiteral("/index.html"), "main v1b, changed after the failover\n");
        for (const DrillAction action :
             {DrillAction::ReverseSyncReview, DrillAction::ReverseSync}) {
            const Outcome outcome = runStep(action);
            QVERIFY(outcome.finished);
            QVERIFY2(!outcome.result.ok(), qPrintable(describe(outcome)));
            QVERIFY2(outcome.result.error().is(PlanError::StepFailed),
                     qPrintable(describe(outcome)));
            QVERIFY2(outcome.result.error().message().contains(QStringLiteral("index.html")),
                     qPrintable(describe(outcome)));
            QVERIFY2(!outcome.result.error().message().contains(QStringLiteral("new.txt")),
                     qPrintable(describe(outcome)));
        }
        QCOMPARE(read(src() + QStringLiteral("/index.html")),
                 QByteArray("main v1b, changed after the failover\n"));
        QVERIFY(!QFile::exists(src() + QStringLiteral("/orders/new.txt")));
    }

    void reverseSyncBringsTheChangesBack()
    {
        // Reconciled by hand: main's change is older than the failover again.
        age(src() + QStringLiteral("/index.html"), 60);
        const Outcome outcome = runStep(DrillAction::ReverseSync);
        QVERIFY2(outcome.finished && outcome.result.ok(), qPrintable(describe(outcome)));
        QCOMPARE(read(src() + QStringLiteral("/index.html")),
                 QByteArray("backup v2, written while it served\n"));
        QCOMPARE(read(src() + QStringLiteral("/orders/new.txt")), QByteArray("order 42\n"));
        QCOMPARE(read(src() + QStringLiteral("/data/keep.txt")), QByteArray("unchanged\n"));
        // Nothing more to send back.
        const Outcome again = runStep(DrillAction::ReverseSyncReview);
        QVERIFY2(again.finished && again.result.ok(), qPrintable(describe(again)));
        QVERIFY2(again.output.join(QLatin1Char('\n')).contains(QStringLiteral("0 change")),
                 qPrintable(describe(again)));
    }

    // A pull job flows back the other way: backup sends to main, where its
    // reverse key may only write into the job's source.
    void pullJobSyncsBackFromBackup()
    {
        const QString mainTree = m_work + QStringLiteral("/src-pull");
        const QString backupTree = m_work + QStringLiteral("/dst-pull");
        // As the last pull left them (same content and time on both sides).
        for (const QString& tree : {mainTree, backupTree}) {
            write(tree + QStringLiteral("/same.txt"), "replicated\n");
            age(tree + QStringLiteral("/same.txt"), 30);
        }
        write(backupTree + QStringLiteral("/orders/7.txt"), "order 7, taken on backup\n");
        const Outcome outcome = runStep(DrillAction::ReverseSync, 120000, pullJob().name);
        QVERIFY2(outcome.finished && outcome.result.ok(), qPrintable(describe(outcome)));
        QCOMPARE(read(mainTree + QStringLiteral("/orders/7.txt")),
                 QByteArray("order 7, taken on backup\n"));
        QCOMPARE(read(mainTree + QStringLiteral("/same.txt")), QByteArray("replicated\n"));
    }

    void refreshCopiesThenMain()
    {
        QElapsedTimer timer;
        timer.start();
        const Outcome copies = runStep(DrillAction::RefreshCopies, 150000);
        QVERIFY2(copies.finished && copies.result.ok(), qPrintable(describe(copies)));
        const qint64 toBackupMs = timer.restart();
        const auto copy = instanceOn("backup", m_container);
        QVERIFY(copy.has_value());
        QVERIFY(!copy->isRunning());
        QVERIFY2(copies.output.join(QLatin1Char('\n')).contains(m_container),
                 qPrintable(describe(copies)));

        // Failback: main's (stopped) container refreshed from backup's copy.
        // It started at boot; the copy on backup does not.
        auto mainLxd = lxd("main");
        const Result<QJsonValue> atBoot = run(mainLxd->request(
            "PATCH", QStringLiteral("/1.0/instances/") + m_container,
            QJsonObject{{QStringLiteral("config"), QJsonObject{{QStringLiteral("boot.autostart"),
                                                                QStringLiteral("true")}}}}));
        QVERIFY2(atBoot.ok(), atBoot.ok() ? "" : qPrintable(atBoot.error().toString()));
        const QString keptPrefix = m_container + QStringLiteral("-before-failback-");
        const qsizetype keptBefore = instancesLike("main", keptPrefix).size();
        timer.restart();
        const Outcome back = runStep(DrillAction::RefreshMain, 150000);
        QVERIFY2(back.finished && back.result.ok(), qPrintable(describe(back)));
        const qint64 toMainMs = timer.elapsed();
        const QString said = back.output.join(QLatin1Char('\n'));
        QVERIFY2(said.contains(QStringLiteral("refreshed")), qPrintable(describe(back)));
        QVERIFY(instanceOn("main", m_container).has_value());
        // Main's replaced instance is kept, stopped, never started at boot;
        // the new one starts at boot as the replaced one did.
        const QList<QJsonObject> kept = instancesLike("main", keptPrefix);
        QCOMPARE(kept.size(), keptBefore + 1);
        const QJsonObject newest = *std::max_element(
            kept.begin(), kept.end(), [](const QJsonObject& a, const QJsonObject& b) {
                return a.value(QStringLiteral("name")).toString() <
                       b.value(QStringLiteral("name")).toString();
            });
        QCOMPARE(newest.value(QStringLiteral("status_code")).toInt(), 102); // stopped
        QCOMPARE(autostart(newest), QStringLiteral("false"));
        QVERIFY2(said.contains(newest.value(QStringLiteral("name")).toString()), qPrintable(said));
        const QList<QJsonObject> replaced = instancesLike("main", m_container);
        const auto current = std::find_if(replaced.begin(), replaced.end(), [&](const auto& i) {
            return i.value(QStringLiteral("name")).toString() == m_container;
        });
        QVERIFY(current != replaced.end());
        QCOMPARE(autostart(*current), QStringLiteral("true"));
        QCOMPARE(autostart(*instancesLike("backup", m_container).begin()), QStringLiteral("false"));
        qInfo("refresh main -> backup (first copy): %lld ms; backup -> main (refresh): %lld ms",
              toBackupMs, toMainMs);
    }

    // The same steps as whole drills, through the runner and its journal:
    // a planned failover (final sync, refresh, lock), a change on backup
    // while it serves, then the failback (review, reverse sync, refresh of
    // main, unlock) with the change list in the review step's output.
    void failoverThenFailback()
    {
        QVERIFY(ReplicationLock(*m_db, m_siteKey).unlock().ok());
        write(src() + QStringLiteral("/drill.txt"), "from main\n");
        age(src() + QStringLiteral("/drill.txt"), 5);
        QElapsedTimer timer;
        timer.start();
        const DrillRecord failover = drill(DrillMode::PlannedFailover);
        const qint64 failoverMs = timer.restart();
        QVERIFY2(failover.state == DrillRecord::State::Succeeded, qPrintable(describe(failover)));
        QCOMPARE(failover.steps.size(), 3);
        QCOMPARE(failover.steps.at(0).step.action, DrillAction::FinalSync);
        QCOMPARE(read(dst() + QStringLiteral("/drill.txt")), QByteArray("from main\n"));
        const auto locked = ReplicationLock(*m_db, m_siteKey).state();
        QVERIFY(locked.ok() && locked->has_value());

        write(dst() + QStringLiteral("/drill.txt"), "changed on backup\n");
        timer.restart();
        const DrillRecord failback = drill(DrillMode::Failback);
        const qint64 failbackMs = timer.elapsed();
        QVERIFY2(failback.state == DrillRecord::State::Succeeded, qPrintable(describe(failback)));
        QCOMPARE(failback.steps.size(), 4);
        QCOMPARE(failback.steps.at(0).step.action, DrillAction::ReverseSyncReview);
        QCOMPARE(failback.steps.at(2).step.action, DrillAction::RefreshMain);
        QVERIFY2(failback.steps.at(0)
                     .output.join(QLatin1Char('\n'))
                     .contains(QStringLiteral(" drill.txt")),
                 qPrintable(describe(failback)));
        QVERIFY2(m_reviewed.join(QLatin1Char('\n')).contains(QStringLiteral(" drill.txt")),
                 qPrintable(m_reviewed.join(QLatin1Char('\n'))));
        QCOMPARE(m_mainAtReview, QByteArray("from main\n"));
        QCOMPARE(read(src() + QStringLiteral("/drill.txt")), QByteArray("changed on backup\n"));
        const auto unlocked = ReplicationLock(*m_db, m_siteKey).state();
        QVERIFY(unlocked.ok() && !unlocked->has_value());
        qInfo("planned failover drill (sync, refresh, lock): %lld ms; failback drill (review, "
              "reverse sync, refresh main, unlock): %lld ms",
              failoverMs, failbackMs);
    }
};

QTEST_GUILESS_MAIN(TestDrillReplication)
#include "tst_drillreplication.moc"
