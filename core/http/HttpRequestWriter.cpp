#include "HttpRequestWriter.h"

#include "HttpError.h"
#include "HttpSyntax.h"

namespace relais {

namespace {

bool isFieldValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isTarget(QByteArrayView target)
{
    if (target.isEmpty() || target.front() != '/')
        return false;
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

} // namespace

Result<QByteArray> HttpRequestWriter::write(const HttpRequest& request)
{
    if (!http::isToken(request.method))
        return Error(HttpError::BadRequest, QStringLiteral("invalid HTTP method"));
    if (!isTarget(request.target))
        return Error(HttpError::BadRequest,
                     QStringLiteral("invalid request target (it must be an encoded path)"));
    if (request.host.isEmpty() || !isFieldValue(request.host) || request.host.contains(' '))
        return Error(HttpError::BadRequest, QStringLiteral("invalid Host"));

    QByteArray out;
    out.reserve(128 + request.body.size());
    out += request.method + ' ' + request.target + " HTTP/1.1\r\nHost: " + request.host + "\r\n";
    for (const HttpHeader& h : request.headers) {
        if (!http::isToken(h.first) || !isFieldValue(h.second))
            return Error(HttpError::BadRequest,
                         QStringLiteral("invalid header %1").arg(QString::fromLatin1(h.first)));
        if (h.first.compare("host", Qt::CaseInsensitive) == 0 ||
            h.first.compare("content-length", Qt::CaseInsensitive) == 0)
            continue;
        out += h.first + ": " + h.second + "\r\n";
    }
    const bool bodyExpected =
        request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (!request.body.isEmpty() || bodyExpected)
        out += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    out += "\r\n";
    out += request.body;
    return out;
}

} // namespace relais
