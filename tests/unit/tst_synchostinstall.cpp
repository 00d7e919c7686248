#include "sync/HostReplicationLock.h"
#include "sync/RsyncExitPolicy.h"
#include "sync/SyncHostInstall.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

SyncJob jobWith(SyncSchedule::Kind kind, int minutes = 0, QTime at = {})
{
    SyncJob job;
    job.name = QStringLiteral("www");
    job.sources = {QStringLiteral("/srv/www/")};
    job.destination = QStringLiteral("/srv/copy");
    job.lowPriority = false;
    job.schedule.kind = kind;
    job.schedule.everyMinutes = minutes;
    job.schedule.dailyAt = at;
    return job;
}

RsyncCommand::Peer peer()
{
    RsyncCommand::Peer p;
    p.address = QStringLiteral("10.231.0.20");
    p.keyPath = QStringLiteral("/root/.ssh/relais-sync/www");
    p.knownHostsPath = QStringLiteral("/root/.ssh/relais-sync/www.known_hosts");
    return p;
}

} // namespace

// What `relaisctl sync install` writes on the initiating host. The lab's
// hosts run neither systemd nor cron, so the generated text is checked
// here and the runner script is run for real against a stand-in rsync.
class TestSyncHostInstall : public QObject
{
    Q_OBJECT

private slots:
    void timer_data()
    {
        QTest::addColumn<SyncJob>("job");
        QTest::addColumn<QString>("when");
        QTest::newRow("every 5") << jobWith(SyncSchedule::Kind::Every, 5)
                                 << QStringLiteral("OnBootSec=5min\nOnUnitActiveSec=5min\n");
        QTest::newRow("every 7") << jobWith(SyncSchedule::Kind::Every, 7)
                                 << QStringLiteral("OnBootSec=7min\nOnUnitActiveSec=7min\n");
        QTest::newRow("daily") << jobWith(SyncSchedule::Kind::Daily, 0, QTime(2, 5))
                               << QStringLiteral("OnCalendar=*-*-* 02:05:00\nPersistent=true\n");
    }

    void timer()
    {
        QFETCH(SyncJob, job);
        QFETCH(QString, when);
        const Result<QString> timer = SyncHostInstall::timerUnit(job);
        QVERIFY(timer.ok());
        QVERIFY2(timer->contains(when), qPrintable(*timer));
        QVERIFY(timer->contains(QStringLiteral("WantedBy=timers.target")));
        QVERIFY(SyncHostInstall::serviceUnit(job).contains(
            QStringLiteral("ExecStart=/bin/sh /usr/local/lib/relais-sync/www.sh")));
    }

    void cron_data()
    {
        QTest::addColumn<SyncJob>("job");
        QTest::addColumn<QString>("when"); // empty: refused
        QTest::newRow("every 1") << jobWith(SyncSchedule::Kind::Every, 1)
                                 << QStringLiteral("* * * * *");
        QTest::newRow("every 5") << jobWith(SyncSchedule::Kind::Every, 5)
                                 << QStringLiteral("*/5 * * * *");
        QTest::newRow("every 60") << jobWith(SyncSchedule::Kind::Every, 60)
                                  << QStringLiteral("0 * * * *");
        QTest::newRow("every 360")
            << jobWith(SyncSchedule::Kind::Every, 360) << QStringLiteral("0 */6 * * *");
        QTest::newRow("every 7: not for cron")
            << jobWith(SyncSchedule::Kind::Every, 7) << QString();
        QTest::newRow("every 300: not for cron")
            << jobWith(SyncSchedule::Kind::Every, 300) << QString();
        QTest::newRow("daily") << jobWith(SyncSchedule::Kind::Daily, 0, QTime(23, 45))
                               << QStringLiteral("45 23 * * *");
        QTest::newRow("manual") << jobWith(SyncSchedule::Kind::Manual) << QString();
    }

    void cron()
    {
        QFETCH(SyncJob, job);
        QFETCH(QString, when);
        const Result<QString> entry = SyncHostInstall::cronEntry(job);
        QCOMPARE(entry.ok(), !when.isEmpty());
        if (entry) {
            QVERIFY2(entry->contains(when + QStringLiteral(" root /bin/sh "
                                                           "/usr/local/lib/relais-sync/www.sh")),
                     qPrintable(*entry));
        }
        const auto install =
            SyncHostInstall::installCommand(job, peer(), SyncHostInstall::Scheduler::Cron);
        QCOMPARE(install.ok(), !when.isEmpty());
    }

