#include "TsigKey.h"

#include "DnsUpdateError.h"

#include <QRegularExpression>

namespace relais {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

Error badKey(const QString& why)
{
    return Error(
        DnsUpdateError::BadKeyText,
        QStringLiteral("the TSIG key is not \"name:algorithm:base64secret\": %1").arg(why));
}

} // namespace

Result<TsigKey> TsigKey::parse(const SecretBytes& text)
{
    QByteArrayView view = text.view();
    while (!view.isEmpty() && isSpace(view.front()))
        view = view.sliced(1);
    while (!view.isEmpty() && isSpace(view.back()))
        view.chop(1);

    // name:algorithm:secret, or name:secret for hmac-sha256; the secret
    // (base64) holds no colon.
    const qsizetype first = view.indexOf(':');
    if (first < 0)
        return badKey(QStringLiteral("it has no colon"));
    qsizetype second = view.indexOf(':', first + 1);
    if (second >= 0 && view.indexOf(':', second + 1) >= 0)
        return badKey(QStringLiteral("it has more than three fields"));
    const bool defaultAlgorithm = second < 0;
    if (defaultAlgorithm)
        second = first;

    const QString nameText = QString::fromLatin1(view.first(first)).toLower();
    const QString algorithmText =
        defaultAlgorithm
            ? QStringLiteral("hmac-sha256")
            : QString::fromLatin1(view.sliced(first + 1, second - first - 1)).toLower();
    const QByteArrayView secretText = view.sliced(second + 1);

    static const QRegularExpression label(
        QStringLiteral("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$"));
    QString name = nameText.endsWith(QLatin1Char('.')) ? nameText.chopped(1) : nameText;
    if (name.isEmpty() || name.size() > 253)
        return badKey(QStringLiteral("the key name is empty or too long"));
    for (const QString& part : name.split(QLatin1Char('.'))) {
        if (!label.match(part).hasMatch())
            return badKey(QStringLiteral("the key name \"%1\" is not a DNS name").arg(nameText));
    }

    TsigKey key;
    key.m_name = name + QLatin1Char('.');
    QString algorithm = algorithmText;
    if (algorithm.endsWith(QLatin1Char('.')))
        algorithm.chop(1);
    if (algorithm == QStringLiteral("hmac-sha256"))
        key.m_algorithm = Algorithm::HmacSha256;
    else if (algorithm == QStringLiteral("hmac-sha512"))
        key.m_algorithm = Algorithm::HmacSha512;
    else if (algorithm == QStringLiteral("hmac-sha1"))
        key.m_algorithm = Algorithm::HmacSha1;
    else
        return badKey(QStringLiteral("unsupported algorithm \"%1\" (hmac-sha256, hmac-sha512 or "
                                     "hmac-sha1)")
                          .arg(algorithmText));

    if (secretText.isEmpty())
        return badKey(QStringLiteral("the secret is empty"));
    for (const char c : secretText) {
        const bool base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
        if (!base64)
            return badKey(QStringLiteral("the secret is not base64"));
    }
    key.m_secret = SecretBytes(secretText);
    const QByteArray encoded =
        QByteArray::fromRawData(key.m_secret.constData(), key.m_secret.size());
    auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    const bool valid = decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok &&
                       !decoded.decoded.isEmpty();
    SecretBytes::wipe(decoded.decoded);
    if (!valid)
        return badKey(QStringLiteral("the secret is not base64"));
    return key;
}

QString TsigKey::algorithmName(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::HmacSha512:
        return QStringLiteral("hmac-sha512.");
    case Algorithm::HmacSha1:
        return QStringLiteral("hmac-sha1.");
    case Algorithm::HmacSha256:
        break;
    }
    return QStringLiteral("hmac-sha256.");
}

} // namespace relais
