#include "HttpResponseParser.h"

#include "HttpError.h"
#include "HttpSyntax.h"

#include <limits>

namespace relais {

namespace {

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView v)
{
    while (!v.isEmpty() && isOws(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isOws(v.back()))
        v.chop(1);
    return v;
}

/// The comma-separated elements of a header value, trimmed, empty ones dropped.
QList<QByteArrayView> listElements(QByteArrayView value)
{
    QList<QByteArrayView> out;
    while (true) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView element = trimmedOws(comma < 0 ? value : value.first(comma));
        if (!element.isEmpty())
            out.append(element);
        if (comma < 0)
            return out;
        value = value.sliced(comma + 1);
    }
}

bool isDigits(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (const char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

HttpResponseParser::HttpResponseParser(Limits limits)
    : m_limits(limits)
{}

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state == State::Failed)
        return m_state;
    m_received += data.size();
    if (m_state == State::Complete) {
        m_excess += data;
        return m_state;
    }
    m_buffer += data;
    step();
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state != State::NeedMore)
        return m_state;
    if (m_phase == Phase::BodyUntilClose) {
        complete();
        return m_state;
    }
    if (m_received == 0)
        return fail(HttpError::Truncated,
                    QStringLiteral("the connection closed without a response"));
    return fail(HttpError::Truncated,
                QStringLiteral("the connection closed before the end of the response"));
}

bool HttpResponseParser::keepAlive() const
{
    if (m_state != State::Complete)
        return false;
    bool close = m_response.versionMinor == 0;
    for (const HttpHeader& h : m_response.headers) {
        if (h.first.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArrayView option : listElements(h.second)) {
            if (option.compare("close", Qt::CaseInsensitive) == 0)
                return false;
            if (option.compare("keep-alive", Qt::CaseInsensitive) == 0)
                close = false;
        }
    }
    return !close && !m_delimitedByClose;
}

HttpResponseParser::State HttpResponseParser::fail(HttpError code, const QString& message)
{
    m_state = State::Failed;
    m_error = Error(code, message);
    m_buffer.clear();
    return m_state;
}

void HttpResponseParser::complete()
{
    m_phase = Phase::Done;
    m_state = State::Complete;
    m_excess = std::exchange(m_buffer, {});
}

bool HttpResponseParser::takeLine(QByteArray& line, qsizetype limit, HttpError overflow)
{
    const qsizetype lf = m_buffer.indexOf('\n');
    if (lf < 0) {
        if (m_sectionBytes + m_buffer.size() > limit) {
            fail(overflow, overflow == HttpError::BadChunk
                               ? QStringLiteral("chunk size line longer than %1 bytes").arg(limit)
                               : QStringLiteral("response header longer than %1 bytes").arg(limit));
        }
        return false;
    }
    if (m_sectionBytes + lf + 1 > limit) {
        fail(overflow, overflow == HttpError::BadChunk
                           ? QStringLiteral("chunk size line longer than %1 bytes").arg(limit)
                           : QStringLiteral("response header longer than %1 bytes").arg(limit));
        return false;
    }
    m_sectionBytes += lf + 1;
    line = m_buffer.left(lf);
    m_buffer.remove(0, lf + 1);
    if (line.endsWith('\r'))
        line.chop(1);
    return true;
}

