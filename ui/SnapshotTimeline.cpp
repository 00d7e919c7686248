#include "SnapshotTimeline.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace relais {

namespace {

constexpr qreal Margin = 12;
constexpr qreal MarkHalfWidth = 5;

} // namespace

SnapshotTimeline::SnapshotTimeline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("snapshotTimeline"));
    setAccessibleName(tr("Snapshot timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
}

void SnapshotTimeline::setSnapshots(const QString& instance, QList<LxdSnapshot> snapshots,
                                    const QDateTime& now)
{
    const QString selectedName =
        instance == m_instance && m_selected >= 0 ? m_snapshots.at(m_selected).name : QString();
    m_instance = instance;
    m_snapshots = std::move(snapshots);
    std::stable_sort(
        m_snapshots.begin(), m_snapshots.end(),
        [](const LxdSnapshot& a, const LxdSnapshot& b) { return a.createdAt < b.createdAt; });
    m_now = now;
    m_selected = -1;
    for (int i = 0; i < m_snapshots.size(); ++i) {
        if (!selectedName.isEmpty() && m_snapshots.at(i).name == selectedName)
            m_selected = i;
    }
    updateSpan();
    setAccessibleDescription(
        m_instance.isEmpty()
            ? tr("No container selected")
            : tr("%n snapshot(s) of %1", nullptr, int(m_snapshots.size())).arg(m_instance));
    update();
}

void SnapshotTimeline::clear()
{
    setSnapshots(QString(), {}, m_now);
}

void SnapshotTimeline::setSelected(int index)
{
    m_selected = index >= 0 && index < m_snapshots.size() ? index : -1;
    update();
}

void SnapshotTimeline::updateSpan()
{
    QDateTime start = m_now;
    QDateTime end = m_now;
    for (const LxdSnapshot& s : m_snapshots) {
        if (s.createdAt.isValid() && (!start.isValid() || s.createdAt < start))
            start = s.createdAt;
        if (s.createdAt.isValid() && (!end.isValid() || s.createdAt > end))
            end = s.createdAt;
        if (s.expiresAt.isValid() && (!end.isValid() || s.expiresAt > end))
            end = s.expiresAt;
    }
    // At least an hour, so that a single fresh snapshot is not squeezed
    // against "now".
    if (start.isValid() && end.isValid() && start.secsTo(end) < 3600)
        start = end.addSecs(-3600);
    // A little room on the left of the oldest mark.
    if (start.isValid() && end.isValid())
        start = start.addMSecs(-start.msecsTo(end) / 20);
    m_start = start;
    m_end = end;
}

QRectF SnapshotTimeline::axisRect() const
{
    return QRectF(Margin, Margin, qMax<qreal>(1, width() - 2 * Margin),
                  qMax<qreal>(1, height() - 2 * Margin - fontMetrics().height()));
}

qreal SnapshotTimeline::xOf(const QDateTime& time) const
{
    const QRectF axis = axisRect();
    const qint64 span = m_start.isValid() && m_end.isValid() ? m_start.msecsTo(m_end) : 0;
    if (span <= 0 || !time.isValid())
        return axis.right();
    const qreal t = qBound<qreal>(0, qreal(m_start.msecsTo(time)) / qreal(span), 1);
    return axis.left() + t * axis.width();
}

QRectF SnapshotTimeline::markRect(int index) const
{
    if (index < 0 || index >= m_snapshots.size())
        return {};
    const QRectF axis = axisRect();
    const qreal x = xOf(m_snapshots.at(index).createdAt);
    return QRectF(x - MarkHalfWidth, axis.top(), 2 * MarkHalfWidth, axis.height());
}

int SnapshotTimeline::snapshotAt(const QPoint& pos) const
{
    int best = -1;
    qreal bestDistance = 0;
    for (int i = 0; i < m_snapshots.size(); ++i) {
        const QRectF mark = markRect(i);
        if (!mark.adjusted(-2, 0, 2, 0).contains(pos))
            continue;
        const qreal distance = qAbs(mark.center().x() - pos.x());
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

QString SnapshotTimeline::toolTipFor(int index) const
{
    if (index < 0 || index >= m_snapshots.size())
        return {};
    const QLocale locale;
    const LxdSnapshot& s = m_snapshots.at(index);
    QString text =
        tr("%1\ntaken %2")
            .arg(s.name, locale.toString(s.createdAt.toLocalTime(), QLocale::ShortFormat));
    if (s.expiresAt.isValid())
        text +=
            QLatin1Char('\n') +
            tr("expires %1").arg(locale.toString(s.expiresAt.toLocalTime(), QLocale::ShortFormat));
    else
        text += QLatin1Char('\n') + tr("never expires");
    return text;
}

QSize SnapshotTimeline::sizeHint() const
{
    return {400, 56};
}

QSize SnapshotTimeline::minimumSizeHint() const
{
    return {120, 48};
}

bool SnapshotTimeline::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = snapshotAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(index), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void SnapshotTimeline::mousePressEvent(QMouseEvent* event)
{
    const int index = snapshotAt(event->position().toPoint());
    if (index < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    setSelected(index);
    emit snapshotClicked(m_snapshots.at(index).name);
}

void SnapshotTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QRectF axis = axisRect();
    const qreal y = axis.center().y();
    const QLocale locale;

    if (m_instance.isEmpty() || m_snapshots.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         m_instance.isEmpty() ? tr("Select a container to see its snapshots")
                                              : tr("No snapshot of %1").arg(m_instance));
        return;
    }

    // The axis, with its two ends dated underneath.
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.drawLine(QPointF(axis.left(), y), QPointF(axis.right(), y));
    painter.setPen(pal.color(QPalette::WindowText));
    const QRectF labels(axis.left(), axis.bottom(), axis.width(), fontMetrics().height());
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter,
                     locale.toString(m_start.toLocalTime(), QLocale::ShortFormat));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter,
                     locale.toString(m_end.toLocalTime(), QLocale::ShortFormat));

    // "Now", when the axis reaches beyond it (expiries ahead).
    const qreal nowX = xOf(m_now);
    if (nowX < axis.right() - 1) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DashLine));
        painter.drawLine(QPointF(nowX, axis.top()), QPointF(nowX, axis.bottom()));
        painter.drawText(QRectF(nowX + 3, axis.top() - Margin, 80, Margin),
                         Qt::AlignLeft | Qt::AlignVCenter, tr("now"));
    }

    // Expiries: a dotted line under the axis from the snapshot to when LXD
    // deletes it, ending in a cross.
    painter.setPen(QPen(pal.color(QPalette::WindowText), 1, Qt::DotLine));
    for (const LxdSnapshot& s : m_snapshots) {
        if (!s.expiresAt.isValid())
            continue;
        const qreal from = xOf(s.createdAt);
        const qreal to = xOf(s.expiresAt);
        painter.drawLine(QPointF(from, y + 9), QPointF(to, y + 9));
    }
    painter.setPen(QPen(pal.color(QPalette::WindowText), 1));
    for (const LxdSnapshot& s : m_snapshots) {
        if (!s.expiresAt.isValid())
            continue;
        const qreal to = xOf(s.expiresAt);
        painter.drawLine(QPointF(to - 3, y + 6), QPointF(to + 3, y + 12));
        painter.drawLine(QPointF(to - 3, y + 12), QPointF(to + 3, y + 6));
    }

    // The snapshots themselves, the selected one on top.
    QList<int> order;
    for (int i = 0; i < m_snapshots.size(); ++i) {
        if (i != m_selected)
            order << i;
    }
    if (m_selected >= 0)
        order << m_selected;
    for (const int i : order) {
        const QRectF mark = markRect(i);
        const QRectF body(mark.left() + 1, y - 8, mark.width() - 2, 12);
        const bool selected = i == m_selected;
        painter.setPen(QPen(pal.color(selected ? QPalette::Highlight : QPalette::WindowText),
                            selected ? 2 : 1));
        painter.setBrush(pal.color(selected ? QPalette::Highlight : QPalette::Button));
        painter.drawRoundedRect(body, 2, 2);
    }
}

} // namespace relais
