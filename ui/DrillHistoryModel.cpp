#include "DrillHistoryModel.h"

#include "plan/DrillReport.h"
#include "plan/DrillText.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace relais {

namespace {

QString verdict(const QString& value, std::optional<bool> met)
{
    if (!met)
        return DrillHistoryModel::tr("not measured");
    return *met ? DrillHistoryModel::tr("%1 (met)").arg(value)
                : DrillHistoryModel::tr("%1 (missed)").arg(value);
}

} // namespace

DrillHistoryModel::DrillHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void DrillHistoryModel::setDrills(const QList<DrillRecord>& drills, const Targets& targets)
{
    beginResetModel();
    m_drills = drills;
    m_targets = targets;
    endResetModel();
}

int DrillHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_drills.size());
}

int DrillHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DrillHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DrillRecord& drill = m_drills.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case StartedColumn:
            return QLocale().toString(drill.startedAt.toLocalTime(), QLocale::ShortFormat);
        case ModeColumn:
            return DrillText::mode(drill.mode);
        case OutcomeColumn:
            return DrillText::runState(drill.state);
        case DurationColumn:
            return drill.endedAt.isValid()
                       ? DrillText::duration(drill.startedAt.msecsTo(drill.endedAt))
                       : QString();
        case RtoColumn:
            return verdict(drill.rtoMs ? DrillText::duration(*drill.rtoMs) : QString(),
                           DrillReport::rtoMet(drill, m_targets));
        case RpoColumn:
            return verdict(drill.rpoSeconds ? DrillText::duration(*drill.rpoSeconds * 1000)
                                            : QString(),
                           DrillReport::rpoMet(drill, m_targets));
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == OutcomeColumn && !drill.message.isEmpty())
        return drill.message;
    if (role == Qt::ForegroundRole) {
        std::optional<bool> good;
        if (index.column() == RtoColumn)
            good = DrillReport::rtoMet(drill, m_targets);
        else if (index.column() == RpoColumn)
            good = DrillReport::rpoMet(drill, m_targets);
        else if (index.column() == OutcomeColumn && drill.state != DrillRecord::State::Running)
            good = drill.state == DrillRecord::State::Succeeded;
        if (good)
            return QBrush(*good ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    }
    return {};
}

QVariant DrillHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case ModeColumn:
        return tr("Mode");
    case OutcomeColumn:
        return tr("Outcome");
    case DurationColumn:
        return tr("Duration");
    case RtoColumn:
        return tr("RTO");
    case RpoColumn:
        return tr("RPO");
    }
    return {};
}

} // namespace relais
