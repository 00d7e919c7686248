// A sync job run the way Relais runs it: its rsync command started over SSH
// on the lab's main host, pushing to backup with a replication key that
// backup's authorized_keys confines to rrsync on the destination. The
// output is read by RsyncOutputParser; the tree on backup is checked.

#include "../support/ProcessRun.h"
#include "ssh/RejectAllVerifier.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/RsyncCommand.h"
#include "sync/RsyncExitPolicy.h"
#include "sync/RsyncOutputParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
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
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        m_main.reset();
        if (!m_authorizedKeys.isEmpty())
            write(m_authorizedKeys, m_authorizedKeysBefore);
        if (!m_work.isEmpty())
            QDir(m_work).removeRecursively();
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
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
