#pragma once

#include "health/ProbeMonitor.h"
#include "health/ProbeResult.h"
#include "health/SiteHealth.h"
#include "site/ProbeSpec.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <optional>
#include <vector>

namespace relais {

struct StateChange;

/// Every probe of a site's health, one row per monitor: its service, what
/// it checks, the host it speaks for, its state in words (with the state's
/// icon and colour), whether it flaps, when it was last checked, its
/// latency and its last error in plain language. Rows follow the checks
/// with dataChanged(); the model is reset only when the health changes.
class ProbeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ServiceColumn,
        ProbeColumn,
        HostColumn,
        StateColumn,
        FlappingColumn,
        LastCheckColumn,
        LatencyColumn,
        LastErrorColumn,
        ColumnCount
    };

    explicit ProbeTableModel(QObject* parent = nullptr);

    /// Shows the monitors of @p health (null: none).
    void setHealth(SiteHealth* health);
    SiteHealth* health() const { return m_health; }
    ProbeMonitor* monitor(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QPointer<ProbeMonitor> monitor;
        QString service;
        std::optional<ProbeSpec> spec;
        /// The last failed check, kept after later successes.
        std::optional<ProbeResult> lastFailure;
        QDateTime lastFailureAt;
    };

    void onChecked(int row);
    void rowChanged(int row);
    QString lastErrorText(const Row& row) const;

    QPointer<SiteHealth> m_health;
    std::vector<Row> m_rows;
    std::vector<QMetaObject::Connection> m_connections;
};

} // namespace relais
