#include "DrillSamples.h"
#include "DrillTrendChart.h"

#include <QImage>
#include <QTest>

using namespace relais;
using relais::test::drill;
using Series = DrillTrendChart::Series;
using State = DrillRecord::State;

namespace {

const QDateTime Day1(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);

/// Whether a reddish pixel (the missed marker's colour) lies within
/// @p radius of @p at.
bool redNear(const QImage& image, const QPointF& at, int radius)
{
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at.toPoint() + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (c.red() > 150 && c.green() < 110 && c.blue() < 110)
                return true;
        }
    }
    return false;
}

} // namespace

class TestDrillTrendChart : public QObject
{
    Q_OBJECT

    Targets m_targets{.rpoMinutes = 15, .rtoMinutes = 30, .rehearsalReminderDays = 30};

    /// Newest first, as DrillJournal::recent() gives them: a running drill,
    /// a rehearsal that missed its RTO, a failed one, one that met both.
    QList<DrillRecord> history() const
    {
        return {
            drill(4, DrillMode::Rehearsal, State::Running, Day1.addDays(3), {}, {}),
            drill(3, DrillMode::Rehearsal, State::Succeeded, Day1.addDays(2), 40 * 60000, 10),
            drill(2, DrillMode::PlannedFailover, State::Failed, Day1.addDays(1), {}, {}),
            drill(1, DrillMode::Rehearsal, State::Succeeded, Day1, 60000, 30),
        };
    }

private slots:
    void keepsFinishedDrillsOldestFirst()
    {
        DrillTrendChart chart;
        chart.setDrills(history(), m_targets);
        QCOMPARE(chart.drills().size(), 3);
        QCOMPARE(chart.drills().at(0).id, 1);
        QCOMPARE(chart.drills().at(1).id, 2);
        QCOMPARE(chart.drills().at(2).id, 3);

        const auto rto = chart.points(Series::Rto);
        QCOMPARE(rto.size(), 3);
        QCOMPARE(rto.at(0).at, Day1);
        QCOMPARE(rto.at(0).valueMs, std::optional<qint64>(60000));
        QCOMPARE(rto.at(0).met, std::optional<bool>(true));
        QVERIFY(!rto.at(0).failed);
        QVERIFY(rto.at(1).failed);
        QVERIFY(!rto.at(1).valueMs);
        QCOMPARE(rto.at(2).met, std::optional<bool>(false)); // 40 min > 30 min

        const auto rpo = chart.points(Series::Rpo);
        QCOMPARE(rpo.at(0).valueMs, std::optional<qint64>(30000));
        QCOMPARE(rpo.at(2).valueMs, std::optional<qint64>(10000));
        QCOMPARE(rpo.at(2).met, std::optional<bool>(true));
        QCOMPARE(chart.targetMs(Series::Rto), 30 * 60000);
        QCOMPARE(chart.targetMs(Series::Rpo), 15 * 60000);
    }

    void plotsAlongTimeAgainstTheTarget()
    {
        DrillTrendChart chart;
        chart.resize(640, 420);
        chart.setDrills(history(), m_targets);
        const QRectF area = chart.plotArea(Series::Rto);
        QVERIFY(area.isValid());
        QVERIFY(area.bottom() <= chart.plotArea(Series::Rpo).top());

        const auto where = chart.plotted(Series::Rto);
        QCOMPARE(where.size(), 3);
        for (const auto& p : where) {
            QVERIFY(p);
            QVERIFY(area.adjusted(-1, -1, 1, 1).contains(*p));
        }
        // Oldest on the left, evenly spaced days.
        QVERIFY(where.at(0)->x() < where.at(1)->x());
        QVERIFY(where.at(1)->x() < where.at(2)->x());
        QVERIFY(qAbs((where.at(1)->x() - where.at(0)->x()) -
                     (where.at(2)->x() - where.at(1)->x())) < 1.0);
        // 1 min is below the 30 min target line, 40 min above it.
        const qreal target = chart.targetY(Series::Rto);
        // The axis tops at a round 50 min (above 40 min and the 30 min target).
        QVERIFY(qAbs(target - (area.bottom() - area.height() * 30.0 / 50.0)) < 0.5);
        QVERIFY(where.at(0)->y() > target);
        QVERIFY(where.at(2)->y() < target);
        QVERIFY(where.at(2)->y() >= area.top());
        // The failed drill sits on the panel's bottom.
        QVERIFY(where.at(1)->y() > area.bottom() - 10);
        QCOMPARE(chart.unit(Series::Rto), QStringLiteral("min"));

        // Short figures and targets are read in seconds.
        DrillTrendChart seconds;
        seconds.resize(640, 420);
        seconds.setDrills({drill(1, DrillMode::Rehearsal, State::Succeeded, Day1, 42000, 12)},
                          Targets{.rpoMinutes = 1, .rtoMinutes = 1, .rehearsalReminderDays = 30});
        QCOMPARE(seconds.unit(Series::Rto), QStringLiteral("s"));
        const auto single = seconds.plotted(Series::Rto);
        QCOMPARE(single.size(), 1);
        QCOMPARE(single.at(0)->x(), seconds.plotArea(Series::Rto).center().x());
    }

