#include "lxd/LxdReplicationJob.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace relais;

// The pure parts of LxdReplicationJob; the replication itself runs against
// the lab's two LXD daemons in tests/integration/tst_lxdreplication.
class TestLxdReplicationJob : public QObject
{
    Q_OBJECT

private slots:
    void copyDefinitionKeepsTheInstanceButNotItsRuntimeState()
    {
        const QJsonObject instance{
            {QStringLiteral("name"), QStringLiteral("web")},
            {QStringLiteral("type"), QStringLiteral("container")},
            {QStringLiteral("architecture"), QStringLiteral("x86_64")},
            {QStringLiteral("status"), QStringLiteral("Running")},
            {QStringLiteral("profiles"),
             QJsonArray{QStringLiteral("default"), QStringLiteral("relais-web")}},
            {QStringLiteral("devices"),
             QJsonObject{{QStringLiteral("data"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("disk")}}}}},
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("boot.autostart"), QStringLiteral("true")},
                         {QStringLiteral("limits.memory"), QStringLiteral("256MB")},
                         {QStringLiteral("volatile.base_image"), QStringLiteral("e643")},
                         {QStringLiteral("volatile.eth0.hwaddr"), QStringLiteral("00:16:3e")},
                         {QStringLiteral("volatile.uuid"), QStringLiteral("8fbe")},
                         {QStringLiteral("volatile.last_state.power"), QStringLiteral("RUNNING")}}},
            {QStringLiteral("ephemeral"), true},
            {QStringLiteral("stateful"), true},
        };
        const QJsonObject d = LxdReplicationJob::copyDefinition(instance);
        QVERIFY(!d.contains(QStringLiteral("name")));
        QVERIFY(!d.contains(QStringLiteral("status")));
        QCOMPARE(d.value(QStringLiteral("type")).toString(), QStringLiteral("container"));
        QCOMPARE(d.value(QStringLiteral("architecture")).toString(), QStringLiteral("x86_64"));
        QCOMPARE(d.value(QStringLiteral("profiles")).toArray().size(), 2);
        QVERIFY(d.value(QStringLiteral("devices")).toObject().contains(QStringLiteral("data")));
        QCOMPARE(d.value(QStringLiteral("ephemeral")).toBool(true), false);
        QCOMPARE(d.value(QStringLiteral("stateful")).toBool(true), false);
        const QJsonObject config = d.value(QStringLiteral("config")).toObject();
        // Never started by the backup's LXD on its own, even when main's is.
        QCOMPARE(config.value(QStringLiteral("boot.autostart")).toString(),
                 QStringLiteral("false"));
        QCOMPARE(config.value(QStringLiteral("limits.memory")).toString(), QStringLiteral("256MB"));
        QCOMPARE(config.value(QStringLiteral("volatile.base_image")).toString(),
                 QStringLiteral("e643"));
        QVERIFY(!config.contains(QStringLiteral("volatile.eth0.hwaddr")));
        QVERIFY(!config.contains(QStringLiteral("volatile.uuid")));
        QVERIFY(!config.contains(QStringLiteral("volatile.last_state.power")));
        QCOMPARE(config.size(), 3);
    }

    void copyDefinitionOfABareInstance()
    {
        const QJsonObject d = LxdReplicationJob::copyDefinition(QJsonObject{});
        QCOMPARE(d.value(QStringLiteral("type")).toString(), QStringLiteral("container"));
        QVERIFY(!d.contains(QStringLiteral("architecture")));
        QCOMPARE(
            d.value(QStringLiteral("config")).toObject().value(QStringLiteral("boot.autostart")),
            QJsonValue(QStringLiteral("false")));
    }

    void bytesFromProgress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes"); // -1: none
        QTest::newRow("bytes") << QStringLiteral("web: 4B (3B/s)") << qint64(4);
        QTest::newRow("kB") << QStringLiteral("web-relais-new: 12.50kB (1kB/s)") << qint64(12500);
        QTest::newRow("MB") << QStringLiteral("web: 330.2MB (45.1MB/s)") << qint64(330200000);
        QTest::newRow("GB") << QStringLiteral("db: 1.5GB (100MB/s)") << qint64(1500000000);
        QTest::newRow("MiB") << QStringLiteral("web: 2MiB (1MiB/s)") << qint64(2 * 1024 * 1024);
        QTest::newRow("percent only") << QStringLiteral("Unpack: 45% (12MB/s)") << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("no size") << QStringLiteral("web: starting") << qint64(-1);
    }

    void bytesFromProgress()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const std::optional<qint64> got = LxdReplicationJob::bytesFromProgress(text);
        QCOMPARE(got.value_or(-1), bytes);
    }

    void byteTallyAddsEveryVolume()
    {
        LxdReplicationJob::ByteTally tally;
        QCOMPARE(tally.total(), qint64(-1));
        // A snapshot volume grows to 300 bytes, then the root filesystem
        // counts again from zero up to 5000; its last report comes twice.
        for (const qint64 reported : {100, 300, 20, 4000, 5000, 5000})
            tally.add(reported);
        QCOMPARE(tally.total(), qint64(5300));
    }

    void byteTallyOfOneVolumeIsItsLastFigure()
    {
        LxdReplicationJob::ByteTally tally;
        tally.add(0);
        QCOMPARE(tally.total(), qint64(0));
        tally.add(4);
        QCOMPARE(tally.total(), qint64(4));
    }

    void stagingAndPreviousNamesDifferFromTheCopy()
    {
        const QString staging = LxdReplicationJob::stagingName(QStringLiteral("web"));
        const QString previous = LxdReplicationJob::previousName(QStringLiteral("web"));
        QCOMPARE(staging, QStringLiteral("web-relais-new"));
        QCOMPARE(previous, QStringLiteral("web-relais-old"));
        QVERIFY(staging != previous);
    }

    void aJobWithoutClientsFailsOnceWithoutBlocking()
    {
        LxdReplicationJob job(nullptr, nullptr, QStringLiteral("web"));
        int finished = 0;
        connect(&job, &LxdReplicationJob::finished, this, [&finished] { ++finished; });
        job.start();
        QCOMPARE(finished, 0); // never from start()
        QTRY_COMPARE(finished, 1);
        QVERIFY(!job.result().ok());
        job.cancel();
        QTest::qWait(20);
        QCOMPARE(finished, 1);
    }
};

QTEST_GUILESS_MAIN(TestLxdReplicationJob)
#include "tst_lxdreplicationjob.moc"
