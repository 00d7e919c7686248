#include "../support/ProcessRun.h"
#include "common/Database.h"
#include "common/SystemClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillRunner.h"
#include "plan/LxdInstancesStepJob.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "vault/Vault.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <functional>
#include <unistd.h>

using namespace relais;

namespace {

// SSH connections made while a drill runs, counted from the session's own
// log line (written on each session's worker thread).
std::atomic<int> g_sshConnections{0};
QtMessageHandler g_previousHandler = nullptr;

void countSshConnections(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category && qstrcmp(context.category, "relais.core.ssh") == 0 &&
        message.startsWith(QLatin1String("connected to")))
        ++g_sshConnections;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

// A rehearsal against the lab's real LXD daemons and sshd: a stopped copy
// of a container on backup (what replication leaves there) is cloned,
// started, probed from backup with the service's probe, and removed; the
// copy itself is never touched. Brings the lab up and down.
class TestDrill : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    QString m_copy;       ///< the "replicated" container on backup
    QString m_publicCopy; ///< another, published like the lab's web
    QString m_dataCopy;   ///< another, with a sync job's destination mounted
    std::optional<Vault> m_vault;
    RejectAllVerifier m_verifier;

    QJsonObject host(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }

    std::unique_ptr<LxdClient> backupLxd() const
    {
        return std::make_unique<LxdClient>(
            new LxdLocalTransport(host("backup").value(QStringLiteral("lxd_socket")).toString()));
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

    std::optional<LxdInstance> backupInstance(const QString& name) const
    {
        auto client = backupLxd();
        const Result<QJsonValue> listed = run(client->listInstances());
        if (!listed)
            return std::nullopt;
        const Result<QList<LxdInstance>> instances = LxdInstance::listFromJson(*listed);
        if (!instances)
            return std::nullopt;
        const QList<LxdInstance> list = *instances;
        for (const LxdInstance& instance : list) {
            if (instance.name == name)
                return instance;
        }
        return std::nullopt;
    }

    Site siteWithPlan(const QString& keyword, int probeTimeout, QString copy = {}) const
    {
        if (copy.isEmpty())
            copy = m_copy;
        Result<Site> loaded = SiteDocument::load(m_status.value(QStringLiteral("site")).toString());
        if (!loaded)
            return {};
        Site site = *loaded;
        Service& www = site.services.first();
        www.containers = {copy};
        for (ProbeSpec& probe : www.probes) {
            if (probe.kind == ProbeSpec::Kind::Http)
                probe.keyword = keyword;
        }
        PlanGroup group;
        group.name = QStringLiteral("web");
        PlanStep start;
        start.kind = PlanStep::Kind::Start;
        start.containers = {copy};
        start.service = www.name;
        start.timeoutSeconds = probeTimeout;
        PlanStep notify;
        notify.kind = PlanStep::Kind::Notify;
        notify.message = QStringLiteral("rehearsal over");
        group.steps = {start, notify};
        site.plan.groups = {group};
        return site;
    }

    DrillRecord rehearse(const Site& site, QStringList* notified = nullptr,
                         const std::function<void(DrillRunner&)>& watch = {})
    {
        auto db = Database::open(m_tmp.filePath(QStringLiteral("relais.db")));
        if (!db)
            return {};
        DrillJournal journal(**db, QStringLiteral("lab"));
        SiteConnections connections(site, *m_vault, &m_verifier);
        SiteStepJobFactory factory(connections, SystemClock::instance(), db->get(),
                                   QStringLiteral("lab"), [notified](const QString& message) {
                                       if (notified)
                                           notified->append(message);
                                   });
        DrillRunner runner(factory, SystemClock::instance());
        runner.setJournal(&journal);
        QSignalSpy finished(&runner, &DrillRunner::finished);
        if (watch)
            watch(runner);
        runner.start(DrillPlanner::plan(site, DrillMode::Rehearsal));
        if (!finished.wait(300000))
            return {};
        return finished.first().first().value<DrillRecord>();
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        qRegisterMetaType<DrillRecord>();
        QVERIFY(m_tmp.isValid());
        qputenv("RELAIS_DATA_DIR", m_tmp.path().toUtf8());
        const test::ProcessRun up = test::labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status =
            test::labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        m_status = QJsonDocument::fromJson(status.out).object();
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        QVERIFY(QFile::copy(m_status.value(QStringLiteral("state_dir")).toString() +
                                QStringLiteral("/ssh/known_hosts"),
                            m_tmp.filePath(QStringLiteral("known_hosts"))));
        QFile passphrase(m_status.value(QStringLiteral("vault_passphrase_file")).toString());
        QVERIFY(passphrase.open(QIODevice::ReadOnly));
        const QByteArray line = passphrase.readLine().trimmed();
        Result<Vault> vault = Vault::open(m_status.value(QStringLiteral("vault")).toString(),
                                          SecretBytes(QByteArrayView(line)));
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().toString()));
        m_vault = std::move(vault).value();

