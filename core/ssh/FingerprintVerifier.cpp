#include "FingerprintVerifier.h"

namespace relais {

namespace {
QString normalized(QString fingerprint)
{
    fingerprint = fingerprint.trimmed();
    while (fingerprint.endsWith(QLatin1Char('=')))
        fingerprint.chop(1);
    return fingerprint;
}
} // namespace

FingerprintVerifier::FingerprintVerifier(QStringList fingerprints)
{
    for (const QString& f : fingerprints)
        m_fingerprints.append(normalized(f));
}

void FingerprintVerifier::verify(const HostKeyQuestion& question,
                                 std::function<void(bool accept)> answer)
{
    ++m_asked;
    m_questions.append(question);
    answer(m_fingerprints.contains(normalized(question.fingerprint)));
}

} // namespace relais
