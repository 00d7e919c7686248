#include "../support/ProcessRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

// `relaisctl lxd trust`, `relaisctl lxd list` and `relaisctl lxd replicate`
// over HTTPS against the lab's two LXD daemons: token onboarding writes the
// vault, the pin and the site; an unknown certificate is refused with its
// fingerprint; a container of the test's own (relais-test-https-PID) is
// replicated with both hosts over HTTPS and starts on backup. The client
// certificate it makes trusted is removed from both daemons at the end, its
// tokens (relais-test-PID-N) are revoked, and its container deleted.
class TestRelaisctlLxdTrust : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;
    QString m_clientFingerprint; ///< hex, lower case, as LXD lists it
    QStringList m_tokens[2];
    int m_count = 0;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QString dataDir(const QString& name = QStringLiteral("data")) const
    {
        return m_tmp.filePath(name);
    }
    QString vaultPath() const { return m_tmp.filePath(QStringLiteral("vault")); }
    QString site() const { return m_tmp.filePath(QStringLiteral("site.json")); }

    Run relaisctl(const QStringList& arguments, const QByteArray& input = {},
                  const QString& data = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), data.isEmpty() ? dataDir() : data);
        env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"), QStringLiteral("lab passphrase"));
        env.insert(QStringLiteral("RELAIS_VAULT_TEST_KDF_LOG2N"), QStringLiteral("10"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("relais.*.info=false"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
        if (!process.waitForStarted(10000))
            return {-1, {}, process.errorString()};
        if (!input.isEmpty())
            process.write(input);
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

    QJsonObject labHost(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject();
    }

    QJsonObject siteHost(const char* role) const
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
                             {QStringLiteral("socket"), lab.value(QStringLiteral("lxd_socket"))}}}};
    }

    QJsonObject siteLxd(const char* role) const
    {
        QFile file(site());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject()
            .value(QStringLiteral("lxd"))
            .toObject();
    }

    static int index(const char* role) { return qstrcmp(role, "main") == 0 ? 0 : 1; }

    static QString container() { return QStringLiteral("relais-test-https-%1").arg(::getpid()); }

    relais::test::ProcessRun lxc(const char* role, const QStringList& arguments) const
    {
        return relais::test::labctl(
            QStringList{QStringLiteral("lxc"), QLatin1String(role)} + arguments, 120000);
    }

    void deleteContainers() const
    {
        const QString name = container();
        lxc("main", {QStringLiteral("delete"), QStringLiteral("--force"), name});
        const QStringList copies{name, name + QStringLiteral("-relais-new"),
                                 name + QStringLiteral("-relais-old")};
        for (const QString& copy : copies)
            lxc("backup", {QStringLiteral("delete"), QStringLiteral("--force"), copy});
    }

    QByteArray marker(const char* role) const
    {
        return lxc(role, {QStringLiteral("exec"), container(), QStringLiteral("--"),
                          QStringLiteral("cat"), QStringLiteral("/root/marker")})
            .out.trimmed();
    }

    bool writeMarker(const QByteArray& text) const
    {
        return lxc("main", {QStringLiteral("exec"), container(), QStringLiteral("--"),
                            QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("echo %1 > /root/marker").arg(QLatin1String(text))})
                   .exitCode == 0;
    }

    QByteArray newToken(const char* role)
    {
        const QString name = QStringLiteral("relais-test-%1-%2").arg(::getpid()).arg(++m_count);
        const relais::test::ProcessRun add = relais::test::labctl(
            {QStringLiteral("lxc"), QLatin1String(role), QStringLiteral("config"),
             QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--name"), name},
            60000);
        if (add.exitCode != 0)
            return {};
        m_tokens[index(role)].append(name);
        return add.out.trimmed().split('\n').last().trimmed();
    }

    QStringList pendingTokens(const char* role) const
    {
        const relais::test::ProcessRun list = relais::test::labctl(
            {QStringLiteral("lxc"), QLatin1String(role), QStringLiteral("config"),
             QStringLiteral("trust"), QStringLiteral("list-tokens"), QStringLiteral("--format"),
             QStringLiteral("json")},
            60000);
        QStringList names;
        for (const QJsonValue& token : QJsonDocument::fromJson(list.out).array())
            names.append(token.toObject().value(QStringLiteral("ClientName")).toString());
        return names;
    }

    QString labFingerprint(const char* role) const
    {
        const relais::test::ProcessRun info = relais::test::labctl(
            {QStringLiteral("lxc"), QLatin1String(role), QStringLiteral("info")}, 60000);
        const QRegularExpression re(QStringLiteral("certificate_fingerprint: ([0-9a-f]{64})"));
        return re.match(QString::fromUtf8(info.out)).captured(1);
    }

private slots:
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
        const QJsonObject document{
            {QStringLiteral("schema"), 1},
            {QStringLiteral("name"), QStringLiteral("Relais lab (lxd https)")},
            {QStringLiteral("vault"), vaultPath()},
            {QStringLiteral("hosts"), QJsonObject{{QStringLiteral("main"), siteHost("main")},
                                                  {QStringLiteral("backup"), siteHost("backup")}}}};
        QFile file(site());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QJsonDocument(document).toJson()) > 0);
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        deleteContainers();
        for (const char* role : {"main", "backup"}) {
            const QStringList pending = pendingTokens(role);
            for (const QString& name : m_tokens[index(role)]) {
                if (pending.contains(name))
                    relais::test::labctl({QStringLiteral("lxc"), QLatin1String(role),
                                          QStringLiteral("config"), QStringLiteral("trust"),
                                          QStringLiteral("revoke-token"), name},
                                         60000);
            }
            if (!m_clientFingerprint.isEmpty())
                relais::test::labctl({QStringLiteral("lxc"), QLatin1String(role),
                                      QStringLiteral("config"), QStringLiteral("trust"),
                                      QStringLiteral("remove"), m_clientFingerprint},
                                     60000);
        }
        relais::test::labctl({QStringLiteral("down")});
    }

    void trustsMainWithATokenFromStdin()
    {
        const QByteArray token = newToken("main");
        QVERIFY(!token.isEmpty());
        const Run r = relaisctl({QStringLiteral("lxd"), QStringLiteral("trust"),
                                 QStringLiteral("--site"), site(), QStringLiteral("main"),
                                 QStringLiteral("--token-file"), QStringLiteral("-")},
                                token + '\n');
        const QRegularExpression made(
            QStringLiteral("New LXD client certificate ([0-9A-F:]{95}) saved"));
        const auto match = made.match(r.out);
        if (match.hasMatch())
            m_clientFingerprint = match.captured(1).remove(QLatin1Char(':')).toLower();
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(match.hasMatch(), qPrintable(r.out));
        QVERIFY(!token.isEmpty() && !r.out.contains(QString::fromLatin1(token)));

        // The pin, the vault entry and the site.
        const QString serverFingerprint = labFingerprint("main");
        QCOMPARE(serverFingerprint.size(), 64);
        QFile pins(QDir(dataDir()).filePath(QStringLiteral("lxd_certificates")));
        QVERIFY(pins.open(QIODevice::ReadOnly));
        const QString pinned = QString::fromUtf8(pins.readAll()).remove(QLatin1Char(':'));
        QVERIFY2(pinned.contains(QStringLiteral("10.231.0.10") + QStringLiteral("8443 ") +
                                 serverFingerprint.toUpper()),
                 qPrintable(pinned));
        const QJsonObject lxd = siteLxd("main");
        QCOMPARE(lxd.value(QStringLiteral("transport")).toString(), QStringLiteral("https"));
        QCOMPARE(lxd.value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://") +
                     labHost("main").value(QStringLiteral("lxd_https")).toString());
        QCOMPARE(lxd.value(QStringLiteral("client_certificate")).toString(),
                 QStringLiteral("lxd-client"));
        QCOMPARE(siteLxd("backup").value(QStringLiteral("transport")).toString(),
                 QStringLiteral("ssh"));
        const Run vault = relaisctl({QStringLiteral("vault"), QStringLiteral("list"),
                                     QStringLiteral("--vault"), vaultPath()});
        QVERIFY(vault.out.contains(QStringLiteral("lxd-client")));
        QVERIFY(vault.out.contains(QStringLiteral("tls-client-certificate")));
    }

    void trustsBackupWithTheSameCertificate()
    {
        const QByteArray token = newToken("backup");
        QVERIFY(!token.isEmpty());
        const QString tokenFile = m_tmp.filePath(QStringLiteral("token"));
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(token + '\n');
        file.close();
        const Run r = relaisctl({QStringLiteral("lxd"), QStringLiteral("trust"),
                                 QStringLiteral("--site"), site(), QStringLiteral("backup"),
                                 QStringLiteral("--token-file"), tokenFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("New LXD client certificate")), qPrintable(r.out));
        QCOMPARE(siteLxd("backup").value(QStringLiteral("transport")).toString(),
                 QStringLiteral("https"));
    }

    void listsBothHostsOverHttps()
    {
        const Run r = relaisctl({QStringLiteral("lxd"), QStringLiteral("list"),
                                 QStringLiteral("--site"), site(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject hosts = QJsonDocument::fromJson(r.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("hosts"))
                                      .toObject();
        bool web = false;
        for (const QJsonValue& i : hosts.value(QStringLiteral("main"))
                                       .toObject()
                                       .value(QStringLiteral("instances"))
                                       .toArray())
            web = web ||
                  i.toObject().value(QStringLiteral("name")).toString() == QLatin1String("web");
        QVERIFY2(web, qPrintable(r.out));
        QVERIFY(hosts.value(QStringLiteral("backup"))
                    .toObject()
                    .value(QStringLiteral("error"))
                    .isNull());
    }

    void replicatesOverHttpsAndStartsOnBackup()
    {
        QCOMPARE(siteLxd("main").value(QStringLiteral("transport")).toString(),
                 QStringLiteral("https"));
        QCOMPARE(siteLxd("backup").value(QStringLiteral("transport")).toString(),
                 QStringLiteral("https"));
        const QString name = container();
        deleteContainers();
        const relais::test::ProcessRun launched =
            lxc("main", {QStringLiteral("launch"), QStringLiteral("relais-busybox"), name});
        QVERIFY2(launched.exitCode == 0, launched.err.constData());
        QVERIFY(writeMarker("first"));

        const QStringList replicate{QStringLiteral("lxd"), QStringLiteral("replicate"),
                                    QStringLiteral("--site"), site(), name};
        const Run first = relaisctl(replicate);
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY2(first.out.contains(QStringLiteral("Copied %1 to backup").arg(name)),
                 qPrintable(first.out));

        // Incremental: the change travels, the copy is replaced in place.
        QVERIFY(writeMarker("second"));
        const Run again = relaisctl(replicate);
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QVERIFY2(again.out.contains(QStringLiteral("Refreshed the copy of %1").arg(name)),
                 qPrintable(again.out));
        const relais::test::ProcessRun listed =
            lxc("backup", {QStringLiteral("list"), QStringLiteral("--format"),
                           QStringLiteral("csv"), QStringLiteral("-c"), QStringLiteral("ns")});
        const QString backup = QString::fromUtf8(listed.out);
        QVERIFY2(backup.contains(name + QStringLiteral(",STOPPED")), qPrintable(backup));
        QVERIFY2(!backup.contains(name + QStringLiteral("-relais-")), qPrintable(backup));

        // The copy starts on backup with main's latest content.
        const relais::test::ProcessRun started = lxc("backup", {QStringLiteral("start"), name});
        QVERIFY2(started.exitCode == 0, started.err.constData());
        QCOMPARE(marker("backup"), QByteArray("second"));

        // The actions on one instance go over HTTPS too.
        const Run stopped =
            relaisctl({QStringLiteral("lxd"), QStringLiteral("stop"), QStringLiteral("--site"),
                       site(), QStringLiteral("--force"), QStringLiteral("backup"), name});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.out + stopped.err));
        QVERIFY2(lxc("backup", {QStringLiteral("list"), QStringLiteral("--format"),
                                QStringLiteral("csv"), QStringLiteral("-c"), QStringLiteral("ns")})
                     .out.contains((name + QStringLiteral(",STOPPED")).toUtf8()),
                 "the copy on backup was not stopped");
        deleteContainers();
    }

    void replicateRefusesAnUnknownCertificate()
    {
        // Another data directory: nothing pinned there, nothing sent.
        const Run r = relaisctl({QStringLiteral("lxd"), QStringLiteral("replicate"),
                                 QStringLiteral("--site"), site(), container()},
                                {}, dataDir(QStringLiteral("data4")));
        QCOMPARE(r.exitCode, 2);
        // Both hosts are read at once: the first refused names its own.
        const QString err = QString(r.err).remove(QLatin1Char(':'));
        QVERIFY2(err.contains(labFingerprint("main").toUpper()) ||
                     err.contains(labFingerprint("backup").toUpper()),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("relaisctl lxd trust")), qPrintable(r.err));
        QVERIFY(!QFile::exists(
            QDir(dataDir(QStringLiteral("data4"))).filePath(QStringLiteral("lxd_certificates"))));
    }

    void unknownCertificateIsRefusedWithItsFingerprint()
    {
        // Another data directory: nothing pinned there.
        const QString elsewhere = dataDir(QStringLiteral("data2"));
        const Run r = relaisctl({QStringLiteral("lxd"), QStringLiteral("list"),
                                 QStringLiteral("--site"), site(), QStringLiteral("main")},
                                {}, elsewhere);
        QCOMPARE(r.exitCode, 2);
        const QString fingerprint = labFingerprint("main");
        QVERIFY2(QString(r.err).remove(QLatin1Char(':')).contains(fingerprint.toUpper()),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("relaisctl lxd trust")), qPrintable(r.err));
        QVERIFY(!QFile::exists(QDir(elsewhere).filePath(QStringLiteral("lxd_certificates"))));
    }

    void healthNamesTheCommandForAnUnknownCertificate()
    {
        // The site with an lxd probe of main, read from a data directory
        // where nothing is pinned: the probe fails and the command to run
        // is said once, with the certificate's fingerprint.
        QFile file(site());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QVERIFY(siteLxd("main").value(QStringLiteral("transport")).toString() ==
                QLatin1String("https"));
        document.insert(
            QStringLiteral("services"),
            QJsonArray{QJsonObject{
                {QStringLiteral("name"), QStringLiteral("web")},
                {QStringLiteral("probes"),
                 QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("lxd")},
                                        {QStringLiteral("host"), QStringLiteral("main")},
                                        {QStringLiteral("instance"), QStringLiteral("web")}}}}}});
        const QString probed = m_tmp.filePath(QStringLiteral("probed-site.json"));
        QFile out(probed);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(QJsonDocument(document).toJson()) > 0);
        out.close();

        const QString elsewhere = dataDir(QStringLiteral("data5"));
        const Run r =
            relaisctl({QStringLiteral("health"), QStringLiteral("--site"), probed}, {}, elsewhere);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count(QStringLiteral("relaisctl lxd trust")), 1);
        QVERIFY2(QString(r.err).remove(QLatin1Char(':')).contains(labFingerprint("main").toUpper()),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(QDir(elsewhere).filePath(QStringLiteral("lxd_certificates"))));

        // Where main's certificate is pinned, the probe passes and nothing is said.
        const Run pinned = relaisctl({QStringLiteral("health"), QStringLiteral("--site"), probed});
        QVERIFY2(!pinned.err.contains(QStringLiteral("relaisctl lxd trust")),
                 qPrintable(pinned.err));
        QVERIFY2(pinned.out.contains(QStringLiteral("[up")), qPrintable(pinned.out));
    }

    void tokenWithoutFingerprintNeedsAcceptCertificate()
    {
        // A token as a server that does not name its certificate would give.
        const QByteArray token = newToken("main");
        QVERIFY(!token.isEmpty());
        QJsonObject object = QJsonDocument::fromJson(QByteArray::fromBase64(token)).object();
        object.remove(QStringLiteral("fingerprint"));
        const QByteArray bare = QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64();
        const QString elsewhere = dataDir(QStringLiteral("data3"));
        const QStringList trust{QStringLiteral("lxd"),    QStringLiteral("trust"),
                                QStringLiteral("--site"), site(),
                                QStringLiteral("main"),   QStringLiteral("--token-file"),
                                QStringLiteral("-")};
        const Run refused = relaisctl(trust, bare, elsewhere);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("--accept-certificate")),
                 qPrintable(refused.err));
        const QString fingerprint = labFingerprint("main");
        QVERIFY(QString(refused.err).remove(QLatin1Char(':')).contains(fingerprint.toUpper()));
        QVERIFY(pendingTokens("main").contains(m_tokens[0].last())); // nothing was sent

        // A wrong fingerprint is no better.
        const Run wrong = relaisctl(trust + QStringList{QStringLiteral("--accept-certificate"),
                                                        QString(64, QLatin1Char('a'))},
                                    bare, elsewhere);
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY(pendingTokens("main").contains(m_tokens[0].last()));

        // The right one: pinned; the console is already trusted, so the
        // token is not even used.
        const Run accepted =
            relaisctl(trust + QStringList{QStringLiteral("--accept-certificate"), fingerprint},
                      bare, elsewhere);
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.out + accepted.err));
        QVERIFY2(accepted.out.contains(QStringLiteral("already trusts")), qPrintable(accepted.out));
        QVERIFY(QFile::exists(QDir(elsewhere).filePath(QStringLiteral("lxd_certificates"))));
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlLxdTrust)
#include "tst_relaisctl_lxdtrust.moc"
