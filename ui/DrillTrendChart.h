#pragma once

#include "plan/DrillRecord.h"
#include "site/Targets.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QWidget>
#include <optional>

namespace relais {

/// The trend of the measured RTO and RPO over the finished drills: two
/// panels (RTO above, RPO below) with the drills along time (the oldest on
/// the left), each panel with its target as a dashed line. A drill that met
/// the target is a filled disc; one that missed it a hollow triangle (shape
/// as well as colour); a drill that failed or was cancelled breaks the line
/// and is marked by a cross at the bottom. Each point has a tooltip (date,
/// mode, RTO, RPO), and summary() says the same in words (accessible
/// description), so the chart is never the only way to read the figures.
class DrillTrendChart : public QWidget
{
    Q_OBJECT

public:
    enum class Series
    {
        Rto,
        Rpo,
    };

    /// One drill as plotted in one series.
    struct Point
    {
        QDateTime at;                  ///< the drill's start
        bool failed = false;           ///< the drill did not succeed: a cross, a gap in the line
        std::optional<qint64> valueMs; ///< the measure (unset: not measured)
        std::optional<bool> met;       ///< against the target (unset: not measured)
    };

    explicit DrillTrendChart(QWidget* parent = nullptr);

    /// The drills to plot (any order; drills still running are left out).
    void setDrills(const QList<DrillRecord>& drills, const Targets& targets);
    /// The drills plotted, oldest first.
    const QList<DrillRecord>& drills() const { return m_drills; }

    /// The points of @p series, oldest first (one per drill).
    QList<Point> points(Series series) const;
    /// Where each point of @p series is drawn at the current size: unset for
    /// a drill without a measure (a failed drill is at the panel's bottom).
    QList<std::optional<QPointF>> plotted(Series series) const;
    /// The panel of @p series and the height of its target line.
    QRectF plotArea(Series series) const;
    qreal targetY(Series series) const;
    /// The unit of the axis of @p series: "s" or "min".
    QString unit(Series series) const;
    /// The target of @p series, in milliseconds.
    qint64 targetMs(Series series) const;
    /// The drill under @p position (-1: none), within a few pixels.
    int drillAt(const QPointF& position) const;
    /// The tooltip of a drill: date, mode, outcome, RTO and RPO.
    QString drillText(int index) const;
    /// The chart in words.
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    qreal xOf(int index, const QRectF& area) const;
    /// The highest figure of @p series or its target, with some room.
    qint64 highestMs(Series series) const;
    /// Whether the axis of @p series counts minutes (else seconds).
    bool inMinutes(Series series) const;
    /// The top of the axis of @p series, in milliseconds: a round value.
    qint64 scaleMs(Series series) const;
    std::optional<qint64> valueOf(const DrillRecord& drill, Series series) const;
    std::optional<bool> metOf(const DrillRecord& drill, Series series) const;
    void paintSeries(QPainter& painter, Series series) const;
    void paintLegend(QPainter& painter) const;
    void updateDescription();

    QList<DrillRecord> m_drills;
    Targets m_targets;
};

} // namespace relais
