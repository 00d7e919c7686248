#pragma once

namespace relais {

/// Errors of the DNS providers spoken over HTTP APIs (PowerDNS, OVH,
/// Cloudflare, Gandi) and of the OVH failover-IP move. The message carries
/// the service's own words when it gave any.
enum class DnsApiError
{
    BadRequest,     ///< the read or change asked for is invalid (name outside the zone, no address,
                    ///< TTL)
    BadCredentials, ///< the vault entry is not in the provider's format
    BadUrl,         ///< the API endpoint is not an http:// or https:// URL
    Busy,           ///< a call was made while another one runs
    Unauthorized,   ///< HTTP 401/403: the key, token or signature is refused
    ClockSkew,      ///< OVH: the request's timestamp is out of the allowed window
    NotFound,       ///< the zone, record or IP is unknown to the service
    RecordChanged,  ///< the record does not hold the expected addresses: nothing was written
    Rejected,       ///< any other 4xx: the service refused the request
    ServerError,    ///< HTTP 5xx: the service failed
    Malformed,      ///< the answer is not what the API documents
    Tls,            ///< the TLS handshake or the certificate check failed
    Network,        ///< the connection failed (refused, no route, reset)
    Timeout,        ///< no answer within the call's timeout
    MoveFailed,     ///< OVH: the failover-IP move task ended in error or was cancelled
    Cancelled,      ///< cancel() stopped the call
};

constexpr const char* errorDomain(DnsApiError)
{
    return "dns-api";
}

} // namespace relais
