#include "sync/HostReplicationLock.h"
#include "sync/RsyncCommand.h"
#include "sync/RsyncExitPolicy.h"
#include "sync/RsyncOutputParser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <tuple>

using namespace relais;

namespace {

SyncJob pushJob()
{
    SyncJob job;
    job.name = QStringLiteral("www");
    job.sources = {QStringLiteral("/srv/www/"), QStringLiteral("/etc/my app")};
    job.destination = QStringLiteral("/srv/replica/");
    job.excludes = {QStringLiteral("cache/"), QStringLiteral("*.tmp")};
    job.bandwidthLimitKiB = 5000;
    return job;
}

RsyncCommand::Peer peer()
{
    RsyncCommand::Peer p;
    p.address = QStringLiteral("192.0.2.20");
    p.port = 2222;
    p.keyPath = QStringLiteral("/root/.ssh/relais-sync-www");
    p.knownHostsPath = QStringLiteral("/root/.ssh/relais_known_hosts");
    return p;
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out.append(QLatin1String(item));
    return out;
}

QString str(const char* s)
{
    return QLatin1String(s);
}

void write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QByteArray read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Every path under @p dir, relative, hidden ones included.
QStringList tree(const QString& dir)
{
    QStringList paths;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(QDir(dir).relativeFilePath(it.next()));
    paths.sort();
    return paths;
}

/// A push job's rsync run for real with this machine as both hosts: a
/// stand-in ssh hands the command to the key's forced command (the real
/// rrsync -wo, behind the direction guard) in SSH_ORIGINAL_COMMAND, as
/// sshd does.
class LocalPush
{
public:
    LocalPush()
    {
        m_job.name = QStringLiteral("local");
        m_job.sources = {m_dir.filePath(QStringLiteral("src")) + QLatin1Char('/')};
        m_job.destination = m_dir.filePath(QStringLiteral("dst"));
        m_job.lowPriority = false;
        QDir().mkpath(src());
        QDir().mkpath(dst());
        write(m_dir.filePath(QStringLiteral("ssh")),
              "#!/bin/sh\n"
              "while [ $# -gt 0 ]; do\n"
              "    case \"$1\" in -i|-p|-o|-l) shift 2;; -*) shift;; *) break;; esac\n"
              "done\n"
              "shift\n"
              "SSH_ORIGINAL_COMMAND=\"$*\"; export SSH_ORIGINAL_COMMAND\n"
              "exec /bin/sh -c \"$RELAIS_TEST_FORCED\"\n");
        QFile(m_dir.filePath(QStringLiteral("ssh")))
            .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                            QFileDevice::ExeOwner);
    }

    static bool available()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("rsync")).isEmpty() &&
               !QStandardPaths::findExecutable(QStringLiteral("rrsync")).isEmpty();
    }

    QString src() const { return m_dir.filePath(QStringLiteral("src")); }
    QString dst() const { return m_dir.filePath(QStringLiteral("dst")); }
    SyncJob& job() { return m_job; }

    /// The command's arguments, ssh swapped for the stand-in.
    QStringList arguments(RsyncCommand::Mode mode) const
    {
        QStringList args = RsyncCommand::arguments(m_job, peer(), mode);
        args[args.indexOf(QStringLiteral("-e")) + 1] = m_dir.filePath(QStringLiteral("ssh"));
        return args;
    }

    /// Starts rsync with @p args (argv[0] "rsync" first).
    void start(QProcess& rsync, const QStringList& args) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        qputenv("RELAIS_HOST_LOCK_FILE", m_dir.filePath(QStringLiteral("no-mark")).toUtf8());
        env.insert(QStringLiteral("RELAIS_TEST_FORCED"), RsyncCommand::forcedCommand(m_job));
        qunsetenv("RELAIS_HOST_LOCK_FILE");
        rsync.setProcessEnvironment(env);
        rsync.setProgram(args.first());
        rsync.setArguments(args.mid(1));
        rsync.start();
    }

    struct Run
    {
        int exitStatus = -1;
        QList<RsyncItem> items;
        QStringList messages;
        RsyncStats stats;
    };

    Run run(const QStringList& args) const
    {
        QProcess rsync;
        start(rsync, args);
        Run result;
        if (!rsync.waitForFinished(60000))
            return result;
        RsyncOutputParser parser;
        parser.feed(rsync.readAllStandardOutput());
        parser.finish();
        result.exitStatus = rsync.exitCode();
        result.items = parser.takeItems();
        result.messages = parser.takeMessages();
        for (const QByteArray& line : rsync.readAllStandardError().split('\n')) {
            if (!line.trimmed().isEmpty())
                result.messages.append(QString::fromUtf8(line));
        }
        result.stats = parser.stats();
        return result;
    }

