#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace relais {

/// An RFC 5322 message as handed to the SMTP library: Date, Message-ID,
/// From, To, Subject (RFC 2047 encoded words when not plain ASCII), MIME
/// 1.0, a UTF-8 text body in base64 lines of 76 characters, CRLF line ends.
/// Pure: no network.
class MailMessage
{
public:
    QString from;     ///< addr-spec: name@domain
    QStringList to;   ///< addr-specs
    QString subject;  ///< any text; control characters become spaces
    QString body;     ///< any text; line ends become CRLF
    QDateTime date;   ///< written in UTC ("+0000")
    QByteArray token; ///< the unique part of Message-ID; random when empty

    QByteArray toBytes() const;

    /// "Fri, 04 Dec 2026 15:22:29 +0000".
    static QByteArray dateHeader(const QDateTime& date);
    /// @p text as is when it is printable ASCII, else as RFC 2047 "B"
    /// encoded words of at most 75 characters, never splitting a
    /// character; control characters become spaces first.
    static QByteArrayList headerWords(const QString& text);
    /// The words of headerWords() folded for a mail header ("\r\n ").
    static QByteArray headerText(const QString& text);
};

} // namespace relais
