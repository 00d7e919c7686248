#include "DrillTimeline.h"

#include "DrillStepModel.h"
#include "plan/DrillText.h"

#include <QPainter>

namespace relais {

namespace {

constexpr int RowHeight = 20;

QColor stateColour(DrillStepRecord::State state)
{
    using S = DrillStepRecord::State;
    switch (state) {
    case S::Succeeded:
        return {0x2e, 0x7d, 0x32};
    case S::Failed:
        return {0xc6, 0x28, 0x28};
    case S::Cancelled:
        return {0xef, 0x6c, 0x00};
    case S::Running:
        return {0x15, 0x65, 0xc0};
    case S::Pending:
    case S::Skipped:
        break;
    }
    return {0x9e, 0x9e, 0x9e};
}

} // namespace

DrillTimeline::DrillTimeline(DrillStepModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    setAccessibleName(tr("Drill timeline"));
    connect(model, &DrillStepModel::recordChanged, this, &DrillTimeline::modelChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
    connect(model, &QAbstractItemModel::modelReset, this, &DrillTimeline::modelChanged);
}

void DrillTimeline::modelChanged()
{
    updateGeometry();
    update();
    const DrillRecord& record = m_model->record();
    QStringList lines;
    for (int row = 0; row < record.steps.size(); ++row) {
        const DrillStepRecord& step = record.steps.at(row);
        lines.append(tr("%1: %2, %3")
                         .arg(DrillText::title(step.step), DrillText::stepState(step.state),
                              DrillText::duration(m_model->elapsedMs(row))));
    }
    setAccessibleDescription(lines.join(QLatin1Char('\n')));
}

QSize DrillTimeline::sizeHint() const
{
    return {600, qMax(2, int(m_model->record().steps.size())) * RowHeight + 8};
}

QSize DrillTimeline::minimumSizeHint() const
{
    return {200, 2 * RowHeight};
}

void DrillTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const DrillRecord& record = m_model->record();
    if (record.steps.isEmpty() || !record.startedAt.isValid()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No drill yet."));
        return;
    }
    // The span: from the drill's start to its end, or to the latest moment seen.
    qint64 span = 1;
    for (int row = 0; row < record.steps.size(); ++row) {
        const DrillStepRecord& step = record.steps.at(row);
        if (!step.startedAt.isValid())
            continue;
        const qint64 elapsed = qMax<qint64>(0, m_model->elapsedMs(row));
        span = qMax(span, record.startedAt.msecsTo(step.startedAt) + elapsed);
    }
    if (record.endedAt.isValid())
        span = qMax(span, record.startedAt.msecsTo(record.endedAt));

    const int labelWidth = qMin(width() / 3, 260);
    const int barLeft = labelWidth + 8;
    const int barWidth = qMax(10, width() - barLeft - 90);
    const QFontMetrics metrics = fontMetrics();
    for (int row = 0; row < record.steps.size(); ++row) {
        const DrillStepRecord& step = record.steps.at(row);
        const int y = 4 + row * RowHeight;
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(
            QRect(4, y, labelWidth, RowHeight), Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(DrillText::title(step.step), Qt::ElideRight, labelWidth));
        if (!step.startedAt.isValid())
            continue;
        const qint64 from = record.startedAt.msecsTo(step.startedAt);
        const qint64 length = qMax<qint64>(0, m_model->elapsedMs(row));
        const int x = barLeft + int(double(from) / double(span) * barWidth);
        const int w = qMax(2, int(double(length) / double(span) * barWidth));
        painter.fillRect(QRect(x, y + 4, w, RowHeight - 8), stateColour(step.state));
        painter.drawText(QRect(x + w + 4, y, 90, RowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         DrillText::stepState(step.state));
    }
}

} // namespace relais
