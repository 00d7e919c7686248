#pragma once

namespace relais {

/// Errors of the DNS module: a query that got no usable answer. (An answer
/// with an error RCODE such as SERVFAIL is an answer: see DnsAnswer.)
enum class DnsError
{
    Timeout,   ///< no answer within the query's timeout
    BadServer, ///< the server address is invalid, or its name does not resolve
    BadName,   ///< the name asked is not a valid DNS name
    Network,   ///< sending or receiving failed (TCP refused, no route...)
    Malformed, ///< the answer is not a DNS message, or not the answer to the query
    Cancelled, ///< DnsClient::cancel() stopped the query
    Failed,    ///< any other failure; the message says what
};

constexpr const char* errorDomain(DnsError)
{
    return "dns";
}

} // namespace relais
