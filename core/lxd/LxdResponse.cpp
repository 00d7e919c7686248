#include "LxdResponse.h"

#include "LxdError.h"

#include <QJsonDocument>

namespace relais {

QString LxdResponse::operationId() const
{
    const qsizetype slash = operation.lastIndexOf(QLatin1Char('/'));
    QString id = slash >= 0 ? operation.mid(slash + 1) : operation;
    if (id.isEmpty())
        id = metadata.toObject().value(QStringLiteral("id")).toString();
    return id;
}

Error LxdResponse::errorFor(int errorCode, const QString& lxdText, const QString& what)
{
    const QString text =
        lxdText.isEmpty() ? QStringLiteral("LXD answered %1").arg(errorCode) : lxdText;
    const QStringList details{QStringLiteral("%1: %2").arg(what).arg(errorCode)};
    if (errorCode == 404)
        return Error(LxdError::NotFound, text, details);
    if (errorCode == 401 || errorCode == 403)
        return Error(LxdError::Forbidden, text, details);
    if (errorCode >= 500)
        return Error(LxdError::ServerError, text, details);
    return Error(LxdError::Rejected, text, details);
}

Result<LxdResponse> LxdResponse::fromHttp(const HttpResponse& http, const QString& what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(http.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // Not LXD's JSON: something else answers on this socket, or a proxy failed.
        if (http.status >= 400)
            return errorFor(http.status, QString::fromUtf8(http.body.left(200)).trimmed(), what);
        return Error(LxdError::ProtocolError,
                     QStringLiteral("the answer is not LXD's JSON (HTTP %1)").arg(http.status),
                     {what});
    }
    const QJsonObject object = document.object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("error")) {
        int code = object.value(QStringLiteral("error_code")).toInt();
        if (code == 0)
            code = http.status;
        return errorFor(code, object.value(QStringLiteral("error")).toString(), what);
    }
    if (http.status >= 400) {
        return errorFor(http.status, object.value(QStringLiteral("error")).toString(), what);
    }
    LxdResponse response;
    response.statusCode = object.value(QStringLiteral("status_code")).toInt();
    response.metadata = object.value(QStringLiteral("metadata"));
    if (type == QLatin1String("sync")) {
        response.type = Type::Sync;
        return response;
    }
    if (type == QLatin1String("async")) {
        response.type = Type::Async;
        response.operation = object.value(QStringLiteral("operation")).toString();
        if (response.operationId().isEmpty())
            return Error(LxdError::ProtocolError,
                         QStringLiteral("LXD created an operation without naming it"), {what});
        return response;
    }
    return Error(LxdError::ProtocolError,
                 QStringLiteral("unknown LXD response type \"%1\"").arg(type), {what});
}

} // namespace relais