        // The copy replication would have left on backup: stopped.
        m_copy = QStringLiteral("relais-test-%1").arg(::getpid());
        auto client = backupLxd();
        const Result<QJsonValue> created =
            run(client->createInstance(m_copy, QStringLiteral("relais-busybox")));
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));

        // A copy published as production publishes web: the lab's
        // relais-web profile (a proxy on backup's address, port 80) and a
        // proxy of its own.
        m_publicCopy = QStringLiteral("relais-test-pub-%1").arg(::getpid());
        const QString backupAddress = host("backup").value(QStringLiteral("address")).toString();
        QVERIFY(!backupAddress.isEmpty());
        const QJsonObject body{
            {QStringLiteral("name"), m_publicCopy},
            {QStringLiteral("type"), QStringLiteral("container")},
            {QStringLiteral("source"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                         {QStringLiteral("alias"), QStringLiteral("relais-busybox")}}},
            {QStringLiteral("profiles"),
             QJsonArray{QStringLiteral("default"), QStringLiteral("relais-web")}},
            {QStringLiteral("devices"),
             QJsonObject{
                 {QStringLiteral("admin"),
                  QJsonObject{
                      {QStringLiteral("type"), QStringLiteral("proxy")},
                      {QStringLiteral("listen"), QStringLiteral("tcp:%1:8022").arg(backupAddress)},
                      {QStringLiteral("connect"), QStringLiteral("tcp:127.0.0.1:22")}}}}},
        };
        const Result<QJsonValue> published =
            run(client->request("POST", QStringLiteral("/1.0/instances"), body));
        QVERIFY2(published.ok(), published.ok() ? "" : qPrintable(published.error().toString()));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        auto client = backupLxd();
        for (const QString& name : {LxdInstancesStepJob::cloneName(m_copy), m_copy,
                                    LxdInstancesStepJob::cloneName(m_publicCopy), m_publicCopy,
                                    LxdInstancesStepJob::cloneName(m_dataCopy), m_dataCopy}) {
            if (name.isEmpty() || name == LxdInstancesStepJob::cloneName(QString()))
                continue;
            (void)run(client->stopInstance(name, 0, true));
            (void)run(client->deleteInstance(name));
        }
        test::labctl({QStringLiteral("down")});
    }

    void rehearsalClonesProbesAndRemovesTheClone()
    {
        QStringList notified;
        g_sshConnections = 0;
        g_previousHandler = qInstallMessageHandler(countSshConnections);
        const DrillRecord record =
            rehearse(siteWithPlan(QStringLiteral("Relais lab web"), 120), &notified);
        qInstallMessageHandler(g_previousHandler);
        QString steps;
        for (const DrillStepRecord& step : record.steps)
            steps += drillActionName(step.step.action) + QLatin1Char('=') +
                     QString::number(int(step.state)) + QLatin1Char(' ') + step.message +
                     QLatin1Char('\n');
        QVERIFY2(record.state == DrillRecord::State::Succeeded,
                 qPrintable(record.message + QLatin1Char('\n') + steps));
        QCOMPARE(record.steps.size(), 6); // clone, start, probe, canary, notify, remove
        QCOMPARE(record.steps.last().step.action, DrillAction::RemoveClones);
        QVERIFY(record.rtoMs.has_value());
        QVERIFY(*record.rtoMs > 0);
        QVERIFY(!record.rpoSeconds.has_value()); // the lab site has no sync job
        QCOMPARE(notified, QStringList{QStringLiteral("rehearsal over")});
        QVERIFY(!backupInstance(LxdInstancesStepJob::cloneName(m_copy)).has_value());
        const auto copy = backupInstance(m_copy);
        QVERIFY(copy.has_value());
        QVERIFY(!copy->isRunning()); // production's copy untouched
        // Every step (LXD through the tunnel, the probes over SSH) used one
        // session to backup; main was never connected to.
        QCOMPARE(g_sshConnections.load(), 1);
        qInfo("rehearsal RTO (clone started and answering): %lld ms", *record.rtoMs);
    }

    // The clone of a published container gets none of its proxies (nothing
    // listens on backup's address for it) and only a NIC on backup's
    // isolated bridge, yet answers its probe there.
    void theCloneOfAPublishedContainerIsNotPublished()
    {
        const QString clone = LxdInstancesStepJob::cloneName(m_publicCopy);
        std::optional<QJsonObject> devices;
        QStringList cloneOutput;
        const DrillRecord record = rehearse(
            siteWithPlan(QStringLiteral("Relais lab web"), 120, m_publicCopy), nullptr,
            [&](DrillRunner& runner) {
                connect(&runner, &DrillRunner::stepOutput, &runner,
                        [&, r = &runner](int index, const QString& line) {
                            if (r->record().steps.at(index).step.action ==
                                DrillAction::CloneForDrill)
                                cloneOutput.append(line);
                        });
                connect(&runner, &DrillRunner::stepStarted, &runner, [&, r = &runner](int index) {
                    if (r->record().steps.at(index).step.action != DrillAction::ProbeClones)
                        return;
                    auto client = backupLxd();
                    const Result<QJsonValue> got =
                        run(client->request("GET", QStringLiteral("/1.0/instances/") + clone));
                    if (got)
                        devices =
                            got->toObject().value(QStringLiteral("expanded_devices")).toObject();
                });
            });
        QVERIFY2(record.state == DrillRecord::State::Succeeded, qPrintable(record.message));
        QVERIFY(devices.has_value());
        int nics = 0;
        for (auto it = devices->constBegin(); it != devices->constEnd(); ++it) {
            const QJsonObject device = it.value().toObject();
            const QString type = device.value(QStringLiteral("type")).toString();
            QVERIFY2(type != QLatin1String("proxy"), qPrintable(it.key()));
            if (type == QLatin1String("nic")) {
                ++nics;
                QCOMPARE(device.value(QStringLiteral("network")).toString(),
                         QStringLiteral("lxdbr0"));
            }
        }
        QCOMPARE(nics, 1);
        const QString said = cloneOutput.join(QLatin1Char('\n'));
        QVERIFY2(said.contains(QStringLiteral("\"http\"")) &&
                     said.contains(QStringLiteral("\"admin\"")),
                 qPrintable(said));
        QVERIFY(!backupInstance(clone).has_value());
        const auto copy = backupInstance(m_publicCopy);
        QVERIFY(copy.has_value());
        QVERIFY(!copy->isRunning());
    }

    // A sync job's destination mounted into the copy: the rehearsal reads
    // its canary inside the clone, and the drill's RPO is its age.
    void theCanaryIsReadInsideTheClone()
    {
        const QString data = QStringLiteral("/var/tmp/relais-drill-canary-%1").arg(::getpid());
        QVERIFY(QDir().mkpath(data));
        auto removeData = qScopeGuard([&] { QDir(data).removeRecursively(); });
        const qint64 writtenAt = QDateTime::currentMSecsSinceEpoch() - 7000;
        QFile canary(data + QStringLiteral("/.relais-canary"));
        QVERIFY(canary.open(QIODevice::WriteOnly));
        canary.write(QByteArray::number(writtenAt) + '\n');
        canary.close();

        const QString copy = QStringLiteral("relais-test-data-%1").arg(::getpid());
        m_dataCopy = copy;
        auto client = backupLxd();
        const QJsonObject body{
            {QStringLiteral("name"), copy},
            {QStringLiteral("type"), QStringLiteral("container")},
            {QStringLiteral("source"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                         {QStringLiteral("alias"), QStringLiteral("relais-busybox")}}},
            {QStringLiteral("devices"),
             QJsonObject{{QStringLiteral("data"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("disk")},
                                      {QStringLiteral("source"), data},
                                      {QStringLiteral("path"), QStringLiteral("/srv/data")}}}}},
        };
        const Result<QJsonValue> created =
            run(client->request("POST", QStringLiteral("/1.0/instances"), body));
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));

        Site site = siteWithPlan(QStringLiteral("Relais lab web"), 120, copy);
        SyncJob files;
        files.name = QStringLiteral("files");
        files.sources = {QStringLiteral("/srv/files/")};
        files.destination = data;
        site.syncJobs = {files};
        QStringList canaryOutput;
        const DrillRecord record = rehearse(site, nullptr, [&](DrillRunner& runner) {
            connect(&runner, &DrillRunner::stepOutput, &runner,
                    [&, r = &runner](int index, const QString& line) {
                        if (r->record().steps.at(index).step.action == DrillAction::ReadCanary)
                            canaryOutput.append(line);
                    });
        });
        const QString said = canaryOutput.join(QLatin1Char('\n'));
        QVERIFY2(record.state == DrillRecord::State::Succeeded,
                 qPrintable(record.message + QLatin1Char('\n') + said));
        QVERIFY2(said.contains(QStringLiteral("inside ") + LxdInstancesStepJob::cloneName(copy)),
                 qPrintable(said));
        QVERIFY(record.rpoSeconds.has_value());
        const qint64 age = (QDateTime::currentMSecsSinceEpoch() - writtenAt) / 1000;
        QVERIFY2(*record.rpoSeconds >= 7 && *record.rpoSeconds <= age,
                 qPrintable(QString::number(*record.rpoSeconds)));
        QVERIFY(!backupInstance(LxdInstancesStepJob::cloneName(copy)).has_value());
    }

    void aFailingProbeStillRemovesTheClone()
    {
        const DrillRecord record =
            rehearse(siteWithPlan(QStringLiteral("no such text in the page"), 8));
        QCOMPARE(record.state, DrillRecord::State::Failed);
        const DrillStepRecord& probe = record.steps.at(2);
        QCOMPARE(probe.step.action, DrillAction::ProbeClones);
        QCOMPARE(probe.state, DrillStepRecord::State::Failed);
        QVERIFY2(probe.message.contains(QStringLiteral("timeout")), qPrintable(probe.message));
        QCOMPARE(record.steps.last().state, DrillStepRecord::State::Succeeded);
        QVERIFY(!backupInstance(LxdInstancesStepJob::cloneName(m_copy)).has_value());
    }

    void aCloneDeletedDuringTheProbeEndsTheStep()
    {
        // The probe never passes (wrong keyword) and has a minute; the clone
        // is deleted once it answers the listing: the step says the clone is
        // gone instead of waiting for its timeout.
        const QString clone = LxdInstancesStepJob::cloneName(m_copy);
        bool deleted = false;
        const DrillRecord record = rehearse(
            siteWithPlan(QStringLiteral("no such text in the page"), 60), nullptr,
            [&](DrillRunner& runner) {
                connect(
                    &runner, &DrillRunner::stepOutput, &runner,
                    [&, r = &runner](int index, const QString& line) {
                        if (deleted ||
                            r->record().steps.at(index).step.action != DrillAction::ProbeClones ||
                            !line.contains(QLatin1String("do not answer")))
                            return;
                        deleted = true;
                        auto client = backupLxd();
                        (void)run(client->stopInstance(clone, 0, true));
                        const auto gone = run(client->deleteInstance(clone));
                        QVERIFY2(gone, qPrintable(gone.ok() ? QString() : gone.error().toString()));
                    });
            });
        QVERIFY(deleted);
        QCOMPARE(record.state, DrillRecord::State::Failed);
        const DrillStepRecord& probe = record.steps.at(2);
        QCOMPARE(probe.step.action, DrillAction::ProbeClones);
        QCOMPARE(probe.state, DrillStepRecord::State::Failed);
        QVERIFY2(probe.message.contains(QStringLiteral("gone from backup")),
                 qPrintable(probe.message));
        QVERIFY(!backupInstance(clone).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDrill)
#include "tst_drill.moc"