private:
    QTemporaryDir m_dir;
    SyncJob m_job;
};

} // namespace

class TestRsyncCommand : public QObject
{
    Q_OBJECT

private slots:
    void push()
    {
        const QStringList args =
            RsyncCommand::arguments(pushJob(), peer(), RsyncCommand::Mode::Run);
        QCOMPARE(args.mid(0, 7),
                 (QStringList{QStringLiteral("nice"), QStringLiteral("-n"), QStringLiteral("19"),
                              QStringLiteral("ionice"), QStringLiteral("-c"), QStringLiteral("3"),
                              QStringLiteral("rsync")}));
        for (const char* option :
             {"-a", "--delay-updates", "--info=progress2", "--itemize-changes", "--stats",
              "--delete", "--bwlimit=5000", "--exclude=cache/", "--exclude=*.tmp"})
            QVERIFY2(args.contains(QLatin1String(option)), option);
        QVERIFY(!args.contains(QStringLiteral("--dry-run")));
        // No explicit --partial-dir: rrsync would make it absolute, and rsync
        // then discards completed files while exiting 0 (see
        // anExplicitPartialDirIsThrownAwayThroughRrsync). --delay-updates'
        // own staging directory is the partial-dir, protected before the
        // job's excludes.
        for (const QString& arg : args)
            QVERIFY2(!arg.startsWith(QStringLiteral("--partial-dir")), qPrintable(arg));
        QVERIFY(args.indexOf(QStringLiteral("--filter=-p .~tmp~/")) >= 0);
        QVERIFY(args.indexOf(QStringLiteral("--filter=-p .~tmp~/")) <
                args.indexOf(QStringLiteral("--exclude=cache/")));
        const QString ssh = args.at(args.indexOf(QStringLiteral("-e")) + 1);
        QVERIFY(ssh.contains(QStringLiteral("-p 2222")));
        QVERIFY(ssh.contains(QStringLiteral("StrictHostKeyChecking=yes")));
        QVERIFY(ssh.contains(QStringLiteral("BatchMode=yes")));
        QVERIFY(ssh.contains(QStringLiteral("UserKnownHostsFile=/root/.ssh/relais_known_hosts")));
        QVERIFY(ssh.contains(QStringLiteral("-i /root/.ssh/relais-sync-www")));
        // Sources after "--", the destination is the rrsync root.
        QCOMPARE(args.mid(args.indexOf(QStringLiteral("--"))),
                 (QStringList{QStringLiteral("--"), QStringLiteral("/srv/www/"),
                              QStringLiteral("/etc/my app"), QStringLiteral("root@192.0.2.20:")}));
    }

    // The command as Relais runs it, through the real rrsync on the
    // receiving side: files in same-named directories land whole, nothing
    // is thrown away, no staging directory is left or listed.
    void aPushThroughRrsync()
    {
        if (!LocalPush::available())
            QSKIP("rsync or rrsync is not installed");
        LocalPush push;
        write(push.src() + QStringLiteral("/a/x"), "one\n");
        write(push.src() + QStringLiteral("/b/x"), "two\n");
        write(push.src() + QStringLiteral("/index.html"), "<h1>hi</h1>\n");
        write(push.dst() + QStringLiteral("/stale.txt"), "gone\n");
        const LocalPush::Run run = push.run(push.arguments(RsyncCommand::Mode::Run));
        QVERIFY2(run.exitStatus == 0, qPrintable(run.messages.join(QLatin1Char('\n'))));
        QCOMPARE(RsyncExitPolicy::judge(run.exitStatus, run.messages).outcome,
                 RsyncExitPolicy::Outcome::Success);
        QCOMPARE(read(push.dst() + QStringLiteral("/a/x")), QByteArray("one\n"));
        QCOMPARE(read(push.dst() + QStringLiteral("/b/x")), QByteArray("two\n"));
        QCOMPARE(tree(push.dst()),
                 (QStringList{QStringLiteral("a"), QStringLiteral("a/x"), QStringLiteral("b"),
                              QStringLiteral("b/x"), QStringLiteral("index.html")}));
        QVERIFY(run.stats.complete());
        QCOMPARE(run.stats.transferredFiles, 3);
        for (const RsyncItem& item : run.items)
            QVERIFY2(!item.path.contains(QLatin1String(RsyncCommand::StagingDir)),
                     qPrintable(item.path));
    }

