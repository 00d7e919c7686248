#include "LxdInstance.h"

#include "LxdError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace relais {

namespace {

qint64 number(const QJsonValue& value)
{
    return value.isDouble() ? static_cast<qint64>(value.toDouble()) : -1;
}

} // namespace

const LxdSnapshot* LxdInstance::newestSnapshot() const
{
    const LxdSnapshot* newest = nullptr;
    for (const LxdSnapshot& s : snapshots) {
        if (!newest || s.createdAt > newest->createdAt)
            newest = &s;
    }
    return newest;
}

Result<LxdInstance> LxdInstance::fromJson(const QJsonValue& value)
{
    if (!value.isObject())
        return Error(LxdError::ProtocolError, QStringLiteral("an instance is not an object"));
    const QJsonObject o = value.toObject();
    LxdInstance i;
    i.name = o.value(QStringLiteral("name")).toString();
    if (i.name.isEmpty())
        return Error(LxdError::ProtocolError, QStringLiteral("an instance without a name"));
    i.type = o.value(QStringLiteral("type")).toString();
    i.status = o.value(QStringLiteral("status")).toString();
    i.statusCode = o.value(QStringLiteral("status_code")).toInt();
    i.createdAt = LxdSnapshot::parseTime(o.value(QStringLiteral("created_at")).toString());
    i.lastUsedAt = LxdSnapshot::parseTime(o.value(QStringLiteral("last_used_at")).toString());

    const QJsonObject state = o.value(QStringLiteral("state")).toObject();
    if (!state.isEmpty()) {
        // The state is fresher than the instance record.
        if (state.contains(QStringLiteral("status_code"))) {
            i.status = state.value(QStringLiteral("status")).toString();
            i.statusCode = state.value(QStringLiteral("status_code")).toInt();
        }
        const QJsonObject memory = state.value(QStringLiteral("memory")).toObject();
        i.memoryUsage = number(memory.value(QStringLiteral("usage")));
        i.memoryPeak = number(memory.value(QStringLiteral("usage_peak")));
        const QJsonObject root =
            state.value(QStringLiteral("disk")).toObject().value(QStringLiteral("root")).toObject();
        i.diskUsage = number(root.value(QStringLiteral("usage")));
        i.processes = static_cast<int>(number(state.value(QStringLiteral("processes"))));
        const QJsonObject network = state.value(QStringLiteral("network")).toObject();
        for (auto it = network.constBegin(); it != network.constEnd(); ++it) {
            const QJsonObject nic = it.value().toObject();
            if (nic.value(QStringLiteral("type")).toString() == QLatin1String("loopback"))
                continue;
            for (const QJsonValue& a : nic.value(QStringLiteral("addresses")).toArray()) {
                const QJsonObject ao = a.toObject();
                i.addresses.append({it.key(), ao.value(QStringLiteral("family")).toString(),
                                    ao.value(QStringLiteral("address")).toString(),
                                    ao.value(QStringLiteral("scope")).toString()});
            }
        }
    }
    auto snapshots = LxdSnapshot::listFromJson(o.value(QStringLiteral("snapshots")));
    if (!snapshots)
        return Error(LxdError::ProtocolError,
                     QStringLiteral("instance %1: %2").arg(i.name, snapshots.error().message()));
    i.snapshots = *snapshots;
    std::stable_sort(
        i.snapshots.begin(), i.snapshots.end(),
        [](const LxdSnapshot& a, const LxdSnapshot& b) { return a.createdAt < b.createdAt; });
    return i;
}

Result<QList<LxdInstance>> LxdInstance::listFromJson(const QJsonValue& value)
{
    if (!value.isArray())
        return Error(LxdError::ProtocolError, QStringLiteral("the instance list is not a list"));
    QList<LxdInstance> list;
    for (const QJsonValue& v : value.toArray()) {
        auto i = fromJson(v);
        if (!i)
            return i.error();
        list.append(*i);
    }
    return list;
}

} // namespace relais
