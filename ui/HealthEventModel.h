#pragma once

#include "health/HealthEvent.h"
#include "health/SiteHealth.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace relais {

/// The state changes of a site, newest first: when, what changed (a probe,
/// a host or the site), from which state to which, and why. Seeded from the
/// history kept in the database, then each new event is inserted at the
/// top as SiteHealth records it. At most MaxRows are kept; the oldest go.
class HealthEventModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int MaxRows = 500;

    enum Column
    {
        TimeColumn,
        TargetColumn,
        ChangeColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit HealthEventModel(QObject* parent = nullptr);

    /// Shows @p past (newest first, as HealthHistory::recent() gives them)
    /// and follows @p health's new events. Null: no live events.
    void setHealth(SiteHealth* health, const QList<HealthEvent>& past = {});
    /// Inserts @p event at the top, dropping the oldest beyond MaxRows.
    void prepend(const HealthEvent& event);
    const HealthEvent& event(int row) const { return m_events.at(row); }
    const QList<HealthEvent>& events() const { return m_events; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "Host Main", "Site Relais lab", "Probe TCP 10.231.0.10:80 (www)".
    QString targetText(const HealthEvent& event) const;

private:
    QList<HealthEvent> m_events;
    QPointer<SiteHealth> m_health;
    QMetaObject::Connection m_connection;
};

} // namespace relais
