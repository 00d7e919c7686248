#pragma once

#include "TlsQuestion.h"

#include <functional>

namespace relais {

/// Decides whether an UNKNOWN server certificate is trusted, as
/// HostKeyVerifier does for SSH host keys (the GUI asks the user, relaisctl
/// answers from --accept-certificate). A certificate that differs from a
/// pinned one never reaches it.
///
/// verify() must not block: it calls @p answer exactly once, now or later
/// (after a dialog closes), on the same thread.
class TlsTrust
{
public:
    virtual ~TlsTrust() = default;
    virtual void verify(const TlsQuestion& question, std::function<void(bool accept)> answer) = 0;
};

} // namespace relais
