#include "SyncHistory.h"

#include "common/Database.h"
#include "common/DatabaseError.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <array>
#include <utility>

namespace relais {

namespace {

constexpr std::array<const char*, 5> OutcomeNames = {"success", "warning", "retry", "fail",
                                                     "cancelled"};

SyncRunRecord::Outcome outcomeFromName(const QString& name)
{
    for (std::size_t i = 0; i < OutcomeNames.size(); ++i) {
        if (name == QLatin1String(OutcomeNames[i]))
            return static_cast<SyncRunRecord::Outcome>(i);
    }
    return SyncRunRecord::Outcome::Fail;
}

/// The --stats columns of sync_runs, in the order of the queries below.
const std::array<std::pair<const char*, qint64 RsyncStats::*>, 10> StatsColumns = {{
    {"stat_files", &RsyncStats::files},
    {"created_files", &RsyncStats::createdFiles},
    {"deleted_files", &RsyncStats::deletedFiles},
    {"transferred_files", &RsyncStats::transferredFiles},
    {"total_size", &RsyncStats::totalSize},
    {"transferred_size", &RsyncStats::transferredSize},
    {"literal_data", &RsyncStats::literalData},
    {"matched_data", &RsyncStats::matchedData},
    {"bytes_sent", &RsyncStats::bytesSent},
    {"bytes_received", &RsyncStats::bytesReceived},
}};

QString statsColumnList()
{
    QStringList names;
    for (const auto& [name, member] : StatsColumns)
        names.append(QLatin1String(name));
    return names.join(QStringLiteral(", "));
}

Error queryError(const char* what, const QSqlQuery& query)
{
    return Error(DatabaseError::QueryFailed,
                 QStringLiteral("%1: %2").arg(QLatin1String(what), query.lastError().text()));
}

} // namespace

SyncHistory::SyncHistory(Database& database, QString site)
    : m_database(database)
    , m_site(std::move(site))
{}

RsyncItem SyncHistory::itemFrom(const QString& flags, const QString& path)
{
    RsyncItem item;
    item.flags = flags;
    item.path = path;
    if (flags.startsWith(QLatin1Char('*'))) {
        item.change = RsyncItem::Change::Deleted;
        return item;
    }
    switch ((flags.isEmpty() ? QChar() : flags.at(0)).unicode()) {
    case 'c':
        item.change = RsyncItem::Change::Created;
        break;
    case 'h':
        item.change = RsyncItem::Change::HardLink;
        break;
    case '.':
        item.change = RsyncItem::Change::Attributes;
        break;
    default:
        item.change = RsyncItem::Change::Sent;
        break;
    }
    item.fileType = flags.size() > 1 ? flags.at(1).toLatin1() : char(0);
    item.isNew = flags.mid(2, 9) == QStringLiteral("+++++++++");
    return item;
}

Result<void> SyncHistory::record(const SyncRunRecord& run)
{
    QSqlDatabase db = m_database.connection();
    // Inside a caller's transaction (runs read back in a batch), its own
    // commit covers this one.
    const bool own = db.transaction();
    const auto rollback = [&] {
        if (own)
            db.rollback();
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO sync_runs(site, job, started_at, ended_at, dry_run, "
                                 "exit_status, outcome, files, bytes, message, item_count, %1) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%2)")
                      .arg(statsColumnList(), QStringLiteral(", ?").repeated(StatsColumns.size())));
    query.addBindValue(m_site);
    query.addBindValue(run.job);
    query.addBindValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(run.endedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(run.dryRun ? 1 : 0);
    query.addBindValue(run.exitStatus);
    query.addBindValue(QLatin1String(OutcomeNames[static_cast<std::size_t>(run.outcome)]));
    query.addBindValue(run.files);
    query.addBindValue(run.bytes);
    query.addBindValue(run.message.isNull() ? QStringLiteral("") : run.message);
    query.addBindValue(std::max<qint64>(run.itemCount, run.items.size()));
    for (const auto& [name, member] : StatsColumns)
        query.addBindValue(run.stats.*member);
    if (!query.exec()) {
        const Error error = queryError("cannot record a sync run", query);
        rollback();
        return error;
    }
    const qint64 runId = query.lastInsertId().toLongLong();
    if (!run.items.isEmpty()) {
        QSqlQuery item(db);
        item.prepare(QStringLiteral(
            "INSERT INTO sync_run_items(run_id, position, flags, path) VALUES (?, ?, ?, ?)"));
        const qsizetype kept = std::min(run.items.size(), SyncRunRecord::MaxItems);
        for (qsizetype i = 0; i < kept; ++i) {
            item.addBindValue(runId);
            item.addBindValue(i);
            item.addBindValue(run.items.at(i).flags);
            item.addBindValue(run.items.at(i).path);
            if (!item.exec()) {
                const Error error = queryError("cannot record a sync run's changes", item);
                rollback();
                return error;
            }
        }
    }
    // Only the newest runs of the job keep their change list.
    QSqlQuery prune(db);
    prune.prepare(QStringLiteral(
        "DELETE FROM sync_run_items WHERE run_id IN (SELECT id FROM sync_runs WHERE site = ? AND "
        "job = ? ORDER BY id DESC LIMIT -1 OFFSET ?)"));
    prune.addBindValue(m_site);
    prune.addBindValue(run.job);
    prune.addBindValue(KeptItemRuns);
    if (!prune.exec()) {
        const Error error = queryError("cannot trim old change lists", prune);
        rollback();
        return error;
    }
    if (own && !db.commit()) {
        const Error error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot record a sync run: %1").arg(db.lastError().text()));
        db.rollback();
        return error;
    }
    return Result<void>::success();
}

Result<bool> SyncHistory::recordOnce(const SyncRunRecord& run)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM sync_runs WHERE site = ? AND job = ? AND started_at = ?"));
    query.addBindValue(m_site);
    query.addBindValue(run.job);
    query.addBindValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec() || !query.next())
        return queryError("cannot read sync runs", query);
    if (query.value(0).toInt() > 0)
        return false;
    const Result<void> added = record(run);
    if (!added)
        return added.error();
    return true;
}