    void unmeasuredDrillsLeaveAGap()
    {
        DrillTrendChart chart;
        chart.resize(640, 420);
        chart.setDrills(
            {drill(2, DrillMode::Rehearsal, State::Succeeded, Day1.addDays(1), 50000, std::nullopt),
             drill(1, DrillMode::Rehearsal, State::Succeeded, Day1, 50000, 20)},
            m_targets);
        const auto rpo = chart.plotted(Series::Rpo);
        QVERIFY(rpo.at(0));
        QVERIFY(!rpo.at(1));
        QVERIFY(!chart.points(Series::Rpo).at(1).met);
    }

    void missedPointsAreMarkedDistinctly()
    {
        DrillTrendChart chart;
        chart.resize(640, 420);
        chart.setDrills(history(), m_targets);
        const QImage image = chart.grab().toImage();
        const auto where = chart.plotted(Series::Rto);
        // The missed RTO is drawn in red; the met one is not.
        QVERIFY(redNear(image, *where.at(2), 6));
        QVERIFY(!redNear(image, *where.at(0), 4));
    }

    void tooltipsAndDescriptionSayTheFigures()
    {
        DrillTrendChart chart;
        chart.resize(640, 420);
        chart.setDrills(history(), m_targets);
        const auto where = chart.plotted(Series::Rto);
        QCOMPARE(chart.drillAt(*where.at(2)), 2);
        QCOMPARE(chart.drillAt(*where.at(0) + QPointF(2, 2)), 0);
        QCOMPARE(chart.drillAt(QPointF(2, 2)), -1);

        const QString missed = chart.drillText(2);
        QVERIFY2(missed.contains(QStringLiteral("Rehearsal, succeeded")), qPrintable(missed));
        QVERIFY2(missed.contains(QStringLiteral("RTO 40 min 00 s (missed; target 30 min)")),
                 qPrintable(missed));
        QVERIFY2(missed.contains(QStringLiteral("RPO 10.0 s (met; target 15 min)")),
                 qPrintable(missed));
        const QString failed = chart.drillText(1);
        QVERIFY2(failed.contains(QStringLiteral("Planned failover, failed")), qPrintable(failed));
        QVERIFY2(failed.contains(QStringLiteral("RTO not measured")), qPrintable(failed));
        QVERIFY(chart.drillText(3).isEmpty());

        QCOMPARE(chart.accessibleName(), QStringLiteral("Trend of RTO and RPO"));
        const QString description = chart.accessibleDescription();
        // Plurals come from the translations (not loaded here): "(s)" stays.
        QVERIFY2(description.startsWith(QStringLiteral("3 drill(s) from")),
                 qPrintable(description));
        QVERIFY2(description.contains(QStringLiteral("1 did not succeed")),
                 qPrintable(description));
        QVERIFY2(description.contains(QStringLiteral("RTO: latest 40 min 00 s, target 30 min, "
                                                     "missed by 1 of 2 measured drill(s).")),
                 qPrintable(description));
        QVERIFY2(description.contains(QStringLiteral("missed by 0 of 2 measured drill(s)")),
                 qPrintable(description));
    }

    void emptyHistory()
    {
        DrillTrendChart chart;
        chart.resize(400, 300);
        chart.setDrills(history(), m_targets);
        chart.setDrills({}, m_targets);
        QVERIFY(chart.drills().isEmpty());
        QVERIFY(chart.plotted(Series::Rto).isEmpty());
        QCOMPARE(chart.accessibleDescription(), QStringLiteral("No finished drill yet."));
        QVERIFY(!chart.grab().isNull());
    }
};

QTEST_MAIN(TestDrillTrendChart)
#include "tst_drilltrendchart.moc"
