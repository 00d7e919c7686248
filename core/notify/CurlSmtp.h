#pragma once

#include "SmtpRequest.h"
#include "common/Result.h"

#include <atomic>

namespace relais {

/// Submits a message over SMTP with libcurl, the only libcurl user: TLS
/// always required (STARTTLS, or TLS from the start for "tls"), the
/// server's certificate and name verified against the system's CAs plus
/// the channel's, AUTH with the vault's password (curl picks PLAIN or
/// LOGIN from what the server offers). Blocking: run it in a worker thread;
/// @p cancelled stops it at the next progress tick. No curl type leaves
/// the .cpp file.
class CurlSmtp
{
public:
    static Result<void> send(const SmtpRequest& request, const std::atomic_bool& cancelled);
};

} // namespace relais
