// A sync job run the way Relais runs it: its rsync command started over SSH
// on the lab's main host, pushing to backup with a replication key that
// backup's authorized_keys confines to rrsync on the destination. The
// output is read by RsyncOutputParser; the tree on backup is checked.

#include "../support/ProcessRun.h"
#include "common/SystemClock.h"
#include "ssh/KnownHosts.h"
#include "ssh/RejectAllVerifier.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/ReplicationKeySetup.h"
#include "sync/RsyncCommand.h"
#include "sync/RsyncExitPolicy.h"
#include "sync/RsyncOutputParser.h"
#include "sync/SyncCanary.h"
#include "sync/SyncError.h"
#include "sync/SyncHostInstall.h"
#include "sync/SyncRunJob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace relais;
using relais::test::labctl;
using relais::test::runProcess;

class TestSync : public QObject
{
    Q_OBJECT

    QJsonObject m_status;
    QByteArray m_labKey;
    QString m_work; ///< under /var/tmp: both lab hosts see the same file system
    QString m_authorizedKeys;
    QByteArray m_authorizedKeysBefore;
    std::unique_ptr<RejectAllVerifier> m_verifier;
    std::unique_ptr<SshSession> m_main;
    std::unique_ptr<SshSession> m_backup;

    QJsonObject host(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }
    QString src() const { return m_work + QStringLiteral("/src"); }
    QString dst() const { return m_work + QStringLiteral("/dst"); }
    QString replicationKey() const { return m_work + QStringLiteral("/replication-key"); }

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

    SyncJob job() const
    {
        SyncJob j;
        j.name = QStringLiteral("lab-files");
        j.sources = {src() + QLatin1Char('/')};
        j.destination = dst();
        j.excludes = {QStringLiteral("*.skip")};
        return j;
    }

    RsyncCommand::Peer peer() const
    {
        RsyncCommand::Peer p;
        p.address = host("backup").value(QStringLiteral("address")).toString();
        p.keyPath = replicationKey();
        p.knownHostsPath = m_status.value(QStringLiteral("state_dir")).toString() +
                           QStringLiteral("/ssh/known_hosts");
        return p;
    }

    struct Run
    {
        int exitStatus = -1;
        QList<RsyncItem> items;
        QStringList messages;
        RsyncStats stats;
        bool sawProgress = false;
    };

    /// Runs the job's command on main over the Relais session.
    Run runOnMain(RsyncCommand::Mode mode)
    {
        Run run;
        RsyncOutputParser parser;
        SshCommandJob command(m_main.get(), RsyncCommand::commandLine(job(), peer(), mode), 120000);
        bool done = false;
        connect(&command, &SshCommandJob::stdoutLine, this, [&](const QString& line) {
            parser.feed(QByteArray(line.toUtf8() + '\n'));
            run.sawProgress = run.sawProgress || parser.takeProgressChanged();
            run.items += parser.takeItems();
        });
        connect(&command, &SshCommandJob::stderrLine, this,
                [&](const QString& line) { run.messages.append(line); });
        connect(&command, &SshCommandJob::finished, this, [&] { done = true; });
        command.start();
        if (!QTest::qWaitFor([&] { return done; }, 130000))
            return run;
        parser.finish();
        run.items += parser.takeItems();
        run.messages += parser.takeMessages();
        run.stats = parser.stats();
        if (command.result())
            run.exitStatus = *command.result();
        return run;
    }

    /// A tree of @p count files of @p size bytes each under @p dir, every
    /// file filled with its own byte so a partial one shows.
    static QMap<QString, QByteArray> makeTree(const QString& dir, int count, int size)
    {
        QMap<QString, QByteArray> files;
        for (int i = 0; i < count; ++i) {
            const QString name = QStringLiteral("f%1.bin").arg(i, 3, 10, QLatin1Char('0'));
            const QByteArray bytes(size, char('A' + i % 26));
            write(dir + QLatin1Char('/') + name, bytes);
            files.insert(name, bytes);
        }
        return files;
    }

