// The console's SyncConsole against the lab: a run by hand copies main's
// tree to backup, reports progress and its record, keeps it in the history
// and measures the RPO; a scheduled run starts by itself when due; while
// the direction guard's lock holds, the due run is skipped and nothing is
// copied.

#include "../support/ProcessRun.h"
#include "ReplicationKeyRequest.h"
#include "SyncConsole.h"
#include "common/Database.h"
#include "common/SystemClock.h"
#include "plan/SiteConnections.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "sync/ReplicationKeySetup.h"
#include "sync/ReplicationLock.h"
#include "sync/RsyncCommand.h"
#include "sync/SyncHistory.h"
#include "sync/SyncHostInstall.h"
#include "sync/SyncScheduler.h"
#include "vault/Vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace relais;
using relais::test::labctl;
using relais::test::runProcess;

class TestSyncConsoleLab : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    QString m_work; ///< under /var/tmp: both lab hosts see the same file system
    QString m_authorizedKeys;
    QByteArray m_authorizedKeysBefore;
    std::optional<Vault> m_vault;
    RejectAllVerifier m_verifier;
    std::optional<Site> m_site;
    std::unique_ptr<SiteConnections> m_connections;
    int m_dbCount = 0;

    QString src() const { return m_work + QStringLiteral("/src"); }
    QString dst() const { return m_work + QStringLiteral("/dst"); }
    QString keys() const { return m_work + QStringLiteral("/keys"); }
    QString hookMark() const { return m_work + QStringLiteral("/hook-shell"); }
    static QString key() { return QStringLiteral("/sites/console-lab.json"); }

    SyncJob job() const
    {
        SyncJob j;
        j.name = QStringLiteral("console-%1").arg(::getpid());
        j.sources = {src() + QLatin1Char('/')};
        j.destination = dst();
        j.lowPriority = false;
        j.schedule.kind = SyncSchedule::Kind::Every;
        j.schedule.everyMinutes = 5;
        // Says whether it ran in the shell the console keeps ready on main.
        j.preHooks = {
            SyncHook{HostRole::Main,
                     QStringLiteral("echo \"${relais_command:+ready}\" > %1").arg(hookMark()), 60}};
        return j;
    }

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

    std::unique_ptr<Database> database()
    {
        auto db = Database::open(m_tmp.filePath(QStringLiteral("r%1.db").arg(++m_dbCount)));
        return db ? std::move(db).value() : nullptr;
    }

    std::unique_ptr<SyncConsole> console(Database* db)
    {
        auto c = std::make_unique<SyncConsole>(*m_site, key(), db, SystemClock::instance());
        c->setKeyDir(keys());
        c->setConnections(m_connections.get());
        return c;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        QVERIFY(m_tmp.isValid());
        qputenv("RELAIS_DATA_DIR", m_tmp.path().toUtf8());
        const test::ProcessRun up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status =
            labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        m_status = QJsonDocument::fromJson(status.out.mid(status.out.indexOf('{'))).object();
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        const QString state = m_status.value(QStringLiteral("state_dir")).toString();
        const QString labKnownHosts = state + QStringLiteral("/ssh/known_hosts");
        QVERIFY(QFile::copy(labKnownHosts, m_tmp.filePath(QStringLiteral("known_hosts"))));

        Result<Vault> vault = Vault::create(m_tmp.filePath(QStringLiteral("vault")),
                                            SecretBytes(QByteArrayView("sync console test")),
                                            KdfParams{10, 8, 1}, SystemClock::instance());
        QVERIFY(vault.ok());
        VaultEntry sshKey;
        sshKey.id = QStringLiteral("lab-ssh");
        sshKey.kind = VaultEntry::Kind::SshPrivateKey;
        sshKey.label = QStringLiteral("lab SSH key");
        const QByteArray labKey = read(m_status.value(QStringLiteral("secrets_dir")).toString() +
                                       QStringLiteral("/lab-ssh"));
        QVERIFY(labKey.contains("PRIVATE KEY"));
        sshKey.secret = SecretBytes(QByteArrayView(labKey));
        QVERIFY(vault->add(std::move(sshKey)).ok());
        m_vault = std::move(vault).value();

        m_work = QStringLiteral("/var/tmp/relais-syncconsole-test-%1").arg(::getpid());
        QDir(m_work).removeRecursively();
        QVERIFY(QDir().mkpath(src()) && QDir().mkpath(dst()) && QDir().mkpath(keys()));
        Result<Site> loaded = SiteDocument::load(m_status.value(QStringLiteral("site")).toString());
        QVERIFY(loaded.ok());
        Site site = *loaded;
        site.syncJobs = {job()};
        const QString sitePath = m_tmp.filePath(QStringLiteral("site.json"));
        QVERIFY(SiteDocument::save(site, sitePath).ok());
        Result<Site> reloaded = SiteDocument::load(sitePath);
        QVERIFY(reloaded.ok());
        m_site = *reloaded;

        // The job's replication key on main, confined to rrsync on backup.
        const QString jobKey = keys() + QLatin1Char('/') + job().name;
        const auto keygen =
            runProcess(QStringLiteral("ssh-keygen"),
                       {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                        QStringLiteral("-N"), QString(), QStringLiteral("-f"), jobKey});
        QCOMPARE(keygen.exitCode, 0);
        QVERIFY(QFile::copy(labKnownHosts, jobKey + QStringLiteral(".known_hosts")));
        m_authorizedKeys = state + QStringLiteral("/backup/ssh/authorized_keys");
        m_authorizedKeysBefore = read(m_authorizedKeys);
        QVERIFY(!m_authorizedKeysBefore.isEmpty());
        const QString line = RsyncCommand::authorizedKeysLine(
            job(), QString::fromUtf8(read(jobKey + QStringLiteral(".pub"))));
        QVERIFY(write(m_authorizedKeys, m_authorizedKeysBefore + line.toUtf8() + '\n'));

        m_connections = std::make_unique<SiteConnections>(*m_site, *m_vault, &m_verifier);
        QVERIFY(write(src() + QStringLiteral("/a.txt"), "alpha\n"));
        QVERIFY(write(src() + QStringLiteral("/sub/b.bin"), QByteArray(3000000, 'b')));
    }

    void cleanupTestCase()
    {
        m_connections.reset();
        if (::geteuid() == 0) {
            QFile::remove(SyncHostInstall::stateFile(job()));
            QFile::remove(SyncHostInstall::stateFile(job()) + QStringLiteral(".lock"));
            // The directory, when nothing else is in it.
            QDir().rmdir(QFileInfo(SyncHostInstall::stateFile(job())).absolutePath());
        }
        if (!m_authorizedKeys.isEmpty())
            write(m_authorizedKeys, m_authorizedKeysBefore);
        if (!m_work.isEmpty())
            QDir(m_work).removeRecursively();
        if (::geteuid() == 0)
            labctl({QStringLiteral("down")});
    }

    void runByHandCopiesAndMeasures()
    {
        auto db = database();
        QVERIFY(db);
        auto c = console(db.get());
        QSignalSpy started(c.get(), &SyncConsole::runStarted);
        QSignalSpy finished(c.get(), &SyncConsole::runFinished);
        QSignalSpy rpo(c.get(), &SyncConsole::rpoMeasured);
        QVERIFY(c->runJob(job().name, false));
        QVERIFY(c->isRunning(job().name));
        QVERIFY(!c->runJob(job().name, false)); // one at a time
        QCOMPARE(started.size(), 1);
        QVERIFY(finished.wait(120000));
        const auto record = finished.first().at(0).value<SyncRunRecord>();
        QVERIFY2(record.outcome == SyncRunRecord::Outcome::Success, qPrintable(record.message));
        QCOMPARE(record.job, job().name);
        QCOMPARE(read(dst() + QStringLiteral("/a.txt")), QByteArray("alpha\n"));
        QCOMPARE(read(dst() + QStringLiteral("/sub/b.bin")).size(), 3000000);
        // The console's sessions keep a shell ready: the hook ran in it.
        QCOMPARE(read(hookMark()), QByteArray("ready\n"));
        const Result<QList<SyncRunRecord>> kept = SyncHistory(*db, key()).recent(job().name);
        QVERIFY(kept);
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->first().outcome, SyncRunRecord::Outcome::Success);
        // The canary just written is the backup's copy's age.
        const auto measured = [&rpo] {
            return !rpo.isEmpty() && rpo.last().at(1).value<std::optional<qint64>>().has_value();
        };
        QTRY_VERIFY_WITH_TIMEOUT(measured(), 30000);
        const auto age = rpo.last().at(1).value<std::optional<qint64>>();
        QVERIFY2(*age >= 0 && *age < 60000, qPrintable(QString::number(*age)));
        QCOMPARE(c->scheduler()->lastStart(job().name), record.startedAt);
    }

    void scheduledRunStartsWhenDue()
    {
        auto db = database(); // never ran here: due at once
        QVERIFY(db);
        QVERIFY(write(src() + QStringLiteral("/scheduled.txt"), "by schedule\n"));
        auto c = console(db.get());
        QSignalSpy started(c.get(), &SyncConsole::runStarted);
        QSignalSpy finished(c.get(), &SyncConsole::runFinished);
        c->start();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(1).toBool(), false);
        QVERIFY(finished.wait(120000));
        QCOMPARE(read(dst() + QStringLiteral("/scheduled.txt")), QByteArray("by schedule\n"));
        c->scheduler()->poll();
        QCOMPARE(started.size(), 1); // not due again for 5 minutes
    }

    void lockSkipsTheScheduledRun()
    {
        auto db = database();
        QVERIFY(db);
        QVERIFY(ReplicationLock(*db, key()).lock(QStringLiteral("Failed over to backup.")));
        QVERIFY(write(src() + QStringLiteral("/after-failover.txt"), "new\n"));
        auto c = console(db.get());
        QSignalSpy started(c.get(), &SyncConsole::runStarted);
        QSignalSpy skipped(c.get(), &SyncConsole::runSkipped);
        c->start();
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped.first().at(1).toString().contains(QStringLiteral("Failed over")));
        QVERIFY(!c->runJob(job().name, false));
        QTest::qWait(500);
        QCOMPARE(started.size(), 0);
        QVERIFY(!QFile::exists(dst() + QStringLiteral("/after-failover.txt")));
    }

    // A job installed on main (its timer's runs in the state file, which
    // the lab's hosts share with the test): the console reads the runs
    // into the history, leaves the job to the host, and raises an alert
    // when the host's last run is older than the schedule allows.
    void installedJobsRunsAreReadBackAndMissedAlerts()
    {
        const QDateTime hostStart = QDateTime::currentDateTimeUtc().addSecs(-20 * 60);
        const QJsonObject line{
            {QStringLiteral("job"), job().name},
            {QStringLiteral("started_at"), hostStart.toString(Qt::ISODateWithMs)},
            {QStringLiteral("ended_at"), hostStart.addSecs(3).toString(Qt::ISODateWithMs)},
            {QStringLiteral("exit"), 0},
            {QStringLiteral("files"), 2},
            {QStringLiteral("bytes"), 1234}};
        QVERIFY(write(SyncHostInstall::stateFile(job()),
                      QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n'));
        auto db = database();
        QVERIFY(db);
        auto c = std::make_unique<SyncConsole>(*m_site, key(), db.get(), SystemClock::instance());
        c->setKeyDir(keys());
        QSignalSpy read(c.get(), &SyncConsole::historyChanged);
        QSignalSpy started(c.get(), &SyncConsole::runStarted);
        QSignalSpy alerts(c.get(), &SyncConsole::alert);
        c->setConnections(m_connections.get());
        QVERIFY(read.wait(30000));
        QVERIFY(c->isInstalled(job().name));
        const Result<QList<SyncRunRecord>> kept = SyncHistory(*db, key()).recent(job().name);
        QVERIFY(kept);
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->first().startedAt, hostStart);
        QCOMPARE(kept->first().bytes, 1234);

        c->start(); // due 15 min ago: the host missed it
        QCOMPARE(alerts.size(), 1);
        QVERIFY(alerts.first().at(0).toString().contains(job().name));
        QTest::qWait(500);
        QCOMPARE(started.size(), 0); // left to the host
        QVERIFY(QFile::remove(SyncHostInstall::stateFile(job())));
    }

    // A start of the host's timer that found a run still holding the lock
    // (a long first copy, a console's run) came on time: no missed-run
    // alert; and with no finished run yet, the job is known as installed
    // all the same, so the console does not start it itself.
    void aHostStartThatFoundARunGoingIsNotMissed()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto jsonLine = [](const QJsonObject& object) {
            QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
            line.append('\n');
            return line;
        };
        const auto runLine = [&](const QDateTime& at) {
            return jsonLine(
                {{QStringLiteral("job"), job().name},
                 {QStringLiteral("started_at"), at.toString(Qt::ISODateWithMs)},
                 {QStringLiteral("ended_at"), at.addSecs(3).toString(Qt::ISODateWithMs)},
                 {QStringLiteral("exit"), 0},
                 {QStringLiteral("files"), 2},
                 {QStringLiteral("bytes"), 1234}});
        };
        const auto skipLine = [&](const QDateTime& at) {
            return jsonLine({{QStringLiteral("job"), job().name},
                             {QStringLiteral("started_at"), at.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("skipped"), QStringLiteral("busy")}});
        };
        const auto cleanup =
            qScopeGuard([this] { QFile::remove(SyncHostInstall::stateFile(job())); });

        // A run 20 min ago (due again 15 min ago), then a start a minute ago
        // that found the next run still going.
        QVERIFY(write(SyncHostInstall::stateFile(job()),
                      runLine(now.addSecs(-20 * 60)) + skipLine(now.addSecs(-60))));
        {
            auto db = database();
            QVERIFY(db);
            auto c = console(db.get());
            QSignalSpy alerts(c.get(), &SyncConsole::alert);
            QSignalSpy started(c.get(), &SyncConsole::runStarted);
            QSignalSpy skips(c.get(), &SyncConsole::hostStartSkipped);
            QTRY_VERIFY_WITH_TIMEOUT(c->isInstalled(job().name), 30000);
            c->start();
            QTest::qWait(500);
            QCOMPARE(alerts.size(), 0);
            QCOMPARE(started.size(), 0);
            // The Sync tab is told when.
            QCOMPARE(skips.size(), 1);
            QCOMPARE(skips.first().at(0).toString(), job().name);
            QCOMPARE(skips.first().at(1).toDateTime().toString(Qt::ISODateWithMs),
                     now.addSecs(-60).toString(Qt::ISODateWithMs));
            // Only the finished run is a run.
            const Result<QList<SyncRunRecord>> kept = SyncHistory(*db, key()).recent(job().name);
            QVERIFY(kept);
            QCOMPARE(kept->size(), 1);
        }

        // Nothing finished yet on the host: installed, left to the host.
        QVERIFY(write(SyncHostInstall::stateFile(job()), skipLine(now.addSecs(-60))));
        auto db = database();
        QVERIFY(db);
        auto c = console(db.get());
        QSignalSpy alerts(c.get(), &SyncConsole::alert);
        QSignalSpy started(c.get(), &SyncConsole::runStarted);
        QTRY_VERIFY_WITH_TIMEOUT(c->isInstalled(job().name), 30000);
        c->start();
        QTest::qWait(500);
        QCOMPARE(started.size(), 0);
        QCOMPARE(alerts.size(), 0);
    }

    // The Sync tab's "Set Up Key…" starts its set-up with
    // SyncConsole::setUpKey(): the new key replaces the job's on main, is
    // authorized in the chosen authorized_keys on backup (backup's key read
    // from the console's known_hosts once reached), and the console's next
    // run goes through it.
    void keySetUpFromTheSyncTabWorks()
    {
        auto db = database();
        QVERIFY(db);
        auto c = console(db.get());
        const QString keyPath = keys() + QLatin1Char('/') + job().name;
        const QByteArray oldKey = read(keyPath);
        QVERIFY(!oldKey.isEmpty());
        ReplicationKeyRequest request;
        request.job = job().name;
        request.keyDirectory = keys();
        request.authorizedKeysPath = m_authorizedKeys;
        Result<ReplicationKeySetup*> made = c->setUpKey(request);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
        std::unique_ptr<ReplicationKeySetup> setup(*made);
        QCOMPARE(setup->keyPath(), keyPath);
        QSignalSpy progress(setup.get(), &ReplicationKeySetup::progress);
        QSignalSpy finished(setup.get(), &ReplicationKeySetup::finished);
        setup->start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(setup->result().ok(),
                 setup->result().ok() ? "" : qPrintable(setup->result().error().message()));
        QCOMPARE(progress.size(), 3);
        QVERIFY(setup->fingerprint().startsWith(QStringLiteral("SHA256:")));

        const QByteArray newKey = read(keyPath);
        QVERIFY(newKey.contains("OPENSSH PRIVATE KEY"));
        QVERIFY(newKey != oldKey);
        // The public half beside it is the new one (ssh offers KEY.pub).
        QCOMPARE(read(keyPath + QStringLiteral(".pub")).trimmed(), setup->publicLine().toUtf8());
        const QByteArray authorized = read(m_authorizedKeys);
        QCOMPARE(
            authorized.count(QByteArray(QByteArray(" relais-sync:") + job().name.toUtf8() + '\n')),
            1);
        QVERIFY(authorized.contains(setup->publicLine().section(QLatin1Char(' '), 1, 1).toUtf8()));

        QVERIFY(write(src() + QStringLiteral("/after-new-key.txt"), "new key\n"));
        QSignalSpy ran(c.get(), &SyncConsole::runFinished);
        QVERIFY(c->runJob(job().name, false));
        QVERIFY(ran.wait(120000));
        const auto record = ran.first().at(0).value<SyncRunRecord>();
        QVERIFY2(record.outcome == SyncRunRecord::Outcome::Success, qPrintable(record.message));
        QCOMPARE(read(dst() + QStringLiteral("/after-new-key.txt")), QByteArray("new key\n"));
    }
};

QTEST_GUILESS_MAIN(TestSyncConsoleLab)
#include "tst_syncconsole_lab.moc"