    void installIsAtomicAndIdempotent()
    {
        const auto install = SyncHostInstall::installCommand(
            jobWith(SyncSchedule::Kind::Every, 5), peer(), SyncHostInstall::Scheduler::Systemd);
        QVERIFY(install.ok());
        // Each file through a temporary renamed into place.
        for (const char* path :
             {"/usr/local/lib/relais-sync/www.sh", "/etc/systemd/system/relais-sync-www.service",
              "/etc/systemd/system/relais-sync-www.timer"}) {
            QVERIFY2(install->contains(QStringLiteral("mv -f %1.tmp %1").arg(QLatin1String(path))),
                     path);
        }
        QVERIFY(install->contains(QStringLiteral("systemctl enable --now relais-sync-www.timer")));
        QVERIFY(install->contains(QStringLiteral("rm -f /etc/cron.d/relais-sync-www")));
        QVERIFY(SyncHostInstall::removeCommand(jobWith(SyncSchedule::Kind::Every, 5))
                    .contains(QStringLiteral("/usr/local/lib/relais-sync/www.sh")));
    }

    void parseRuns()
    {
        const QByteArray lines =
            "{\"job\":\"www\",\"started_at\":\"2026-11-22T03:00:00.120Z\",\"ended_at\":"
            "\"2026-11-22T03:00:02.500Z\",\"exit\":0,\"files\":4,\"bytes\":5000}\n"
            "garbage\n"
            "{\"job\":\"www\",\"started_at\":\"2026-11-22T03:05:00.000Z\",\"ended_at\":"
            "\"2026-11-22T03:05:01.000Z\",\"exit\":24,\"files\":-1,\"bytes\":-1}\n";
        const QList<SyncRunRecord> runs = SyncHostInstall::parseRuns(lines);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].startedAt, QDateTime(QDate(2026, 11, 22), QTime(3, 0, 0, 120), Qt::UTC));
        QCOMPARE(runs[0].durationMs(), 2380);
        QCOMPARE(runs[0].outcome, SyncRunRecord::Outcome::Success);
        QCOMPARE(runs[0].files, 4);
        QCOMPARE(runs[0].bytes, 5000);
        QCOMPARE(runs[1].outcome, SyncRunRecord::Outcome::Warning);
        QCOMPARE(runs[1].files, -1);
        // A runner installed before the totals wrote none.
        QCOMPARE(runs[0].stats, RsyncStats());
        QCOMPARE(runs[0].itemCount, 0);
    }

    // The lines of starts that found a run still holding the lock: a run
    // for neither parser's reader but the other.
    void parseBusySkips()
    {
        const QByteArray lines =
            "{\"job\":\"www\",\"started_at\":\"2026-11-22T03:00:00.120Z\",\"ended_at\":"
            "\"2026-11-22T03:07:02.500Z\",\"exit\":0,\"files\":4,\"bytes\":5000}\n"
            "{\"job\":\"www\",\"started_at\":\"2026-11-22T03:05:00.004Z\",\"skipped\":\"busy\"}\n"
            "{\"job\":\"db\",\"started_at\":\"2026-11-22T03:05:00.010Z\",\"skipped\":\"busy\"}\n"
            "{\"job\":\"www\",\"started_at\":\"2026-11-22T03:10:00.000Z\",\"skipped\":\"other\"}\n"
            "{\"job\":\"www\",\"started_at\":\"not a time\",\"skipped\":\"busy\"}\n"
            "{\"job\":\"www\",\"skipped\":\"busy\"\n"
            "{\"job\":\"www\",\"started_at\":\"2026-11-22T03:15:00.000+01:00\",\"skipped\":"
            "\"busy\"}\n";
        QCOMPARE(SyncHostInstall::parseRuns(lines).size(), 1);
        const QList<QDateTime> skips =
            SyncHostInstall::parseBusySkips(lines, QStringLiteral("www"));
        QCOMPARE(skips.size(), 2);
        QCOMPARE(skips[0], QDateTime(QDate(2026, 11, 22), QTime(3, 5, 0, 4), Qt::UTC));
        QCOMPARE(skips[1], QDateTime(QDate(2026, 11, 22), QTime(2, 15), Qt::UTC));
        QCOMPARE(skips[1].timeSpec(), Qt::UTC);
        QCOMPARE(SyncHostInstall::parseBusySkips(lines, QStringLiteral("db")).size(), 1);
    }

    // The runner as the timer starts it, with a stand-in rsync first in
    // PATH: canary written, rsync's exit status and stats in one JSON line.
    void runnerWritesOneLinePerRun_data()
    {
        QTest::addColumn<int>("exitStatus");
        QTest::addColumn<bool>("pull");
        QTest::newRow("success") << 0 << false;
        QTest::newRow("vanished") << 24 << false;
        QTest::newRow("connection") << 255 << false;
        // A pull's runner is the receiver: what travelled is what it received.
        QTest::newRow("pull") << 0 << true;
    }

    void runnerWritesOneLinePerRun()
    {
        QFETCH(int, exitStatus);
        QFETCH(bool, pull);
        QTemporaryDir dir;
        qputenv("RELAIS_HOST_LOCK_FILE", dir.filePath(QStringLiteral("no-mark")).toUtf8());
        const auto unset = qScopeGuard([] { qunsetenv("RELAIS_HOST_LOCK_FILE"); });
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("src"))));
        QFile fake(dir.filePath(QStringLiteral("bin/rsync")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        // What rsync prints: progress lines redrawn with \r, the itemized
        // changes (one named like a total), the --stats totals.
        fake.write("#!/bin/sh\n"
                   "echo \"$@\" > \"$RELAIS_TEST_ARGS\"\n"
                   "printf '.d..t...... ./\\n"
                   "<f+++++++++ new file.txt\\n"
                   "<f+++++++++ Total bytes sent: 1\\n"
                   "          1,024  50%%    1.00MB/s    0:00:00\\r"
                   "          2,048 100%%    1.00MB/s    0:00:00 (xfr#1, to-chk=0/3)\\n"
                   "*deleting   old/gone.txt\\n"
                   "\\n"
                   "Number of files: 3 (reg: 2, dir: 1)\\n"
                   "Number of created files: 1 (reg: 1)\\n"
                   "Number of deleted files: 1 (reg: 1)\\n"
                   "Number of regular files transferred: 1,234\\n"
                   "Total file size: 9,999 bytes\\n"
                   "Total transferred file size: 2,048 bytes\\n"
                   "Literal data: 2,000 bytes\\n"
                   "Matched data: 48 bytes\\n"
                   "File list size: 0\\n"
                   "Total bytes sent: 56,789\\n"
                   "Total bytes received: 4,321\\n'\n"
                   "exit " +
                   QByteArray::number(exitStatus) + "\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner));
        SyncJob job = jobWith(SyncSchedule::Kind::Every, 5);
        job.sources = {dir.filePath(QStringLiteral("src")) + QLatin1Char('/')};
        if (pull)
            job.direction = SyncJob::Direction::Pull;
        const QString script = dir.filePath(QStringLiteral("runner.sh"));
        QFile out(script);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(SyncHostInstall::runnerScript(job, peer()).toUtf8());
        out.close();

        for (int round = 1; round <= 2; ++round) {
            QProcess sh;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PATH"), dir.filePath(QStringLiteral("bin")) +
                                                   QLatin1Char(':') +
                                                   env.value(QStringLiteral("PATH")));
            env.insert(QStringLiteral("RELAIS_SYNC_STATE_DIR"),
                       dir.filePath(QStringLiteral("state")));
            env.insert(QStringLiteral("RELAIS_TEST_ARGS"), dir.filePath(QStringLiteral("args")));
            sh.setProcessEnvironment(env);
            sh.start(QStringLiteral("/bin/sh"), {script});
            QVERIFY(sh.waitForFinished(20000));
            QCOMPARE(sh.exitCode(), exitStatus);

            QFile state(dir.filePath(QStringLiteral("state/www.jsonl")));
            QVERIFY(state.open(QIODevice::ReadOnly));
            const QList<SyncRunRecord> runs = SyncHostInstall::parseRuns(state.readAll());
            QCOMPARE(runs.size(), round);
            QCOMPARE(runs.last().job, QStringLiteral("www"));
            QCOMPARE(runs.last().exitStatus, exitStatus);
            QCOMPARE(runs.last().files, 1234);
            QCOMPARE(runs.last().bytes, pull ? 4321 : 56789);
            QVERIFY(runs.last().endedAt >= runs.last().startedAt);
            // rsync's totals, and the number of changes (not the list).
            RsyncStats stats;
            stats.files = 3;
            stats.createdFiles = 1;
            stats.deletedFiles = 1;
            stats.transferredFiles = 1234;
            stats.totalSize = 9999;
            stats.transferredSize = 2048;
            stats.literalData = 2000;
            stats.matchedData = 48;
            stats.bytesSent = 56789;
            stats.bytesReceived = 4321;
            QCOMPARE(runs.last().stats, stats);
            QCOMPARE(runs.last().itemCount, 4);
            QVERIFY(runs.last().items.isEmpty());
        }
        // A pull's runner (on backup) cannot write main's canary.
        QCOMPARE(QFile::exists(dir.filePath(QStringLiteral("src/.relais-canary"))), !pull);
        QFile args(dir.filePath(QStringLiteral("args")));
        QVERIFY(args.open(QIODevice::ReadOnly));
        const QByteArray used = args.readAll();
        QVERIFY2(used.contains("--delay-updates") && used.contains("root@10.231.0.20:"),
                 used.constData());
    }

    // A console's run takes the runner's lock without waiting: refused with
    // BusyStatus and BusyLine while the runner (or another run) holds it;
    // and the runner does nothing while a console's run holds it.
    void consoleRunsTakeTheRunnersLock()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("flock")).isEmpty())
            QSKIP("flock is not installed");
        QTemporaryDir dir;
        SyncJob job = jobWith(SyncSchedule::Kind::Every, 5);
        job.sources = {dir.filePath(QStringLiteral("src")) + QLatin1Char('/')};
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("src"))));
        const QString state = dir.filePath(QStringLiteral("state"));
        const QString lockFile = state + QStringLiteral("/www.jsonl.lock");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_SYNC_STATE_DIR"), state);
        const auto shell = [&](const QString& command) {
            auto* sh = new QProcess(this);
            sh->setProcessEnvironment(env);
            sh->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
            return sh;
        };
        const QString lock = SyncHostInstall::lockCommand(job) + QStringLiteral("; ");

        // Free: the command runs (and makes the state directory).
        QProcess* free = shell(lock + QStringLiteral("echo ran"));
        QVERIFY(free->waitForFinished(20000));
        QCOMPARE(free->exitCode(), 0);
        QCOMPARE(free->readAllStandardOutput(), QByteArray("ran\n"));
        QVERIFY(QFile::exists(lockFile));

        // Held by another process (the runner takes it the same way).
        QProcess* holder = shell(QStringLiteral("exec 9>>") + lockFile +
                                 QStringLiteral("; flock 9; echo held; exec sleep 60"));
        const auto stop = qScopeGuard([&] {
            holder->kill();
            holder->waitForFinished(5000);
        });
        QVERIFY(holder->waitForReadyRead(20000));
        QProcess* busy = shell(lock + QStringLiteral("echo ran"));
        QVERIFY(busy->waitForFinished(20000));
        QCOMPARE(busy->exitCode(), SyncHostInstall::BusyStatus);
        QVERIFY(busy->readAllStandardOutput().isEmpty());
        QCOMPARE(busy->readAllStandardError().trimmed(), QByteArray(SyncHostInstall::BusyLine));
        QCOMPARE(RsyncExitPolicy::classify(SyncHostInstall::BusyStatus).outcome,
                 RsyncExitPolicy::Outcome::Fail);
        holder->kill();
        QVERIFY(holder->waitForFinished(5000));

        // A console's run holds it (rsync exec'd keeps it): the runner
        // starts nothing and only records that it came.
        QProcess* console = shell(lock + QStringLiteral("echo locked; exec sleep 60"));
        const auto stopConsole = qScopeGuard([&] {
            console->kill();
            console->waitForFinished(5000);
        });
        QVERIFY(console->waitForReadyRead(20000));
        QCOMPARE(console->readAllStandardOutput(), QByteArray("locked\n"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
        QFile fake(dir.filePath(QStringLiteral("bin/rsync")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\ntouch \"$RELAIS_TEST_RAN\"\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner));
        const QString script = dir.filePath(QStringLiteral("runner.sh"));
        QFile out(script);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(SyncHostInstall::runnerScript(job, peer()).toUtf8());
        out.close();
        env.insert(QStringLiteral("PATH"), dir.filePath(QStringLiteral("bin")) + QLatin1Char(':') +
                                               env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("RELAIS_TEST_RAN"), dir.filePath(QStringLiteral("ran")));
        env.insert(QStringLiteral("RELAIS_HOST_LOCK_FILE"), dir.filePath(QStringLiteral("none")));
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QProcess* runner = shell(QStringLiteral("exec /bin/sh ") + script);
        QVERIFY(runner->waitForFinished(20000));
        QCOMPARE(runner->exitCode(), 0);
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ran"))));
        QFile skipLine(state + QStringLiteral("/www.jsonl"));
        QVERIFY(skipLine.open(QIODevice::ReadOnly));
        const QByteArray lines = skipLine.readAll();
        QCOMPARE(lines.count('\n'), 1);
        QVERIFY(SyncHostInstall::parseRuns(lines).isEmpty());
        QVERIFY(SyncHostInstall::parseBusySkips(lines, QStringLiteral("other")).isEmpty());
        const QList<QDateTime> skips = SyncHostInstall::parseBusySkips(lines, job.name);
        QCOMPARE(skips.size(), 1);
        QVERIFY2(skips.first() >= before && skips.first() <= after,
                 qPrintable(skips.first().toString(Qt::ISODateWithMs)));
        console->kill();
        QVERIFY(console->waitForFinished(5000));
        // Once it ended, the runner runs.
        runner = shell(QStringLiteral("exec /bin/sh ") + script);
        QVERIFY(runner->waitForFinished(20000));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("ran"))));
        skipLine.seek(0);
        QCOMPARE(SyncHostInstall::parseRuns(skipLine.readAll()).size(), 1);

        // No write access to the state directory (no runner can be there):
        // no lock, the command runs.
        env.insert(QStringLiteral("RELAIS_SYNC_STATE_DIR"), QStringLiteral("/proc/relais-none"));
        QProcess* unlocked = shell(lock + QStringLiteral("echo ran"));
        QVERIFY(unlocked->waitForFinished(20000));
        QCOMPARE(unlocked->exitCode(), 0);
        QCOMPARE(unlocked->readAllStandardOutput(), QByteArray("ran\n"));
    }

    // The direction guard's mark on backup: a pull job's runner (on backup)
    // does not start rsync while it is there; a push job's runner on main
    // records backup's refusal (its forced command's message, rsync exit 12)
    // as the lock, not as a broken stream.
    void runnerRefusesWhileBackupIsMarked_data()
    {
        QTest::addColumn<bool>("pull");
        QTest::newRow("pull, runner on backup") << true;
        QTest::newRow("push, refused by backup") << false;
    }

    void runnerRefusesWhileBackupIsMarked()
    {
        QFETCH(bool, pull);
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("src"))));
        const QString mark = dir.filePath(QStringLiteral("lock/replication-locked"));
        qputenv("RELAIS_HOST_LOCK_FILE", mark.toUtf8());
        const auto unset = qScopeGuard([] { qunsetenv("RELAIS_HOST_LOCK_FILE"); });
        QFile fake(dir.filePath(QStringLiteral("bin/rsync")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        // A push's rsync sees backup's forced command refuse: its message,
        // then exit 12 as rsync gives when the other side closes at once.
        fake.write("#!/bin/sh\n"
                   "touch \"$RELAIS_TEST_ARGS\"\n"
                   "echo \"$RELAIS_TEST_REFUSAL\" >&2\n"
                   "exit 12\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner));
        SyncJob job = jobWith(SyncSchedule::Kind::Every, 5);
        job.sources = {dir.filePath(QStringLiteral("src")) + QLatin1Char('/')};
        if (pull)
            job.direction = SyncJob::Direction::Pull;
        const QString script = dir.filePath(QStringLiteral("runner.sh"));
        QFile out(script);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(SyncHostInstall::runnerScript(job, peer()).toUtf8());
        out.close();
        QProcess lock;
        lock.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), HostReplicationLock::lockCommand(QStringLiteral("test"))});
        QVERIFY(lock.waitForFinished(20000));
        QCOMPARE(lock.exitCode(), 0);
        QVERIFY(QFile::exists(mark));

        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), dir.filePath(QStringLiteral("bin")) + QLatin1Char(':') +
                                               env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("RELAIS_SYNC_STATE_DIR"), dir.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("RELAIS_TEST_ARGS"), dir.filePath(QStringLiteral("args")));
        env.insert(QStringLiteral("RELAIS_TEST_REFUSAL"),
                   QLatin1String(HostReplicationLock::RefusalText) + QStringLiteral(": test"));
        sh.setProcessEnvironment(env);
        sh.start(QStringLiteral("/bin/sh"), {script});
        QVERIFY(sh.waitForFinished(20000));
        QCOMPARE(sh.exitCode(), HostReplicationLock::ExitStatus);
        // A pull never started rsync; a push did, and backup refused it.
        QCOMPARE(QFile::exists(dir.filePath(QStringLiteral("args"))), !pull);
        QFile state(dir.filePath(QStringLiteral("state/www.jsonl")));
        QVERIFY(state.open(QIODevice::ReadOnly));
        const QList<SyncRunRecord> runs = SyncHostInstall::parseRuns(state.readAll());
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.last().exitStatus, HostReplicationLock::ExitStatus);
        const RsyncExitPolicy::Verdict verdict = RsyncExitPolicy::classify(runs.last().exitStatus);
        QCOMPARE(verdict.outcome, RsyncExitPolicy::Outcome::Fail);
        QVERIFY2(verdict.message.contains(QStringLiteral("locked")), qPrintable(verdict.message));

        // Unmarked, the same pull runs rsync again.
        QProcess unlock;
        unlock.start(QStringLiteral("/bin/sh"),
                     {QStringLiteral("-c"), HostReplicationLock::unlockCommand()});
        QVERIFY(unlock.waitForFinished(20000));
        QVERIFY(!QFile::exists(mark));
        if (pull) {
            sh.start(QStringLiteral("/bin/sh"), {script});
            QVERIFY(sh.waitForFinished(20000));
            QVERIFY(QFile::exists(dir.filePath(QStringLiteral("args"))));
        }
    }

    // The installed runner runs the job's hooks on its own host, in order,
    // before the canary and rsync; a failing hook ends the run with nothing
    // copied. A hook on the other host cannot be installed.
    void runnerRunsTheHooksFirst()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("src"))));
        QFile fake(dir.filePath(QStringLiteral("bin/rsync")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\n"
                   "cat \"$RELAIS_TEST_DUMP\" > \"$RELAIS_TEST_ARGS\"\n"
                   "exit 0\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner));
        SyncJob job = jobWith(SyncSchedule::Kind::Every, 5);
        job.sources = {dir.filePath(QStringLiteral("src")) + QLatin1Char('/')};
        SyncHook dump;
        dump.host = HostRole::Main;
        dump.command = QStringLiteral("echo dumped > \"$RELAIS_TEST_DUMP\"");
        dump.timeoutSeconds = 10;
        job.preHooks = {dump};

        const auto runOnce = [&](const SyncJob& j) {
            const QString script = dir.filePath(QStringLiteral("runner.sh"));
            QFile out(script);
            out.open(QIODevice::WriteOnly | QIODevice::Truncate);
            out.write(SyncHostInstall::runnerScript(j, peer()).toUtf8());
            out.close();
            QFile::remove(dir.filePath(QStringLiteral("args")));
            QProcess sh;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PATH"), dir.filePath(QStringLiteral("bin")) +
                                                   QLatin1Char(':') +
                                                   env.value(QStringLiteral("PATH")));
            env.insert(QStringLiteral("RELAIS_SYNC_STATE_DIR"),
                       dir.filePath(QStringLiteral("state")));
            env.insert(QStringLiteral("RELAIS_TEST_ARGS"), dir.filePath(QStringLiteral("args")));
            env.insert(QStringLiteral("RELAIS_TEST_DUMP"), dir.filePath(QStringLiteral("dump")));
            sh.setProcessEnvironment(env);
            sh.start(QStringLiteral("/bin/sh"), {script});
            sh.waitForFinished(30000);
            return sh.exitCode();
        };
        QCOMPARE(runOnce(job), 0);
        // rsync ran after the hook had written its dump.
        QFile args(dir.filePath(QStringLiteral("args")));
        QVERIFY(args.open(QIODevice::ReadOnly));
        QCOMPARE(args.readAll(), QByteArray("dumped\n"));

        job.preHooks.first().command = QStringLiteral("exit 3");
        QCOMPARE(runOnce(job), SyncHostInstall::HookFailedStatus);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("args"))));
        job.preHooks.first().command = QStringLiteral("sleep 30");
        job.preHooks.first().timeoutSeconds = 1;
        QCOMPARE(runOnce(job), SyncHostInstall::HookFailedStatus);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("args"))));
        const RsyncExitPolicy::Verdict verdict =
            RsyncExitPolicy::classify(SyncHostInstall::HookFailedStatus);
        QVERIFY2(verdict.message.contains(QStringLiteral("hook")), qPrintable(verdict.message));

        job.preHooks.first().host = HostRole::Backup;
        const Result<QString> refused =
            SyncHostInstall::installCommand(job, peer(), SyncHostInstall::Scheduler::Cron);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("hook on backup")),
                 qPrintable(refused.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestSyncHostInstall)
#include "tst_synchostinstall.moc"
