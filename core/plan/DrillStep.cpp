#include "DrillStep.h"

#include <QJsonArray>

namespace relais {

namespace {

QJsonArray hooksToJson(const QList<PlanHook>& hooks)
{
    QJsonArray array;
    for (const PlanHook& hook : hooks) {
        array.append(QJsonObject{
            {QStringLiteral("host"),
             hook.host == HostRole::Main ? QStringLiteral("main") : QStringLiteral("backup")},
            {QStringLiteral("command"), hook.command},
            {QStringLiteral("timeout_seconds"), hook.timeoutSeconds},
        });
    }
    return array;
}

std::optional<QList<PlanHook>> hooksFromJson(const QJsonValue& value)
{
    QList<PlanHook> hooks;
    if (value.isUndefined())
        return hooks;
    if (!value.isArray())
        return std::nullopt;
    for (const QJsonValue& item : value.toArray()) {
        const QJsonObject o = item.toObject();
        PlanHook hook;
        const QString host = o.value(QStringLiteral("host")).toString();
        if (host != QLatin1String("main") && host != QLatin1String("backup"))
            return std::nullopt;
        hook.host = host == QLatin1String("main") ? HostRole::Main : HostRole::Backup;
        hook.command = o.value(QStringLiteral("command")).toString();
        hook.timeoutSeconds = o.value(QStringLiteral("timeout_seconds")).toInt(0);
        if (hook.command.isEmpty() || hook.timeoutSeconds <= 0)
            return std::nullopt;
        hooks.append(hook);
    }
    return hooks;
}

} // namespace

QJsonObject DrillStep::toJson() const
{
    QJsonObject o{
        {QStringLiteral("action"), drillActionName(action)},
        {QStringLiteral("group"), group},
        {QStringLiteral("target"),
         target == HostRole::Main ? QStringLiteral("main") : QStringLiteral("backup")},
        {QStringLiteral("timeout_seconds"), timeoutSeconds},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("retry_delay_seconds"), retryDelaySeconds},
        {QStringLiteral("cleanup"), cleanup},
    };
    if (!job.isEmpty())
        o.insert(QStringLiteral("job"), job);
    if (!containers.isEmpty())
        o.insert(QStringLiteral("containers"), QJsonArray::fromStringList(containers));
    if (!service.isEmpty())
        o.insert(QStringLiteral("service"), service);
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (confirmAfter)
        o.insert(QStringLiteral("confirm_after"), true);
    if (drillRecordCreated)
        o.insert(QStringLiteral("drill_record_created"), true);
    if (!before.isEmpty())
        o.insert(QStringLiteral("before"), hooksToJson(before));
    if (!after.isEmpty())
        o.insert(QStringLiteral("after"), hooksToJson(after));
    return o;
}

std::optional<DrillStep> DrillStep::fromJson(const QJsonObject& o)
{
    DrillStep step;
    const auto action = drillActionFromName(o.value(QStringLiteral("action")).toString());
    if (!action)
        return std::nullopt;
    step.action = *action;
    step.group = o.value(QStringLiteral("group")).toString();
    step.job = o.value(QStringLiteral("job")).toString();
    for (const QJsonValue& name : o.value(QStringLiteral("containers")).toArray())
        step.containers.append(name.toString());
    step.service = o.value(QStringLiteral("service")).toString();
    const QString target = o.value(QStringLiteral("target")).toString();
    if (target != QLatin1String("main") && target != QLatin1String("backup"))
        return std::nullopt;
    step.target = target == QLatin1String("main") ? HostRole::Main : HostRole::Backup;
    step.message = o.value(QStringLiteral("message")).toString();
    step.timeoutSeconds = o.value(QStringLiteral("timeout_seconds")).toInt(0);
    step.retries = o.value(QStringLiteral("retries")).toInt(-1);
    step.retryDelaySeconds = o.value(QStringLiteral("retry_delay_seconds")).toInt(0);
    step.cleanup = o.value(QStringLiteral("cleanup")).toBool();
    step.confirmAfter = o.value(QStringLiteral("confirm_after")).toBool();
    step.drillRecordCreated = o.value(QStringLiteral("drill_record_created")).toBool();
    if (step.timeoutSeconds <= 0 || step.retries < 0 || step.retryDelaySeconds <= 0)
        return std::nullopt;
    const auto before = hooksFromJson(o.value(QStringLiteral("before")));
    const auto after = hooksFromJson(o.value(QStringLiteral("after")));
    if (!before || !after)
        return std::nullopt;
    step.before = *before;
    step.after = *after;
    return step;
}

} // namespace relais
