#pragma once

#include "common/Result.h"
#include "http/HttpRequest.h"

#include <QObject>
#include <optional>

namespace relais {

class LxdExchange;

/// How requests reach an LXD daemon: over a Unix socket (LxdSocketTransport:
/// the daemon's own, or the local end of an SSH tunnel) or over HTTPS with
/// a client certificate and a pinned server certificate
/// (LxdHttpsTransport). LxdClient asks it for one LxdExchange per request.
class LxdTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// A new, not yet started exchange carrying @p request; never blocks.
    /// @p timeoutMs: the exchange's own limit (0: none).
    virtual LxdExchange* createExchange(HttpRequest request, int timeoutMs,
                                        QObject* parent = nullptr) = 0;
    /// For messages: "unix:/var/…/unix.socket", "ssh root@host:22 → /var/…",
    /// "https://10.0.0.1:8443".
    virtual QString describe() const = 0;

    /// The last failure below HTTP (an SSH forward refused), which explains
    /// a connection closed without an answer; taken (cleared) by the reader.
    std::optional<Error> takeLastFailure() { return std::exchange(m_lastFailure, std::nullopt); }

protected:
    void setLastFailure(const Error& error) { m_lastFailure = error; }

private:
    std::optional<Error> m_lastFailure;
};

} // namespace relais
