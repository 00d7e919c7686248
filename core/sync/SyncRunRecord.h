#pragma once

#include <QDateTime>
#include <QString>

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

    qint64 durationMs() const { return startedAt.msecsTo(endedAt); }
    bool operator==(const SyncRunRecord&) const = default;
};

} // namespace relais
