#include "sync/RsyncOutputParser.h"

#include <QFile>
#include <QTest>

using namespace relais;

namespace {

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(RELAIS_TEST_DATA_DIR "/rsync/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

struct Parsed
{
    QList<RsyncItem> items;
    QStringList messages;
    std::optional<RsyncProgress> progress;
    RsyncStats stats;
    int progressUpdates = 0;
};

/// Feeds @p output in pieces of @p step bytes.
Parsed parse(const QByteArray& output, qsizetype step)
{
    RsyncOutputParser parser;
    Parsed parsed;
    for (qsizetype at = 0; at < output.size(); at += step) {
        parser.feed(QByteArrayView(output).sliced(at, std::min(step, output.size() - at)));
        if (parser.takeProgressChanged())
            ++parsed.progressUpdates;
        parsed.items += parser.takeItems();
        parsed.messages += parser.takeMessages();
    }
    parser.finish();
    parsed.items += parser.takeItems();
    parsed.messages += parser.takeMessages();
    parsed.progress = parser.progress();
    parsed.stats = parser.stats();
    return parsed;
}

} // namespace

class TestRsyncOutputParser : public QObject
{
    Q_OBJECT

private slots:
    void firstCopy_data()
    {
        QTest::addColumn<int>("step");
        for (int step : {1, 2, 7, 64, 100000})
            QTest::newRow(qPrintable(QStringLiteral("chunks of %1").arg(step))) << step;
    }

    // Real output of rsync -a --delete -i --info=progress2 --stats, read in
    // chunks of every size: the same result each time.
    void firstCopy()
    {
        QFETCH(int, step);
        const Parsed p = parse(fixture("first-copy.out"), step);
        QVERIFY2(p.messages.isEmpty(), qPrintable(p.messages.join(QLatin1Char('\n'))));
        QCOMPARE(p.items.size(), 6);
        QCOMPARE(p.items.at(0).change, RsyncItem::Change::Deleted);
        QCOMPARE(p.items.at(0).path, QStringLiteral("stale"));
        QStringList paths;
        for (const RsyncItem& item : p.items)
            paths.append(item.path);
        QVERIFY(paths.contains(QStringLiteral("big")));
        QVERIFY(paths.contains(QStringLiteral("link"))); // "link -> big" without target
        QVERIFY(paths.contains(QStringLiteral("d/")));
        QVERIFY(paths.contains(QStringLiteral("d/small")));
        QVERIFY(paths.contains(QStringLiteral("café \x01odd"))); // escapes decoded
        for (const RsyncItem& item : p.items) {
            if (item.change != RsyncItem::Change::Deleted)
                QVERIFY2(item.isNew, qPrintable(item.path));
        }
        QVERIFY(p.progress);
        QCOMPARE(p.progress->toCheck, 0);
        QCOMPARE(p.progress->total, 6);
        QVERIFY(p.progress->listComplete);
        QVERIFY(p.progressUpdates >= 1);
        QVERIFY(p.stats.complete());
        QCOMPARE(p.stats.files, 6);
        QCOMPARE(p.stats.deletedFiles, 1);
        QCOMPARE(p.stats.transferredFiles, 3);
        QCOMPARE(p.stats.totalSize, 3000007);
    }

    void update()
    {
        const Parsed p = parse(fixture("update.out"), 3);
        QVERIFY(p.messages.isEmpty());
        QCOMPARE(p.items.size(), 2);
        QCOMPARE(p.items.at(0).change, RsyncItem::Change::Deleted);
        QCOMPARE(p.items.at(0).path, QStringLiteral("link"));
        QCOMPARE(p.items.at(1).change, RsyncItem::Change::Sent);
        QCOMPARE(p.items.at(1).fileType, 'f');
        QCOMPARE(p.items.at(1).flags, QStringLiteral(">f.st......"));
        QVERIFY(!p.items.at(1).isNew);
        QCOMPARE(p.stats.transferredFiles, 1);
        QCOMPARE(p.stats.transferredSize, 11);
    }

    void progressLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<int>("percent");
        QTest::addColumn<qint64>("rate");
        QTest::addColumn<int>("eta");
        QTest::addColumn<int>("xfr");
        QTest::addColumn<int>("toCheck");
        QTest::addColumn<int>("total");
        QTest::newRow("start") << "         32,768   1%    0.00kB/s    0:00:00  " << true
                               << qint64(32768) << 1 << qint64(0) << 0 << 0 << -1 << -1;
        QTest::newRow("full") << "  3,000,000  99%  282.98MB/s    0:00:00 (xfr#1, to-chk=3/5)"
                              << true << qint64(3000000) << 99 << qint64(296726036) << 0 << 1 << 3
                              << 5;
        QTest::newRow("incremental list")
            << "  1,234,567,890  42%   10.00MB/s    1:02:03 (xfr#1234, ir-chk=1002/10005)" << true
            << qint64(1234567890) << 42 << qint64(10485760) << 3723 << 1234 << 1002 << 10005;
        QTest::newRow("GB rate") << "  5  0%  1.50GB/s  0:00:01" << true << qint64(5) << 0
                                 << qint64(1610612736) << 1 << 0 << -1 << -1;
        QTest::newRow("message") << "rsync: [sender] link_stat \"/x\" failed: No such file" << false
                                 << qint64(0) << 0 << qint64(0) << 0 << 0 << 0 << 0;
        QTest::newRow("no percent") << "  3,000  99  1.00kB/s  0:00:00" << false << qint64(0) << 0
                                    << qint64(0) << 0 << 0 << 0 << 0;
        QTest::newRow("bad unit") << "  3,000  99%  1.00XB/s  0:00:00" << false << qint64(0) << 0
                                  << qint64(0) << 0 << 0 << 0 << 0;
    }

