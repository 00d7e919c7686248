#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `relaisctl sync` before it reaches a host: usage, unknown jobs, a missing
// site or vault all exit 2 with a message (the lab runs are in
// tests/integration/tst_relaisctl_sync).
class TestRelaisctlSyncCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList& arguments) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), m_data.path());
        env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"), QStringLiteral("wrong"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RELAIS_RELAISCTL),
                      QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QString site() { return QStringLiteral(RELAIS_TEST_DATA_DIR "/site/good/full.json"); }

private slots:
    void usage()
    {
        const Run none = run({QStringLiteral("sync")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains(QStringLiteral("relaisctl sync run|dry-run|status|install")));
        const Run unknown = run({QStringLiteral("sync"), QStringLiteral("frob")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("Unknown sync command: frob")));
        QCOMPARE(run({QStringLiteral("sync"), QStringLiteral("run"), QStringLiteral("www-data")})
                     .exitCode,
                 2); // no --site
        const Run help =
            run({QStringLiteral("sync"), QStringLiteral("run"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--key-dir")));
        QVERIFY(run({QStringLiteral("--help")}).out.contains(QStringLiteral("sync install")));
    }

    void bothSchedulersRefused()
    {
        const Run both = run({QStringLiteral("sync"), QStringLiteral("install"),
                              QStringLiteral("--site"), site(), QStringLiteral("--systemd"),
                              QStringLiteral("--cron"), QStringLiteral("www-data")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.err.contains(QStringLiteral("--systemd or --cron")));
    }

    void unknownJobNamesTheJobs()
    {
        const Run r = run({QStringLiteral("sync"), QStringLiteral("status"),
                           QStringLiteral("--site"), site(), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no sync job \"nope\" (its jobs: www-data, mail)")),
                 qPrintable(r.err));
    }

    void missingSiteOrVault()
    {
        const Run site404 =
            run({QStringLiteral("sync"), QStringLiteral("run"), QStringLiteral("--site"),
                 m_data.filePath(QStringLiteral("x.json")), QStringLiteral("www-data")});
        QCOMPARE(site404.exitCode, 2);
        QVERIFY(site404.err.contains(QStringLiteral("Cannot use the site")));
        // The site's vault does not exist: nothing is run.
        const Run vault =
            run({QStringLiteral("sync"), QStringLiteral("dry-run"), QStringLiteral("--site"),
                 site(), QStringLiteral("--vault"), m_data.filePath(QStringLiteral("none.vault")),
                 QStringLiteral("www-data")});
        QCOMPARE(vault.exitCode, 2);
        QVERIFY(!vault.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlSyncCommand)
#include "tst_relaisctl_synccommand.moc"
