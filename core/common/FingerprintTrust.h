#pragma once

#include "TlsTrust.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace relais {

/// Accepts only a certificate whose SHA-256 fingerprint is one of the given
/// ones (`relaisctl lxd trust --accept-certificate`, tests); with none, it
/// refuses everything. Keeps the questions it was asked.
class FingerprintTrust : public TlsTrust
{
public:
    /// Fingerprints as CertificatePin::parse() reads them; invalid ones are
    /// ignored.
    explicit FingerprintTrust(const QStringList& fingerprints = {});

    void verify(const TlsQuestion& question, std::function<void(bool accept)> answer) override;

    int questionsAsked() const { return int(m_questions.size()); }
    const QList<TlsQuestion>& questions() const { return m_questions; }

private:
    QList<QByteArray> m_digests;
    QList<TlsQuestion> m_questions;
};

} // namespace relais
