#pragma once

#include <QtGlobal>

namespace relais {

/// One `--info=progress2` line of rsync: the whole transfer so far.
struct RsyncProgress
{
    qint64 bytes = 0;          ///< bytes of the files transferred so far
    int percent = 0;           ///< of the total size rsync knows about yet
    qint64 bytesPerSecond = 0; ///< current rate
    int etaSeconds = -1;       ///< rsync's estimate of the time left (-1: none given)
    int transferred = 0;       ///< files transferred ("xfr#N")
    int toCheck = -1;          ///< files left to check ("to-chk=N/M" or "ir-chk=N/M")
    int total = -1;            ///< files known so far (M)
    bool listComplete = false; ///< "to-chk": the file list is complete (not "ir-chk")

    bool operator==(const RsyncProgress&) const = default;
};

} // namespace relais
