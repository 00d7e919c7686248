#pragma once

#include <QDateTime>
#include <QString>

namespace relais {

/// One replication of a container from main to backup, as kept in relais.db.
struct LxdReplicationRecord
{
    enum class Outcome
    {
        Success,
        Fail,
        Cancelled,
    };

    QString instance;
    QDateTime startedAt; ///< UTC
    QDateTime endedAt;   ///< UTC
    Outcome outcome = Outcome::Fail;
    bool incremental = false; ///< a refresh of an existing copy (else a first copy)
    qint64 bytes = -1;        ///< as LXD's transfer progress last reported it; -1 unknown
    QString message;          ///< the error, for a failure

    qint64 durationMs() const { return startedAt.msecsTo(endedAt); }
    bool operator==(const LxdReplicationRecord&) const = default;
};

} // namespace relais