    /// Every file of @p files that exists at its final name in @p dir has
    /// its full content; returns the first that does not.
    static QString firstPartial(const QString& dir, const QMap<QString, QByteArray>& files)
    {
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = dir + QLatin1Char('/') + it.key();
            if (QFileInfo::exists(path) && read(path) != it.value())
                return it.key();
        }
        return {};
    }

    /// The PID of backup's sshd listener, checked to be an sshd.
    static pid_t backupSshd()
    {
        QFile record(QStringLiteral("/var/tmp/relais-lab/run/pids/sshd-backup"));
        if (!record.open(QIODevice::ReadOnly))
            return 0;
        const pid_t pid = record.readAll().split(' ').value(0).trimmed().toInt();
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid <= 1 || !cmdline.open(QIODevice::ReadOnly) || !cmdline.readAll().contains("sshd"))
            return 0;
        return pid;
    }

    /// Parent of every process now running.
    static QHash<pid_t, pid_t> parents()
    {
        QHash<pid_t, pid_t> map;
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString& entry : entries) {
            bool ok = false;
            const pid_t pid = entry.toInt(&ok);
            if (!ok)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = stat.readAll();
            // "pid (comm) state ppid ...": comm may hold blanks.
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            map.insert(pid, fields.value(1).toInt());
        }
        return map;
    }

    static QByteArray cmdlineOf(pid_t pid)
    {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// Kills the connections of backup's sshd that run an rsync server (the
    /// session processes and everything under them); returns how many
    /// processes were killed.
    static int killRsyncConnections(pid_t listener)
    {
        const QHash<pid_t, pid_t> parent = parents();
        const auto under = [&](pid_t pid, pid_t ancestor) {
            for (int depth = 0; pid > 1 && depth < 64; ++depth) {
                if (pid == ancestor)
                    return true;
                pid = parent.value(pid);
            }
            return false;
        };
        int killed = 0;
        for (auto it = parent.cbegin(); it != parent.cend(); ++it) {
            if (it.value() != listener)
                continue;
            const pid_t connection = it.key();
            QList<pid_t> tree;
            bool runsRsync = false;
            for (auto p = parent.cbegin(); p != parent.cend(); ++p) {
                if (under(p.key(), connection)) {
                    tree.append(p.key());
                    runsRsync = runsRsync || cmdlineOf(p.key()).contains("rsync");
                }
            }
            if (!runsRsync)
                continue;
            for (const pid_t pid : tree) {
                if (::kill(pid, SIGKILL) == 0)
                    ++killed;
            }
        }
        return killed;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        const auto up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const auto status = labctl({QStringLiteral("status"), QStringLiteral("--json")});
        m_status = QJsonDocument::fromJson(status.out).object();
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        m_labKey = read(m_status.value(QStringLiteral("secrets_dir")).toString() +
                        QStringLiteral("/lab-ssh"));
        QVERIFY(m_labKey.contains("PRIVATE KEY"));

        m_work = QStringLiteral("/var/tmp/relais-sync-test-%1").arg(::getpid());
        QDir(m_work).removeRecursively();
        QVERIFY(QDir().mkpath(src()));
        QVERIFY(QDir().mkpath(dst()));

        // The replication key: private half on main, public half on backup
        // confined to rrsync on the destination.
        const auto keygen = runProcess(
            QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
             QStringLiteral("-N"), QString(), QStringLiteral("-C"),
             QStringLiteral("relais-sync-lab-files"), QStringLiteral("-f"), replicationKey()});
        QCOMPARE(keygen.exitCode, 0);
        m_authorizedKeys = m_status.value(QStringLiteral("state_dir")).toString() +
                           QStringLiteral("/backup/ssh/authorized_keys");
        m_authorizedKeysBefore = read(m_authorizedKeys);
        QVERIFY(!m_authorizedKeysBefore.isEmpty());
        const QString line = RsyncCommand::authorizedKeysLine(
            job(), QString::fromUtf8(read(replicationKey() + QStringLiteral(".pub"))));
        write(m_authorizedKeys, m_authorizedKeysBefore + line.toUtf8() + '\n');

        SshSessionOptions options;
        options.target.address = host("main").value(QStringLiteral("address")).toString();
        options.target.privateKey = m_labKey;
        options.knownHostsPath = m_work + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(m_status.value(QStringLiteral("state_dir")).toString() +
                                QStringLiteral("/ssh/known_hosts"),
                            options.knownHostsPath));
        m_verifier = std::make_unique<RejectAllVerifier>();
        m_main = std::make_unique<SshSession>(options, m_verifier.get());
        options.target.address = host("backup").value(QStringLiteral("address")).toString();
        m_backup = std::make_unique<SshSession>(options, m_verifier.get());
    }

    /// Runs a SyncRunJob to its end.
    void runJob(SyncRunJob& run)
    {
        QSignalSpy finished(&run, &SyncRunJob::finished);
        run.start();
        QVERIFY(finished.wait(130000) || finished.count() == 1);
        QCOMPARE(finished.count(), 1);
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        m_main.reset();
        m_backup.reset();
        if (!m_authorizedKeys.isEmpty())
            write(m_authorizedKeys, m_authorizedKeysBefore);
        if (!m_work.isEmpty())
            QDir(m_work).removeRecursively();
        // The lock file the runs took on main (this machine's file system).
        QFile::remove(SyncHostInstall::stateFile(job()) + QStringLiteral(".lock"));
        QDir().rmdir(QFileInfo(SyncHostInstall::stateFile(job())).absolutePath());
        labctl({QStringLiteral("down")});
    }

    void replicatesATree()
    {
        write(src() + QStringLiteral("/index.html"), "<h1>hello</h1>\n");
        write(src() + QStringLiteral("/data/big.bin"), QByteArray(3 * 1024 * 1024, 'x'));
        write(src() + QStringLiteral("/data/secret.conf"), "mode 640\n");
        write(src() + QStringLiteral("/data/ignored.skip"), "excluded\n");
        QVERIFY(::chmod(qPrintable(src() + QStringLiteral("/data/secret.conf")), 0640) == 0);
        QVERIFY(QFile::link(QStringLiteral("index.html"), src() + QStringLiteral("/home.html")));
        write(dst() + QStringLiteral("/stale.txt"), "gone from main\n");

        const Run run = runOnMain(RsyncCommand::Mode::Run);
        QVERIFY2(run.exitStatus == 0, qPrintable(run.messages.join(QLatin1Char('\n'))));
        QCOMPARE(RsyncExitPolicy::judge(run.exitStatus, run.messages).outcome,
                 RsyncExitPolicy::Outcome::Success);
        QVERIFY2(run.messages.isEmpty(), qPrintable(run.messages.join(QLatin1Char('\n'))));

        QCOMPARE(read(dst() + QStringLiteral("/index.html")), QByteArray("<h1>hello</h1>\n"));
        QCOMPARE(read(dst() + QStringLiteral("/data/big.bin")).size(), 3 * 1024 * 1024);
        QCOMPARE(QFileInfo(dst() + QStringLiteral("/home.html")).symLinkTarget(),
                 dst() + QStringLiteral("/index.html"));
        struct stat st
        {};
        QCOMPARE(::stat(qPrintable(dst() + QStringLiteral("/data/secret.conf")), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0640u);
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/stale.txt")));         // --delete
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/data/ignored.skip"))); // --exclude
        // No staging directory is left behind.
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/.~tmp~")));

        // What the run said matches what happened.
        QVERIFY(run.stats.complete());
        QCOMPARE(run.stats.transferredFiles, 3);
        QCOMPARE(run.stats.deletedFiles, 1);
        QStringList paths;
        for (const RsyncItem& item : run.items)
            paths.append(item.path);
        QVERIFY2(paths.contains(QStringLiteral("data/big.bin")), qPrintable(paths.join(u',')));
        QVERIFY(paths.contains(QStringLiteral("stale.txt")));
    }

    void dryRunChangesNothing()
    {
        write(src() + QStringLiteral("/index.html"), "<h1>changed</h1>\n");
        const Run run = runOnMain(RsyncCommand::Mode::DryRun);
        QCOMPARE(run.exitStatus, 0);
        QCOMPARE(run.items.size(), 1);
        QCOMPARE(run.items.first().path, QStringLiteral("index.html"));
        QCOMPARE(read(dst() + QStringLiteral("/index.html")), QByteArray("<h1>hello</h1>\n"));

        const Run real = runOnMain(RsyncCommand::Mode::Run);
        QCOMPARE(real.exitStatus, 0);
        QCOMPARE(read(dst() + QStringLiteral("/index.html")), QByteArray("<h1>changed</h1>\n"));
    }

    // A whole run: the hook on main, the canary, the transfer; the canary's
    // age read on backup is the real age of backup's copy.
    void runWithHookAndCanary()
    {
        SyncJob j = job();
        j.preHooks = {
            SyncHook{HostRole::Main,
                     QStringLiteral("echo dumped > ") + src() + QStringLiteral("/dump.sql"), 30}};
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        SyncRunJob run(j, peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                       SystemClock::instance());
        QSignalSpy steps(&run, &SyncRunJob::stepChanged);
        runJob(run);
        QVERIFY2(run.result().ok(), qPrintable(run.record().message));
        QCOMPARE(run.record().outcome, SyncRunRecord::Outcome::Success);
        QCOMPARE(run.record().exitStatus, 0);
        QVERIFY(run.record().files >= 2); // the dump and the canary
        QCOMPARE(read(dst() + QStringLiteral("/dump.sql")), QByteArray("dumped\n"));
        QCOMPARE(steps.count(), 3); // canary, transfer, done (hooks is the first step)
        // The record keeps rsync's totals and the change list.
        QVERIFY(run.record().stats.complete());
        QCOMPARE(run.record().stats, run.stats());
        QCOMPARE(run.record().stats.transferredFiles, run.record().files);
        QCOMPARE(run.record().itemCount, run.items().size());
        QCOMPARE(run.record().items, run.items());
        bool dumpListed = false;
        for (const RsyncItem& item : run.record().items)
            dumpListed = dumpListed || item.path == QStringLiteral("dump.sql");
        QVERIFY(dumpListed);
        // The canary's own lines are not among the run's messages.
        QVERIFY2(!run.messages().join(QLatin1Char('\n')).contains(QStringLiteral("relais-canary")),
                 qPrintable(run.messages().join(QLatin1Char('\n'))));

        // Age of the canary on backup, measured the way the RPO probe does.
        const QString canary = SyncCanary::backupPath(j);
        QCOMPARE(canary, dst() + QStringLiteral("/.relais-canary"));
        const qint64 written = read(canary).trimmed().toLongLong();
        QVERIFY(written >= before - 1000 && written <= QDateTime::currentMSecsSinceEpoch());
        QTest::qWait(1500);
        SshCommandJob age(m_backup.get(), SyncCanary::readCommand(j), 20000);
        QSignalSpy done(&age, &SshCommandJob::finished);
        age.start();
        QVERIFY(done.wait(30000));
        const auto measured = SyncCanary::ageMs(age.standardOutput());
        QVERIFY(measured.has_value());
        const qint64 real = QDateTime::currentMSecsSinceEpoch() - written;
        QVERIFY2(std::abs(*measured - real) < 1000,
                 qPrintable(QStringLiteral("%1 vs %2").arg(*measured).arg(real)));
        QVERIFY(*measured >= 1500);
    }

    void aFailingHookCopiesNothing()
    {
        write(src() + QStringLiteral("/after-hook.txt"), "new\n");
        SyncJob j = job();
        j.preHooks = {SyncHook{HostRole::Main, QStringLiteral("echo dump failed >&2; exit 3"), 30}};
        SyncRunJob run(j, peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                       SystemClock::instance());
        runJob(run);
        QVERIFY(!run.result().ok());
        QVERIFY(run.result().error().is(SyncError::HookFailed));
        QVERIFY(run.result().error().message().contains(QStringLiteral("status 3")));
        QVERIFY(run.messages().contains(QStringLiteral("dump failed")));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/after-hook.txt")));
    }

    // A push writes the canary and runs rsync as one command on main: a
    // canary that cannot be written still stops the run before anything
    // is copied, with its own error, and is not retried.
    void aFailingCanaryCopiesNothing()
    {
        // A directory where the canary's temporary file goes.
        const QString blocker = src() + QStringLiteral("/.relais-canary.tmp");
        QVERIFY(QDir().mkpath(blocker));
        // A hook that talks on standard error: its words are not the canary's.
        SyncJob j = job();
        j.preHooks = {SyncHook{HostRole::Main, QStringLiteral("echo hook-noise >&2"), 30}};
        SyncRunJob run(j, peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                       SystemClock::instance());
        QSignalSpy steps(&run, &SyncRunJob::stepChanged);
        runJob(run);
        QDir(blocker).removeRecursively();
        QVERIFY(!run.result().ok());
        QVERIFY2(run.result().error().is(SyncError::CanaryFailed),
                 qPrintable(run.result().error().message()));
        QVERIFY2(run.result().error().message().contains(QStringLiteral(".relais-canary.tmp")),
                 qPrintable(run.result().error().message()));
        QVERIFY2(!run.result().error().message().contains(QStringLiteral("hook-noise")),
                 qPrintable(run.result().error().message()));
        QCOMPARE(run.record().outcome, SyncRunRecord::Outcome::Fail);
        QCOMPARE(run.attempts(), 1);
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/after-hook.txt")));
        QCOMPARE(steps.count(), 2); // canary, done
        QCOMPARE(steps.first().first().value<SyncRunJob::Step>(), SyncRunJob::Step::Canary);
    }

    void theDirectionGuardRefuses()
    {
        SyncRunJob run(job(), peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                       SystemClock::instance());
        run.setLocked(QStringLiteral("backup is active since the failover"));
        runJob(run);
        QVERIFY(run.result().error().is(SyncError::DirectionLocked));
        QVERIFY(run.result().error().message().contains(QStringLiteral("failover")));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/after-hook.txt")));
    }

    void aDryRunListsWithoutCopying()
    {
        SyncRunJob run(job(), peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::DryRun,
                       SystemClock::instance());
        runJob(run);
        QVERIFY(run.result().ok());
        QVERIFY(run.record().dryRun);
        bool listed = false;
        for (const RsyncItem& item : run.items())
            listed = listed || item.path == QStringLiteral("after-hook.txt");
        QVERIFY(listed);
        // The record keeps what the dry run would change.
        QCOMPARE(run.record().items, run.items());
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/after-hook.txt")));
    }

    // The job installed on main is running (its runner holds the job's
    // lock there): a console's run is refused at once, nothing copied,
    // the canary not written, not retried; a dry run still goes; once the
    // other run ended, the run goes.
    void aRunInProgressOnTheHostRefusesTheRun()
    {
        write(src() + QStringLiteral("/while-busy.txt"), "busy\n");
        const QString canary = src() + QStringLiteral("/.relais-canary");
        const QByteArray canaryBefore = read(canary);
        QVERIFY(!canaryBefore.isEmpty());
        // Main's file system is this machine's: the runner's lock is held
        // the way the runner holds it.
        const QString lockFile = SyncHostInstall::stateFile(job()) + QStringLiteral(".lock");
        QVERIFY(QDir().mkpath(QFileInfo(lockFile).absolutePath()));
        QProcess holder;
        holder.start(QStringLiteral("/bin/sh"),
                     {QStringLiteral("-c"), QStringLiteral("exec 9>>'%1'; flock 9; echo held; "
                                                           "exec sleep 120")
                                                .arg(lockFile)});
        const auto stop = qScopeGuard([&] {
            holder.kill();
            holder.waitForFinished(5000);
        });
        QVERIFY(holder.waitForReadyRead(20000));

        SyncRunJob run(job(), peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                       SystemClock::instance());
        run.setFirstRetryDelayMs(100);
        QSignalSpy retrying(&run, &SyncRunJob::retrying);
        runJob(run);
        QVERIFY(!run.result().ok());
        QVERIFY2(run.result().error().is(SyncError::AlreadyRunning),
                 qPrintable(run.result().error().message()));
        const QString message = run.record().message;
        QVERIFY2(message.contains(QStringLiteral("A run of job lab-files is already in progress "
                                                 "on main (")) &&
                     message.contains(host("main").value(QStringLiteral("address")).toString()),
                 qPrintable(message));
        QCOMPARE(run.record().exitStatus, SyncHostInstall::BusyStatus);
        QCOMPARE(run.record().outcome, SyncRunRecord::Outcome::Fail);
        QCOMPARE(run.attempts(), 1);
        QCOMPARE(retrying.count(), 0);
        QVERIFY(!run.messages().contains(QLatin1String(SyncHostInstall::BusyLine)));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/while-busy.txt")));
        QCOMPARE(read(canary), canaryBefore);

        // A job with a hook looks at the lock first: the hook does not run.
        SyncJob hooked = job();
        const QString marker = m_work + QStringLiteral("/hook-ran");
        hooked.preHooks = {SyncHook{HostRole::Main, QStringLiteral("touch ") + marker, 30}};
        SyncRunJob withHook(hooked, peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                            SystemClock::instance());
        runJob(withHook);
        QVERIFY2(withHook.result().error().is(SyncError::AlreadyRunning),
                 qPrintable(withHook.record().message));
        QCOMPARE(withHook.record().exitStatus, SyncHostInstall::BusyStatus);
        QVERIFY(!QFile::exists(marker));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/while-busy.txt")));

        // A dry run changes nothing: it does not wait for the lock.
        SyncRunJob dry(job(), peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::DryRun,
                       SystemClock::instance());
        runJob(dry);
        QVERIFY(dry.result().ok());

        holder.kill();
        QVERIFY(holder.waitForFinished(5000));
        SyncRunJob again(job(), peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                         SystemClock::instance());
        runJob(again);
        QVERIFY2(again.result().ok(), qPrintable(again.record().message));
        QCOMPARE(read(dst() + QStringLiteral("/while-busy.txt")), QByteArray("busy\n"));
    }

    // Relais sets the replication key up itself: installed on main through
    // stdin, authorized on backup for rrsync only, idempotent; a run then
    // goes through it.
    void setUpTheKeyThenRun()
    {
        const QString knownPath = m_status.value(QStringLiteral("state_dir")).toString() +
                                  QStringLiteral("/ssh/known_hosts");
        const Result<QList<KnownHostsEntry>> entries = KnownHosts(knownPath).entries();
        QVERIFY(entries.ok());
        const QList<KnownHostsEntry> list = *entries;
        QList<HostKey> backupKeys;
        for (const KnownHostsEntry& e : list) {
            if (e.host == peer().address)
                backupKeys.append(e.key);
        }
        QVERIFY(!backupKeys.isEmpty());
        const QString keyDir = m_work + QStringLiteral("/relais-sync keys");
        for (int round = 0; round < 2; ++round) {
            ReplicationKeySetup setup(job(), m_main.get(), m_backup.get(), peer().address, 22,
                                      backupKeys);
            setup.setKeyDirectory(keyDir);
            setup.setAuthorizedKeysPath(m_authorizedKeys);
            QSignalSpy finished(&setup, &ReplicationKeySetup::finished);
            setup.start();
            QVERIFY(finished.wait(60000));
            QVERIFY2(setup.result().ok(),
                     setup.result().ok() ? "" : qPrintable(setup.result().error().message()));
            QVERIFY(setup.publicLine().endsWith(QStringLiteral(" relais-sync:lab-files")));

            struct stat st
            {};
            QCOMPARE(::stat(qPrintable(keyDir + QStringLiteral("/lab-files")), &st), 0);
            QCOMPARE(st.st_mode & 0777, 0600u);
            QVERIFY(read(keyDir + QStringLiteral("/lab-files")).contains("OPENSSH PRIVATE KEY"));
            const QByteArray known = read(keyDir + QStringLiteral("/lab-files.known_hosts"));
            QVERIFY(known.startsWith(QByteArray(peer().address.toUtf8() + ' ')));
            // Exactly one line of this job, restricted; the other lines stay.
            const QByteArray authorized = read(m_authorizedKeys);
            QCOMPARE(authorized.count("relais-sync:lab-files"), 1);
            const QString restricted = QStringLiteral("restrict,command=\"") +
                                       RsyncCommand::forcedCommand(job()) + QStringLiteral("\" ");
            QVERIFY(authorized.contains(restricted.toUtf8()));
            QVERIFY(authorized.startsWith(m_authorizedKeysBefore.left(40)));

            // A different size each round: rsync's quick check compares sizes
            // and whole-second times, and both rounds may fall in one second.
            const QByteArray content = QByteArray(round + 1, 'r') + QByteArray::number(round);
            write(src() + QStringLiteral("/via-setup.txt"), content);
            SyncRunJob run(job(), setup.peer(), m_main.get(), m_backup.get(),
                           RsyncCommand::Mode::Run, SystemClock::instance());
            runJob(run);
            QVERIFY2(run.result().ok(),
                     qPrintable(run.record().message + run.messages().join(QLatin1Char('\n'))));
            QCOMPARE(read(dst() + QStringLiteral("/via-setup.txt")), content);
        }
    }

    // The replication key opens nothing but rrsync into the destination.
    void replicationKeyIsConfined()
    {
        const QStringList ssh = {QStringLiteral("netns"),
                                 QStringLiteral("exec"),
                                 host("main").value(QStringLiteral("namespace")).toString(),
                                 QStringLiteral("ssh"),
                                 QStringLiteral("-i"),
                                 replicationKey(),
                                 QStringLiteral("-o"),
                                 QStringLiteral("BatchMode=yes"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("IdentitiesOnly=yes"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("UserKnownHostsFile=") + peer().knownHostsPath,
                                 QStringLiteral("root@") + peer().address};
        const auto shell =
            runProcess(QStringLiteral("ip"), ssh + QStringList{QStringLiteral("id")}, 30000);
        QVERIFY(shell.exitCode != 0);
        QVERIFY(!shell.out.contains("uid="));
        QVERIFY2(shell.err.contains("rrsync"), shell.err.constData());

        // Reading back from backup (a sender rsync) is refused: write-only.
        const auto readBack = runProcess(
            QStringLiteral("ip"),
            ssh + QStringList{QStringLiteral("rsync --server --sender -logDtpre.iLsfxCIvu . ./")},
            30000);
        QVERIFY(readBack.exitCode != 0);
        QVERIFY2(readBack.err.contains("rrsync"), readBack.err.constData());
    }

    // backup's sshd stops in the middle of a transfer: the connection is cut
    // and new ones wait (the listener is stopped, then continued). The run
    // retries after its back-off and succeeds once sshd is back; no file
    // ever shows at its final name with partial content.
    void anInterruptedTransferRetries()
    {
        const pid_t listener = backupSshd();
        QVERIFY(listener > 1);
        const QString big = m_work + QStringLiteral("/big");
        const QMap<QString, QByteArray> files = makeTree(big, 24, 512 * 1024);
        SyncJob j = job();
        j.sources = {big + QLatin1Char('/')};
        j.bandwidthLimitKiB = 2048; // 12 MiB: about 6 s
        SyncRunJob run(j, peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                       SystemClock::instance());
        run.setFirstRetryDelayMs(500);
        run.setMaxAttempts(3);
        QSignalSpy retrying(&run, &SyncRunJob::retrying);
        QSignalSpy finished(&run, &SyncRunJob::finished);
        qint64 transferred = 0;
        connect(&run, &SyncRunJob::progress, this,
                [&](const RsyncProgress& p) { transferred = std::max(transferred, p.bytes); });

        // Checked every 20 ms from start to end.
        QString partial;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            if (partial.isEmpty())
                partial = firstPartial(dst(), files);
        });
        watch.start(20);

        // Resumes the listener whatever happens below.
        struct Resume
        {
            pid_t pid;
            ~Resume() { ::kill(pid, SIGCONT); }
        } resume{listener};

        run.start();
        QTRY_VERIFY_WITH_TIMEOUT(transferred > 1024 * 1024, 30000);
        QCOMPARE(run.attempts(), 1);
        QCOMPARE(::kill(listener, SIGSTOP), 0);
        QVERIFY(killRsyncConnections(listener) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(retrying.count(), 1, 20000);
        QVERIFY(!run.isFinished());
        // The retry waits on the stopped sshd.
        QTRY_COMPARE_WITH_TIMEOUT(run.attempts(), 2, 5000);
        QTest::qWait(1500);
        QVERIFY(!run.isFinished());
        QVERIFY2(partial.isEmpty(), qPrintable(partial));
        QCOMPARE(::kill(listener, SIGCONT), 0);

        QVERIFY(finished.wait(60000) || finished.count() == 1);
        watch.stop();
        QVERIFY2(run.result().ok(),
                 qPrintable(run.record().message + run.messages().join(QLatin1Char('\n'))));
        QCOMPARE(run.record().outcome, SyncRunRecord::Outcome::Success);
        QCOMPARE(run.attempts(), 2);
        QVERIFY(run.record().message.contains(QStringLiteral("2 attempts")));
        QVERIFY2(partial.isEmpty(), qPrintable(partial));
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            QVERIFY2(read(dst() + QLatin1Char('/') + it.key()) == it.value(), qPrintable(it.key()));
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/.~tmp~")));
        QVERIFY(QFile::exists(dst() + QStringLiteral("/.relais-canary")));
    }

    // Files deleted on main after rsync listed them: exit 24, a success
    // with a warning in the run record. The deletion happens once the first
    // (slow) file is under way, after the whole list was sent.
    void vanishedSourceFilesWarn()
    {
        const QString tree = m_work + QStringLiteral("/vanish");
        write(tree + QStringLiteral("/a-first.bin"), QByteArray(3 * 1024 * 1024, 'v'));
        for (int i = 0; i < 5; ++i)
            write(tree + QStringLiteral("/z-gone-%1.txt").arg(i), "soon gone\n");
        SyncJob j = job();
        j.sources = {tree + QLatin1Char('/')};
        j.bandwidthLimitKiB = 1024; // the first file takes about 3 s
        SyncRunJob run(j, peer(), m_main.get(), m_backup.get(), RsyncCommand::Mode::Run,
                       SystemClock::instance());
        run.setFirstRetryDelayMs(500);
        bool deleted = false;
        connect(&run, &SyncRunJob::progress, this, [&](const RsyncProgress& p) {
            if (deleted || p.bytes < 256 * 1024)
                return;
            deleted = true;
            for (int i = 0; i < 5; ++i)
                QFile::remove(tree + QStringLiteral("/z-gone-%1.txt").arg(i));
        });
        runJob(run);
        QVERIFY(deleted);
        QVERIFY2(run.result().ok(), qPrintable(run.record().message));
        QCOMPARE(run.record().exitStatus, 24);
        QCOMPARE(run.record().outcome, SyncRunRecord::Outcome::Warning);
        QCOMPARE(run.record().message, RsyncExitPolicy::classify(24).message);
        QCOMPARE(run.attempts(), 1);
        QCOMPARE(read(dst() + QStringLiteral("/a-first.bin")).size(), 3 * 1024 * 1024);
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/z-gone-0.txt")));
        bool vanished = false;
        for (const QString& m : run.messages())
            vanished = vanished || m.contains(QStringLiteral("vanished"));
        QVERIFY2(vanished, qPrintable(run.messages().join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
