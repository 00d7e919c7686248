#include "common/Backoff.h"

#include <QTest>

using namespace relais;

// Backoff: quick first, doubled, capped; reset starts again.
class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void doublesUpToTheCap()
    {
        Backoff backoff(100, 1000);
        QList<int> delays;
        for (int i = 0; i < 7; ++i)
            delays.append(backoff.next());
        QCOMPARE(delays, (QList<int>{100, 200, 400, 800, 1000, 1000, 1000}));
    }

    void resetStartsAgain()
    {
        Backoff backoff(150, 600);
        QCOMPARE(backoff.next(), 150);
        QCOMPARE(backoff.next(), 300);
        backoff.reset();
        QCOMPARE(backoff.next(), 150);
    }

    void oddBoundsStayUsable()
    {
        // A cap below the first delay is the first delay; never zero.
        Backoff low(500, 100);
        QCOMPARE(low.max(), 500);
        QCOMPARE(low.next(), 500);
        QCOMPARE(low.next(), 500);
        Backoff zero(0, 0);
        QCOMPARE(zero.next(), 1);
        // No overflow near the largest int.
        Backoff large(1 << 29, 2147483647);
        QCOMPARE(large.next(), 1 << 29);
        QCOMPARE(large.next(), 1 << 30);
        QCOMPARE(large.next(), 2147483647);
        QCOMPARE(large.next(), 2147483647);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
