#include "ProbeTableModel.h"

#include "HealthIcon.h"
#include "HealthText.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QLocale>

namespace relais {

ProbeTableModel::ProbeTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ProbeTableModel::setHealth(SiteHealth* health)
{
    beginResetModel();
    for (const QMetaObject::Connection& connection : m_connections)
        disconnect(connection);
    m_connections.clear();
    m_rows.clear();
    m_health = health;
    if (health) {
        int index = 0;
        for (ProbeMonitor* monitor : health->monitors()) {
            Row row;
            row.monitor = monitor;
            row.service = health->serviceOf(monitor);
            if (const ProbeSpec* spec = health->specOf(monitor))
                row.spec = *spec;
            m_rows.push_back(std::move(row));
            m_connections.push_back(connect(monitor, &ProbeMonitor::checked, this,
                                            [this, index] { onChecked(index); }));
            ++index;
        }
        m_connections.push_back(connect(health, &SiteHealth::probeStateChanged, this,
                                        [this](ProbeMonitor* monitor, const StateChange&) {
                                            for (std::size_t i = 0; i < m_rows.size(); ++i) {
                                                if (m_rows[i].monitor == monitor)
                                                    rowChanged(int(i));
                                            }
                                        }));
        // The health may go before the view: forget its monitors then.
        m_connections.push_back(
            connect(health, &QObject::destroyed, this, [this] { setHealth(nullptr); }));
    }
    endResetModel();
}

ProbeMonitor* ProbeTableModel::monitor(int row) const
{
    if (row < 0 || std::size_t(row) >= m_rows.size())
        return nullptr;
    return m_rows[std::size_t(row)].monitor;
}

void ProbeTableModel::onChecked(int row)
{
    Row& entry = m_rows[std::size_t(row)];
    if (entry.monitor && entry.monitor->lastResult() && !entry.monitor->lastResult()->ok) {
        entry.lastFailure = entry.monitor->lastResult();
        entry.lastFailureAt = entry.monitor->lastCheck();
    }
    rowChanged(row);
}

void ProbeTableModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ProbeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProbeTableModel::lastErrorText(const Row& row) const
{
    if (!row.lastFailure)
        return {};
    const QString sentence =
        HealthText::failureSentence(*row.lastFailure, row.spec ? row.spec->timeoutSeconds : 0);
    const bool current = row.monitor && row.monitor->lastResult() && !row.monitor->lastResult()->ok;
    if (current)
        return sentence;
    return tr("%1 (at %2, since answered)").arg(sentence, HealthText::time(row.lastFailureAt));
}

QVariant ProbeTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const ProbeMonitor* monitor = row.monitor;
    if (!monitor)
        return {};
    const HealthState state = monitor->state();
    const std::optional<ProbeResult>& result = monitor->lastResult();

    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case ServiceColumn:
            return row.service;
        case ProbeColumn:
            return monitor->description();
        case HostColumn:
            if (!monitor->target())
                return tr("—", "no host: the probe checks the service");
            return HealthText::roleName(*monitor->target());
        case StateColumn:
            return HealthText::stateName(state);
        case FlappingColumn:
            return monitor->flapping() ? tr("Flapping") : tr("Steady");
        case LastCheckColumn:
            return HealthText::time(monitor->lastCheck());
        case LatencyColumn:
            if (!result)
                return tr("—");
            if (!result->ok)
                return tr("failed");
            return tr("%1 ms").arg(result->latencyMs);
        case LastErrorColumn:
            return lastErrorText(row);
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == StateColumn)
        return HealthIcon::icon(state);
    if (role == Qt::ForegroundRole && index.column() == StateColumn)
        return HealthText::stateColor(state);
    if (role == Qt::ToolTipRole) {
        if (index.column() == LastErrorColumn && row.lastFailure)
            return row.lastFailure->message;
        if (index.column() == HostColumn && !monitor->target())
            return tr("This probe checks the service as a whole, not one host.");
        if (index.column() == LastCheckColumn && monitor->lastCheck().isValid())
            return QLocale().toString(monitor->lastCheck().toLocalTime(), QLocale::LongFormat);
        if (result)
            return result->message;
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == LatencyColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole && index.column() == LatencyColumn)
        return result && result->ok ? QVariant(result->latencyMs) : QVariant();
    return {};
}

QVariant ProbeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServiceColumn:
        return tr("Service");
    case ProbeColumn:
        return tr("Probe");
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case FlappingColumn:
        return tr("Flapping");
    case LastCheckColumn:
        return tr("Last check");
    case LatencyColumn:
        return tr("Latency");
    case LastErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

} // namespace relais
