#include "common/Database.h"
#include "dns/DnsSwitchHistory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

class TestDnsSwitchHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static DnsSwitchRecord run(const QString& service, DnsSwitchRecord::Outcome outcome, int minute)
    {
        DnsSwitchRecord r;
        r.service = service;
        r.from = DnsSwitchRequest::Side::Main;
        r.to = DnsSwitchRequest::Side::Backup;
        r.mode = DnsSwitchRequest::Mode::Emergency;
        r.startedAt = QDateTime(QDate(2026, 11, 22), QTime(3, minute, 0), Qt::UTC);
        r.endedAt = r.startedAt.addMSecs(2500);
        r.convergenceMs = 1234;
        r.outcome = outcome;
        r.message = u"message %1"_s.arg(minute);
        return r;
    }

private slots:
    void recordsAndReadsBackNewestFirst()
    {
        auto db = Database::open(m_dir.filePath(u"a.db"_s));
        QVERIFY(db.ok());
        QVERIFY((*db)->schemaVersion() >= 6);
        DnsSwitchHistory history(**db, u"site-a"_s);
        DnsSwitchHistory other(**db, u"site-b"_s);
        const DnsSwitchRecord first = run(u"www"_s, DnsSwitchRecord::Outcome::Success, 1);
        DnsSwitchRecord second = run(u"mail"_s, DnsSwitchRecord::Outcome::Failed, 2);
        second.from.reset(); // pointed to neither side
        second.mode = DnsSwitchRequest::Mode::Planned;
        second.convergenceMs = -1;
        const DnsSwitchRecord third = run(u"www"_s, DnsSwitchRecord::Outcome::Cancelled, 3);
        QVERIFY(history.record(first).ok());
        QVERIFY(history.record(second).ok());
        QVERIFY(history.record(third).ok());
        QVERIFY(other.record(run(u"www"_s, DnsSwitchRecord::Outcome::AlreadySwitched, 4)).ok());

        const auto all = history.recent();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0), third);
        QCOMPARE(all->at(1), second);
        QCOMPARE(all->at(2), first);

        const auto www = history.recent(u"www"_s, 1);
        QVERIFY(www.ok());
        QCOMPARE(www->size(), 1);
        QCOMPARE(www->first(), third);

        const auto b = other.recent();
        QCOMPARE(b->size(), 1);
        QCOMPARE(b->first().outcome, DnsSwitchRecord::Outcome::AlreadySwitched);
    }

    void keptAcrossReopening()
    {
        const QString path = m_dir.filePath(u"b.db"_s);
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(DnsSwitchHistory(**db, u"s"_s)
                        .record(run(u"www"_s, DnsSwitchRecord::Outcome::Success, 5))
                        .ok());
        }
        auto db = Database::open(path);
        QVERIFY(db.ok());
        const auto runs = DnsSwitchHistory(**db, u"s"_s).recent();
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().convergenceMs, 1234);
    }
};

QTEST_GUILESS_MAIN(TestDnsSwitchHistory)
#include "tst_dnsswitchhistory.moc"
