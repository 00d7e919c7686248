#pragma once

namespace relais {

/// Errors of an RFC 2136 update (DnsUpdater): the update was not made, or
/// it cannot be known to have been made.
enum class DnsUpdateError
{
    BadRequest,         ///< the update asked for is incomplete or invalid (names, addresses, TTL)
    BadKeyText,         ///< the TSIG key is not "name:algorithm:base64secret"
    BadServer,          ///< the server address is invalid, or its name does not resolve
    Timeout,            ///< no answer within the update's timeout
    Network,            ///< sending or receiving failed (TCP refused, no route...)
    Malformed,          ///< the answer is not a DNS message, or not the answer to the update
    Unverified,         ///< the answer's TSIG signature is missing or does not verify
    NotAuth,            ///< NOTAUTH: the server is not authoritative or refuses the key
    BadSig,             ///< NOTAUTH with TSIG error BADSIG: the key's secret is wrong
    BadKey,             ///< NOTAUTH with TSIG error BADKEY: the server does not know the key
    BadTime,            ///< NOTAUTH with TSIG error BADTIME: the clocks differ too much
    Refused,            ///< REFUSED: the server's policy does not allow this update
    PrerequisiteFailed, ///< NXRRSET/YXRRSET: the record does not hold the expected addresses
    ServFail,           ///< SERVFAIL: the server failed to apply the update
    Rejected,           ///< any other response code (FORMERR, NOTIMP, NOTZONE...)
    Cancelled,          ///< DnsUpdater::cancel() stopped the update
};

constexpr const char* errorDomain(DnsUpdateError)
{
    return "dns-update";
}

} // namespace relais