void HttpResponseParser::step()
{
    while (m_state == State::NeedMore) {
        QByteArray line;
        switch (m_phase) {
        case Phase::StatusLine:
            if (!takeLine(line, m_limits.maxHeaderBytes, HttpError::HeaderTooLarge))
                return;
            if (!parseStatusLine(line))
                return;
            m_phase = Phase::Headers;
            break;
        case Phase::Headers:
            if (!takeLine(line, m_limits.maxHeaderBytes, HttpError::HeaderTooLarge))
                return;
            if (!line.isEmpty()) {
                if (!parseHeaderLine(line, m_response.headers))
                    return;
                break;
            }
            if (m_response.status >= 100 && m_response.status < 200 && m_response.status != 101) {
                // An interim answer (100 Continue, 103 Early Hints): the real one follows.
                m_response = HttpResponse();
                m_sectionBytes = 0;
                m_phase = Phase::StatusLine;
                break;
            }
            if (!startBody())
                return;
            break;
        case Phase::BodyLength: {
            const qsizetype n = static_cast<qsizetype>(qMin<qint64>(m_remaining, m_buffer.size()));
            if (!appendBody(QByteArrayView(m_buffer).first(n)))
                return;
            m_buffer.remove(0, n);
            m_remaining -= n;
            if (m_remaining == 0)
                complete();
            return;
        }
        case Phase::BodyUntilClose:
            if (!appendBody(m_buffer))
                return;
            m_buffer.clear();
            return;
        case Phase::ChunkSize:
            if (!takeLine(line, m_limits.maxChunkLineBytes, HttpError::BadChunk))
                return;
            if (!parseChunkSize(line))
                return;
            break;
        case Phase::ChunkData: {
            if (m_buffer.isEmpty())
                return;
            const qsizetype n = static_cast<qsizetype>(qMin<qint64>(m_remaining, m_buffer.size()));
            if (!appendBody(QByteArrayView(m_buffer).first(n)))
                return;
            m_buffer.remove(0, n);
            m_remaining -= n;
            if (m_remaining == 0)
                m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd:
            // Exactly CR LF (or a lone LF) after the chunk's data.
            if (m_buffer.isEmpty())
                return;
            if (m_buffer.startsWith('\n')) {
                m_buffer.remove(0, 1);
            } else if (m_buffer.startsWith("\r\n")) {
                m_buffer.remove(0, 2);
            } else if (m_buffer == "\r") {
                return;
            } else {
                fail(HttpError::BadChunk, QStringLiteral("chunk data longer than its size"));
                return;
            }
            m_sectionBytes = 0;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers:
            if (!takeLine(line, m_limits.maxHeaderBytes, HttpError::HeaderTooLarge))
                return;
            if (line.isEmpty()) {
                complete();
                return;
            }
            if (!parseHeaderLine(line, m_response.trailers))
                return;
            break;
        case Phase::Done:
            return;
        }
    }
}

bool HttpResponseParser::parseStatusLine(const QByteArray& line)
{
    // HTTP-version SP status-code SP [reason-phrase]; the last SP may be
    // missing when there is no reason.
    const auto bad = [&] {
        fail(HttpError::BadStatusLine,
             QStringLiteral("not an HTTP/1.x status line: %1")
                 .arg(QString::fromLatin1(line.left(80).toPercentEncoding(" /.:"))));
        return false;
    };
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line[8] != ' ')
        return bad();
    if (line[7] != '0' && line[7] != '1')
        return bad();
    const QByteArrayView code = QByteArrayView(line).sliced(9, 3);
    if (!isDigits(code) || (line.size() > 12 && line[12] != ' '))
        return bad();
    const int status = code.toInt();
    if (status < 100)
        return bad();
    for (const char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return bad();
    }
    m_response.versionMinor = line[7] - '0';
    m_response.status = status;
    m_response.reason = line.size() > 13 ? line.mid(13) : QByteArray();
    return true;
}

bool HttpResponseParser::parseHeaderLine(const QByteArray& line, QList<HttpHeader>& into)
{
    if (isOws(line.front())) {
        fail(HttpError::FoldedHeader,
             QStringLiteral("a header line continues the previous one (obsolete folding)"));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = QByteArrayView(line).first(qMax<qsizetype>(colon, 0));
    if (colon <= 0 || !http::isToken(name)) {
        fail(HttpError::BadHeader,
             QStringLiteral("malformed header line: %1")
                 .arg(QString::fromLatin1(line.left(80).toPercentEncoding(" :"))));
        return false;
    }
    const QByteArrayView value = trimmedOws(QByteArrayView(line).sliced(colon + 1));
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f) {
            fail(HttpError::BadHeader,
                 QStringLiteral("control character in header %1").arg(QString::fromLatin1(name)));
            return false;
        }
    }
    into.append({name.toByteArray(), value.toByteArray()});
    return true;
}

