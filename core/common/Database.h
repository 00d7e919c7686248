#pragma once

#include "Clock.h"
#include "Migration.h"
#include "Result.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace relais {

/// The SQLite database (Qt SQL) that keeps Relais' histories: health
/// events, sync runs, drills and the audit journal. Opening it brings its
/// schema up to date with versioned migrations; a database written by a
/// newer Relais is refused rather than damaged.
class Database
{
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens (creating if needed) the database at @p path and applies the
    /// migrations it lacks. ":memory:" gives a private in-memory database.
    /// Times written in the histories come from @p clock.
    static Result<std::unique_ptr<Database>> open(const QString& path, const Clock& clock);
    static Result<std::unique_ptr<Database>> open(const QString& path);

    /// As open(), with an explicit list of migrations (tests).
    static Result<std::unique_ptr<Database>>
    open(const QString& path, const std::vector<Migration>& migrations, const Clock& clock);

    /// The clock the histories are written with.
    const Clock& clock() const { return m_clock; }

    /// The migrations of this version of Relais, in order.
    static const std::vector<Migration>& migrations();

    /// The schema version now in the file.
    int schemaVersion() const;

    /// The connection, for the modules that record histories. Only use it
    /// from the thread that opened the database.
    QSqlDatabase connection() const;

    /// Runs @p write with each commit synced to disk before it returns
    /// (synchronous FULL), for the few records a power cut must not lose:
    /// the replication lock. Other commits survive Relais being killed but
    /// may be lost, the last few seconds of them, if the machine loses power.
    Result<void> durably(const std::function<Result<void>()>& write);

    /// Appends an entry to the audit journal of actions taken.
    Result<void> audit(const QString& action, const QString& target, const QString& outcome,
                       const QString& detail = {});

private:
    Database(QString connectionName, const Clock& clock);
    Result<void> migrate(const std::vector<Migration>& migrations);

    QString m_connectionName;
    const Clock& m_clock;
};

} // namespace relais
