#pragma once

#include "dns/DnsSwitchRecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace relais {

/// The switch history of a site, newest first (from DnsSwitchHistory).
class DnsHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StartedColumn,
        ServiceColumn,
        SwitchColumn,
        ModeColumn,
        ResultColumn,
        ConvergenceColumn,
        MessageColumn,
        ColumnCount,
    };

    static constexpr int MaxRows = 200;

    explicit DnsHistoryModel(QObject* parent = nullptr);

    /// Replaces every row; @p records newest first.
    void setRecords(const QList<DnsSwitchRecord>& records);
    /// Adds @p record on top (dropping the oldest beyond MaxRows).
    void prepend(const DnsSwitchRecord& record);
    const QList<DnsSwitchRecord>& records() const { return m_records; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DnsSwitchRecord> m_records;
};

} // namespace relais
