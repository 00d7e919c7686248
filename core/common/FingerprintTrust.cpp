#include "FingerprintTrust.h"

#include "CertificatePin.h"

namespace relais {

FingerprintTrust::FingerprintTrust(const QStringList& fingerprints)
{
    for (const QString& fingerprint : fingerprints) {
        if (const auto digest = CertificatePin::parse(fingerprint))
            m_digests.append(*digest);
    }
}

void FingerprintTrust::verify(const TlsQuestion& question, std::function<void(bool accept)> answer)
{
    m_questions.append(question);
    const auto digest = CertificatePin::parse(question.fingerprint);
    answer(digest && m_digests.contains(*digest));
}

} // namespace relais
