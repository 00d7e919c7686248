#pragma once

#include "plan/DrillRecord.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace relais {

class Clock;
class DrillRunner;

/// The steps of one drill: what each does, its group, state, time (running
/// steps count up live), attempts and message. Follows a DrillRunner live,
/// or shows a drill from the journal.
class DrillStepModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StepColumn,
        GroupColumn,
        StateColumn,
        DurationColumn,
        AttemptsColumn,
        MessageColumn,
        ColumnCount
    };

    explicit DrillStepModel(const Clock& clock, QObject* parent = nullptr);

    /// Follows @p runner's drill (null: none).
    void setRunner(DrillRunner* runner);
    /// Shows @p record (a finished drill); stops following a runner.
    void setRecord(const DrillRecord& record);
    const DrillRecord& record() const { return m_record; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The row of the step that waits for the user's confirmation (the one
    /// after the review), or -1.
    int waitingRow() const { return m_waitingRow; }

    /// Milliseconds the step at @p row has run (up to now when running), or -1.
    qint64 elapsedMs(int row) const;

signals:
    /// The drill shown changed (a step started or ended, a cleanup appeared).
    void recordChanged();

private:
    void sync();
    void tick();

    const Clock& m_clock;
    QPointer<DrillRunner> m_runner;
    QList<QMetaObject::Connection> m_connections;
    DrillRecord m_record;
    int m_waitingRow = -1;
    QTimer m_ticker;
};

} // namespace relais
