#pragma once

#include "HostKeyQuestion.h"
#include "HostKeyVerifier.h"

#include <QList>

namespace relais {

/// Refuses every unknown host key: only keys already in known_hosts are
/// accepted (unattended runs). Keeps the questions it was asked.
class RejectAllVerifier : public HostKeyVerifier
{
public:
    void verify(const HostKeyQuestion& question, std::function<void(bool accept)> answer) override
    {
        m_questions.append(question);
        answer(false);
    }

    int questionsAsked() const { return int(m_questions.size()); }
    const QList<HostKeyQuestion>& questions() const { return m_questions; }

private:
    QList<HostKeyQuestion> m_questions;
};

} // namespace relais
