#include "CertificatePin.h"

#include <QCryptographicHash>

namespace relais {

std::optional<QByteArray> CertificatePin::parse(const QString& fingerprint)
{
    QString hex = fingerprint.trimmed();
    hex.remove(QLatin1Char(':'));
    if (hex.size() != 64)
        return std::nullopt;
    for (const QChar c : hex) {
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const bool lower = c >= QLatin1Char('a') && c <= QLatin1Char('f');
        const bool upper = c >= QLatin1Char('A') && c <= QLatin1Char('F');
        if (!digit && !lower && !upper)
            return std::nullopt;
    }
    return QByteArray::fromHex(hex.toLatin1());
}

QString CertificatePin::format(const QByteArray& digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QByteArray CertificatePin::digestOf(const QSslCertificate& certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QString CertificatePin::mismatch(const QSslCertificate& leaf, const QByteArray& pin)
{
    if (leaf.isNull())
        return QStringLiteral("the server presented no certificate");
    const QByteArray digest = digestOf(leaf);
    if (digest == pin)
        return {};
    return QStringLiteral("certificate SHA-256 fingerprint %1 is not the pinned %2")
        .arg(format(digest), format(pin));
}

QList<QSslError> CertificatePin::ignorable(const QList<QSslError>& errors,
                                           const QSslCertificate& leaf, const QByteArray& pin)
{
    QList<QSslError> result;
    if (pin.isEmpty() || !mismatch(leaf, pin).isEmpty())
        return result;
    for (const QSslError& error : errors) {
        if (error.certificate() == leaf)
            result.append(error);
    }
    return result;
}

} // namespace relais
