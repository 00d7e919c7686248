#pragma once

namespace relais {

/// Errors of making a DNS provider (DnsProviderFactory) and of a provider's
/// own bookkeeping; the exchanges themselves report their module's codes
/// (DnsError for reads, DnsUpdateError for RFC 2136 changes...).
enum class DnsProviderError
{
    NotAvailable,       ///< this build has no implementation of the binding's provider
    MissingCredentials, ///< the binding names no credential, or the vault is locked or lacks it
    BadCredentials,     ///< the vault entry is not usable by the provider (TSIG key text...)
    BadRequest,         ///< the record or change asked for is not one the provider handles
    Busy,               ///< a call is already running on this provider
    Failed,             ///< the provider answered, but not with the record (SERVFAIL...)
};

constexpr const char* errorDomain(DnsProviderError)
{
    return "dns-provider";
}

} // namespace relais
