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

    /// From an instance object (GET /1.0/instances/NAME): the effective
    /// values, profiles included (expanded_config), else the instance's own.
    static Result<LxdSnapshotSettings> fromInstanceJson(const QJsonValue& value);
    /// The three keys for a PATCH of the instance's config.
    QJsonObject toConfig() const;
};

} // namespace relais
