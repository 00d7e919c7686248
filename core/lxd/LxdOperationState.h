#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace relais {

/// The state of one LXD background operation, as GET /1.0/operations/ID
/// (or its /wait) reports it.
struct LxdOperationState
{
    enum class Status
    {
        Running,   ///< pending or running (LXD 105 / 103)
        Success,   ///< 200
        Failure,   ///< 400: err holds LXD's text
        Cancelled, ///< 401
    };

    QString id;
    QString description; ///< "Creating instance", "Starting instance"…
    Status status = Status::Running;
    int statusCode = 0;
    QString err;
    bool mayCancel = false;
    QJsonObject metadata; ///< what the operation reports (progress, exec output…)

    bool isFinal() const { return status != Status::Running; }
    /// Progress from the metadata when LXD gives it: a "progress" object
    /// (newer LXD) or a "…_progress" text such as "Unpack: 45% (12MB/s)".
    std::optional<int> percent() const;
    QString progressText() const;

    static LxdOperationState fromJson(const QJsonObject& object);
};

} // namespace relais
