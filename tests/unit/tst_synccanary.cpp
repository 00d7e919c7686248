#include "sync/SyncCanary.h"

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
