#pragma once

#include "HostKey.h"

namespace relais {

/// One trusted key of one host and port.
struct KnownHostsEntry
{
    QString host;
    int port = 22;
    HostKey key;

    bool operator==(const KnownHostsEntry&) const = default;
};

} // namespace relais
