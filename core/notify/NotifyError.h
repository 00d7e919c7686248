#pragma once

namespace relais {

/// Errors of sending a notification to one channel. The message names the
/// channel and says what the server answered; it never holds a secret.
enum class NotifyError
{
    NotConfigured, ///< the channel cannot be used as written (vault entry missing, CA file
                   ///< unreadable)
    Unreachable,   ///< no connection: refused, no route, unknown name, cut off
    Tls,           ///< the TLS handshake or the certificate check failed, or no STARTTLS
    AuthRefused,   ///< the server refused the token or the login (HTTP 401/403, SMTP 535)
    HttpStatus,    ///< the web server answered with another non-2xx status
    SmtpRejected,  ///< the SMTP server refused the sender, a recipient or the message
    Timeout,       ///< no answer in time
    Cancelled,     ///< cancel() stopped the sending
};

constexpr const char* errorDomain(NotifyError)
{
    return "notify";
}

} // namespace relais
