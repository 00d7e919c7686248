#pragma once

namespace relais {

/// Why a health check failed. The UI turns each into a plain sentence.
enum class HealthError
{
    Timeout,           ///< no answer within the probe's timeout
    ConnectionRefused, ///< the port is closed
    Unreachable,       ///< no route to the host, network down
    HostNotFound,      ///< the name does not resolve
    TlsFailed,         ///< TLS handshake or certificate verification failed
    PinMismatch,       ///< the certificate is not the pinned one
    HttpStatus,        ///< HTTP answered with a status outside the expected range
    KeywordMissing,    ///< the page does not contain the expected text
    NotSsh,            ///< the port answered but not with an SSH banner
    DnsNoAnswer,       ///< the DNS server answered without the record
    DnsFailed,         ///< the DNS server refused or failed (SERVFAIL, REFUSED, bad packet)
    DnsUnknownAddress, ///< the record points to neither main nor backup
    Failed,            ///< any other failure; the message says what
    Cancelled,         ///< stopped by cancel() before an answer: not a verdict on the target
    NotTrusted, ///< the host's unknown SSH key or LXD certificate was refused (or nobody asked)
};

constexpr const char* errorDomain(HealthError)
{
    return "health";
}

} // namespace relais
