#include "sync/HostReplicationLock.h"
#include "sync/RsyncCommand.h"
#include "sync/RsyncExitPolicy.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
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
        // then discards completed files while exiting 0.
        for (const QString& arg : args)
            QVERIFY2(!arg.startsWith(QStringLiteral("--partial-dir")), qPrintable(arg));
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