Result<QList<SyncRunRecord>> SyncHistory::select(const QString& where, const QVariantList& values,
                                                 int limit, Detail detail) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, job, started_at, ended_at, dry_run, exit_status, "
                                 "outcome, files, bytes, message, item_count, %1 FROM sync_runs "
                                 "WHERE site = ? AND (%2) ORDER BY id DESC LIMIT ?")
                      .arg(statsColumnList(), where));
    query.addBindValue(m_site);
    for (const QVariant& value : values)
        query.addBindValue(value);
    query.addBindValue(limit);
    if (!query.exec())
        return queryError("cannot read sync runs", query);
    QList<SyncRunRecord> runs;
    QList<qint64> ids;
    while (query.next()) {
        SyncRunRecord run;
        ids.append(query.value(0).toLongLong());
        run.job = query.value(1).toString();
        run.startedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        run.endedAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
        run.dryRun = query.value(4).toInt() != 0;
        run.exitStatus = query.value(5).toInt();
        run.outcome = outcomeFromName(query.value(6).toString());
        run.files = query.value(7).toLongLong();
        run.bytes = query.value(8).toLongLong();
        run.message = query.value(9).toString();
        run.itemCount = query.value(10).toLongLong();
        int column = 11;
        for (const auto& [name, member] : StatsColumns)
            run.stats.*member = query.value(column++).toLongLong();
        runs.append(run);
    }
    if (detail == Detail::WithItems) {
        for (qsizetype i = 0; i < runs.size(); ++i) {
            Result<QList<RsyncItem>> items = itemsOf(ids.at(i));
            if (!items)
                return items.error();
            runs[i].items = std::move(items).value();
        }
    }
    return runs;
}

Result<QList<SyncRunRecord>> SyncHistory::recent(const QString& job, int limit, Detail detail) const
{
    const QString name = job.isNull() ? QStringLiteral("") : job;
    return select(QStringLiteral("? = '' OR job = ?"), {name, name}, limit, detail);
}

Result<std::optional<SyncRunRecord>> SyncHistory::lastRun(const QString& job) const
{
    Result<QList<SyncRunRecord>> runs =
        select(QStringLiteral("job = ? AND dry_run = 0"), {job}, 1, Detail::Summary);
    if (!runs)
        return runs.error();
    if (runs->isEmpty())
        return std::optional<SyncRunRecord>();
    return std::optional<SyncRunRecord>(runs->first());
}

Result<QList<RsyncItem>> SyncHistory::items(const QString& job, const QDateTime& startedAt) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM sync_runs WHERE site = ? AND job = ? AND "
                                 "started_at = ? ORDER BY id DESC LIMIT 1"));
    query.addBindValue(m_site);
    query.addBindValue(job);
    query.addBindValue(startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return queryError("cannot read sync runs", query);
    if (!query.next())
        return QList<RsyncItem>();
    return itemsOf(query.value(0).toLongLong());
}

Result<QList<RsyncItem>> SyncHistory::itemsOf(qint64 runId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT flags, path FROM sync_run_items WHERE run_id = ? ORDER BY position"));
    query.addBindValue(runId);
    if (!query.exec())
        return queryError("cannot read a sync run's changes", query);
    QList<RsyncItem> items;
    while (query.next())
        items.append(itemFrom(query.value(0).toString(), query.value(1).toString()));
    return items;
}

} // namespace relais
