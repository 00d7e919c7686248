#pragma once

#include "dns/DnsServerAnswer.h"

#include <QAbstractTableModel>
#include <QHostAddress>
#include <QList>

namespace relais {

/// The authoritative servers of a service's record, one row each: what it
/// answers, the side that is, the TTL, and during a switch whether it
/// answers the new address yet.
class DnsServerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ServerColumn,
        AnswerColumn,
        SideColumn,
        TtlColumn,
        ConvergedColumn,
        ColumnCount,
    };

    explicit DnsServerModel(QObject* parent = nullptr);

    /// The addresses of each side, to name the side an answer points to.
    void setSides(const QHostAddress& main, const QHostAddress& backup);
    /// Replaces every row.
    void setServers(const QList<DnsServerAnswer>& servers);
    /// Updates the row of @p answer's server (adds one when unknown).
    void updateServer(const DnsServerAnswer& answer);
    const QList<DnsServerAnswer>& servers() const { return m_servers; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "main", "backup" or "neither side" (translated) for @p addresses.
    QString sideText(const QList<QHostAddress>& addresses) const;

private:
    QHostAddress m_main;
    QHostAddress m_backup;
    QList<DnsServerAnswer> m_servers;
};

} // namespace relais
