#include "SyncRunDetails.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <climits>

namespace relais {

namespace {

QString sizeText(qint64 bytes)
{
    return bytes >= 0 ? QLocale().formattedDataSize(bytes) : SyncRunDetails::tr("unknown");
}

QString countText(qint64 n)
{
    return n >= 0 ? QLocale().toString(n) : SyncRunDetails::tr("unknown");
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace

SyncRunDetails::SyncRunDetails(QWidget* parent)
    : QWidget(parent)
    , m_totals(new QLabel(this))
    , m_changes(new QTableWidget(0, ColumnCount, this))
    , m_more(new QLabel(this))
{
    setObjectName(QStringLiteral("syncRunDetails"));
    m_totals->setObjectName(QStringLiteral("syncRunTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextFormat(Qt::PlainText);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_totals->setFocusPolicy(Qt::StrongFocus);
    m_totals->setAccessibleName(tr("Totals of the selected run"));
    m_changes->setObjectName(QStringLiteral("syncRunChanges"));
    m_changes->setAccessibleName(tr("Changes of the selected run"));
    m_changes->setHorizontalHeaderLabels({tr("Change"), tr("Path"), tr("rsync flags")});
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_changes->verticalHeader()->hide();
    m_changes->horizontalHeader()->setStretchLastSection(true);
    m_changes->setTabKeyNavigation(false);
    m_more->setObjectName(QStringLiteral("syncRunMore"));
    m_more->setWordWrap(true);
    m_more->setTextFormat(Qt::PlainText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_totals);
    layout->addWidget(m_changes, 1);
    layout->addWidget(m_more);
    setRun(std::nullopt);
}

QString SyncRunDetails::totalsText(const SyncRunRecord& run)
{
    const RsyncStats& s = run.stats;
    if (s == RsyncStats())
        return tr("rsync's totals were not recorded for this run.");
    QStringList lines;
    lines
        << tr("Transferred: %1 of %2 files (%3 of %4)")
               .arg(countText(s.transferredFiles), countText(s.files), sizeText(s.transferredSize),
                    sizeText(s.totalSize))
        << tr("Created: %1, deleted: %2").arg(countText(s.createdFiles), countText(s.deletedFiles))
        << tr("Literal data: %1, matched data: %2")
               .arg(sizeText(s.literalData), sizeText(s.matchedData))
        << tr("Sent: %1, received: %2").arg(sizeText(s.bytesSent), sizeText(s.bytesReceived));
    return lines.join(QLatin1Char('\n'));
}

QString SyncRunDetails::changeText(RsyncItem::Change change)
{
    switch (change) {
    case RsyncItem::Change::Sent:
        return tr("sent");
    case RsyncItem::Change::Created:
        return tr("created");
    case RsyncItem::Change::HardLink:
        return tr("hard link");
    case RsyncItem::Change::Attributes:
        return tr("attributes");
    case RsyncItem::Change::Deleted:
        break;
    }
    return tr("deleted");
}

QString SyncRunDetails::moreText(const SyncRunRecord& run)
{
    if (run.itemCount == 0)
        return run.stats == RsyncStats() ? QString() : tr("Nothing changed.");
    if (run.items.isEmpty())
        return tr("%n change(s); their list is not kept (a run of the job installed on its "
                  "host, or an older run).",
                  nullptr, int(std::min<qint64>(run.itemCount, INT_MAX)));
    if (run.itemsNotKept() > 0)
        return tr("The first %1 changes are listed; %n more were not kept.", nullptr,
                  int(std::min<qint64>(run.itemsNotKept(), INT_MAX)))
            .arg(QLocale().toString(run.items.size()));
    return tr("%n change(s).", nullptr, int(run.items.size()));
}

void SyncRunDetails::setRun(const std::optional<SyncRunRecord>& run)
{
    m_changes->setRowCount(0);
    if (!run) {
        m_totals->setText(tr("Select a run to see its totals and changes."));
        m_more->clear();
        m_more->hide();
        return;
    }
    m_totals->setText(totalsText(*run));
    m_changes->setRowCount(int(run->items.size()));
    for (int row = 0; row < run->items.size(); ++row) {
        const RsyncItem& item = run->items.at(row);
        m_changes->setItem(row, ChangeColumn, cell(changeText(item.change)));
        m_changes->setItem(row, PathColumn, cell(item.path));
        m_changes->setItem(row, FlagsColumn, cell(item.flags));
    }
    m_changes->resizeColumnToContents(ChangeColumn);
    m_more->setText(moreText(*run));
    m_more->setVisible(!m_more->text().isEmpty());
}

void SyncRunDetails::focusChanges()
{
    m_changes->setFocus(Qt::OtherFocusReason);
    if (m_changes->rowCount() > 0 && m_changes->selectedItems().isEmpty())
        m_changes->selectRow(0);
}

} // namespace relais
