#pragma once

namespace relais {

/// Errors of the LXD client. When LXD itself refused or failed, the Error's
/// message is LXD's own text, word for word, so the user reads what LXD said.
enum class LxdError
{
    Unreachable,     ///< no connection to the daemon (socket missing, nothing listening, tunnel
                     ///< refused)
    NotFound,        ///< LXD answered 404: no such instance, snapshot or operation
    Rejected,        ///< LXD refused the request (400, 409, 412…): already running, bad name…
    Forbidden,       ///< LXD answered 403: the client is not trusted for this
    ServerError,     ///< LXD answered 5xx
    OperationFailed, ///< a background operation ended in failure
    Cancelled,       ///< stopped by cancel()
    Timeout,         ///< no answer, or the operation did not end, within the allowed time
    ProtocolError,   ///< the answer is not HTTP or not LXD's JSON envelope
    CertificateUnknown,  ///< HTTPS: the server's certificate is not pinned and was not accepted
    CertificateMismatch, ///< HTTPS: the server's certificate is not the pinned one (changed)
    TlsFailed,           ///< HTTPS: the TLS handshake failed for another reason
    InvalidToken,        ///< a trust token that cannot be read, or has expired
    InvalidClientCertificate, ///< the vault's client certificate and key cannot be used
    TrustStoreFailed,         ///< the pinned certificates file cannot be read or written
    HostKeyNotTrusted, ///< over SSH: the host's unknown key was refused (or nobody could be asked)
};

constexpr const char* errorDomain(LxdError)
{
    return "lxd";
}

} // namespace relais
