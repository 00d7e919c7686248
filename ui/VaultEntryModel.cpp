#include "VaultEntryModel.h"

#include <QLocale>

namespace relais {

VaultEntryModel::VaultEntryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void VaultEntryModel::setEntries(const QList<VaultEntry>& entries)
{
    beginResetModel();
    m_rows.clear();
    for (const VaultEntry& entry : entries)
        m_rows.append(Row{entry.id, entry.kind, entry.label, entry.created, entry.updated});
    endResetModel();
}

void VaultEntryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QString VaultEntryModel::idAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row).id;
}

int VaultEntryModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

QString VaultEntryModel::kindText(VaultEntry::Kind kind)
{
    switch (kind) {
    case VaultEntry::Kind::SshPrivateKey:
        return tr("SSH private key");
    case VaultEntry::Kind::Password:
        return tr("Password");
    case VaultEntry::Kind::ApiToken:
        return tr("API token");
    case VaultEntry::Kind::TsigKey:
        return tr("TSIG key");
    case VaultEntry::Kind::TlsClientCertificate:
        return tr("TLS client certificate");
    }
    return {};
}

int VaultEntryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VaultEntryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VaultEntryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == IdRole)
        return row.id;
    if (role == KindRole)
        return int(row.kind);
    const auto time = [](const QDateTime& when) {
        return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case LabelColumn:
            return row.label;
        case IdColumn:
            return row.id;
        case KindColumn:
            return kindText(row.kind);
        case CreatedColumn:
            return time(row.created);
        case UpdatedColumn:
            return time(row.updated);
        }
    }
    if (role == Qt::ToolTipRole &&
        (index.column() == CreatedColumn || index.column() == UpdatedColumn)) {
        const QDateTime& when = index.column() == CreatedColumn ? row.created : row.updated;
        return QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
    }
    return {};
}

QVariant VaultEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Label");
    case IdColumn:
        return tr("Id");
    case KindColumn:
        return tr("Kind");
    case CreatedColumn:
        return tr("Created");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

} // namespace relais
