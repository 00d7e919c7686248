#include "SyncRunChart.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <algorithm>

namespace relais {

SyncRunChart::SyncRunChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("syncRunChart"));
    setAccessibleName(tr("Duration and bytes per run"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setRuns({});
}

void SyncRunChart::setRuns(const QList<SyncRunRecord>& runs)
{
    m_bars.clear();
    for (const SyncRunRecord& run : runs) {
        if (run.dryRun || !run.startedAt.isValid() || !run.endedAt.isValid())
            continue;
        const bool failed = run.outcome == SyncRunRecord::Outcome::Fail ||
                            run.outcome == SyncRunRecord::Outcome::Retry ||
                            run.outcome == SyncRunRecord::Outcome::Cancelled;
        m_bars.prepend(Bar{run.startedAt, std::max<qint64>(0, run.durationMs()),
                           std::max<qint64>(0, run.bytes), failed});
        if (m_bars.size() == maxBars())
            break;
    }
    updateDescription();
    update();
}

void SyncRunChart::updateDescription()
{
    const QString text = summary();
    setToolTip(text);
    setAccessibleDescription(text);
}

qint64 SyncRunChart::maxDurationMs() const
{
    qint64 most = 0;
    for (const Bar& bar : m_bars)
        most = std::max(most, bar.durationMs);
    return most;
}

qint64 SyncRunChart::maxBytes() const
{
    qint64 most = 0;
    for (const Bar& bar : m_bars)
        most = std::max(most, bar.bytes);
    return most;
}

QString SyncRunChart::summary() const
{
    if (m_bars.isEmpty())
        return tr("No run yet.");
    const auto failed =
        std::count_if(m_bars.cbegin(), m_bars.cend(), [](const Bar& b) { return b.failed; });
    const QLocale locale;
    return tr("%n run(s), %1 failed; longest %2 s, largest %3.", nullptr, int(m_bars.size()))
        .arg(failed)
        .arg(maxDurationMs() / 1000.0, 0, 'f', 1)
        .arg(locale.formattedDataSize(maxBytes()));
}

QSize SyncRunChart::sizeHint() const
{
    return {320, 90};
}

QSize SyncRunChart::minimumSizeHint() const
{
    return {120, 60};
}

void SyncRunChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateDescription();
    QWidget::changeEvent(event);
}

void SyncRunChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRect area = rect().adjusted(2, 2, -2, -2);
    const int axis = area.top() + area.height() / 2;
    const QPalette& pal = palette();
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(area.left(), axis, area.right(), axis);
    if (m_bars.isEmpty())
        return;
    const double slot = double(area.width()) / maxBars();
    const int barWidth = std::max(2, int(slot * 0.7));
    const double durationScale =
        maxDurationMs() > 0 ? double(axis - area.top() - 1) / double(maxDurationMs()) : 0;
    const double bytesScale =
        maxBytes() > 0 ? double(area.bottom() - axis - 1) / double(maxBytes()) : 0;
    const QColor duration = pal.color(QPalette::Highlight);
    const QColor bytes = pal.color(QPalette::Link);
    const QColor failed(Qt::red);
    // The newest run on the right edge.
    const int first = maxBars() - int(m_bars.size());
    p.setPen(Qt::NoPen);
    for (int i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars.at(i);
        const int x = area.left() + int((first + i) * slot);
        const int up = std::max(1, int(bar.durationMs * durationScale));
        const int down = bar.bytes > 0 ? std::max(1, int(bar.bytes * bytesScale)) : 0;
        p.setBrush(bar.failed ? failed : duration);
        p.drawRect(x, axis - up, barWidth, up);
        if (down > 0) {
            p.setBrush(bar.failed ? failed : bytes);
            p.drawRect(x, axis + 1, barWidth, down);
        }
    }
}

} // namespace relais
