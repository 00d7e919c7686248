#pragma once

#include "HttpError.h"
#include "HttpResponse.h"
#include "common/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace relais {

/// Reads one HTTP/1.x response from bytes as they arrive, split anywhere.
/// Pure: no socket, no Qt network type; the caller feeds what it read and
/// calls finish() when the peer closed.
///
/// - status line `HTTP/1.0|1.1 NNN reason`; interim 1xx responses (but 101)
///   are skipped;
/// - headers: names compared case-insensitively, obsolete line folding
///   refused (HttpError::FoldedHeader), a lone LF accepted as line end;
/// - body by Content-Length, by chunked transfer coding (extensions ignored,
///   trailers kept), or until the connection closes; none for HEAD, 1xx,
///   204 and 304;
/// - limits on the header section and on the body, with their own codes.
class HttpResponseParser
{
public:
    enum class State
    {
        NeedMore, ///< feed more bytes (or finish() when the peer closed)
        Complete, ///< response() is whole
        Failed,   ///< error() says why; further input is ignored
    };

    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024;      ///< status line + headers, and trailers
        qsizetype maxBodyBytes = 64 * 1024 * 1024; ///< the decoded body
        qsizetype maxChunkLineBytes = 4 * 1024;    ///< one chunk size line with extensions
    };

    HttpResponseParser() = default;
    explicit HttpResponseParser(Limits limits);

    /// The response answers a HEAD request: it has no body whatever its headers say.
    void setHeadRequest(bool head) { m_head = head; }

    State feed(QByteArrayView data);
    /// The peer closed the connection: completes a body read until close,
    /// otherwise fails with HttpError::Truncated unless already complete.
    State finish();

    State state() const { return m_state; }
    /// The response; whole once state() is Complete (status and headers are
    /// valid as soon as headersComplete()).
    const HttpResponse& response() const { return m_response; }
    bool headersComplete() const { return m_phase > Phase::Headers; }
    /// Why parsing failed; valid when state() is Failed.
    const Error& error() const { return *m_error; }
    /// Bytes received after the end of the response (a pipelined answer or junk).
    const QByteArray& excess() const { return m_excess; }
    /// Whether the connection may carry another request after this response.
    bool keepAlive() const;
    /// Whether any byte was fed at all.
    bool receivedAnything() const { return m_received > 0; }

private:
    enum class Phase
    {
        StatusLine,
        Headers,
        BodyLength,
        BodyUntilClose,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
    };

    /// Takes one line (without its CR LF) off the buffer; false when the
    /// line is not whole yet or the limit failed the parser.
    bool takeLine(QByteArray& line, qsizetype limit, HttpError overflow);
    bool parseStatusLine(const QByteArray& line);
    bool parseHeaderLine(const QByteArray& line, QList<HttpHeader>& into);
    bool startBody();
    bool parseChunkSize(const QByteArray& line);
    bool appendBody(QByteArrayView data);
    void complete();
    State fail(HttpError code, const QString& message);
    void step();

    Limits m_limits;
    bool m_head = false;
    State m_state = State::NeedMore;
    Phase m_phase = Phase::StatusLine;
    HttpResponse m_response;
    std::optional<Error> m_error;
    QByteArray m_buffer;
    QByteArray m_excess;
    qsizetype m_sectionBytes = 0; ///< header (or trailer) bytes consumed so far
    qint64 m_remaining = 0;       ///< of the Content-Length body or of the current chunk
    qint64 m_received = 0;
    bool m_delimitedByClose = false; ///< the body ends when the connection does
};

} // namespace relais
