#include "DnsHistoryModel.h"

#include <QLocale>

namespace relais {

namespace {

QString sideText(DnsSwitchRequest::Side side)
{
    return side == DnsSwitchRequest::Side::Main ? DnsHistoryModel::tr("main")
                                                : DnsHistoryModel::tr("backup");
}

} // namespace

DnsHistoryModel::DnsHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void DnsHistoryModel::setRecords(const QList<DnsSwitchRecord>& records)
{
    beginResetModel();
    m_records = records.mid(0, MaxRows);
    endResetModel();
}

void DnsHistoryModel::prepend(const DnsSwitchRecord& record)
{
    beginInsertRows({}, 0, 0);
    m_records.prepend(record);
    endInsertRows();
    if (m_records.size() > MaxRows) {
        beginRemoveRows({}, MaxRows, int(m_records.size()) - 1);
        m_records.resize(MaxRows);
        endRemoveRows();
    }
}

int DnsHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int DnsHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DnsHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size() || index.column() >= ColumnCount)
        return {};
    const DnsSwitchRecord& record = m_records.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return record.message;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case StartedColumn:
        return QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat);
    case ServiceColumn:
        return record.service;
    case SwitchColumn:
        return tr("%1 → %2").arg(record.from ? sideText(*record.from) : tr("neither side"),
                                 sideText(record.to));
    case ModeColumn:
        return record.mode == DnsSwitchRequest::Mode::Planned ? tr("planned") : tr("emergency");
    case ResultColumn:
        switch (record.outcome) {
        case DnsSwitchRecord::Outcome::Success:
            return tr("switched");
        case DnsSwitchRecord::Outcome::AlreadySwitched:
            return tr("already switched");
        case DnsSwitchRecord::Outcome::Failed:
            return tr("failed");
        case DnsSwitchRecord::Outcome::Cancelled:
            return tr("cancelled");
        }
        return {};
    case ConvergenceColumn:
        return record.convergenceMs < 0 ? QString()
                                        : tr("%1 s").arg(record.convergenceMs / 1000.0, 0, 'f', 1);
    case MessageColumn:
        return record.message;
    }
    return {};
}

QVariant DnsHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case ServiceColumn:
        return tr("Service");
    case SwitchColumn:
        return tr("Switch");
    case ModeColumn:
        return tr("Mode");
    case ResultColumn:
        return tr("Result");
    case ConvergenceColumn:
        return tr("Convergence");
    case MessageColumn:
        return tr("Details");
    }
    return {};
}

} // namespace relais
