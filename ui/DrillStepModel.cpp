#include "DrillStepModel.h"

#include "common/Clock.h"
#include "plan/DrillRunner.h"
#include "plan/DrillText.h"

#include <QBrush>
#include <QColor>

namespace relais {

DrillStepModel::DrillStepModel(const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &DrillStepModel::tick);
}

void DrillStepModel::setRunner(DrillRunner* runner)
{
    for (const auto& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_runner = runner;
    beginResetModel();
    m_record = runner ? runner->record() : DrillRecord();
    endResetModel();
    if (runner) {
        m_connections = {
            connect(runner, &DrillRunner::stepStarted, this, &DrillStepModel::sync),
            connect(runner, &DrillRunner::stepFinished, this, &DrillStepModel::sync),
            connect(runner, &DrillRunner::stepAdded, this, &DrillStepModel::sync),
            connect(runner, &DrillRunner::confirmationNeeded, this, &DrillStepModel::sync),
            connect(runner, &DrillRunner::finished, this, &DrillStepModel::sync),
        };
    }
    sync();
}

void DrillStepModel::setRecord(const DrillRecord& record)
{
    setRunner(nullptr);
    beginResetModel();
    m_record = record;
    m_waitingRow = -1;
    endResetModel();
    m_ticker.stop();
    emit recordChanged();
}

void DrillStepModel::sync()
{
    if (!m_runner) {
        m_waitingRow = -1;
        return;
    }
    const DrillRecord& fresh = m_runner->record();
    const int gate = m_runner->isRunning() ? m_runner->waitingForConfirmation() : -1;
    m_waitingRow = gate >= 0 && gate + 1 < fresh.steps.size() ? gate + 1 : -1;
    if (fresh.id != m_record.id || fresh.startedAt != m_record.startedAt ||
        fresh.steps.size() < m_record.steps.size()) {
        beginResetModel();
        m_record = fresh;
        endResetModel();
    } else {
        const int old = int(m_record.steps.size());
        if (fresh.steps.size() > old) {
            beginInsertRows({}, old, int(fresh.steps.size()) - 1);
            m_record = fresh;
            endInsertRows();
        } else {
            m_record = fresh;
        }
        if (!m_record.steps.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    if (m_runner->isRunning())
        m_ticker.start();
    else
        m_ticker.stop();
    emit recordChanged();
}

void DrillStepModel::tick()
{
    for (int row = 0; row < m_record.steps.size(); ++row) {
        if (m_record.steps.at(row).state == DrillStepRecord::State::Running)
            emit dataChanged(index(row, DurationColumn), index(row, DurationColumn));
    }
}

qint64 DrillStepModel::elapsedMs(int row) const
{
    const DrillStepRecord& step = m_record.steps.at(row);
    if (!step.startedAt.isValid())
        return -1;
    if (step.endedAt.isValid())
        return step.startedAt.msecsTo(step.endedAt);
    if (step.state == DrillStepRecord::State::Running)
        return step.startedAt.msecsTo(m_clock.now());
    return -1;
}

int DrillStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_record.steps.size());
}

int DrillStepModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DrillStepModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DrillStepRecord& step = m_record.steps.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case StepColumn:
            return step.step.cleanup ? tr("%1 (cleanup)").arg(DrillText::title(step.step))
                                     : DrillText::title(step.step);
        case GroupColumn:
            return step.step.group;
        case StateColumn:
            return index.row() == m_waitingRow ? tr("Waiting for confirmation")
                                               : DrillText::stepState(step.state);
        case DurationColumn: {
            const qint64 ms = elapsedMs(index.row());
            return ms < 0 ? QString() : DrillText::duration(ms);
        }
        case AttemptsColumn:
            return step.attempts > 0 ? QString::number(step.attempts) : QString();
        case MessageColumn:
            return step.message.isEmpty() ? step.output.value(step.output.size() - 1)
                                          : step.message;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn && !step.output.isEmpty())
        return step.output.join(QLatin1Char('\n'));
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (step.state) {
        case DrillStepRecord::State::Failed:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        case DrillStepRecord::State::Succeeded:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case DrillStepRecord::State::Running:
            return QBrush(QColor(0x15, 0x65, 0xc0));
        case DrillStepRecord::State::Pending:
            if (index.row() == m_waitingRow)
                return QBrush(QColor(0xb2, 0x6a, 0x00));
            return {};
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == DurationColumn || index.column() == AttemptsColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DrillStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case GroupColumn:
        return tr("Group");
    case StateColumn:
        return tr("State");
    case DurationColumn:
        return tr("Time");
    case AttemptsColumn:
        return tr("Attempts");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace relais