    // A push cut in the middle: the part received stays in the staging
    // directory (never at the file's final name), is not listed nor
    // deleted by the next run, which resumes from it.
    void anInterruptedPushResumesFromItsPartialFile()
    {
        if (!LocalPush::available())
            QSKIP("rsync or rrsync is not installed");
        LocalPush push;
        QByteArray big(3 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char((i * 7919) % 251);
        write(push.src() + QStringLiteral("/sub/big.bin"), big);
        write(push.src() + QStringLiteral("/small.txt"), "small\n");
        push.job().bandwidthLimitKiB = 512; // about 6 s
        QProcess rsync;
        push.start(rsync, push.arguments(RsyncCommand::Mode::Run));
        RsyncOutputParser parser;
        qint64 received = 0;
        QObject::connect(&rsync, &QProcess::readyReadStandardOutput, &rsync, [&] {
            parser.feed(rsync.readAllStandardOutput());
            if (parser.takeProgressChanged() && parser.progress())
                received = std::max(received, parser.progress()->bytes);
        });
        QTRY_VERIFY_WITH_TIMEOUT(received >= 512 * 1024, 30000);
        rsync.terminate();
        QVERIFY(rsync.waitForFinished(20000));
        QVERIFY(rsync.exitCode() != 0);
        const QString partial = push.dst() + QStringLiteral("/sub/.~tmp~/big.bin");
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() > 0, 10000);
        QVERIFY(QFileInfo(partial).size() < big.size());
        QVERIFY(!QFile::exists(push.dst() + QStringLiteral("/sub/big.bin")));

        // Neither the dry run nor the run lists or deletes it.
        push.job().bandwidthLimitKiB = 0;
        const LocalPush::Run dry = push.run(push.arguments(RsyncCommand::Mode::DryRun));
        QCOMPARE(dry.exitStatus, 0);
        for (const RsyncItem& item : dry.items)
            QVERIFY2(!item.path.contains(QLatin1String(RsyncCommand::StagingDir)),
                     qPrintable(item.path));
        QVERIFY(QFileInfo(partial).size() > 0);
        const LocalPush::Run run = push.run(push.arguments(RsyncCommand::Mode::Run));
        QVERIFY2(run.exitStatus == 0, qPrintable(run.messages.join(QLatin1Char('\n'))));
        QCOMPARE(read(push.dst() + QStringLiteral("/sub/big.bin")), big);
        QVERIFY2(run.stats.matchedData > 0, "the run did not resume from the partial file");
        for (const RsyncItem& item : run.items)
            QVERIFY2(!item.path.contains(QLatin1String(RsyncCommand::StagingDir)),
                     qPrintable(item.path));
        QCOMPARE(tree(push.dst()), (QStringList{QStringLiteral("small.txt"), QStringLiteral("sub"),
                                                QStringLiteral("sub/big.bin")}));
    }

    // Why Relais passes no --partial-dir: through rrsync -wo the receiving
    // rsync gets it as /proc/self/fd/N, cannot use it, throws every file
    // away and exits 0; the exit policy catches it. When this test fails,
    // rrsync no longer rewrites the option and --partial-dir may be passed.
    void anExplicitPartialDirIsThrownAwayThroughRrsync()
    {
        if (!LocalPush::available())
            QSKIP("rsync or rrsync is not installed");
        LocalPush push;
        write(push.src() + QStringLiteral("/a/x"), "one\n");
        QStringList args = push.arguments(RsyncCommand::Mode::Run);
        args.insert(args.indexOf(QStringLiteral("--delay-updates")) + 1,
                    QStringLiteral("--partial-dir=.relais-partial"));
        const LocalPush::Run run = push.run(args);
        QCOMPARE(run.exitStatus, 0);
        QVERIFY(!QFile::exists(push.dst() + QStringLiteral("/a/x")));
        QCOMPARE(RsyncExitPolicy::judge(run.exitStatus, run.messages).outcome,
                 RsyncExitPolicy::Outcome::Fail);
    }

