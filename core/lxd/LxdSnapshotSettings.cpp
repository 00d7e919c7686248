#include "LxdSnapshotSettings.h"

#include "LxdError.h"

namespace relais {

namespace {
const QString kSchedule = QStringLiteral("snapshots.schedule");
const QString kExpiry = QStringLiteral("snapshots.expiry");
const QString kPattern = QStringLiteral("snapshots.pattern");
} // namespace

Result<LxdSnapshotSettings> LxdSnapshotSettings::fromInstanceJson(const QJsonValue& value,
                                                                  Scope scope)
{
    const QJsonObject o = value.toObject();
    QJsonObject config;
    if (scope == Scope::Effective)
        config = o.value(QStringLiteral("expanded_config")).toObject();
    if (config.isEmpty())
        config = o.value(QStringLiteral("config")).toObject();
    if (!value.isObject() || !o.contains(QStringLiteral("name")))
        return Error(LxdError::ProtocolError, QStringLiteral("not an instance object"));
    LxdSnapshotSettings s;
    s.schedule = config.value(kSchedule).toString();
    s.expiry = config.value(kExpiry).toString();
    s.pattern = config.value(kPattern).toString();
    return s;
}

QJsonObject LxdSnapshotSettings::toConfig() const
{
    return {{kSchedule, schedule}, {kExpiry, expiry}, {kPattern, pattern}};
}

QJsonObject LxdSnapshotSettings::changesFrom(const LxdSnapshotSettings& before) const
{
    QJsonObject changes;
    if (schedule != before.schedule)
        changes.insert(kSchedule, schedule);
    if (expiry != before.expiry)
        changes.insert(kExpiry, expiry);
    if (pattern != before.pattern)
        changes.insert(kPattern, pattern);
    return changes;
}

} // namespace relais
