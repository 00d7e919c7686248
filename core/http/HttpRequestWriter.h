#pragma once

#include "HttpRequest.h"
#include "common/Result.h"

namespace relais {

/// Writes an HttpRequest as HTTP/1.1 bytes. Host and Content-Length are set
/// from the request; a method, target, header name or value that could
/// split the message (CR, LF, NUL, spaces where none belong) is refused with
/// HttpError::BadRequest rather than written.
class HttpRequestWriter
{
public:
    static Result<QByteArray> write(const HttpRequest& request);
};

} // namespace relais
