#include "DrillTrendChart.h"

#include "plan/DrillReport.h"
#include "plan/DrillText.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>

namespace relais {

namespace {

constexpr qreal MarkerRadius = 4.5;
constexpr qreal Pad = 10;      ///< between a panel's side and its first and last drill
constexpr qreal HitRadius = 8; ///< how near a point the pointer must be for its tooltip

const QColor RtoColour(0x15, 0x65, 0xc0);
const QColor RpoColour(0x6a, 0x1b, 0x9a);
const QColor MissedColour(0xc6, 0x28, 0x28);
const QColor FailedColour(0x75, 0x75, 0x75);

/// The layout of the chart at a size: the legend on top, then each
/// panel under its title, the dates at the bottom.
struct Frame
{
    QRectF rto;
    QRectF rpo;
};

Frame frameOf(const QRect& rect, const QFontMetrics& metrics)
{
    const qreal line = metrics.height();
    const qreal axis = metrics.horizontalAdvance(QStringLiteral("000.0 min")) + 10;
    const QRectF area = QRectF(rect).adjusted(axis, line + 10, -14, -(line + 8));
    const qreal title = line + 2;
    const qreal gap = 8;
    const qreal panel = std::max<qreal>(12, (area.height() - 2 * title - gap) / 2);
    Frame frame;
    frame.rto = QRectF(area.left(), area.top() + title, area.width(), panel);
    frame.rpo = QRectF(area.left(), frame.rto.bottom() + gap + title, area.width(), panel);
    return frame;
}

QString formatValue(qint64 ms, bool minutes)
{
    const double value = minutes ? double(ms) / 60000.0 : double(ms) / 1000.0;
    const bool whole = std::abs(value - std::round(value)) < 0.05 || value >= 100;
    return QLocale().toString(value, 'f', whole ? 0 : 1);
}

} // namespace

DrillTrendChart::DrillTrendChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("drillTrend"));
    setAccessibleName(tr("Trend of RTO and RPO"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setMouseTracking(true);
    updateDescription();
}

void DrillTrendChart::setDrills(const QList<DrillRecord>& drills, const Targets& targets)
{
    m_drills.clear();
    for (const DrillRecord& drill : drills) {
        if (drill.state == DrillRecord::State::Running || !drill.startedAt.isValid())
            continue;
        DrillRecord kept = drill;
        kept.steps.clear(); // the chart needs the figures only
        kept.decisions.clear();
        m_drills.append(std::move(kept));
    }
    std::stable_sort(
        m_drills.begin(), m_drills.end(),
        [](const DrillRecord& a, const DrillRecord& b) { return a.startedAt < b.startedAt; });
    m_targets = targets;
    updateDescription();
    update();
}

std::optional<qint64> DrillTrendChart::valueOf(const DrillRecord& drill, Series series) const
{
    if (series == Series::Rto)
        return drill.rtoMs;
    if (drill.rpoSeconds)
        return *drill.rpoSeconds * 1000;
    return std::nullopt;
}

std::optional<bool> DrillTrendChart::metOf(const DrillRecord& drill, Series series) const
{
    return series == Series::Rto ? DrillReport::rtoMet(drill, m_targets)
                                 : DrillReport::rpoMet(drill, m_targets);
}

qint64 DrillTrendChart::targetMs(Series series) const
{
    return series == Series::Rto ? qint64(m_targets.rtoMinutes) * 60000
                                 : qint64(m_targets.rpoMinutes) * 60000;
}

QList<DrillTrendChart::Point> DrillTrendChart::points(Series series) const
{
    QList<Point> result;
    for (const DrillRecord& drill : m_drills) {
        Point point;
        point.at = drill.startedAt;
        point.failed = drill.state != DrillRecord::State::Succeeded;
        point.valueMs = valueOf(drill, series);
        point.met = metOf(drill, series);
        result.append(point);
    }
    return result;
}

qint64 DrillTrendChart::highestMs(Series series) const
{
    qint64 top = targetMs(series);
    for (const DrillRecord& drill : m_drills) {
        if (const auto value = valueOf(drill, series))
            top = std::max(top, *value);
    }
    // A little room above the highest point.
    return std::max<qint64>(1000, top + top / 10);
}

bool DrillTrendChart::inMinutes(Series series) const
{
    return highestMs(series) >= 120000;
}

qint64 DrillTrendChart::scaleMs(Series series) const
{
    // A round top in the axis' unit (1, 2, 4, 5 or 8 times a power of
    // ten), so that the top and its half read plainly.
    const qint64 unitMs = inMinutes(series) ? 60000 : 1000;
    const double top = double(highestMs(series)) / double(unitMs);
    double power = 1;
    while (power * 10 < top)
        power *= 10;
    for (const double step : {1.0, 2.0, 4.0, 5.0, 8.0, 10.0}) {
        if (step * power >= top)
            return qint64(step * power * double(unitMs));
    }
    return qint64(10 * power * double(unitMs));
}

QString DrillTrendChart::unit(Series series) const
{
    return inMinutes(series) ? tr("min") : tr("s");
}

QRectF DrillTrendChart::plotArea(Series series) const
{
    const Frame frame = frameOf(rect(), fontMetrics());
    return series == Series::Rto ? frame.rto : frame.rpo;
}

qreal DrillTrendChart::targetY(Series series) const
{
    const QRectF area = plotArea(series);
    return area.bottom() - area.height() * qreal(targetMs(series)) / qreal(scaleMs(series));
}

qreal DrillTrendChart::xOf(int index, const QRectF& area) const
{
    const int count = int(m_drills.size());
    if (count <= 1)
        return area.center().x();
    const qreal left = area.left() + Pad;
    const qreal width = std::max<qreal>(1, area.width() - 2 * Pad);
    const qint64 span = m_drills.first().startedAt.msecsTo(m_drills.last().startedAt);
    if (span <= 0)
        return left + width * qreal(index) / qreal(count - 1);
    return left + width * qreal(m_drills.first().startedAt.msecsTo(m_drills.at(index).startedAt)) /
                      qreal(span);
}

QList<std::optional<QPointF>> DrillTrendChart::plotted(Series series) const
{
    const QRectF area = plotArea(series);
    const qreal scale = qreal(scaleMs(series));
    QList<std::optional<QPointF>> result;
    for (int i = 0; i < m_drills.size(); ++i) {
        const DrillRecord& drill = m_drills.at(i);
        const qreal x = xOf(i, area);
        const auto value = valueOf(drill, series);
        if (drill.state != DrillRecord::State::Succeeded)
            result.append(QPointF(x, area.bottom() - MarkerRadius - 1));
        else if (value)
            result.append(QPointF(x, area.bottom() - area.height() * qreal(*value) / scale));
        else
            result.append(std::nullopt);
    }
    return result;
}

int DrillTrendChart::drillAt(const QPointF& position) const
{
    int best = -1;
    qreal bestDistance = HitRadius;
    for (Series series : {Series::Rto, Series::Rpo}) {
        const auto where = plotted(series);
        for (int i = 0; i < where.size(); ++i) {
            if (!where.at(i))
                continue;
            const qreal distance = QLineF(*where.at(i), position).length();
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
    }
    return best;
}

QString DrillTrendChart::drillText(int index) const
{
    if (index < 0 || index >= m_drills.size())
        return {};
    const DrillRecord& drill = m_drills.at(index);
    const auto line = [&](Series series) {
        const auto value = valueOf(drill, series);
        const auto met = metOf(drill, series);
        const int target = series == Series::Rto ? m_targets.rtoMinutes : m_targets.rpoMinutes;
        const QString name = series == Series::Rto ? tr("RTO") : tr("RPO");
        if (!value || !met)
            return tr("%1 not measured").arg(name);
        return (*met ? tr("%1 %2 (met; target %n min)", nullptr, target)
                     : tr("%1 %2 (missed; target %n min)", nullptr, target))
            .arg(name, DrillText::duration(*value));
    };
    QString text = tr("%1 — %2, %3")
                       .arg(QLocale().toString(drill.startedAt.toLocalTime(), QLocale::ShortFormat),
                            DrillText::mode(drill.mode), DrillText::runState(drill.state));
    text += QLatin1Char('\n') + line(Series::Rto) + QLatin1Char('\n') + line(Series::Rpo);
    if (!drill.message.isEmpty())
        text += QLatin1Char('\n') + drill.message;
    return text;
}

QString DrillTrendChart::summary() const
{
    if (m_drills.isEmpty())
        return tr("No finished drill yet.");
    const QLocale locale;
    QString text = tr("%n drill(s)", nullptr, int(m_drills.size()));
    text +=
        QLatin1Char(' ') + tr("from %1 to %2.")
                               .arg(locale.toString(m_drills.first().startedAt.toLocalTime().date(),
                                                    QLocale::ShortFormat),
                                    locale.toString(m_drills.last().startedAt.toLocalTime().date(),
                                                    QLocale::ShortFormat));
    int failed = 0;
    for (const DrillRecord& drill : m_drills)
        failed += drill.state != DrillRecord::State::Succeeded ? 1 : 0;
    if (failed > 0)
        text += QLatin1Char(' ') + tr("%n did not succeed.", nullptr, failed);
    for (Series series : {Series::Rto, Series::Rpo}) {
        const QString name = series == Series::Rto ? tr("RTO") : tr("RPO");
        const int target = series == Series::Rto ? m_targets.rtoMinutes : m_targets.rpoMinutes;
        int measured = 0;
        int missed = 0;
        std::optional<qint64> last;
        for (const DrillRecord& drill : m_drills) {
            const auto met = metOf(drill, series);
            if (!met)
                continue;
            ++measured;
            missed += *met ? 0 : 1;
            last = valueOf(drill, series);
        }
        text += QLatin1Char(' ');
        if (!last)
            text += tr("%1: never measured (target %n min).", nullptr, target).arg(name);
        else
            text += tr("%1: latest %2, target %n min, ", nullptr, target)
                        .arg(name, DrillText::duration(*last)) +
                    tr("missed by %n of %1 measured drill(s).", nullptr, missed).arg(measured);
    }
    return text;
}

void DrillTrendChart::updateDescription()
{
    setAccessibleDescription(summary());
}

QSize DrillTrendChart::sizeHint() const
{
    return {600, 18 * fontMetrics().height()};
}

QSize DrillTrendChart::minimumSizeHint() const
{
    return {240, 11 * fontMetrics().height()};
}

bool DrillTrendChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = drillAt(help->pos());
        if (index >= 0) {
            QToolTip::showText(help->globalPos(), drillText(index), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange)
        updateDescription();
    return QWidget::event(event);
}

void DrillTrendChart::paintLegend(QPainter& painter) const
{
    const QFontMetrics metrics = fontMetrics();
    const qreal y = 4 + metrics.height() / 2.0;
    qreal x = plotArea(Series::Rto).left();
    const QColor text = palette().color(QPalette::Text);
    const auto label = [&](const QString& words) {
        painter.setPen(text);
        const qreal width = metrics.horizontalAdvance(words);
        painter.drawText(QRectF(x, 4, width + 2, metrics.height()), Qt::AlignVCenter, words);
        x += width + 16;
    };
    painter.setRenderHint(QPainter::Antialiasing);
    // RTO and RPO: their colours, as met (a filled disc).
    for (const auto& [colour, name] : {std::pair{RtoColour, tr("RTO")}, {RpoColour, tr("RPO")}}) {
        painter.setPen(QPen(colour, 1.5));
        painter.setBrush(colour);
        painter.drawEllipse(QPointF(x + MarkerRadius, y), MarkerRadius, MarkerRadius);
        x += 2 * MarkerRadius + 4;
        label(name);
    }
    painter.setPen(QPen(MissedColour, 1.8));
    painter.setBrush(Qt::NoBrush);
    QPolygonF triangle;
    triangle << QPointF(x + MarkerRadius, y - MarkerRadius - 1)
             << QPointF(x + 2 * MarkerRadius + 1, y + MarkerRadius)
             << QPointF(x - 1, y + MarkerRadius);
    painter.drawPolygon(triangle);
    x += 2 * MarkerRadius + 4;
    label(tr("target missed"));
    painter.setPen(QPen(FailedColour, 2));
    painter.drawLine(QPointF(x, y - MarkerRadius), QPointF(x + 2 * MarkerRadius, y + MarkerRadius));
    painter.drawLine(QPointF(x, y + MarkerRadius), QPointF(x + 2 * MarkerRadius, y - MarkerRadius));
    x += 2 * MarkerRadius + 4;
    label(tr("failed or cancelled"));
    QPen dashed(text, 1, Qt::DashLine);
    painter.setPen(dashed);
    painter.drawLine(QPointF(x, y), QPointF(x + 18, y));
    x += 22;
    label(tr("target"));
}

void DrillTrendChart::paintSeries(QPainter& painter, Series series) const
{
    const QRectF area = plotArea(series);
    const QFontMetrics metrics = fontMetrics();
    const QPalette& pal = palette();
    const QColor colour = series == Series::Rto ? RtoColour : RpoColour;
    const bool minutes = inMinutes(series);
    const qint64 scale = scaleMs(series);

    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area);
    // The axis: 0, half and the top, in the series' unit.
    painter.setPen(pal.color(QPalette::Text));
    for (const qreal fraction : {0.0, 0.5, 1.0}) {
        const qreal y = area.bottom() - area.height() * fraction;
        const QString value = formatValue(qint64(qreal(scale) * fraction), minutes);
        painter.drawText(QRectF(0, y - metrics.height() / 2.0, area.left() - 6, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, value);
        if (fraction > 0 && fraction < 1) {
            painter.setPen(QPen(pal.color(QPalette::Midlight), 1, Qt::DotLine));
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
            painter.setPen(pal.color(QPalette::Text));
        }
    }
    const QString title =
        (series == Series::Rto ? tr("RTO (%1)") : tr("RPO (%1)")).arg(unit(series));
    QFont bold = painter.font();
    bold.setBold(true);
    painter.save();
    painter.setFont(bold);
    painter.setPen(colour);
    painter.drawText(
        QRectF(area.left(), area.top() - metrics.height() - 2, area.width(), metrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.restore();

    // The target, dashed, with its value.
    const qreal targetLine = targetY(series);
    painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
    painter.drawLine(QPointF(area.left(), targetLine), QPointF(area.right(), targetLine));
    const QString targetText =
        tr("target %1 %2").arg(formatValue(targetMs(series), minutes), unit(series));
    painter.drawText(
        QRectF(area.left(), targetLine - metrics.height() - 1, area.width() - 4, metrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, targetText);

    // The line through the measured drills, broken where a drill failed or
    // measured nothing; then the markers over it.
    painter.setRenderHint(QPainter::Antialiasing, true);
    const auto where = plotted(series);
    QPainterPath path;
    bool drawing = false;
    for (int i = 0; i < where.size(); ++i) {
        const bool measured = m_drills.at(i).state == DrillRecord::State::Succeeded && where.at(i);
        if (!measured) {
            drawing = false;
            continue;
        }
        if (drawing)
            path.lineTo(*where.at(i));
        else
            path.moveTo(*where.at(i));
        drawing = true;
    }
    painter.setPen(QPen(colour, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);

    for (int i = 0; i < where.size(); ++i) {
        if (!where.at(i))
            continue;
        const QPointF p = *where.at(i);
        const DrillRecord& drill = m_drills.at(i);
        if (drill.state != DrillRecord::State::Succeeded) {
            painter.setPen(QPen(FailedColour, 2));
            painter.drawLine(p + QPointF(-MarkerRadius, -MarkerRadius),
                             p + QPointF(MarkerRadius, MarkerRadius));
            painter.drawLine(p + QPointF(-MarkerRadius, MarkerRadius),
                             p + QPointF(MarkerRadius, -MarkerRadius));
            continue;
        }
        const auto met = metOf(drill, series);
        if (met && !*met) {
            QPolygonF triangle;
            triangle << p + QPointF(0, -MarkerRadius - 1.5)
                     << p + QPointF(MarkerRadius + 1, MarkerRadius)
                     << p + QPointF(-MarkerRadius - 1, MarkerRadius);
            painter.setPen(QPen(MissedColour, 1.8));
            painter.setBrush(pal.color(QPalette::Base));
            painter.drawPolygon(triangle);
        } else {
            painter.setPen(QPen(colour, 1));
            painter.setBrush(colour);
            painter.drawEllipse(p, MarkerRadius, MarkerRadius);
        }
    }
}

void DrillTrendChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QPalette& pal = palette();
    painter.fillRect(rect(), pal.base());
    if (m_drills.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No finished drill yet."));
        return;
    }
    paintLegend(painter);
    paintSeries(painter, Series::Rto);
    paintSeries(painter, Series::Rpo);

    // The dates under the lower panel: the first drill's and the last's.
    const QRectF area = plotArea(Series::Rpo);
    const QFontMetrics metrics = fontMetrics();
    const QLocale locale;
    painter.setPen(pal.color(QPalette::Text));
    const QRectF below(area.left(), area.bottom() + 3, area.width(), metrics.height());
    const QString first =
        locale.toString(m_drills.first().startedAt.toLocalTime().date(), QLocale::ShortFormat);
    const QString last =
        locale.toString(m_drills.last().startedAt.toLocalTime().date(), QLocale::ShortFormat);
    if (m_drills.size() == 1) {
        painter.drawText(below, Qt::AlignHCenter | Qt::AlignTop, first);
    } else {
        painter.drawText(below, Qt::AlignLeft | Qt::AlignTop, first);
        painter.drawText(below, Qt::AlignRight | Qt::AlignTop, last);
    }
}

} // namespace relais
