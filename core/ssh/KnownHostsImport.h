#pragma once

namespace relais {

/// What KnownHosts::importFrom() did with the lines of an OpenSSH file.
struct KnownHostsImport
{
    int imported = 0;      ///< entries added
    int alreadyKnown = 0;  ///< entries Relais already had, identical
    int conflicts = 0;     ///< entries whose host already has another key in Relais: left out
    int skippedHashed = 0; ///< hashed ("|1|") lines that matched no host asked for
    int skippedOther = 0;  ///< wildcards, negations, @cert-authority/@revoked, malformed lines
};

} // namespace relais
