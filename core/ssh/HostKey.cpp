#include "HostKey.h"

#include <QCryptographicHash>

namespace relais {

QString HostKey::fingerprint() const
{
    const QByteArray digest = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

HostKey HostKey::fromOpenSsh(const QString& type, const QString& base64)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || type.isEmpty())
        return {};
    return {type, decoded.decoded};
}

} // namespace relais
