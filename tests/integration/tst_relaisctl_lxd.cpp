#include "../support/ProcessRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <unistd.h>

// `relaisctl lxd list` against the lab's two LXD daemons through SSH; the
// test brings the lab up and down.
class TestRelaisctlLxd : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), m_tmp.path());
        env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"), QStringLiteral("lab passphrase"));
        env.insert(QStringLiteral("RELAIS_VAULT_TEST_KDF_LOG2N"), QStringLiteral("10"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("relais.*.info=false"));
        return env;
    }

    Run relaisctl(const QStringList& arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
        if (!process.waitForStarted(10000))
            return {-1, {}, process.errorString()};
        process.closeWriteChannel();
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return {-1, {}, QStringLiteral("timed out")};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString vaultPath() const { return m_tmp.filePath(QStringLiteral("vault.relais")); }
    QString knownHostsPath() const { return m_tmp.filePath(QStringLiteral("known_hosts")); }
    QString site() const { return m_tmp.filePath(QStringLiteral("site.json")); }

    QJsonObject labHost(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }

    /// One host of the lab as the site document describes it.
    QJsonObject siteHost(const char* role, const QString& socket) const
    {
        const QJsonObject lab = labHost(role);
        return {{QStringLiteral("name"), QLatin1String(role)},
                {QStringLiteral("address"), lab.value(QStringLiteral("address"))},
                {QStringLiteral("ssh"),
                 QJsonObject{{QStringLiteral("port"), lab.value(QStringLiteral("ssh_port"))},
                             {QStringLiteral("user"), QStringLiteral("root")},
                             {QStringLiteral("key"), QStringLiteral("lab-ssh")}}},
                {QStringLiteral("lxd"),
                 QJsonObject{{QStringLiteral("transport"), QStringLiteral("ssh")},
                             {QStringLiteral("socket"), socket}}}};
    }

    /// A site for the lab's two hosts, written from `labctl status` (so it
    /// holds only what this test needs); @p backupSocket replaces backup's
    /// LXD socket when given.
    bool writeSite(const QString& backupSocket = {}) const
    {
        const QJsonObject document{
            {QStringLiteral("schema"), 1},
            {QStringLiteral("name"), QStringLiteral("Relais lab (lxd)")},
            {QStringLiteral("hosts"),
             QJsonObject{
                 {QStringLiteral("main"),
                  siteHost("main", labHost("main").value(QStringLiteral("lxd_socket")).toString())},
                 {QStringLiteral("backup"),
                  siteHost("backup",
                           backupSocket.isEmpty()
                               ? labHost("backup").value(QStringLiteral("lxd_socket")).toString()
                               : backupSocket)}}}};
        QFile file(site());
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(QJsonDocument(document).toJson()) > 0;
    }

    Run list(const QStringList& extra) const
    {
        return relaisctl(QStringList{QStringLiteral("lxd"), QStringLiteral("list"),
                                     QStringLiteral("--vault"), vaultPath(),
                                     QStringLiteral("--site"), site()} +
                         extra);
    }

    Run action(const QString& name, const QStringList& extra) const
    {
        return relaisctl(QStringList{QStringLiteral("lxd"), name, QStringLiteral("--vault"),
                                     vaultPath(), QStringLiteral("--site"), site()} +
                         extra);
    }

    /// The snapshots of @p instance on main, by `relaisctl lxd snapshots --json`.
    QJsonArray snapshotsOf(const QString& instance) const
    {
        const Run r = action(QStringLiteral("snapshots"),
                             {QStringLiteral("--json"), QStringLiteral("main"), instance});
        return QJsonDocument::fromJson(r.out.toUtf8())
            .object()
            .value(QStringLiteral("snapshots"))
            .toArray();
    }

    static QStringList names(const QJsonArray& snapshots)
    {
        QStringList list;
        for (const QJsonValue& v : snapshots)
            list << v.toObject().value(QStringLiteral("name")).toString();
        return list;
    }

    static QString lxcStatus(const QString& instance)
    {
        const auto r = relais::test::labctl({QStringLiteral("lxc"), QStringLiteral("main"),
                                             QStringLiteral("list"), instance, QStringLiteral("-c"),
                                             QStringLiteral("s"), QStringLiteral("--format"),
                                             QStringLiteral("csv")});
        return QString::fromUtf8(r.out).trimmed();
    }

private slots:
    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            relais::test::labctl({QStringLiteral("down")});
    }

    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        QVERIFY(m_tmp.isValid());
        const relais::test::ProcessRun up = relais::test::labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const relais::test::ProcessRun status =
            relais::test::labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        QCOMPARE(status.exitCode, 0);
        m_status = QJsonDocument::fromJson(status.out).object();
        QVERIFY2(m_status.value(QStringLiteral("state")).toString() == QLatin1String("up"),
                 "the lab is not up (tests/lab/labctl up)");
        const Run init = relaisctl({QStringLiteral("vault"), QStringLiteral("init"),
                                    QStringLiteral("--vault"), vaultPath()});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run add = relaisctl(
            {QStringLiteral("vault"), QStringLiteral("add"), QStringLiteral("lab-ssh"),
             QStringLiteral("--kind"), QStringLiteral("ssh-private-key"), QStringLiteral("--label"),
             QStringLiteral("lab"), QStringLiteral("--file"),
             m_status.value(QStringLiteral("secrets_dir")).toString() + QStringLiteral("/lab-ssh"),
             QStringLiteral("--vault"), vaultPath()});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QVERIFY(writeSite());
    }

    void unknownHostKeyIsRefused()
    {
        QFile::remove(knownHostsPath());
        const Run r = list({QStringLiteral("main")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("relaisctl ssh trust")), qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("web")));
    }

    void listsBothHostsAsJson()
    {
        QFile::remove(knownHostsPath());
        QVERIFY(QFile::copy(m_status.value(QStringLiteral("state_dir")).toString() +
                                QStringLiteral("/ssh/known_hosts"),
                            knownHostsPath()));
        const Run r = list({QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonObject hosts = QJsonDocument::fromJson(r.out.toUtf8(), &error)
                                      .object()
                                      .value(QStringLiteral("hosts"))
                                      .toObject();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
        QCOMPARE(hosts.keys(), (QStringList{QStringLiteral("backup"), QStringLiteral("main")}));
        const QJsonObject main = hosts.value(QStringLiteral("main")).toObject();
        QVERIFY(main.value(QStringLiteral("error")).isNull());
        QJsonObject web;
        for (const QJsonValue& v : main.value(QStringLiteral("instances")).toArray()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("web"))
                web = v.toObject();
        }
        QVERIFY2(!web.isEmpty(), qPrintable(r.out));
        QCOMPARE(web.value(QStringLiteral("status")).toString(), QStringLiteral("Running"));
        QVERIFY(web.value(QStringLiteral("running")).toBool());
        QVERIFY(web.value(QStringLiteral("memory_bytes")).toDouble() > 0);
        QVERIFY(web.value(QStringLiteral("addresses")).toArray().size() >= 1);
        QVERIFY(web.value(QStringLiteral("snapshots")).isArray());
        QVERIFY(hosts.value(QStringLiteral("backup"))
                    .toObject()
                    .value(QStringLiteral("instances"))
                    .isArray());
    }

    void listsOneHostAsText()
    {
        const Run r = list({QStringLiteral("main")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("main (")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("web")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Running")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("backup (")));
    }

    void hostWithoutLxdIsAnErrorOthersStillListed()
    {
        QVERIFY(writeSite(QStringLiteral("/nonexistent/lxd/unix.socket")));
        const Run r = list({QStringLiteral("--json")});
        QVERIFY(writeSite());
        QCOMPARE(r.exitCode, 2);
        const QJsonObject hosts = QJsonDocument::fromJson(r.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("hosts"))
                                      .toObject();
        QVERIFY2(hosts.value(QStringLiteral("main"))
                     .toObject()
                     .value(QStringLiteral("instances"))
                     .isArray(),
                 qPrintable(r.out));
        const QJsonObject backup = hosts.value(QStringLiteral("backup")).toObject();
        QVERIFY(backup.value(QStringLiteral("instances")).isNull());
        QVERIFY2(!backup.value(QStringLiteral("error")).toString().isEmpty(), qPrintable(r.out));
    }

    void actionsNeedHostAndInstance()
    {
        const Run r = action(QStringLiteral("start"), {QStringLiteral("main")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("INSTANCE")), qPrintable(r.err));
        const Run bad =
            action(QStringLiteral("snapshot"), {QStringLiteral("--expiry"), QStringLiteral("soon"),
                                                QStringLiteral("main"), QStringLiteral("x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--expiry")), qPrintable(bad.err));
    }

    void actsOnItsOwnContainer()
    {
        const QString name = QStringLiteral("relais-test-%1").arg(::getpid());
        auto launched = relais::test::labctl({QStringLiteral("lxc"), QStringLiteral("main"),
                                              QStringLiteral("launch"),
                                              QStringLiteral("relais-busybox"), name});
        QVERIFY2(launched.exitCode == 0, launched.err.constData());
        auto cleanup = qScopeGuard([&] {
            // A stop left running by the Ctrl-C check may hold the instance a
            // few seconds.
            for (int i = 0; i < 20; ++i) {
                if (relais::test::labctl({QStringLiteral("lxc"), QStringLiteral("main"),
                                          QStringLiteral("delete"), QStringLiteral("--force"),
                                          name})
                        .exitCode == 0)
                    break;
                QTest::qWait(1000);
            }
        });
        const QString main = QStringLiteral("main");

        Run r =
            action(QStringLiteral("snapshot"), {QStringLiteral("--expiry"), QStringLiteral("2d"),
                                                main, name, QStringLiteral("s1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("s1")), qPrintable(r.out));
        QJsonArray snapshots = snapshotsOf(name);
        QCOMPARE(names(snapshots), QStringList{QStringLiteral("s1")});
        const QDateTime expires = QDateTime::fromString(
            snapshots.at(0).toObject().value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
        QVERIFY(qAbs(expires.secsTo(QDateTime::currentDateTimeUtc().addDays(2))) < 120);

        // Restore: a safety snapshot first, named in the output.
        r = action(QStringLiteral("restore"), {main, name, QStringLiteral("s1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("relais-before-restore-")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Restored")), qPrintable(r.out));
        snapshots = snapshotsOf(name);
        QCOMPARE(snapshots.size(), 2);
        QVERIFY(names(snapshots).at(1).startsWith(QStringLiteral("relais-before-restore-")));
        QVERIFY(r.out.contains(names(snapshots).at(1)));

        // A snapshot that does not exist: LXD's words, exit 1, no safety snapshot.
        r = action(QStringLiteral("restore"), {main, name, QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not found")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Nothing was restored")), qPrintable(r.err));
        QCOMPARE(snapshotsOf(name).size(), 2);

        r = action(QStringLiteral("stop"), {QStringLiteral("--force"), main, name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(lxcStatus(name), QStringLiteral("STOPPED"));
        r = action(QStringLiteral("start"), {main, name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(lxcStatus(name), QStringLiteral("RUNNING"));
        r = action(QStringLiteral("start"), {main, name});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("The instance is already running")),
                 qPrintable(r.err));
        r = action(QStringLiteral("restart"), {QStringLiteral("--force"), main, name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // Settings: set, shown, used for an unnamed snapshot; LXD's refusal.
        r = action(QStringLiteral("snapshot-settings"),
                   {QStringLiteral("--pattern"), QStringLiteral("cli%d"),
                    QStringLiteral("--schedule"), QStringLiteral("@daily"), main, name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = action(QStringLiteral("snapshot-settings"), {QStringLiteral("--json"), main, name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject settings = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(settings.value(QStringLiteral("pattern")).toString(), QStringLiteral("cli%d"));
        QCOMPARE(settings.value(QStringLiteral("schedule")).toString(), QStringLiteral("@daily"));
        r = action(QStringLiteral("snapshot"), {main, name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("cli0")), qPrintable(r.out));
        QVERIFY(names(snapshotsOf(name)).contains(QStringLiteral("cli0")));
        r = action(QStringLiteral("snapshot-settings"),
                   {QStringLiteral("--schedule"), QStringLiteral("every tuesday"), main, name});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Schedule must be")), qPrintable(r.err));

        r = action(QStringLiteral("delete-snapshot"), {main, name, QStringLiteral("s1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!names(snapshotsOf(name)).contains(QStringLiteral("s1")));

        // Ctrl-C during a clean stop: the operation is asked to cancel (LXD
        // 5.0 refuses for a stop, and says so), exit 1.
        QProcess stop;
        stop.setProcessEnvironment(environment());
        stop.start(QStringLiteral(RELAIS_RELAISCTL),
                   {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("lxd"),
                    QStringLiteral("stop"), QStringLiteral("--vault"), vaultPath(),
                    QStringLiteral("--site"), site(), QStringLiteral("--timeout"),
                    QStringLiteral("30"), main, name});
        QVERIFY(stop.waitForStarted(10000));
        QTest::qWait(1500);
        QCOMPARE(stop.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(stop.processId()), SIGINT);
        QVERIFY(stop.waitForFinished(20000));
        QCOMPARE(stop.exitStatus(), QProcess::NormalExit);
        QCOMPARE(stop.exitCode(), 1);
        const QString err = QString::fromUtf8(stop.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("cancel")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("operation")), qPrintable(err));
    }

    void refusesAnUnknownHost()
    {
        const Run r = list({QStringLiteral("elsewhere")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("elsewhere")));
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlLxd)
#include "tst_relaisctl_lxd.moc"
