#pragma once

#include "HostKeyVerifier.h"

#include <QStringList>

namespace relais {

/// Accepts only a key whose SHA256 fingerprint is one of the given ones
/// (`relaisctl ssh trust --fingerprint SHA256:...`, tests). Counts the
/// questions it was asked.
class FingerprintVerifier : public HostKeyVerifier
{
public:
    explicit FingerprintVerifier(QStringList fingerprints);

    void verify(const HostKeyQuestion& question, std::function<void(bool accept)> answer) override;

    int questionsAsked() const { return m_asked; }
    const QList<HostKeyQuestion>& questions() const { return m_questions; }

private:
    QStringList m_fingerprints;
    int m_asked = 0;
    QList<HostKeyQuestion> m_questions;
};

} // namespace relais
