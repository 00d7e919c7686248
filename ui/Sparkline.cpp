#include "Sparkline.h"

#include "HealthText.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace relais {

Sparkline::Sparkline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sparkline"));
    setAccessibleName(tr("Latency"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateDescription();
}

void Sparkline::setSeries(QList<QList<LatencySample>> series)
{
    m_series = std::move(series);
    updateDescription();
    update();
}

void Sparkline::clear()
{
    setSeries({});
}

void Sparkline::setWindow(std::chrono::seconds window)
{
    m_window = std::max(window, std::chrono::seconds(1));
    updateDescription();
    update();
}

QSize Sparkline::sizeHint() const
{
    return {200, 40};
}

QSize Sparkline::minimumSizeHint() const
{
    return {60, 28};
}

QDateTime Sparkline::newest() const
{
    QDateTime latest;
    for (const auto& samples : m_series) {
        if (!samples.isEmpty() && (!latest.isValid() || samples.last().at > latest))
            latest = samples.last().at;
    }
    return latest;
}

bool Sparkline::inWindow(const LatencySample& sample, const QDateTime& right) const
{
    const qint64 age = sample.at.msecsTo(right);
    return age >= 0 && age <= qint64(m_window.count()) * 1000;
}

int Sparkline::shownChecks() const
{
    const QDateTime right = newest();
    int count = 0;
    for (const auto& samples : m_series)
        count += int(std::count_if(samples.begin(), samples.end(),
                                   [&](const LatencySample& s) { return inWindow(s, right); }));
    return count;
}

int Sparkline::shownFailures() const
{
    const QDateTime right = newest();
    int count = 0;
    for (const auto& samples : m_series)
        count += int(std::count_if(samples.begin(), samples.end(), [&](const LatencySample& s) {
            return !s.ok && inWindow(s, right);
        }));
    return count;
}

QString Sparkline::summary() const
{
    const QDateTime right = newest();
    const int minutes = std::max(1, int(m_window.count() / 60));
    qint64 low = -1;
    qint64 high = -1;
    int checks = 0;
    int failures = 0;
    for (const auto& samples : m_series) {
        for (const LatencySample& sample : samples) {
            if (!inWindow(sample, right))
                continue;
            ++checks;
            if (!sample.ok) {
                ++failures;
                continue;
            }
            low = low < 0 ? sample.latencyMs : std::min(low, sample.latencyMs);
            high = std::max(high, sample.latencyMs);
        }
    }
    if (checks == 0)
        return tr("Latency: no check yet");
    QString text = tr("Last %n minute(s): ", nullptr, minutes) +
                   tr("%n check(s)", nullptr, checks) + QStringLiteral(", ") +
                   tr("%n failed", nullptr, failures);
    if (high >= 0)
        text += QStringLiteral("; ") + tr("latency %1–%2 ms").arg(low).arg(high);
    return text;
}

void Sparkline::updateDescription()
{
    const QString text = summary();
    setToolTip(text);
    setAccessibleDescription(text);
}

void Sparkline::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateDescription();
    QWidget::changeEvent(event);
}

void Sparkline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    const QPalette& pal = palette();
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(area, 3, 3);

    const QDateTime right = newest();
    if (!right.isValid())
        return;
    // The graph spans the samples it has (at least a minute) up to the
    // window, so that a fresh start does not crowd into the right edge.
    QDateTime oldest = right;
    qint64 high = 1;
    for (const auto& samples : m_series) {
        for (const LatencySample& sample : samples) {
            if (!inWindow(sample, right))
                continue;
            oldest = std::min(oldest, sample.at);
            if (sample.ok)
                high = std::max(high, sample.latencyMs);
        }
    }
    const qint64 windowCap = qint64(m_window.count()) * 1000;
    const qreal windowMs = qreal(std::clamp<qint64>(oldest.msecsTo(right) * 21 / 20,
                                                    std::min<qint64>(60000, windowCap), windowCap));
    const QRectF plot = area.adjusted(3, 4, -3, -4);
    const auto xOf = [&](const QDateTime& at) {
        return plot.right() - plot.width() * qreal(at.msecsTo(right)) / windowMs;
    };
    const auto yOf = [&](qint64 latency) {
        return plot.bottom() - 1 - (plot.height() - 1) * qreal(latency) / qreal(high) * 0.55;
    };

    const QColor failure = HealthText::stateColor(HealthState::Down);
    QPen linePen(pal.color(QPalette::Highlight), 1.5);
    for (const auto& samples : m_series) {
        QPainterPath path;
        bool drawing = false;
        for (const LatencySample& sample : samples) {
            if (!inWindow(sample, right))
                continue;
            if (!sample.ok) {
                // A failure breaks the line and leaves a mark.
                drawing = false;
                painter.setPen(QPen(failure, 2));
                const qreal x = xOf(sample.at);
                painter.drawLine(QPointF(x, plot.top()),
                                 QPointF(x, plot.top() + plot.height() * 0.4));
                continue;
            }
            const QPointF point(xOf(sample.at), yOf(sample.latencyMs));
            if (drawing) {
                path.lineTo(point);
            } else {
                path.moveTo(point);
                path.addEllipse(point, 0.8, 0.8);
                path.moveTo(point);
                drawing = true;
            }
        }
        painter.setPen(linePen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
}

} // namespace relais
