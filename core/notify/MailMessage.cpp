#include "MailMessage.h"

#include <QLocale>
#include <QRandomGenerator>

namespace relais {

namespace {

QString oneLine(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    }
    return out.trimmed();
}

bool isPlainAscii(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    // "=?" would read as the start of an encoded word.
    return !text.contains(QLatin1String("=?"));
}

} // namespace

QByteArray MailMessage::dateHeader(const QDateTime& date)
{
    return QLocale::c()
               .toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               .toLatin1() +
           " +0000";
}

QByteArrayList MailMessage::headerWords(const QString& text)
{
    const QString line = oneLine(text);
    if (isPlainAscii(line))
        return {line.toLatin1()};
    // "=?UTF-8?B?" + base64 + "?=" within 75 characters: 45 bytes of
    // UTF-8 at most give 60 base64 characters.
    constexpr qsizetype MaxBytes = 45;
    QByteArrayList words;
    QByteArray chunk;
    const QList<uint> codePoints = line.toUcs4();
    for (uint codePoint : codePoints) {
        const char32_t c = codePoint;
        const QByteArray bytes = QString::fromUcs4(&c, 1).toUtf8();
        if (chunk.size() + bytes.size() > MaxBytes) {
            words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty() || words.isEmpty())
        words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
    return words;
}

QByteArray MailMessage::headerText(const QString& text)
{
    return headerWords(text).join("\r\n ");
}

QByteArray MailMessage::toBytes() const
{
    QByteArray id = token;
    if (id.isEmpty()) {
        quint64 random[2];
        QRandomGenerator::system()->fillRange(random);
        id = QByteArray(reinterpret_cast<const char*>(random), sizeof random).toHex();
    }
    const QString domain = from.mid(from.lastIndexOf(QLatin1Char('@')) + 1);

    QByteArray out;
    out += "Date: " + dateHeader(date) + "\r\n";
    out += "Message-ID: <" + id + ".relais@" + domain.toLatin1() + ">\r\n";
    out += "From: Relais <" + from.toLatin1() + ">\r\n";
    QByteArrayList recipients;
    for (const QString& address : to)
        recipients << address.toLatin1();
    out += "To: " + recipients.join(",\r\n ") + "\r\n";
    out += "Subject: " + headerText(subject) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Auto-Submitted: auto-generated\r\n";
    out += "\r\n";

    QString text = body;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    if (!text.endsWith(QLatin1String("\r\n")))
        text += QLatin1String("\r\n");
    const QByteArray encoded = text.toUtf8().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

} // namespace relais
