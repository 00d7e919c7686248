// `relaisctl sync dry-run|run|status|install` against the lab: a job whose
// replication key backup's authorized_keys confines to rrsync, run by the
// command line as the console runs it; the installed form's runner started
// over SSH the way its timer would (the lab's hosts run neither systemd nor
// cron), its run read back by status.

#include "../support/ProcessRun.h"
#include "common/Database.h"
#include "plan/LockStepJob.h"
#include "sync/RsyncCommand.h"
#include "sync/SyncHostInstall.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace relais;
using relais::test::labctl;
using relais::test::runProcess;

class TestRelaisctlSync : public QObject
{
    Q_OBJECT

    QJsonObject m_status;
    QTemporaryDir m_data;
    QString m_work;
    QString m_job;
    QString m_authorizedKeys;
    QByteArray m_authorizedKeysBefore;

    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static bool write(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    }
    QString src() const { return m_work + QStringLiteral("/src"); }
    QString dst() const { return m_work + QStringLiteral("/dst"); }
    QString keyDir() const { return m_work + QStringLiteral("/keys"); }
    QString sitePath() const { return m_work + QStringLiteral("/site.json"); }

    SyncJob job() const
    {
        SyncJob j;
        j.name = m_job;
        j.sources = {src() + QLatin1Char('/')};
        j.destination = dst();
        j.lowPriority = false;
        j.schedule.kind = SyncSchedule::Kind::Every;
        j.schedule.everyMinutes = 5;
        return j;
    }

