#pragma once

#include "LxdAddress.h"
#include "LxdSnapshot.h"
#include "common/Result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace relais {

/// An instance as GET /1.0/instances?recursion=2 gives it: its status,
/// addresses, memory and disk use, and its snapshots.
struct LxdInstance
{
    QString name;
    QString type;   ///< "container" or "virtual-machine"
    QString status; ///< "Running", "Stopped", "Frozen", "Error"
    int statusCode = 0;
    QDateTime createdAt;
    QDateTime lastUsedAt;
    QList<LxdAddress> addresses;
    qint64 memoryUsage = -1; ///< bytes; -1 when unknown (stopped)
    qint64 memoryPeak = -1;
    qint64 diskUsage = -1; ///< bytes of the root disk; -1 when the pool cannot tell
    int processes = -1;
    QList<LxdSnapshot> snapshots; ///< oldest first

    bool isRunning() const { return statusCode == 103; }
    /// The newest snapshot, or nullptr.
    const LxdSnapshot* newestSnapshot() const;

    static Result<LxdInstance> fromJson(const QJsonValue& value);
    static Result<QList<LxdInstance>> listFromJson(const QJsonValue& value);
};

} // namespace relais
