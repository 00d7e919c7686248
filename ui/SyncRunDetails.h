#pragma once

#include "sync/SyncRunRecord.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTableWidget;

namespace relais {

/// One sync run in detail: rsync's --stats totals in words and its
/// itemized change list (the SyncRunRecord::MaxItems first changes, and how
/// many more there were). Keyboard reachable: the totals can be selected
/// with the keyboard, the change list is a table in the tab order.
class SyncRunDetails : public QWidget
{
    Q_OBJECT

public:
    explicit SyncRunDetails(QWidget* parent = nullptr);

    /// Shows @p run with its items (none: nothing is selected).
    void setRun(const std::optional<SyncRunRecord>& run);

    /// The totals as shown ("Transferred: 10 of 120 files…"), one line each.
    static QString totalsText(const SyncRunRecord& run);
    /// What a change did, in words ("sent", "deleted"…).
    static QString changeText(RsyncItem::Change change);
    /// The line under the list: how many changes are not listed, and why.
    static QString moreText(const SyncRunRecord& run);

    enum Column
    {
        ChangeColumn,
        PathColumn,
        FlagsColumn,
        ColumnCount
    };

    /// Gives the keyboard focus to the change list.
    void focusChanges();

private:
    QLabel* m_totals;
    QTableWidget* m_changes;
    QLabel* m_more;
};

} // namespace relais
