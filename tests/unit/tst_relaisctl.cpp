#include <QDir>
#include <QProcess>
#include <QTest>

// relaisctl run as a user runs it: a separate process, its exit status and
// its output.
class TestRelaisctl : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QString data(const QString& relative)
    {
        return QStringLiteral(RELAIS_TEST_DATA_DIR "/") + relative;
    }

private slots:
    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("relaisctl " RELAIS_VERSION));

        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("site check FILE")));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(run({}).exitCode, 2);
        const Run unknown = run({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("Unknown command: frobnicate")));
        QCOMPARE(run({QStringLiteral("site"), QStringLiteral("check")}).exitCode, 2);
    }

    void validSiteExitsZero()
    {
        const Run good = run({QStringLiteral("site"), QStringLiteral("check"),
                              data(QStringLiteral("site/good/lab.json"))});
        QCOMPARE(good.exitCode, 0);
        QVERIFY2(good.out.contains(QStringLiteral("valid site \"Relais lab\"")),
                 qPrintable(good.out));
    }

    void invalidSiteListsEveryProblem()
    {
        const QString file = data(QStringLiteral("site/bad/port-out-of-range.json"));
        const Run bad = run({QStringLiteral("site"), QStringLiteral("check"), file});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(
            bad.err.contains(QStringLiteral("hosts.backup.ssh.port: expected 1–65535, got 70000")),
            qPrintable(bad.err));

        // Each expected problem of a many-problem fixture is printed.
        const QString many = data(QStringLiteral("site/bad/multiple-problems.json"));
        QFile expected(data(QStringLiteral("site/bad/multiple-problems.expected")));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        const Run all = run({QStringLiteral("site"), QStringLiteral("check"), many});
        QCOMPARE(all.exitCode, 2);
        const QStringList lines =
            QString::fromUtf8(expected.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 1);
        for (const QString& line : lines)
            QVERIFY2(all.err.contains(line), qPrintable(line));
    }

    void missingFileExitsTwo()
    {
        const Run missing = run({QStringLiteral("site"), QStringLiteral("check"),
                                 QStringLiteral("/nonexistent/site.json")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("/nonexistent/site.json")));
    }

    void healthRefusesBadInvocations()
    {
        const QString lab = data(QStringLiteral("site/good/lab.json"));
        QCOMPARE(run({QStringLiteral("health")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("health"), QStringLiteral("--site"), lab,
                      QStringLiteral("--once"), QStringLiteral("--watch")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("health"), QStringLiteral("--site"), lab,
                      QStringLiteral("--duration"), QStringLiteral("5")})
                     .exitCode,
                 2);
        const Run invalid = run({QStringLiteral("health"), QStringLiteral("--site"),
                                 data(QStringLiteral("site/bad/port-out-of-range.json"))});
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY(invalid.err.contains(QStringLiteral("hosts.backup.ssh.port")));
        const Run noProbe = run({QStringLiteral("health"), QStringLiteral("--site"),
                                 data(QStringLiteral("site/good/minimal.json"))});
        QCOMPARE(noProbe.exitCode, 2);
    }

    void lxdRefusesBadInvocations()
    {
        const QString lab = data(QStringLiteral("site/good/lab.json"));
        QCOMPARE(run({QStringLiteral("lxd")}).exitCode, 2);
        const Run unknown = run({QStringLiteral("lxd"), QStringLiteral("frob")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("Unknown lxd command: frob")));
        QCOMPARE(run({QStringLiteral("lxd"), QStringLiteral("list")}).exitCode, 2);
        const Run host = run({QStringLiteral("lxd"), QStringLiteral("list"),
                              QStringLiteral("--site"), lab, QStringLiteral("elsewhere")});
        QCOMPARE(host.exitCode, 2);
        QVERIFY(host.err.contains(QStringLiteral("\"elsewhere\"")));
        const Run invalid =
            run({QStringLiteral("lxd"), QStringLiteral("list"), QStringLiteral("--site"),
                 data(QStringLiteral("site/bad/port-out-of-range.json"))});
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY(invalid.err.contains(QStringLiteral("hosts.backup.ssh.port")));
        const Run help =
            run({QStringLiteral("lxd"), QStringLiteral("list"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--json")));
    }

    void speaksFrench()
    {
        const Run help =
            run({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("Vérifier")), qPrintable(help.out));
    }
};

QTEST_GUILESS_MAIN(TestRelaisctl)
#include "tst_relaisctl.moc"
