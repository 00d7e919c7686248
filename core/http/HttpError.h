#pragma once

namespace relais {

/// Errors of the HTTP/1.1 reader and writer. Each says which rule of the
/// message was broken, so a hostile or broken peer is told apart from a
/// response that is merely too large for the limits set.
enum class HttpError
{
    BadStatusLine,             ///< not "HTTP/1.x NNN reason"
    BadHeader,                 ///< a header line without a colon, a bad name, a stray CR
    FoldedHeader,              ///< a header continued on the next line (obsolete, refused)
    BadContentLength,          ///< not a number, or two different lengths
    UnsupportedTransferCoding, ///< a Transfer-Encoding other than chunked
    BadChunk,                  ///< a chunk size line or a chunk's end is malformed
    HeaderTooLarge,            ///< status line and headers (or trailers) over the limit
    BodyTooLarge,              ///< the body over the limit
    Truncated,                 ///< the connection closed before the response ended
    BadRequest,                ///< a request to write has a forbidden character or name
};

constexpr const char* errorDomain(HttpError)
{
    return "http";
}

} // namespace relais
