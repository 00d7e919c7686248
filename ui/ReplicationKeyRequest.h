#pragma once

#include "sync/ReplicationKeySetup.h"
#include "sync/RsyncCommand.h"

#include <QString>

namespace relais {

/// What the user asked to set up from the Sync tab: which job's key, for
/// which flow, in which files (ReplicationKeySetup's settings).
struct ReplicationKeyRequest
{
    QString job;
    /// Forward: the job's runs; reverse: failback's copy back (backup → main).
    RsyncCommand::Flow flow = RsyncCommand::Flow::Forward;
    /// On the initiating host.
    QString keyDirectory = ReplicationKeySetup::defaultKeyDirectory();
    /// On the other host.
    QString authorizedKeysPath = ReplicationKeySetup::defaultAuthorizedKeysPath();

    bool operator==(const ReplicationKeyRequest&) const = default;
};

} // namespace relais
