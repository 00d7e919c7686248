#include "sync/SyncCanary.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestSyncCanary : public QObject
{
    Q_OBJECT

private slots:
    void paths()
    {
        SyncJob job;
        job.sources = {QStringLiteral("/srv/www/")};
        job.destination = QStringLiteral("/backup/www/");
        QCOMPARE(SyncCanary::backupPath(job), QStringLiteral("/backup/www/.relais-canary"));
        job.sources = {QStringLiteral("/etc/nginx"), QStringLiteral("/srv/www/")};
        QCOMPARE(SyncCanary::backupPath(job), QStringLiteral("/backup/www/nginx/.relais-canary"));
    }

    void commands()
    {
        SyncJob job;
        job.sources = {QStringLiteral("/srv/my site/"), QStringLiteral("/etc/nginx")};
        job.destination = QStringLiteral("/b");
        const QString write = SyncCanary::writeCommand(job);
        QVERIFY(write.startsWith(QStringLiteral("now=$(date +%s%3N)")));
        QVERIFY2(write.contains(QStringLiteral("> '/srv/my site/.relais-canary.tmp' && mv -f "
                                               "'/srv/my site/.relais-canary.tmp' "
                                               "'/srv/my site/.relais-canary'")),
                 qPrintable(write));
        QVERIFY(write.contains(QStringLiteral("/etc/nginx/.relais-canary")));
        QCOMPARE(SyncCanary::readCommand(job),
                 QStringLiteral("date +%s%3N; cat /b/.relais-canary 2>/dev/null || true"));
    }

    // The one command of a push, run by a POSIX shell as sshd would: the
    // canary's outcome on a line of standard error of its own, then the
    // command in the shell's place (its output and exit status), or, when
    // the canary cannot be written, the canary's status and no command.
    void writeThenRun_data()
    {
        QTest::addColumn<bool>("writable");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("stdoutText");
        QTest::addColumn<int>("status");
        QTest::newRow("written, then the command")
            << true << QStringLiteral("echo 'ran here'") << QByteArray("ran here\n") << 0;
        QTest::newRow("the command's own status")
            << true << QStringLiteral("sh -c 'exit 23'") << QByteArray() << 23;
        QTest::newRow("no canary, no command")
            << false << QStringLiteral("echo 'ran here'") << QByteArray() << -1;
    }

    void writeThenRun()
    {
        QFETCH(bool, writable);
        QFETCH(QString, command);
        QFETCH(QByteArray, stdoutText);
        QFETCH(int, status);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = dir.filePath(QStringLiteral("my src"));
        QVERIFY(QDir().mkpath(source));
        if (!writable) // a directory where the temporary file goes
            QVERIFY(QDir().mkpath(source + QStringLiteral("/.relais-canary.tmp")));
        SyncJob job;
        job.sources = {source + QLatin1Char('/')};
        job.destination = QStringLiteral("/b");

        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), SyncCanary::writeThenRunCommand(job, command)});
        QVERIFY(sh.waitForFinished(10000));
        const QByteArray out = sh.readAllStandardOutput();
        const QList<QByteArray> err = sh.readAllStandardError().trimmed().split('\n');
        const QString canary = source + QStringLiteral("/.relais-canary");
        if (writable) {
            QCOMPARE(err, QList<QByteArray>{QByteArray(SyncCanary::WrittenLine)});
            QCOMPARE(out, stdoutText);
            QCOMPARE(sh.exitCode(), status);
            QFile file(canary);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const qint64 written = file.readAll().trimmed().toLongLong();
            QVERIFY(qAbs(written - QDateTime::currentMSecsSinceEpoch()) < 10000);
        } else {
            QCOMPARE(err.last(), QByteArray(SyncCanary::FailedLine));
            QVERIFY(!err.contains(QByteArray(SyncCanary::WrittenLine)));
            QVERIFY(out.isEmpty()); // the command did not run
            QVERIFY(sh.exitCode() != 0);
            QVERIFY(!QFile::exists(canary));
        }
    }

    void ages_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<qint64>("age"); // -1: none
        QTest::newRow("fresh") << QByteArray("1700000001500\n1700000000000\n") << qint64(1500);
        QTest::newRow("clock behind") << QByteArray("1700000000000\n1700000000900\n") << qint64(0);
        QTest::newRow("no canary yet") << QByteArray("1700000000000\n") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("now\nthen\n") << qint64(-1);
        QTest::newRow("zero") << QByteArray("1700000000000\n0\n") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }

    void ages()
    {
        QFETCH(QByteArray, output);
        QFETCH(qint64, age);
        const auto measured = SyncCanary::ageMs(output);
        QCOMPARE(measured.value_or(-1), age);
    }
};

QTEST_GUILESS_MAIN(TestSyncCanary)
#include "tst_synccanary.moc"
