#pragma once

#include "HostKeyVerifier.h"

namespace relais {

/// Refuses every unknown host key: only keys already in known_hosts are
/// accepted (unattended runs).
class RejectAllVerifier : public HostKeyVerifier
{
public:
    void verify(const HostKeyQuestion& question, std::function<void(bool accept)> answer) override
    {
        Q_UNUSED(question);
        ++m_asked;
        answer(false);
    }

    int questionsAsked() const { return m_asked; }

private:
    int m_asked = 0;
};

} // namespace relais
