#pragma once

#include "DnsProvider.h"
#include "common/Result.h"
#include "site/DnsBinding.h"
#include "site/FailoverIp.h"
#include "vault/VaultEntry.h"

#include <functional>
#include <memory>

namespace relais {

class OvhFailoverIpMove;
class Vault;

/// Makes the DnsProvider of a service's DNS binding, with its credentials
/// from the vault. @p vault may be null (locked): a provider that can read
/// without credentials (RFC 2136) is still made and refuses changes; the
/// others fail with DnsProviderError::MissingCredentials. @p timeoutMs is
/// each call's limit.
class DnsProviderFactory
{
public:
    /// Finds a vault entry by id (a vault, or secrets copied from one).
    using SecretLookup = std::function<Result<VaultEntry>(const QString& id)>;

    static Result<std::unique_ptr<DnsProvider>> create(const DnsBinding& binding, Vault* vault,
                                                       int timeoutMs = 5000,
                                                       QObject* parent = nullptr);
    /// As above, the credentials found through @p secrets (empty: locked).
    static Result<std::unique_ptr<DnsProvider>> createWith(const DnsBinding& binding,
                                                           const SecretLookup& secrets,
                                                           int timeoutMs = 5000,
                                                           QObject* parent = nullptr);

    /// Makes the job that moves a service's failover IP, with the OVH
    /// credentials from @p vault (DnsProviderError::MissingCredentials when
    /// it is null or lacks them).
    static Result<std::unique_ptr<OvhFailoverIpMove>>
    createFailoverIpMove(const FailoverIp& failoverIp, Vault* vault, int timeoutMs = 15000);
    /// As above, the credentials found through @p secrets (empty: locked).
    static Result<std::unique_ptr<OvhFailoverIpMove>>
    createFailoverIpMoveWith(const FailoverIp& failoverIp, const SecretLookup& secrets,
                             int timeoutMs = 15000);

    /// The absolute name of the binding's record ("www.example.test").
    static QString recordName(const DnsBinding& binding);
    /// The binding's record type.
    static DnsRecordType recordType(const DnsBinding& binding);
};

} // namespace relais
