#include "sync/ReverseSyncConflicts.h"

#include <QTest>

using namespace relais;

// The failback's conflict check without hosts: which files of the reverse
// dry run main changed itself, and the command that lists those.
class TestReverseSyncConflicts : public QObject
{
    Q_OBJECT

    static SyncJob job(const QString& source)
    {
        SyncJob j;
        j.name = QStringLiteral("www");
        j.sources = {source};
        j.destination = QStringLiteral("/srv/copy");
        return j;
    }

    static RsyncItem item(RsyncItem::Change change, char type, const char* path)
    {
        RsyncItem i;
        i.change = change;
        i.fileType = type;
        i.path = QLatin1String(path);
        return i;
    }

private slots:
    void command()
    {
        const QDateTime since =
            QDateTime::fromString(QStringLiteral("2026-12-04T15:30:12.750Z"), Qt::ISODateWithMs);
        const QString command =
            ReverseSyncConflicts::changedSinceCommand(job(QStringLiteral("/srv/my www/")), since);
        // Whole seconds, rounded down: a change in the lock's second counts.
        QVERIFY2(command.contains(QStringLiteral("-newermt @%1 ").arg(since.toSecsSinceEpoch())),
                 qPrintable(command));
        QVERIFY(command.contains(QStringLiteral("cd -- '/srv/my www' && find . -mindepth 1 ! "
                                                "-type d")));
        QVERIFY(command.startsWith(QStringLiteral("if [ -d '/srv/my www' ]; then")));
    }

    void parse_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("paths");
        QTest::newRow("content") << QStringLiteral("/srv/www/")
                                 << QStringList{QStringLiteral("index.html"),
                                                QStringLiteral("data/a.bin")};
        QTest::newRow("directory")
            << QStringLiteral("/srv/www")
            << QStringList{QStringLiteral("www/index.html"), QStringLiteral("www/data/a.bin")};
    }

    void parse()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, paths);
        QCOMPARE(ReverseSyncConflicts::parseChanged("index.html\ndata/a.bin\n\n", job(source)),
                 paths);
        QCOMPARE(ReverseSyncConflicts::parseChanged(QByteArray(), job(source)), QStringList());
    }

    void conflicts()
    {
        using C = RsyncItem::Change;
        const QList<RsyncItem> items = {
            item(C::Sent, 'f', "index.html"),            // changed on backup and on main
            item(C::Sent, 'f', "only-backup.txt"),       // changed on backup only
            item(C::Attributes, 'd', "data/"),           // a directory: never a conflict
            item(C::Deleted, 0, "data/new-on-main.txt"), // main made it: it would go
            item(C::Deleted, 0, "old/"),
            item(C::Sent, 'f', ".relais-canary"), // the canary is not sent back
            item(C::Sent, 'f', "index.html"),
        };
        const QStringList changedOnMain = {
            QStringLiteral("index.html"),    QStringLiteral("data/new-on-main.txt"),
            QStringLiteral("data"),          QStringLiteral("old"),
            QStringLiteral("main-only.txt"), QStringLiteral(".relais-canary")};
        QCOMPARE(
            ReverseSyncConflicts::conflicts(items, changedOnMain),
            (QStringList{QStringLiteral("data/new-on-main.txt"), QStringLiteral("index.html")}));
        QCOMPARE(ReverseSyncConflicts::conflicts(items, {}), QStringList());
        QCOMPARE(ReverseSyncConflicts::conflicts({}, changedOnMain), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestReverseSyncConflicts)
#include "tst_reversesyncconflicts.moc"
