#pragma once

#include "vault/VaultEntry.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace relais {

/// The credentials of a vault, one row each: label, id, kind in words,
/// created and updated. It never holds a secret: setEntries() keeps only
/// what the table shows.
class VaultEntryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        LabelColumn,
        IdColumn,
        KindColumn,
        CreatedColumn,
        UpdatedColumn,
        ColumnCount
    };

    enum Role
    {
        IdRole = Qt::UserRole, ///< the entry's id, in every column
        KindRole,              ///< the entry's VaultEntry::Kind as an int
    };

    explicit VaultEntryModel(QObject* parent = nullptr);

    /// Shows @p entries (their secrets are not kept); resets the model.
    void setEntries(const QList<VaultEntry>& entries);
    void clear();

    /// The id of @p row (empty when out of range); -1 when @p id has no row.
    QString idAt(int row) const;
    int rowOf(const QString& id) const;

    /// The kind in words, for people ("SSH private key", ...).
    static QString kindText(VaultEntry::Kind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;
        VaultEntry::Kind kind;
        QString label;
        QDateTime created;
        QDateTime updated;
    };

    QList<Row> m_rows;
};

} // namespace relais
