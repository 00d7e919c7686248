#include "common/Database.h"
#include "common/ManualClock.h"
#include "health/HealthHistory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestHealthHistory : public QObject
{
    Q_OBJECT

private slots:
    void keptAcrossRestarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relais.db"));
        ManualClock clock;
        const HealthEvent first{clock.now(),
                                HealthEvent::Scope::Host,
                                QStringLiteral("main"),
                                HealthState::Up,
                                HealthState::Down,
                                false,
                                QStringLiteral("TCP 10.0.0.1:80: connection refused")};
        clock.advanceSeconds(30);
        const HealthEvent second{
            clock.now(),       HealthEvent::Scope::Probe, QStringLiteral("www/1"),
            HealthState::Down, HealthState::Up,           true,
            QString()};
        {
            auto db = Database::open(path, clock);
            QVERIFY(db.ok());
            HealthHistory history(**db, QStringLiteral("site-a"));
            QVERIFY(history.record(first).ok());
            QVERIFY(history.record(second).ok());
            // Another site's events stay apart.
            HealthHistory other(**db, QStringLiteral("site-b"));
            QVERIFY(other.record(first).ok());
        }
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        HealthHistory history(**db, QStringLiteral("site-a"));
        const auto events = history.recent();
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->at(0), second); // newest first
        QCOMPARE(events->at(1), first);
        QCOMPARE(history.recent(1)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHealthHistory)
#include "tst_healthhistory.moc"
