#pragma once

#include "HostKeyQuestion.h"

#include <functional>

namespace relais {

/// Decides whether an UNKNOWN host key is trusted (the GUI asks the user,
/// relaisctl answers from --fingerprint). Injected into SshSession; called
/// on the thread that owns the session. A changed key never reaches it.
///
/// verify() must not block: it calls @p answer exactly once, now or later
/// (after a dialog closes), on the same thread.
class HostKeyVerifier
{
public:
    virtual ~HostKeyVerifier() = default;
    virtual void verify(const HostKeyQuestion& question,
                        std::function<void(bool accept)> answer) = 0;
};

} // namespace relais
