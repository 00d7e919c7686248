#include "InstanceTableModel.h"

#include <QLocale>

namespace relais {

InstanceTableModel::InstanceTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void InstanceTableModel::setInstances(QList<LxdInstance> instances, const QDateTime& now)
{
    beginResetModel();
    m_instances = std::move(instances);
    m_now = now;
    endResetModel();
}

void InstanceTableModel::setBackupCopies(std::optional<QHash<QString, QDateTime>> copies)
{
    m_copies = std::move(copies);
    if (!m_instances.isEmpty())
        emit dataChanged(index(0, BackupCopyColumn),
                         index(int(m_instances.size()) - 1, BackupCopyColumn));
}

void InstanceTableModel::clear()
{
    setInstances({}, m_now);
}

const LxdInstance* InstanceTableModel::instance(int row) const
{
    if (row < 0 || row >= m_instances.size())
        return nullptr;
    return &m_instances.at(row);
}

int InstanceTableModel::rowOf(const QString& name) const
{
    for (int row = 0; row < m_instances.size(); ++row) {
        if (m_instances.at(row).name == name)
            return row;
    }
    return -1;
}

QString InstanceTableModel::ageText(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

int InstanceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int InstanceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InstanceTableModel::addresses(const LxdInstance& instance, const QString& family) const
{
    QStringList list;
    for (const LxdAddress& address : instance.addresses) {
        // Link-local addresses say nothing about reaching the container.
        if (address.family == family && address.scope != QLatin1String("link"))
            list << address.address;
    }
    return list.join(QStringLiteral(", "));
}

QString InstanceTableModel::statusText(const LxdInstance& instance) const
{
    if (instance.status == QLatin1String("Running"))
        return tr("Running");
    if (instance.status == QLatin1String("Stopped"))
        return tr("Stopped");
    if (instance.status == QLatin1String("Frozen"))
        return tr("Frozen");
    if (instance.status == QLatin1String("Error"))
        return tr("Error");
    // A status this version does not know: LXD's own word.
    return instance.status;
}

QVariant InstanceTableModel::display(const LxdInstance& instance, int column) const
{
    switch (column) {
    case NameColumn:
        return instance.name;
    case StatusColumn:
        return statusText(instance);
    case Ipv4Column:
        return addresses(instance, QStringLiteral("inet"));
    case Ipv6Column:
        return addresses(instance, QStringLiteral("inet6"));
    case SnapshotsColumn:
        return QString::number(instance.snapshots.size());
    case NewestSnapshotColumn: {
        const LxdSnapshot* newest = instance.newestSnapshot();
        if (!newest || !newest->createdAt.isValid())
            return tr("none");
        return ageText(newest->createdAt.secsTo(m_now));
    }
    case BackupCopyColumn: {
        if (!m_copies)
            return QString();
        const auto it = m_copies->constFind(instance.name);
        if (it == m_copies->constEnd() || !it->isValid())
            return tr("never");
        return ageText(it->secsTo(m_now));
    }
    }
    return {};
}

QVariant InstanceTableModel::toolTip(const LxdInstance& instance, int column) const
{
    const QLocale locale;
    switch (column) {
    case NewestSnapshotColumn: {
        const LxdSnapshot* newest = instance.newestSnapshot();
        if (!newest || !newest->createdAt.isValid())
            return tr("This container has no snapshot.");
        return tr("%1, taken %2")
            .arg(newest->name,
                 locale.toString(newest->createdAt.toLocalTime(), QLocale::ShortFormat));
    }
    case BackupCopyColumn: {
        if (!m_copies)
            return QString();
        const auto it = m_copies->constFind(instance.name);
        if (it == m_copies->constEnd() || !it->isValid())
            return tr("Never replicated to the backup.");
        return tr("Last replicated to the backup on %1")
            .arg(locale.toString(it->toLocalTime(), QLocale::ShortFormat));
    }
    default:
        return {};
    }
}

QVariant InstanceTableModel::data(const QModelIndex& index, int role) const
{
    const LxdInstance* row = index.isValid() ? instance(index.row()) : nullptr;
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(*row, index.column());
    case Qt::ToolTipRole:
        return toolTip(*row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == SnapshotsColumn || index.column() == NewestSnapshotColumn ||
            index.column() == BackupCopyColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant InstanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case Ipv4Column:
        return tr("IPv4");
    case Ipv6Column:
        return tr("IPv6");
    case SnapshotsColumn:
        return tr("Snapshots");
    case NewestSnapshotColumn:
        return tr("Newest snapshot");
    case BackupCopyColumn:
        return tr("Backup copy");
    }
    return {};
}

} // namespace relais
