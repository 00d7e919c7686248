#include "RsyncOutputParser.h"

#include <QRegularExpression>
#include <array>
#include <cmath>
#include <utility>

namespace relais {

namespace {

constexpr qsizetype MaxLineBytes = 64 * 1024;

/// "3,000,966" → 3000966; -1 when not a number.
qint64 number(QStringView text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char(','))
            continue;
        if (!c.isDigit())
            return -1;
        digits.append(c);
    }
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace

void RsyncOutputParser::feed(QByteArrayView chunk)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        const char c = chunk[i];
        if (c != '\r' && c != '\n')
            continue;
        if (m_partial.isEmpty()) {
            parseLine(chunk.sliced(start, i - start));
        } else {
            m_partial.append(chunk.sliced(start, i - start));
            parseLine(m_partial);
            m_partial.clear();
        }
        start = i + 1;
    }
    m_partial.append(chunk.sliced(start));
    if (m_partial.size() > MaxLineBytes) {
        // No sane rsync line is this long: keep what it says, move on.
        parseLine(m_partial);
        m_partial.clear();
    }
}

void RsyncOutputParser::finish()
{
    if (!m_partial.isEmpty()) {
        parseLine(m_partial);
        m_partial.clear();
    }
}

bool RsyncOutputParser::takeProgressChanged()
{
    return std::exchange(m_progressChanged, false);
}

QList<RsyncItem> RsyncOutputParser::takeItems()
{
    return std::exchange(m_items, {});
}

QStringList RsyncOutputParser::takeMessages()
{
    return std::exchange(m_messages, {});
}

void RsyncOutputParser::parseLine(QByteArrayView raw)
{
    const QString line = unescape(raw);
    if (line.trimmed().isEmpty())
        return;
    if (auto progress = parseProgress(line)) {
        m_progress = progress;
        m_progressChanged = true;
        return;
    }
    if (auto item = parseItem(line)) {
        m_items.append(*item);
        return;
    }
    if (parseStatsLine(line))
        return;
    m_messages.append(line.trimmed());
}

std::optional<RsyncProgress> RsyncOutputParser::parseProgress(const QString& line)
{
    // "      3,000,000  99%  282.98MB/s    0:00:00 (xfr#1, to-chk=3/5)"
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*([0-9,]+)\s+(\d{1,3})%\s+([0-9.]+)([kMGT]?B)/s\s+(\d+):(\d\d):(\d\d))"
                       R"((?:\s+\((?:xfr#(\d+),\s*)?(to|ir)-chk=(\d+)/(\d+)\))?\s*$)"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    RsyncProgress p;
    p.bytes = number(m.capturedView(1));
    p.percent = m.capturedView(2).toInt();
    const double rate = m.capturedView(3).toDouble();
    const QStringView unit = m.capturedView(4);
    constexpr std::array<const char*, 5> units = {"B", "kB", "MB", "GB", "TB"};
    double scale = 1;
    for (const char* u : units) {
        if (unit == QLatin1String(u))
            break;
        scale *= 1024;
    }
    p.bytesPerSecond = static_cast<qint64>(std::llround(rate * scale));
    p.etaSeconds = m.capturedView(5).toInt() * 3600 + m.capturedView(6).toInt() * 60 +
                   m.capturedView(7).toInt();
    if (m.hasCaptured(9)) {
        p.transferred = m.hasCaptured(8) ? m.capturedView(8).toInt() : 0;
        p.listComplete = m.capturedView(9) == QLatin1String("to");
        p.toCheck = m.capturedView(10).toInt();
        p.total = m.capturedView(11).toInt();
    }
    if (p.bytes < 0)
        return std::nullopt;
    return p;
}

