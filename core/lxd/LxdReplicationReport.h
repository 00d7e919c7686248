#pragma once

#include <QDateTime>
#include <QString>

namespace relais {

/// What a successful container replication did.
struct LxdReplicationReport
{
    QString instance;
    bool incremental = false; ///< the backup had a copy, refreshed (else a first copy)
    QDateTime startedAt;      ///< UTC
    QDateTime endedAt;        ///< UTC
    qint64 transferMs = 0;    ///< the migration itself (main → backup), without the local steps
    qint64 bytes = -1;        ///< as LXD's transfer progress last reported it; -1 unknown
    /// LxdReplicationJob::setKeepReplaced(): the name the replaced instance
    /// was kept under; empty when nothing was replaced or it was deleted.
    QString keptAs;

    qint64 durationMs() const { return startedAt.msecsTo(endedAt); }
};

} // namespace relais
