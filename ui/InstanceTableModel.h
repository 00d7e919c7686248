#pragma once

#include "lxd/LxdInstance.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <optional>

namespace relais {

/// The instances of one host's LXD, one row each: name, status, IPv4 and
/// IPv6 addresses, snapshot count, newest snapshot's age and, for main's
/// rows, the age of the backup copy (the last successful replication).
class InstanceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        Ipv4Column,
        Ipv6Column,
        SnapshotsColumn,
        NewestSnapshotColumn,
        BackupCopyColumn,
        ColumnCount,
    };

    explicit InstanceTableModel(QObject* parent = nullptr);

    /// Replaces the rows; ages are counted up to @p now.
    void setInstances(QList<LxdInstance> instances, const QDateTime& now);
    /// When each instance was last copied to the backup (absent: never);
    /// nullopt when that is not known (no history, or a backup host's
    /// rows): the column then says so.
    void setBackupCopies(std::optional<QHash<QString, QDateTime>> copies);
    void clear();

    const QList<LxdInstance>& instances() const { return m_instances; }
    /// The instance of @p row, or nullptr.
    const LxdInstance* instance(int row) const;
    /// The row of the instance called @p name, or -1.
    int rowOf(const QString& name) const;
    const QDateTime& now() const { return m_now; }

    /// "45 s", "12 min", "3 h", "5 d" for an age of @p seconds.
    static QString ageText(qint64 seconds);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString addresses(const LxdInstance& instance, const QString& family) const;
    QString statusText(const LxdInstance& instance) const;
    QVariant display(const LxdInstance& instance, int column) const;
    QVariant toolTip(const LxdInstance& instance, int column) const;

    QList<LxdInstance> m_instances;
    QDateTime m_now;
    std::optional<QHash<QString, QDateTime>> m_copies;
};

} // namespace relais
