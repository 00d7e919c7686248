#include "../support/ProcessRun.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "plan/LxdInstancesStepJob.h"
#include "site/SiteDocument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;

// `relaisctl drill run|resume|cleanup` as a process against the lab's real
// LXD daemons and sshd: a rehearsal of a stopped copy on backup (what
// replication leaves there) passes and leaves no clone; Ctrl-C cancels and
// still removes the clone; a failover while main serves is refused; a
// relaisctl killed mid-drill leaves the drill in the journal, which blocks
// a new one until `drill cleanup` removes what it created.
class TestRelaisctlDrillLab : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    QString m_copy;
    QString m_site;
    QByteArray m_passphrase;

    QJsonObject host(const char* role) const
    {
        return m_status.value(u"hosts"_s).toObject().value(QLatin1String(role)).toObject();
    }

    std::unique_ptr<LxdClient> backupLxd() const
    {
        return std::make_unique<LxdClient>(
            new LxdLocalTransport(host("backup").value(u"lxd_socket"_s).toString()));
    }

    static Result<QJsonValue> run(LxdOperation* op)
    {
        std::optional<Result<QJsonValue>> result;
        QObject::connect(op, &LxdOperation::finished, op, [&] { result = op->result(); });
        op->start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 120000))
            return Error(LxdError::Timeout, u"no answer"_s);
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
        for (const LxdInstance& instance : *instances)
            if (instance.name == name)
                return instance;
        return std::nullopt;
    }

    void start(QProcess& process, const QStringList& arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"RELAIS_DATA_DIR"_s, m_tmp.filePath(u"data"_s));
        env.insert(u"RELAIS_CONFIG_DIR"_s, m_tmp.filePath(u"config"_s));
        env.insert(u"RELAIS_VAULT_PASSPHRASE"_s, QString::fromUtf8(m_passphrase));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{u"--lang"_s, u"en"_s} + arguments);
        process.closeWriteChannel();
    }

    test::ProcessRun relaisctl(const QStringList& arguments, int timeoutMs = 300000) const
    {
        QProcess process;
        start(process, arguments);
        test::ProcessRun result;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    int drillsInHistory() const
    {
        const test::ProcessRun history =
            relaisctl({u"drill"_s, u"history"_s, u"--site"_s, m_site, u"--json"_s});
        return int(QJsonDocument::fromJson(history.out).array().size());
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        const test::ProcessRun up = test::labctl({u"up"_s});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status = test::labctl({u"status"_s, u"--json"_s}, 60000);
        m_status = QJsonDocument::fromJson(status.out).object();
        QCOMPARE(m_status.value(u"state"_s).toString(), u"up"_s);
        QVERIFY(QDir().mkpath(m_tmp.filePath(u"data"_s)));
        QVERIFY(QFile::copy(m_status.value(u"state_dir"_s).toString() + u"/ssh/known_hosts"_s,
                            m_tmp.filePath(u"data/known_hosts"_s)));
        QFile passphrase(m_status.value(u"vault_passphrase_file"_s).toString());
        QVERIFY(passphrase.open(QIODevice::ReadOnly));
        m_passphrase = passphrase.readLine().trimmed();

        // The copy replication would have left on backup: stopped.
        m_copy = u"relais-cli-%1"_s.arg(::getpid());
        auto client = backupLxd();
        const Result<QJsonValue> created = run(client->createInstance(m_copy, u"relais-busybox"_s));
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));

        // The lab's site with a plan: start the copy (probed), then notify.
        Result<Site> loaded = SiteDocument::load(m_status.value(u"site"_s).toString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
        Site site = *loaded;
        site.vault = m_status.value(u"vault"_s).toString();
        Service& www = site.services.first();
        www.containers = {m_copy};
        PlanGroup group;
        group.name = u"web"_s;
        PlanStep startStep;
        startStep.kind = PlanStep::Kind::Start;
        startStep.containers = {m_copy};
        startStep.service = www.name;
        startStep.timeoutSeconds = 120;
        PlanStep notify;
        notify.kind = PlanStep::Kind::Notify;
        notify.message = u"rehearsal over"_s;
        group.steps = {startStep, notify};
        site.plan.groups = {group};
        m_site = m_tmp.filePath(u"site.json"_s);
        const Result<void> saved = SiteDocument::save(site, m_site);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        auto client = backupLxd();
        for (const QString& name : {LxdInstancesStepJob::cloneName(m_copy), m_copy}) {
            (void)run(client->stopInstance(name, 0, true));
            (void)run(client->deleteInstance(name));
        }
        test::labctl({u"down"_s});
    }

    void rehearsalRunsAndLeavesNoClone()
    {
        const test::ProcessRun result =
            relaisctl({u"drill"_s, u"run"_s, u"--site"_s, m_site, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject drill = QJsonDocument::fromJson(result.out).object();
        QVERIFY2(drill.value(u"succeeded"_s).toBool(), result.out.constData());
        QCOMPARE(drill.value(u"mode"_s).toString(), u"rehearsal"_s);
        const QJsonArray steps = drill.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 6); // clone, start, probe, canary, notify, remove
        QCOMPARE(steps.last().toObject().value(u"action"_s).toString(), u"remove-clones"_s);
        QVERIFY(drill.value(u"rto_ms"_s).toDouble() > 0);
        QVERIFY(!backupInstance(LxdInstancesStepJob::cloneName(m_copy)).has_value());
        const auto copy = backupInstance(m_copy);
        QVERIFY(copy.has_value());
        QVERIFY(!copy->isRunning());
        QCOMPARE(drillsInHistory(), 1);
        qInfo("relaisctl rehearsal RTO: %.0f ms", drill.value(u"rto_ms"_s).toDouble());
    }

    void textOutputShowsEachStep()
    {
        const test::ProcessRun result = relaisctl({u"drill"_s, u"run"_s, u"--site"_s, m_site});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QString out = QString::fromUtf8(result.out);
        QVERIFY2(out.contains(u"Rehearsal of "_s), qPrintable(out));
        QVERIFY2(out.contains(u"6/6"_s), qPrintable(out));
        QVERIFY2(out.contains(u"Notice: rehearsal over"_s), qPrintable(out));
        QVERIFY2(out.contains(u"RTO "_s) && out.contains(u"(target 30 min, met)"_s),
                 qPrintable(out));
    }

    void failoverWhileMainServesIsRefused()
    {
        const int before = drillsInHistory();
        const test::ProcessRun result = relaisctl(
            {u"drill"_s, u"run"_s, u"--site"_s, m_site, u"--mode"_s, u"failover"_s, u"--yes"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("split brain"), result.err.constData());
        QCOMPARE(drillsInHistory(), before);
        const test::ProcessRun wrongName =
            relaisctl({u"drill"_s, u"run"_s, u"--site"_s, m_site, u"--mode"_s, u"failover"_s,
                       u"--yes"_s, u"--force-split-brain"_s, u"not the site"_s});
        QCOMPARE(wrongName.exitCode, 2);
        QCOMPARE(drillsInHistory(), before);
    }

    void interruptCancelsAndCleansUp()
    {
        QProcess process;
        start(process, {u"drill"_s, u"run"_s, u"--site"_s, m_site});
        QString out;
        // Interrupted once the clones are being started.
        QVERIFY(QTest::qWaitFor(
            [&] {
                process.waitForReadyRead(100);
                out += QString::fromUtf8(process.readAllStandardOutput());
                return out.contains(u"2/6"_s) || process.state() == QProcess::NotRunning;
            },
            120000));
        QVERIFY2(process.state() == QProcess::Running, qPrintable(out));
        process.terminate(); // SIGTERM, handled as Ctrl-C
        QVERIFY(process.waitForFinished(180000));
        out += QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains(u"Cancelling"_s), qPrintable(err));
        QVERIFY2(out.contains(u"cancelled"_s), qPrintable(out));
        QVERIFY(!backupInstance(LxdInstancesStepJob::cloneName(m_copy)).has_value());
    }

    void killedDrillIsCleanedUpFromTheJournal()
    {
        QProcess process;
        start(process, {u"drill"_s, u"run"_s, u"--site"_s, m_site});
        QString out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                process.waitForReadyRead(100);
                out += QString::fromUtf8(process.readAllStandardOutput());
                return out.contains(u"2/6"_s) || process.state() == QProcess::NotRunning;
            },
            120000));
        QVERIFY2(process.state() == QProcess::Running, qPrintable(out));
        process.kill(); // SIGKILL: nothing runs after it
        QVERIFY(process.waitForFinished(30000));

        const test::ProcessRun blocked = relaisctl({u"drill"_s, u"run"_s, u"--site"_s, m_site});
        QCOMPARE(blocked.exitCode, 2);
        QVERIFY2(blocked.err.contains("left unfinished"), blocked.err.constData());

        const test::ProcessRun cleaned =
            relaisctl({u"drill"_s, u"cleanup"_s, u"--site"_s, m_site, u"--json"_s});
        QVERIFY2(cleaned.exitCode == 1, cleaned.err.constData()); // ends cancelled
        const QJsonObject drill = QJsonDocument::fromJson(cleaned.out).object();
        QCOMPARE(drill.value(u"state"_s).toString(), u"cancelled"_s);
        QVERIFY(!backupInstance(LxdInstancesStepJob::cloneName(m_copy)).has_value());
        const auto copy = backupInstance(m_copy);
        QVERIFY(copy.has_value());
        QVERIFY(!copy->isRunning());

        const test::ProcessRun again = relaisctl({u"drill"_s, u"cleanup"_s, u"--site"_s, m_site});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("nothing to do"), again.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlDrillLab)
#include "tst_relaisctl_drill_lab.moc"