    void dryRunAndOptionsOff()
    {
        SyncJob job = pushJob();
        job.lowPriority = false;
        job.deleteExtraneous = false;
        job.bandwidthLimitKiB = 0;
        const QStringList args = RsyncCommand::arguments(job, peer(), RsyncCommand::Mode::DryRun);
        QCOMPARE(args.first(), QStringLiteral("rsync"));
        QVERIFY(args.contains(QStringLiteral("--dry-run")));
        QVERIFY(!args.contains(QStringLiteral("--delete")));
        for (const QString& arg : args)
            QVERIFY(!arg.startsWith(QStringLiteral("--bwlimit")));
    }

    // ssh reads UserKnownHostsFile as a list: a path with a blank is quoted.
    void knownHostsPathWithABlank()
    {
        RsyncCommand::Peer p = peer();
        p.knownHostsPath = QStringLiteral("/home/ana/my keys/known_hosts");
        const QStringList args = RsyncCommand::arguments(pushJob(), p, RsyncCommand::Mode::Run);
        const QString ssh = args.at(args.indexOf(QStringLiteral("-e")) + 1);
        QVERIFY2(
            ssh.contains(QStringLiteral("'UserKnownHostsFile=\"/home/ana/my keys/known_hosts\"'")),
            qPrintable(ssh));
    }

    void ipv6Peer()
    {
        RsyncCommand::Peer p = peer();
        p.address = QStringLiteral("2001:db8::20");
        QCOMPARE(RsyncCommand::arguments(pushJob(), p, RsyncCommand::Mode::Run).last(),
                 QStringLiteral("root@[2001:db8::20]:"));
    }

