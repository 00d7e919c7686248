#pragma once

#include "HttpResponse.h"

#include <QByteArray>
#include <QList>

namespace relais {

/// An HTTP/1.1 request to write with HttpRequestWriter.
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray target = QByteArrayLiteral("/"); ///< origin form: path and query
    QByteArray host = QByteArrayLiteral("localhost");
    QList<HttpHeader> headers; ///< besides Host and Content-Length, which the writer sets
    QByteArray body;
};

} // namespace relais