    test::ProcessRun relaisctl(const QStringList& arguments) const
    {
        QStringList args{QStringLiteral("--lang"), QStringLiteral("en")};
        args << arguments.first() << arguments.at(1) << QStringLiteral("--site") << sitePath()
             << QStringLiteral("--passphrase-file")
             << m_status.value(QStringLiteral("vault_passphrase_file")).toString()
             << arguments.mid(2);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), m_data.path());
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("relais.*.info=false"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL), args);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return {-1, {}, "timed out"};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    test::ProcessRun sync(const char* action, const QStringList& more = {}) const
    {
        return relaisctl(QStringList{QStringLiteral("sync"), QLatin1String(action)} +
                         QStringList{QStringLiteral("--key-dir"), keyDir()} + more +
                         QStringList{m_job});
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        QVERIFY(m_data.isValid());
        const auto up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const auto status = labctl({QStringLiteral("status"), QStringLiteral("--json")});
        m_status = QJsonDocument::fromJson(status.out.mid(status.out.indexOf('{'))).object();
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        const QString state = m_status.value(QStringLiteral("state_dir")).toString();

        m_job = QStringLiteral("ctl-%1").arg(::getpid());
        m_work = QStringLiteral("/var/tmp/relais-ctlsync-test-%1").arg(::getpid());
        QDir(m_work).removeRecursively();
        QVERIFY(QDir().mkpath(src()) && QDir().mkpath(dst()) && QDir().mkpath(keyDir()));

        // The job's replication key where --key-dir says, confined on backup.
        const QString key = keyDir() + QLatin1Char('/') + m_job;
        const auto keygen =
            runProcess(QStringLiteral("ssh-keygen"),
                       {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                        QStringLiteral("-N"), QString(), QStringLiteral("-f"), key});
        QCOMPARE(keygen.exitCode, 0);
        QVERIFY(QFile::copy(state + QStringLiteral("/ssh/known_hosts"),
                            key + QStringLiteral(".known_hosts")));
        QVERIFY(QFile::copy(state + QStringLiteral("/ssh/known_hosts"),
                            m_data.filePath(QStringLiteral("known_hosts"))));
        m_authorizedKeys = state + QStringLiteral("/backup/ssh/authorized_keys");
        m_authorizedKeysBefore = read(m_authorizedKeys);
        QVERIFY(!m_authorizedKeysBefore.isEmpty());
        const QString line = RsyncCommand::authorizedKeysLine(
            job(), QString::fromUtf8(read(key + QStringLiteral(".pub"))));
        QVERIFY(write(m_authorizedKeys, m_authorizedKeysBefore + line.toUtf8() + '\n'));

        // The lab's site with the job.
        QJsonObject site =
            QJsonDocument::fromJson(read(m_status.value(QStringLiteral("site")).toString()))
                .object();
        site.insert(
            QStringLiteral("sync"),
            QJsonArray{QJsonObject{
                {QStringLiteral("name"), m_job},
                {QStringLiteral("source"), QJsonArray{QJsonValue(src() + QLatin1Char('/'))}},
                {QStringLiteral("destination"), dst()},
                {QStringLiteral("low_priority"), false},
                {QStringLiteral("schedule"),
                 QJsonObject{{QStringLiteral("every_minutes"), QJsonValue(5)}}}}});
        QVERIFY(write(sitePath(), QJsonDocument(site).toJson()));

        QVERIFY(write(src() + QStringLiteral("/a.txt"), "alpha\n"));
        QVERIFY(write(src() + QStringLiteral("/sub/b.bin"), QByteArray(200000, 'b')));
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        if (!m_job.isEmpty()) {
            // Whatever install left on the (shared) file system of the hosts.
            QFile::remove(SyncHostInstall::cronPath(job()));
            QFile::remove(SyncHostInstall::runnerPath(job()));
            QFile::remove(SyncHostInstall::stateFile(job()));
            QFile::remove(SyncHostInstall::stateFile(job()) + QStringLiteral(".lock"));
            // The directories install made, when nothing else is in them.
            QDir().rmdir(QFileInfo(SyncHostInstall::runnerPath(job())).absolutePath());
            QDir().rmdir(QFileInfo(SyncHostInstall::stateFile(job())).absolutePath());
        }
        if (!m_authorizedKeys.isEmpty())
            write(m_authorizedKeys, m_authorizedKeysBefore);
        if (!m_work.isEmpty())
            QDir(m_work).removeRecursively();
        labctl({QStringLiteral("down")});
    }

    void dryRunListsWithoutCopying()
    {
        const auto run = sync("dry-run");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains(" send a.txt"), run.out.constData());
        QVERIFY(run.out.contains(" send sub/b.bin"));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/a.txt")));
    }

    void runCopies()
    {
        const auto run = sync("run");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains(QByteArray(m_job.toUtf8() + ": The copy is complete.")),
                 run.out.constData());
        QCOMPARE(read(dst() + QStringLiteral("/a.txt")), QByteArray("alpha\n"));
        QCOMPARE(read(dst() + QStringLiteral("/sub/b.bin")).size(), 200000);
        // Not a terminal: no progress line.
        QVERIFY(!run.err.contains("ETA"));
    }

    void statusReportsRpo()
    {
        const auto run = sync("status", {QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(QStringLiteral("job")).toString(), m_job);
        QCOMPARE(json.value(QStringLiteral("locked")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("rpo_ok")).toBool(), true);
        QVERIFY(json.value(QStringLiteral("rpo_seconds")).toDouble() < 60);
        QCOMPARE(json.value(QStringLiteral("rpo_target_seconds")).toDouble(), 15 * 60.0);
        // The run and, before it, the dry run: both with what they changed.
        const QJsonArray runs = json.value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 2);
        const QJsonObject last = runs.at(0).toObject();
        QCOMPARE(last[QStringLiteral("outcome")].toString(), QStringLiteral("success"));
        QCOMPARE(last[QStringLiteral("dry_run")].toBool(), false);
        const QJsonObject stats = last[QStringLiteral("stats")].toObject();
        QVERIFY(stats[QStringLiteral("transferred_files")].toDouble() >= 2); // a.txt, sub/b.bin
        QVERIFY(stats[QStringLiteral("total_size")].toDouble() >= 200000);
        QVERIFY(stats[QStringLiteral("bytes_sent")].toDouble() >= 200000);
        QVERIFY(stats[QStringLiteral("literal_data")].isDouble());
        QVERIFY(stats[QStringLiteral("matched_data")].isDouble());
        const auto sends = [](const QJsonObject& run, const QString& path) {
            for (const QJsonValue& item : run[QStringLiteral("items")].toArray()) {
                if (item[QStringLiteral("path")].toString() == path &&
                    item[QStringLiteral("change")].toString() == QStringLiteral("send"))
                    return true;
            }
            return false;
        };
        QVERIFY(sends(last, QStringLiteral("a.txt")));
        QVERIFY(last[QStringLiteral("item_count")].toDouble() >= 2);
        const QJsonObject dry = runs.at(1).toObject();
        QCOMPARE(dry[QStringLiteral("dry_run")].toBool(), true);
        QVERIFY(sends(dry, QStringLiteral("sub/b.bin")));
        QVERIFY(json.value(QStringLiteral("next_run")).isString());
        QVERIFY(json.value(QStringLiteral("missed_since")).isNull());

        // In words: the last run's totals.
        const auto text = sync("status");
        QVERIFY2(text.out.contains("Last run's totals:"), text.out.constData());
        QVERIFY2(text.out.contains("transferred "), text.out.constData());
    }

    void unknownJobIsAnError()
    {
        const auto run = relaisctl(
            {QStringLiteral("sync"), QStringLiteral("run"), QStringLiteral("no-such-job")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no sync job"));
    }

    // The lab runs no scheduler: install says so, --cron writes the files
    // anyway; the runner started over SSH as cron would runs the job and
    // status reads its run back, once.
    void installRunRemove()
    {
        const auto detect = sync("install");
        QCOMPARE(detect.exitCode, 2);
        QVERIFY2(detect.err.contains("Neither systemd nor cron"), detect.err.constData());

        for (int round = 0; round < 2; ++round) { // idempotent
            const auto install = sync("install", {QStringLiteral("--cron")});
            QVERIFY2(install.exitCode == 0, install.err.constData());
        }
        QVERIFY(read(SyncHostInstall::cronPath(job())).contains("*/5 * * * * root /bin/sh"));
        QVERIFY(QFileInfo(SyncHostInstall::runnerPath(job())).isExecutable());
        QVERIFY(!QFile::exists(SyncHostInstall::runnerPath(job()) + QStringLiteral(".tmp")));

        QVERIFY(write(src() + QStringLiteral("/from-host.txt"), "host run\n"));
        const auto hostRun = relaisctl(
            {QStringLiteral("ssh"), QStringLiteral("exec"), QStringLiteral("main"),
             QStringLiteral("--"), QStringLiteral("/bin/sh"), SyncHostInstall::runnerPath(job())});
        QVERIFY2(hostRun.exitCode == 0, hostRun.err.constData());
        QCOMPARE(read(dst() + QStringLiteral("/from-host.txt")), QByteArray("host run\n"));
        QVERIFY(read(SyncHostInstall::stateFile(job())).contains("\"exit\":0"));

        for (int round = 0; round < 2; ++round) {
            const auto status = sync("status", {QStringLiteral("--json")});
            QVERIFY2(status.exitCode == 0, status.err.constData());
            const QJsonObject json = QJsonDocument::fromJson(status.out).object();
            QCOMPARE(json.value(QStringLiteral("host_runs_imported")).toInt(), round == 0 ? 1 : 0);
            // The dry run, the console's run, the host's run.
            const QJsonArray runs = json.value(QStringLiteral("runs")).toArray();
            QCOMPARE(runs.size(), 3);
            // The runner keeps rsync's totals and counts the changes.
            const QJsonObject hostRun = runs.at(0).toObject();
            QCOMPARE(
                hostRun[QStringLiteral("stats")][QStringLiteral("transferred_files")].toDouble(),
                hostRun[QStringLiteral("files")].toDouble());
            QVERIFY(hostRun[QStringLiteral("stats")][QStringLiteral("total_size")].toDouble() > 0);
            QVERIFY(hostRun[QStringLiteral("item_count")].toDouble() >= 1); // from-host.txt
            QVERIFY(hostRun[QStringLiteral("items")].toArray().isEmpty());
        }

        // The schedule fires while a run holds the lock: the runner copies
        // nothing and says it came; status shows it, and no missed run.
        QProcess holder;
        holder.start(QStringLiteral("flock"),
                     {SyncHostInstall::stateFile(job()) + QStringLiteral(".lock"),
                      QStringLiteral("sh"), QStringLiteral("-c"),
                      QStringLiteral("echo held; exec sleep 60")});
        const auto stopHolder = qScopeGuard([&holder] {
            holder.kill();
            holder.waitForFinished(5000);
        });
        QVERIFY(holder.waitForReadyRead(20000));
        QVERIFY(write(src() + QStringLiteral("/while-busy.txt"), "not yet\n"));
        const QDateTime beforeSkip = QDateTime::currentDateTimeUtc().addSecs(-1);
        const auto skippedRun = relaisctl(
            {QStringLiteral("ssh"), QStringLiteral("exec"), QStringLiteral("main"),
             QStringLiteral("--"), QStringLiteral("/bin/sh"), SyncHostInstall::runnerPath(job())});
        QVERIFY2(skippedRun.exitCode == 0, skippedRun.err.constData());
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/while-busy.txt")));
        const auto busy = sync("status", {QStringLiteral("--json")});
        QVERIFY2(busy.exitCode == 0, busy.err.constData());
        const QJsonObject busyJson = QJsonDocument::fromJson(busy.out).object();
        QCOMPARE(busyJson.value(QStringLiteral("host_runs_imported")).toInt(), 0);
        QCOMPARE(busyJson.value(QStringLiteral("runs")).toArray().size(), 3);
        const QDateTime skippedAt = QDateTime::fromString(
            busyJson.value(QStringLiteral("skipped_busy_at")).toString(), Qt::ISODateWithMs);
        QVERIFY2(skippedAt.isValid() && skippedAt >= beforeSkip, busy.out.constData());
        QVERIFY(busyJson.value(QStringLiteral("missed_since")).isNull());
        const auto busyText = sync("status");
        QVERIFY2(busyText.out.contains("Skipped: the host's start at"), busyText.out.constData());
        holder.kill();
        QVERIFY(holder.waitForFinished(5000));
        QVERIFY(QFile::remove(src() + QStringLiteral("/while-busy.txt")));

        const auto remove = sync("install", {QStringLiteral("--remove")});
        QVERIFY2(remove.exitCode == 0, remove.err.constData());
        QVERIFY(!QFile::exists(SyncHostInstall::cronPath(job())));
        QVERIFY(!QFile::exists(SyncHostInstall::runnerPath(job())));
        QVERIFY(QFile::exists(SyncHostInstall::stateFile(job()))); // the runs stay readable
    }

    // setup-key makes the job's key with the console's sessions: private
    // half on main (0600), public half in backup's authorized_keys confined
    // to rrsync behind the direction guard; a run then goes through it. Run
    // twice, it replaces the job's line instead of adding one.
    void setupKeyMakesAWorkingKey()
    {
        const QString dir = m_work + QStringLiteral("/made-keys");
        for (int round = 0; round < 2; ++round) {
            const auto made = relaisctl(
                {QStringLiteral("sync"), QStringLiteral("setup-key"), QStringLiteral("--key-dir"),
                 dir, QStringLiteral("--authorized-keys"), m_authorizedKeys, m_job});
            QVERIFY2(made.exitCode == 0, made.err.constData());
            QVERIFY2(made.out.contains(QByteArray("Replication key " + m_job.toUtf8() + " set up")),
                     made.out.constData());
        }
        const QByteArray authorized = read(m_authorizedKeys);
        QCOMPARE(authorized.count(QByteArray("relais-sync:" + m_job.toUtf8() + "\n")), 1);
        QVERIFY(authorized.contains(
            RsyncCommand::authorizedKeysLine(job(), QString()).trimmed().toUtf8()));
        QCOMPARE(QFile::permissions(dir + QLatin1Char('/') + m_job) &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(write(src() + QStringLiteral("/made-key.txt"), "through the new key\n"));
        const auto run = relaisctl({QStringLiteral("sync"), QStringLiteral("run"),
                                    QStringLiteral("--key-dir"), dir, m_job});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(read(dst() + QStringLiteral("/made-key.txt")),
                 QByteArray("through the new key\n"));
        QVERIFY(QFile::remove(src() + QStringLiteral("/made-key.txt")));
    }

    // A failover drill locks main → backup replication under the key it
    // knows the site by (the document's absolute path): `relaisctl sync run`
    // of the same site must refuse, and copy nothing, until failback.
    void drillLockBlocksRun()
    {
        QVERIFY(write(src() + QStringLiteral("/after-failover.txt"), "new\n"));
        const QString drillKey = QFileInfo(sitePath()).absoluteFilePath();
        auto database = Database::open(m_data.filePath(QStringLiteral("relais.db")));
        QVERIFY(database);
        const auto step = [&](bool lock) {
            LockStepJob job(**database, drillKey, lock);
            QSignalSpy finished(&job, &StepJob::finished);
            job.start();
            return finished.wait(5000) && finished.first().at(0).value<Result<void>>();
        };
        QVERIFY(step(true));

        const auto locked = sync("run");
        QCOMPARE(locked.exitCode, 1);
        QVERIFY2(locked.err.contains("locked"), locked.err.constData());
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/after-failover.txt")));
        const auto status = sync("status", {QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(status.out).object().value(QStringLiteral("locked")),
                 QJsonValue(true));
        // Nor can the job be installed on main meanwhile.
        const auto install = sync("install", {QStringLiteral("--cron")});
        QCOMPARE(install.exitCode, 2);
        QVERIFY2(install.err.contains("not installed"), install.err.constData());
        QVERIFY(!QFile::exists(QStringLiteral("/usr/local/lib/relais-sync/") + m_job +
                               QStringLiteral(".sh")));

        // Failback lifts it: the same run copies again.
        QVERIFY(step(false));
        const auto unlocked = sync("run");
        QVERIFY2(unlocked.exitCode == 0, unlocked.err.constData());
        QCOMPARE(read(dst() + QStringLiteral("/after-failover.txt")), QByteArray("new\n"));
        QVERIFY(QFile::remove(src() + QStringLiteral("/after-failover.txt")));
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlSync)
#include "tst_relaisctl_sync.moc"