    void progressLines()
    {
        QFETCH(QString, line);
        QFETCH(bool, valid);
        const auto p = RsyncOutputParser::parseProgress(line);
        QCOMPARE(p.has_value(), valid);
        if (!valid)
            return;
        QFETCH(qint64, bytes);
        QFETCH(int, percent);
        QFETCH(qint64, rate);
        QFETCH(int, eta);
        QFETCH(int, xfr);
        QFETCH(int, toCheck);
        QFETCH(int, total);
        QCOMPARE(p->bytes, bytes);
        QCOMPARE(p->percent, percent);
        QCOMPARE(p->bytesPerSecond, rate);
        QCOMPARE(p->etaSeconds, eta);
        QCOMPARE(p->transferred, xfr);
        QCOMPARE(p->toCheck, toCheck);
        QCOMPARE(p->total, total);
    }

    void items_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("path");
        QTest::newRow("new file") << ">f+++++++++ a b/c" << true << int(RsyncItem::Change::Sent)
                                  << "a b/c";
        QTest::newRow("received") << "<f.st...... x" << true << int(RsyncItem::Change::Sent) << "x";
        QTest::newRow("dir") << "cd+++++++++ d/" << true << int(RsyncItem::Change::Created) << "d/";
        QTest::newRow("symlink") << "cL+++++++++ l -> t" << true << int(RsyncItem::Change::Created)
                                 << "l";
        QTest::newRow("hard link")
            << "hf+++++++++ h => f" << true << int(RsyncItem::Change::HardLink) << "h";
        QTest::newRow("attributes")
            << ".d..t...... ./" << true << int(RsyncItem::Change::Attributes) << "./";
        QTest::newRow("deleting") << "*deleting   old/file" << true
                                  << int(RsyncItem::Change::Deleted) << "old/file";
        QTest::newRow("short") << ">f+++" << false << 0 << "";
        QTest::newRow("bad type") << ">z+++++++++ x" << false << 0 << "";
        QTest::newRow("no path") << ">f+++++++++ " << false << 0 << "";
        QTest::newRow("prose") << "sending incremental file list" << false << 0 << "";
    }

    void items()
    {
        QFETCH(QString, line);
        QFETCH(bool, valid);
        const auto item = RsyncOutputParser::parseItem(line);
        QCOMPARE(item.has_value(), valid);
        if (!valid)
            return;
        QFETCH(int, change);
        QFETCH(QString, path);
        QCOMPARE(int(item->change), change);
        QCOMPARE(item->path, path);
    }

    void messagesAreKept()
    {
        const Parsed p = parse("rsync: [sender] send_files failed to open \"/s/x\": Permission "
                               "denied (13)\r\nrsync error: some files/attrs were not "
                               "transferred (code 23) at main.c(1338)\n",
                               5);
        QCOMPARE(p.messages.size(), 2);
        QVERIFY(p.messages.at(0).contains(QStringLiteral("Permission denied")));
        QVERIFY(p.messages.at(1).contains(QStringLiteral("code 23")));
    }

    void unescape_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QByteArray("a/b") << "a/b";
        QTest::newRow("octal") << QByteArray("caf\\#303\\#251") << "café";
        QTest::newRow("hex") << QByteArray("caf\\xc3\\xa9") << "café";
        QTest::newRow("cut octal") << QByteArray("x\\#30") << "x\\#30";
        QTest::newRow("cut hex") << QByteArray("x\\xc") << "x\\xc";
        QTest::newRow("not octal") << QByteArray("\\#999") << "\\#999";
    }

    void unescape()
    {
        QFETCH(QByteArray, in);
        QFETCH(QString, out);
        QCOMPARE(RsyncOutputParser::unescape(in), out);
    }

    // Garbage, long lines and binary noise never crash and end as messages.
    void hostileInput()
    {
        QByteArray noise;
        for (int i = 0; i < 200000; ++i)
            noise.append(static_cast<char>((i * 7919) % 256));
        const Parsed p = parse(noise, 4096);
        QVERIFY(!p.stats.complete());
        const Parsed longLine = parse(QByteArray(300000, 'a'), 1000);
        QVERIFY(!longLine.messages.isEmpty());
        QVERIFY(!parse("Number of files: lots\n", 1).stats.complete());
    }
};

QTEST_GUILESS_MAIN(TestRsyncOutputParser)
#include "tst_rsyncoutputparser.moc"
