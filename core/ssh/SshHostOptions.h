#pragma once

#include "SshSessionOptions.h"
#include "common/Result.h"

namespace relais {

struct Host;
class Vault;

/// How to reach @p host over SSH (address, port, user, jump host) with the
/// private keys the site names in @p vault, checked against the user's
/// known_hosts. Fails with the vault's error when a key is missing.
Result<SshSessionOptions> sshSessionOptions(Vault& vault, const Host& host);

} // namespace relais
