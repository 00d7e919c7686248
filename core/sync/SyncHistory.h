#pragma once

#include "SyncRunRecord.h"
#include "common/Result.h"

#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

namespace relais {

class Database;

/// The runs of a site's sync jobs, kept in relais.db across restarts: the
/// outcome, rsync's --stats totals and the itemized change list (at most
/// SyncRunRecord::MaxItems changes per run, counted beyond; the lists of
/// the newest KeptItemRuns runs of each job only, older runs keep their
/// totals and count).
class SyncHistory
{
public:
    /// Runs of a job whose change list is kept.
    static constexpr int KeptItemRuns = 100;

    /// What recent() reads.
    enum class Detail
    {
        Summary,   ///< totals and itemCount, no change list (items empty)
        WithItems, ///< the change list too
    };

    SyncHistory(Database& database, QString site);

    Result<void> record(const SyncRunRecord& run);
    /// record(), unless a run of the same job that started at the same
    /// instant is already kept (runs read again from a host's state file).
    /// True when it was added.
    Result<bool> recordOnce(const SyncRunRecord& run);
    /// The newest @p limit runs of @p job (every job when empty), newest first.
    Result<QList<SyncRunRecord>> recent(const QString& job = QString(), int limit = 200,
                                        Detail detail = Detail::Summary) const;
    /// The newest run of @p job that was not a dry run, if any.
    Result<std::optional<SyncRunRecord>> lastRun(const QString& job) const;
    /// The change list kept for the run of @p job that started at
    /// @p startedAt (empty when none is kept).
    Result<QList<RsyncItem>> items(const QString& job, const QDateTime& startedAt) const;

    /// An item as kept: rebuilt from rsync's flags and the path.
    static RsyncItem itemFrom(const QString& flags, const QString& path);

private:
    Result<QList<RsyncItem>> itemsOf(qint64 runId) const;
    Result<QList<SyncRunRecord>> select(const QString& where, const QVariantList& values, int limit,
                                        Detail detail) const;

    Database& m_database;
    QString m_site;
};

} // namespace relais
