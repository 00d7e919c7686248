#include "DnsServerModel.h"

#include <QStringList>

namespace relais {

DnsServerModel::DnsServerModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void DnsServerModel::setSides(const QHostAddress& main, const QHostAddress& backup)
{
    m_main = main;
    m_backup = backup;
    if (!m_servers.isEmpty())
        emit dataChanged(index(0, SideColumn), index(int(m_servers.size()) - 1, SideColumn));
}

void DnsServerModel::setServers(const QList<DnsServerAnswer>& servers)
{
    beginResetModel();
    m_servers = servers;
    endResetModel();
}

void DnsServerModel::updateServer(const DnsServerAnswer& answer)
{
    for (int row = 0; row < m_servers.size(); ++row) {
        if (m_servers.at(row).server == answer.server) {
            m_servers[row] = answer;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const int row = int(m_servers.size());
    beginInsertRows({}, row, row);
    m_servers.append(answer);
    endInsertRows();
}

int DnsServerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int DnsServerModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DnsServerModel::sideText(const QList<QHostAddress>& addresses) const
{
    if (addresses.isEmpty())
        return tr("no record");
    if (addresses == QList<QHostAddress>{m_main})
        return tr("main");
    if (addresses == QList<QHostAddress>{m_backup})
        return tr("backup");
    return tr("neither side");
}

QVariant DnsServerModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_servers.size() || index.column() >= ColumnCount)
        return {};
    const DnsServerAnswer& server = m_servers.at(index.row());
    if (role == Qt::ToolTipRole && !server.error.isEmpty())
        return server.error;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case ServerColumn:
        return server.nameServer.isEmpty()
                   ? server.server.toString()
                   : tr("%1 (%2)").arg(server.nameServer, server.server.toString());
    case AnswerColumn: {
        if (!server.error.isEmpty())
            return tr("no answer");
        QStringList texts;
        for (const QHostAddress& address : server.addresses)
            texts.append(address.toString());
        return texts.isEmpty() ? tr("no record") : texts.join(QStringLiteral(", "));
    }
    case SideColumn:
        return server.error.isEmpty() ? sideText(server.addresses) : QString();
    case TtlColumn:
        return server.ttl < 0 ? QString() : tr("%1 s").arg(server.ttl);
    case ConvergedColumn:
        return server.converged ? tr("yes, after %1 ms").arg(server.convergedAfterMs) : QString();
    }
    return {};
}

QVariant DnsServerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case AnswerColumn:
        return tr("Answer");
    case SideColumn:
        return tr("Points to");
    case TtlColumn:
        return tr("TTL");
    case ConvergedColumn:
        return tr("New address");
    }
    return {};
}

} // namespace relais
