#pragma once

#include "common/Result.h"
#include "http/HttpResponse.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace relais {

/// LXD's response envelope: every answer of the REST API is a JSON object
/// of type "sync" (the result is in metadata), "async" (a background
/// operation was created: its path, and its state in metadata) or "error"
/// (error_code and LXD's own text). Error envelopes are turned into an
/// Error with the code of LxdError matching the HTTP status.
struct LxdResponse
{
    enum class Type
    {
        Sync,
        Async,
    };

    Type type = Type::Sync;
    int statusCode = 0;  ///< LXD's status code (200 success, 100 operation created…)
    QString operation;   ///< async: "/1.0/operations/ID"
    QJsonValue metadata; ///< sync: the result; async: the operation

    /// The operation's id (last path element), for async answers.
    QString operationId() const;

    /// Reads @p http as LXD's envelope; @p what ("GET /1.0/instances") goes
    /// into the error details.
    static Result<LxdResponse> fromHttp(const HttpResponse& http, const QString& what);
    /// The LxdError for an HTTP or LXD error code.
    static Error errorFor(int errorCode, const QString& lxdText, const QString& what);
};

} // namespace relais