std::optional<RsyncItem> RsyncOutputParser::parseItem(const QString& line)
{
    RsyncItem item;
    static const QString deleting = QStringLiteral("*deleting ");
    if (line.startsWith(deleting)) {
        item.change = RsyncItem::Change::Deleted;
        item.flags = QStringLiteral("*deleting");
        item.path = line.mid(deleting.size()).trimmed();
        return item.path.isEmpty() ? std::nullopt : std::optional(item);
    }
    // YXcstpoguax path: Y in <>ch.  X in fdLDS, 9 attribute characters.
    if (line.size() < 13 || line.at(11) != QLatin1Char(' '))
        return std::nullopt;
    static const QString changes = QStringLiteral("<>ch.");
    static const QString types = QStringLiteral("fdLDS");
    static const QString attributes = QStringLiteral(".+ cstpoguaxn?");
    const qsizetype change = changes.indexOf(line.at(0));
    if (change < 0 || !types.contains(line.at(1)))
        return std::nullopt;
    for (qsizetype i = 2; i < 11; ++i) {
        if (!attributes.contains(line.at(i)))
            return std::nullopt;
    }
    constexpr std::array<RsyncItem::Change, 5> kinds = {
        RsyncItem::Change::Sent, RsyncItem::Change::Sent, RsyncItem::Change::Created,
        RsyncItem::Change::HardLink, RsyncItem::Change::Attributes};
    item.change = kinds[static_cast<std::size_t>(change)];
    item.fileType = line.at(1).toLatin1();
    item.flags = line.left(11);
    item.isNew = line.mid(2, 9) == QStringLiteral("+++++++++");
    item.path = line.mid(12);
    if (item.fileType == 'L') {
        const qsizetype arrow = item.path.indexOf(QStringLiteral(" -> "));
        if (arrow >= 0)
            item.path.truncate(arrow);
    } else if (item.change == RsyncItem::Change::HardLink) {
        const qsizetype arrow = item.path.indexOf(QStringLiteral(" => "));
        if (arrow >= 0)
            item.path.truncate(arrow);
    }
    if (item.path.isEmpty())
        return std::nullopt;
    return item;
}

bool RsyncOutputParser::parseStatsLine(const QString& line)
{
    const std::array<std::pair<const char*, qint64 RsyncStats::*>, 10> fields = {{
        {"Number of files: ", &RsyncStats::files},
        {"Number of created files: ", &RsyncStats::createdFiles},
        {"Number of deleted files: ", &RsyncStats::deletedFiles},
        {"Number of regular files transferred: ", &RsyncStats::transferredFiles},
        {"Total file size: ", &RsyncStats::totalSize},
        {"Total transferred file size: ", &RsyncStats::transferredSize},
        {"Literal data: ", &RsyncStats::literalData},
        {"Matched data: ", &RsyncStats::matchedData},
        {"Total bytes sent: ", &RsyncStats::bytesSent},
        {"Total bytes received: ", &RsyncStats::bytesReceived},
    }};
    for (const auto& [prefix, member] : fields) {
        const QLatin1String p(prefix);
        if (!line.startsWith(p))
            continue;
        QStringView rest = QStringView(line).mid(p.size());
        const qsizetype end = rest.indexOf(QLatin1Char(' '));
        const qint64 value = number(end < 0 ? rest : rest.left(end));
        if (value < 0)
            return false;
        m_stats.*member = value;
        return true;
    }
    // The summary lines repeat the totals.
    static const QStringList known = {QStringLiteral("File list size: "),
                                      QStringLiteral("File list generation time: "),
                                      QStringLiteral("File list transfer time: "),
                                      QStringLiteral("sent "), QStringLiteral("total size is ")};
    for (const QString& prefix : known) {
        if (line.startsWith(prefix))
            return true;
    }
    return false;
}

QString RsyncOutputParser::unescape(QByteArrayView text)
{
    if (!text.contains("\\#") && !text.contains("\\x"))
        return QString::fromUtf8(text);
    const auto octal = [](char c) {
        return c >= '0' && c <= '7';
    };
    const auto hex = [](char c) {
        return QByteArrayView("0123456789abcdefABCDEF").contains(c) && c != 0;
    };
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        // rsync writes unprintable bytes as \#ooo (octal) or, in newer
        // versions, \xHH.
        if (text[i] == '\\' && i + 4 < text.size() && text[i + 1] == '#' && octal(text[i + 2]) &&
            text[i + 2] <= '3' && octal(text[i + 3]) && octal(text[i + 4])) {
            out.append(static_cast<char>((text[i + 2] - '0') * 64 + (text[i + 3] - '0') * 8 +
                                         (text[i + 4] - '0')));
            i += 4;
            continue;
        }
        if (text[i] == '\\' && i + 3 < text.size() && text[i + 1] == 'x' && hex(text[i + 2]) &&
            hex(text[i + 3])) {
            out.append(
                static_cast<char>(QByteArray(text.sliced(i + 2, 2).data(), 2).toInt(nullptr, 16)));
            i += 3;
            continue;
        }
        out.append(text[i]);
    }
    return QString::fromUtf8(out);
}

} // namespace relais
