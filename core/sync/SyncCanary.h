#pragma once

#include "site/SyncJob.h"

#include <QString>
#include <optional>

namespace relais {

/// The measured RPO of a sync job: before each run a canary file holding
/// main's clock (milliseconds since the epoch) is written into each source
/// on main; it travels with the data, so the age of the canary found on
/// backup is how old backup's copy is right now — the data-loss window if
/// main died this instant.
class SyncCanary
{
public:
    static constexpr const char* FileName = ".relais-canary";

    /// Shell command for main: writes the canary into every source
    /// (atomically: a temporary file renamed).
    static QString writeCommand(const SyncJob& job);
    /// One shell command for main that writes the canary, then runs
    /// @p command in its place (exec), so that a push costs one round trip
    /// and one remote shell instead of two. The outcome of the canary comes
    /// on standard error as a line of its own, WrittenLine or FailedLine;
    /// after FailedLine the command is not run and the exit status is the
    /// canary's.
    static QString writeThenRunCommand(const SyncJob& job, const QString& command);
    static constexpr const char* WrittenLine = "relais-canary: written";
    static constexpr const char* FailedLine = "relais-canary: failed";
    /// Shell command for backup: prints its clock, then the canary of the
    /// first source as copied to the destination.
    static QString readCommand(const SyncJob& job);
    /// The canary's path on backup.
    static QString backupPath(const SyncJob& job);
    /// The age in milliseconds from readCommand()'s output ("NOW\nCANARY"),
    /// or nullopt when there is no canary yet or the output is garbled.
    static std::optional<qint64> ageMs(const QByteArray& output);
};

} // namespace relais
