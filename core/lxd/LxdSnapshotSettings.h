#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace relais {

/// An instance's scheduled snapshot settings (LXD config keys).
struct LxdSnapshotSettings
{
    QString schedule; ///< snapshots.schedule: cron or "@daily"; empty: none
    QString expiry;   ///< snapshots.expiry: "2w", "1d 12H"…; empty: never
    QString pattern;  ///< snapshots.pattern: "snap%d", "{{ creation_date|date:'2006-01-02' }}"

    bool operator==(const LxdSnapshotSettings&) const = default;

    enum class Scope
    {
        Effective, ///< profiles included (expanded_config), else the instance's own
        Own,       ///< the instance's own config only (what a PATCH changes)
    };

    /// From an instance object (GET /1.0/instances/NAME).
    static Result<LxdSnapshotSettings> fromInstanceJson(const QJsonValue& value,
                                                        Scope scope = Scope::Effective);
    /// The three keys for a PATCH of the instance's config.
    QJsonObject toConfig() const;
    /// Only the keys that differ from @p before, for a PATCH of the
    /// instance's config (an empty value removes the key).
    QJsonObject changesFrom(const LxdSnapshotSettings& before) const;
};

} // namespace relais