bool HttpResponseParser::startBody()
{
    const int status = m_response.status;
    if (m_head || status == 101 || status == 204 || status == 304) {
        complete();
        return true;
    }

    // Transfer-Encoding wins over Content-Length (RFC 9112 6.3).
    QList<QByteArrayView> codings;
    std::optional<qint64> length;
    for (const HttpHeader& h : m_response.headers) {
        if (h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            codings += listElements(h.second);
        } else if (h.first.compare("content-length", Qt::CaseInsensitive) == 0) {
            for (const QByteArrayView v : listElements(h.second)) {
                bool ok = isDigits(v) && v.size() <= 18;
                const qint64 n = ok ? v.toLongLong(&ok) : -1;
                if (!ok || (length && *length != n)) {
                    fail(HttpError::BadContentLength,
                         QStringLiteral("invalid Content-Length: %1")
                             .arg(QString::fromLatin1(h.second.left(40))));
                    return false;
                }
                length = n;
            }
            if (!length) {
                fail(HttpError::BadContentLength, QStringLiteral("empty Content-Length"));
                return false;
            }
        }
    }

    m_sectionBytes = 0;
    if (!codings.isEmpty()) {
        if (codings.size() != 1 || codings.front().compare("chunked", Qt::CaseInsensitive) != 0) {
            fail(HttpError::UnsupportedTransferCoding,
                 QStringLiteral("unsupported Transfer-Encoding (only chunked is read)"));
            return false;
        }
        m_phase = Phase::ChunkSize;
        return true;
    }
    if (length) {
        if (*length > m_limits.maxBodyBytes) {
            fail(HttpError::BodyTooLarge, QStringLiteral("response body of %1 bytes over the "
                                                         "limit of %2")
                                              .arg(*length)
                                              .arg(m_limits.maxBodyBytes));
            return false;
        }
        m_remaining = *length;
        if (m_remaining == 0)
            complete();
        else
            m_phase = Phase::BodyLength;
        return true;
    }
    m_delimitedByClose = true;
    m_phase = Phase::BodyUntilClose;
    return true;
}

bool HttpResponseParser::parseChunkSize(const QByteArray& line)
{
    // chunk-size [ BWS ";" extensions ]: the extensions are ignored.
    QByteArrayView size = line;
    const qsizetype semicolon = size.indexOf(';');
    if (semicolon >= 0)
        size = trimmedOws(size.first(semicolon));
    qint64 value = 0;
    bool ok = !size.isEmpty() && size.size() <= 15;
    for (const char c : size) {
        const int digit = hexValue(c);
        if (digit < 0) {
            ok = false;
            break;
        }
        value = value * 16 + digit;
    }
    if (!ok) {
        fail(HttpError::BadChunk,
             QStringLiteral("invalid chunk size line: %1")
                 .arg(QString::fromLatin1(line.left(40).toPercentEncoding(" ;="))));
        return false;
    }
    m_sectionBytes = 0;
    if (value == 0) {
        m_phase = Phase::Trailers;
        return true;
    }
    if (m_response.body.size() + value > m_limits.maxBodyBytes) {
        fail(HttpError::BodyTooLarge,
             QStringLiteral("response body over the limit of %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_remaining = value;
    m_phase = Phase::ChunkData;
    return true;
}

bool HttpResponseParser::appendBody(QByteArrayView data)
{
    if (m_response.body.size() + data.size() > m_limits.maxBodyBytes) {
        fail(HttpError::BodyTooLarge,
             QStringLiteral("response body over the limit of %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_response.body += data;
    return true;
}

} // namespace relais
