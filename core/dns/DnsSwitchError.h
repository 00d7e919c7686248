#pragma once

namespace relais {

/// Errors of a switch (DnsSwitchJob). The message always says what was
/// done before the error: "TTL lowered to 30 s; the address was not changed".
enum class DnsSwitchError
{
    BadRequest,         ///< the request is incomplete (no address for a side...)
    ReadFailed,         ///< the record could not be read before acting
    NeitherSide,        ///< the record points to neither main nor backup: nothing changed
    ChangedBehind,      ///< the provider refused: the record changed behind our back
    ChangeFailed,       ///< the provider failed to change the record
    NoServers,          ///< no authoritative server to verify at
    PropagationTimeout, ///< the record changed, but not every server answers it in time
    Cancelled,          ///< cancel() stopped the switch
    Busy,               ///< start() while the job runs
};

constexpr const char* errorDomain(DnsSwitchError)
{
    return "dns-switch";
}

} // namespace relais
