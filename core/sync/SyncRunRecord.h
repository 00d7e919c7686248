#pragma once

#include "RsyncItem.h"
#include "RsyncStats.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <algorithm>

namespace relais {

/// One run of a sync job, as kept in relais.db.
struct SyncRunRecord
{
    enum class Outcome
    {
        Success,
        Warning,
        Retry, ///< failed in a way a later attempt may not
        Fail,
        Cancelled,
    };

    /// The changes a record keeps at most: the first ones rsync listed; the
    /// rest are only counted (itemCount), so that relais.db stays small.
    static constexpr qsizetype MaxItems = 1000;

    QString job;
    QDateTime startedAt; ///< UTC
    QDateTime endedAt;   ///< UTC
    bool dryRun = false;
    int exitStatus = -1; ///< rsync's, or -1 when rsync did not run
    Outcome outcome = Outcome::Fail;
    qint64 files = -1; ///< regular files transferred
    qint64 bytes = -1; ///< bytes that travelled: sent by the initiating side, or received by it
                       ///< (RsyncCommand::initiatorReceives)
    QString message;
    /// rsync's --stats totals (each -1 when not known: rsync did not run or
    /// did not print it, or a run kept before Relais kept them).
    RsyncStats stats;
    /// The itemized changes (--itemize-changes), at most MaxItems; empty
    /// when read without them (SyncHistory::Detail::Summary).
    QList<RsyncItem> items;
    /// How many changes rsync listed in all (0 when unknown or none).
    qint64 itemCount = 0;

    /// Keeps the first MaxItems of @p all and counts them all.
    void setItems(const QList<RsyncItem>& all)
    {
        items = all.mid(0, MaxItems);
        itemCount = all.size();
    }
    /// Changes listed by rsync but not kept in the record.
    qint64 itemsNotKept() const { return std::max<qint64>(0, itemCount - items.size()); }
    qint64 durationMs() const { return startedAt.msecsTo(endedAt); }
    bool operator==(const SyncRunRecord&) const = default;
};

} // namespace relais
