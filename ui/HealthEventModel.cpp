#include "HealthEventModel.h"

#include "HealthIcon.h"
#include "HealthText.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QLocale>

namespace relais {

HealthEventModel::HealthEventModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HealthEventModel::setHealth(SiteHealth* health, const QList<HealthEvent>& past)
{
    beginResetModel();
    disconnect(m_connection);
    m_health = health;
    m_events = past.mid(0, MaxRows);
    if (health)
        m_connection =
            connect(health, &SiteHealth::eventRecorded, this, &HealthEventModel::prepend);
    endResetModel();
}

void HealthEventModel::prepend(const HealthEvent& event)
{
    beginInsertRows({}, 0, 0);
    m_events.prepend(event);
    endInsertRows();
    if (m_events.size() > MaxRows) {
        beginRemoveRows({}, MaxRows, int(m_events.size()) - 1);
        m_events.resize(MaxRows);
        endRemoveRows();
    }
}

int HealthEventModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int HealthEventModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HealthEventModel::targetText(const HealthEvent& event) const
{
    switch (event.scope) {
    case HealthEvent::Scope::Host:
        if (event.target == QLatin1String("main"))
            return tr("Host %1").arg(HealthText::roleName(HostRole::Main));
        if (event.target == QLatin1String("backup"))
            return tr("Host %1").arg(HealthText::roleName(HostRole::Backup));
        return tr("Host %1").arg(event.target);
    case HealthEvent::Scope::Site:
        return tr("Site %1").arg(event.target);
    case HealthEvent::Scope::Probe:
        break;
    }
    if (m_health) {
        for (const ProbeMonitor* monitor : m_health->monitors()) {
            if (monitor->id() == event.target)
                return tr("Probe %1 (%2)")
                    .arg(monitor->description(), m_health->serviceOf(monitor));
        }
    }
    return tr("Probe %1").arg(event.target);
}

QVariant HealthEventModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HealthEvent& event = m_events.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case TimeColumn:
            return HealthText::time(event.at);
        case TargetColumn:
            return targetText(event);
        case ChangeColumn:
            return HealthText::change(event.from, event.to, event.flapping);
        case ReasonColumn:
            return event.reason;
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == ChangeColumn)
        return HealthIcon::icon(event.to);
    if (role == Qt::ForegroundRole && index.column() == ChangeColumn)
        return HealthText::stateColor(event.to);
    if (role == Qt::ToolTipRole) {
        if (index.column() == TimeColumn)
            return QLocale().toString(event.at.toLocalTime(), QLocale::LongFormat);
        if (index.column() == ReasonColumn)
            return event.reason;
    }
    return {};
}

QVariant HealthEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TargetColumn:
        return tr("What");
    case ChangeColumn:
        return tr("Change");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace relais
