#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace relais {

/// One HTTP header field as received: the name keeps its case, lookups
/// ignore it.
using HttpHeader = QPair<QByteArray, QByteArray>;

/// A parsed HTTP/1.x response.
struct HttpResponse
{
    int versionMinor = 1; ///< HTTP/1.0 or HTTP/1.1
    int status = 0;
    QByteArray reason;
    QList<HttpHeader> headers;
    QList<HttpHeader> trailers; ///< after a chunked body
    QByteArray body;

    /// The first value of header @p name (case-insensitive), or a null array.
    QByteArray header(QByteArrayView name) const
    {
        for (const HttpHeader& h : headers) {
            if (name.compare(h.first, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const { return !header(name).isNull(); }
};

} // namespace relais
