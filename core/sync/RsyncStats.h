#pragma once

#include <QtGlobal>

namespace relais {

/// The totals of rsync's `--stats` (-1: not printed).
struct RsyncStats
{
    qint64 files = -1;            ///< "Number of files"
    qint64 createdFiles = -1;     ///< "Number of created files"
    qint64 deletedFiles = -1;     ///< "Number of deleted files"
    qint64 transferredFiles = -1; ///< "Number of regular files transferred"
    qint64 totalSize = -1;        ///< "Total file size" (bytes)
    qint64 transferredSize = -1;  ///< "Total transferred file size"
    qint64 literalData = -1;      ///< "Literal data": bytes sent as new data
    qint64 matchedData = -1;      ///< "Matched data": bytes the receiver already had
    qint64 bytesSent = -1;        ///< "Total bytes sent"
    qint64 bytesReceived = -1;    ///< "Total bytes received"

    bool complete() const { return files >= 0 && bytesSent >= 0 && bytesReceived >= 0; }
    bool operator==(const RsyncStats&) const = default;
};

} // namespace relais
