#pragma once

#include <QString>

namespace relais {

/// What known_hosts says about a key a host offered.
struct HostKeyLookup
{
    enum class Status
    {
        Match,   ///< this key is trusted for this host
        Unknown, ///< nothing is stored for this host and port
        Changed, ///< another key is stored for this host: refuse
    };

    Status status = Status::Unknown;
    QString storedType;        ///< with Changed: the stored key's type
    QString storedFingerprint; ///< with Changed: the stored key's fingerprint
};

} // namespace relais
