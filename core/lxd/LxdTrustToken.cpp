#include "LxdTrustToken.h"

#include "LxdError.h"
#include "common/CertificatePin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

Result<LxdTrustToken> LxdTrustToken::decode(const QByteArray& text, const QDateTime& now)
{
    const auto invalid = [](const QString& why) {
        return Error(LxdError::InvalidToken,
                     QStringLiteral("this is not an LXD trust token: %1").arg(why));
    };
    LxdTrustToken token;
    token.text = text.trimmed();
    if (token.text.isEmpty())
        return invalid(QStringLiteral("it is empty"));
    // Tokens are printed as standard base64; accept the URL-safe alphabet too.
    const auto decoded = QByteArray::fromBase64Encoding(
        token.text, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const auto decodedUrl = decoded ? decoded
                                    : QByteArray::fromBase64Encoding(
                                          token.text, QByteArray::Base64UrlEncoding |
                                                          QByteArray::AbortOnBase64DecodingErrors);
    if (!decodedUrl)
        return invalid(QStringLiteral("it is not base64"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*decodedUrl, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(QStringLiteral("it does not hold a JSON object"));
    const QJsonObject object = document.object();
    const QString secret = object.value(QStringLiteral("secret")).toString();
    if (secret.isEmpty())
        return invalid(QStringLiteral("it has no secret"));
    token.clientName = object.value(QStringLiteral("client_name")).toString();
    const QString fingerprint = object.value(QStringLiteral("fingerprint")).toString();
    if (!fingerprint.isEmpty()) {
        const auto digest = CertificatePin::parse(fingerprint);
        if (!digest)
            return invalid(QStringLiteral("its fingerprint \"%1\" is not a SHA-256 fingerprint")
                               .arg(fingerprint.left(80)));
        token.fingerprint = *digest;
    }
    for (const QJsonValue& address : object.value(QStringLiteral("addresses")).toArray())
        token.addresses.append(address.toString());
    const QString expires = object.value(QStringLiteral("expires_at")).toString();
    if (!expires.isEmpty()) {
        const QDateTime at = QDateTime::fromString(expires, Qt::ISODateWithMs);
        if (!at.isValid())
            return invalid(QStringLiteral("its expiry \"%1\" is not a date").arg(expires.left(40)));
        // LXD writes Go's zero time (year 1) for "never".
        if (at.date().year() > 1)
            token.expiresAt = at.toUTC();
    }
    if (token.expiresAt.isValid() && token.expiresAt <= now)
        return Error(LxdError::InvalidToken,
                     QStringLiteral("the LXD trust token expired at %1; ask for a new one "
                                    "(lxc config trust add)")
                         .arg(token.expiresAt.toString(Qt::ISODate)));
    return token;
}

} // namespace relais