    void commandLineQuotes()
    {
        SyncJob job = pushJob();
        job.excludes = {QStringLiteral("it's here")};
        const QString line = RsyncCommand::commandLine(job, peer(), RsyncCommand::Mode::Run);
        QVERIFY2(line.contains(QStringLiteral("'/etc/my app'")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("'--exclude=it'\\''s here'")), qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("-e 'ssh -i /root/.ssh/relais-sync-www -p 2222")));
    }

    void forcedCommands()
    {
        SyncJob job = pushJob();
        // A push key first checks backup's direction guard mark.
        const QString guard = HostReplicationLock::guardCommand() + QStringLiteral("; exec ");
        QCOMPARE(RsyncCommand::forcedCommand(job),
                 guard + QStringLiteral("nice -n 19 ionice -c 3 rrsync -wo /srv/replica"));
        job.deleteExtraneous = false;
        job.lowPriority = false;
        QCOMPARE(RsyncCommand::forcedCommand(job),
                 guard + QStringLiteral("rrsync -wo -no-del /srv/replica"));
        job.direction = SyncJob::Direction::Pull;
        QCOMPARE(RsyncCommand::forcedCommand(job), QStringLiteral("rrsync -ro /"));
        QCOMPARE(RsyncCommand::authorizedKeysLine(job, QStringLiteral("ssh-ed25519 AAAA k\n")),
                 QStringLiteral("restrict,command=\"rrsync -ro /\" ssh-ed25519 AAAA k"));
    }

    // The forced command as sshd runs it (sh -c): refused with the guard's
    // status and message while the mark exists, rrsync's turn otherwise;
    // the reverse keys (failback) never check it.
    void pushKeyRefusesWhileBackupIsMarked()
    {
        QTemporaryDir dir;
        const QString mark = dir.filePath(QStringLiteral("replication-locked"));
        qputenv("RELAIS_HOST_LOCK_FILE", mark.toUtf8());
        const auto unset = qScopeGuard([] { qunsetenv("RELAIS_HOST_LOCK_FILE"); });
        SyncJob job = pushJob();
        job.lowPriority = false;
        // rrsync stands in as a function: the exec reaches it only unmarked.
        const QString forced = RsyncCommand::forcedCommand(job).replace(
            QStringLiteral("exec rrsync"), QStringLiteral("echo rrsync-ran"));
        const auto run = [&](const QString& command) {
            QProcess sh;
            sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
            sh.waitForFinished(20000);
            return std::make_tuple(sh.exitCode(), sh.readAllStandardOutput(),
                                   QString::fromUtf8(sh.readAllStandardError()));
        };
        auto [code, out, err] = run(forced);
        QCOMPARE(code, 0);
        QCOMPARE(out, QByteArray("rrsync-ran -wo /srv/replica\n"));
        QFile file(mark);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        std::tie(code, out, err) = run(forced);
        QCOMPARE(code, HostReplicationLock::ExitStatus);
        QVERIFY(out.isEmpty());
        QVERIFY2(err.startsWith(QLatin1String(HostReplicationLock::RefusalText)), qPrintable(err));
        QVERIFY(!RsyncCommand::forcedCommand(job, RsyncCommand::Flow::Reverse)
                     .contains(HostReplicationLock::path()));
        job.direction = SyncJob::Direction::Pull;
        QVERIFY(!RsyncCommand::forcedCommand(job).contains(HostReplicationLock::path()));
        QVERIFY(!RsyncCommand::forcedCommand(job, RsyncCommand::Flow::Reverse)
                     .contains(HostReplicationLock::path()));
        // rsync's exit 12 with the refusal among its messages is the lock.
        const RsyncExitPolicy::Verdict verdict = RsyncExitPolicy::judge(
            12, {QLatin1String(HostReplicationLock::RefusalText) + QStringLiteral(": x")});
        QCOMPARE(verdict.outcome, RsyncExitPolicy::Outcome::Fail);
        QCOMPARE(verdict.message,
                 RsyncExitPolicy::classify(HostReplicationLock::ExitStatus).message);
    }

    void initiatorReceivesForPullsAndPushReverses()
    {
        SyncJob job = pushJob();
        QVERIFY(!RsyncCommand::initiatorReceives(job));
        QVERIFY(RsyncCommand::initiatorReceives(job, RsyncCommand::Flow::Reverse));
        job.direction = SyncJob::Direction::Pull;
        QVERIFY(RsyncCommand::initiatorReceives(job));
        QVERIFY(!RsyncCommand::initiatorReceives(job, RsyncCommand::Flow::Reverse));
    }

    void reverse_data()
    {
        QTest::addColumn<int>("direction");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("ends"); // the last two arguments
        QTest::addColumn<QString>("forced");   // on the other host
        // Push: main initiates and fetches from backup (read-only there).
        QTest::newRow("push, content") << int(SyncJob::Direction::Push) << str("/srv/www/")
                                       << list({"root@192.0.2.20:./", "/srv/www/"})
                                       << str("nice -n 19 ionice -c 3 rrsync -ro /srv/replica");
        QTest::newRow("push, directory") << int(SyncJob::Direction::Push) << str("/etc/nginx")
                                         << list({"root@192.0.2.20:nginx", "/etc/"})
                                         << str("nice -n 19 ionice -c 3 rrsync -ro /srv/replica");
        // Pull: backup initiates and sends to main (write-only there).
        QTest::newRow("pull, content") << int(SyncJob::Direction::Pull) << str("/srv/www/")
                                       << list({"/srv/replica/", "root@192.0.2.20:"})
                                       << str("nice -n 19 ionice -c 3 rrsync -wo /srv/www");
        QTest::newRow("pull, directory") << int(SyncJob::Direction::Pull) << str("/etc/nginx")
                                         << list({"/srv/replica/nginx", "root@192.0.2.20:"})
                                         << str("nice -n 19 ionice -c 3 rrsync -wo /etc");
    }

    void reverse()
    {
        QFETCH(int, direction);
        QFETCH(QString, source);
        QFETCH(QStringList, ends);
        QFETCH(QString, forced);
        SyncJob job = pushJob();
        job.direction = SyncJob::Direction(direction);
        job.sources = {source};
        QVERIFY(RsyncCommand::isReversible(job));
        const QStringList args = RsyncCommand::arguments(job, peer(), RsyncCommand::Mode::DryRun,
                                                         RsyncCommand::Flow::Reverse);
        QCOMPARE(args.mid(args.size() - 3), QStringList{QStringLiteral("--")} + ends);
        for (const char* option : {"--delete", "--dry-run", "--exclude=cache/",
                                   "--exclude=.relais-canary", "--itemize-changes"})
            QVERIFY2(args.contains(QLatin1String(option)), option);
        QCOMPARE(RsyncCommand::forcedCommand(job, RsyncCommand::Flow::Reverse), forced);
        QVERIFY(RsyncCommand::authorizedKeysLine(job, QStringLiteral("ssh-ed25519 AAAA k"),
                                                 RsyncCommand::Flow::Reverse)
                    .startsWith(QStringLiteral("restrict,command=\"") + forced + QLatin1Char('"')));
        // The forward flow is untouched, and never excludes the canary.
        QVERIFY(!RsyncCommand::arguments(job, peer(), RsyncCommand::Mode::Run)
                     .contains(QStringLiteral("--exclude=.relais-canary")));
    }

    void reverseKeyAndLimits()
    {
        SyncJob job = pushJob();
        QCOMPARE(RsyncCommand::keyName(job), QStringLiteral("www"));
        QCOMPARE(RsyncCommand::keyName(job, RsyncCommand::Flow::Reverse),
                 QStringLiteral("www.reverse"));
        QVERIFY(!RsyncCommand::isReversible(job)); // two sources
        job.sources = {};
        QVERIFY(!RsyncCommand::isReversible(job));
        job.sources = {QStringLiteral("/srv/www/")};
        QCOMPARE(RsyncCommand::reverseRoot(job), QStringLiteral("/srv/www"));
        QCOMPARE(RsyncCommand::reverseSource(job), QStringLiteral("/srv/replica/"));
        job.direction = SyncJob::Direction::Pull;
        job.deleteExtraneous = false;
        job.lowPriority = false;
        QCOMPARE(RsyncCommand::forcedCommand(job, RsyncCommand::Flow::Reverse),
                 QStringLiteral("rrsync -wo -no-del /srv/www"));
        QVERIFY(!RsyncCommand::arguments(job, peer(), RsyncCommand::Mode::Run,
                                         RsyncCommand::Flow::Reverse)
                     .contains(QStringLiteral("--delete")));
    }

    void pullPaths_data()
    {
        QTest::addColumn<QStringList>("sources");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QStringList>("paths");
        QTest::newRow("content") << list({"/srv/www/"}) << str("/srv/www") << list({"./"});
        QTest::newRow("directory") << list({"/etc/nginx"}) << str("/etc") << list({"nginx"});
        QTest::newRow("siblings") << list({"/srv/a/", "/srv/b"}) << str("/srv")
                                  << list({"a/", "b"});
        QTest::newRow("apart") << list({"/srv/www/", "/etc/nginx"}) << str("/")
                               << list({"srv/www/", "etc/nginx"});
        QTest::newRow("prefix is not a parent")
            << list({"/srv/ab/", "/srv/abc/"}) << str("/srv") << list({"ab/", "abc/"});
    }

    void pullPaths()
    {
        QFETCH(QStringList, sources);
        QFETCH(QString, root);
        QFETCH(QStringList, paths);
        QCOMPARE(RsyncCommand::pullRoot(sources), root);
        QCOMPARE(RsyncCommand::pullPaths(sources), paths);

        SyncJob job = pushJob();
        job.direction = SyncJob::Direction::Pull;
        job.sources = sources;
        job.destination = QStringLiteral("/backup/www");
        RsyncCommand::Peer p = peer();
        p.address = QStringLiteral("192.0.2.10");
        const QStringList args = RsyncCommand::arguments(job, p, RsyncCommand::Mode::Run);
        QCOMPARE(args.last(), QStringLiteral("/backup/www/"));
        for (const QString& path : paths)
            QVERIFY(args.contains(QStringLiteral("root@192.0.2.10:") + path));
    }
};

QTEST_GUILESS_MAIN(TestRsyncCommand)
#include "tst_rsynccommand.moc"
