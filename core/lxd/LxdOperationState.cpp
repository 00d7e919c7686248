#include "LxdOperationState.h"

#include <QRegularExpression>

namespace relais {

LxdOperationState LxdOperationState::fromJson(const QJsonObject& object)
{
    LxdOperationState s;
    s.id = object.value(QStringLiteral("id")).toString();
    s.description = object.value(QStringLiteral("description")).toString();
    s.statusCode = object.value(QStringLiteral("status_code")).toInt();
    s.err = object.value(QStringLiteral("err")).toString();
    s.mayCancel = object.value(QStringLiteral("may_cancel")).toBool();
    s.metadata = object.value(QStringLiteral("metadata")).toObject();
    switch (s.statusCode) {
    case 200:
        s.status = Status::Success;
        break;
    case 400:
        s.status = Status::Failure;
        break;
    case 401:
        s.status = Status::Cancelled;
        break;
    default:
        s.status = Status::Running;
        break;
    }
    return s;
}

QString LxdOperationState::progressText() const
{
    const QJsonObject progress = metadata.value(QStringLiteral("progress")).toObject();
    if (!progress.isEmpty()) {
        const QString stage = progress.value(QStringLiteral("stage")).toString();
        const QString percent = progress.value(QStringLiteral("percent")).toVariant().toString();
        return percent.isEmpty() ? stage : QStringLiteral("%1: %2%").arg(stage, percent);
    }
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        if (it.key().endsWith(QLatin1String("_progress")) && it.value().isString())
            return it.value().toString();
    }
    return {};
}

std::optional<int> LxdOperationState::percent() const
{
    const QJsonObject progress = metadata.value(QStringLiteral("progress")).toObject();
    if (progress.contains(QStringLiteral("percent"))) {
        bool ok = false;
        const int p = progress.value(QStringLiteral("percent")).toVariant().toInt(&ok);
        if (ok)
            return qBound(0, p, 100);
    }
    static const QRegularExpression percentText(QStringLiteral("(\\d{1,3})%"));
    const QRegularExpressionMatch match = percentText.match(progressText());
    if (match.hasMatch())
        return qBound(0, match.captured(1).toInt(), 100);
    return std::nullopt;
}

} // namespace relais
