#pragma once

#include "plan/DrillRecord.h"
#include "site/Targets.h"

#include <QAbstractTableModel>

namespace relais {

/// Past drills, newest first: when, which mode, how it ended, how long it
/// took, and the measured RTO and RPO against the site's targets, so the
/// trend shows from one drill to the next.
class DrillHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StartedColumn,
        ModeColumn,
        OutcomeColumn,
        DurationColumn,
        RtoColumn,
        RpoColumn,
        ColumnCount
    };

    explicit DrillHistoryModel(QObject* parent = nullptr);

    void setDrills(const QList<DrillRecord>& drills, const Targets& targets);
    const DrillRecord& drill(int row) const { return m_drills.at(row); }
    const QList<DrillRecord>& drills() const { return m_drills; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DrillRecord> m_drills;
    Targets m_targets;
};

} // namespace relais
