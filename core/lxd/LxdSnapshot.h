#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace relais {

/// One snapshot of an instance.
struct LxdSnapshot
{
    QString name; ///< the snapshot's own name, without "instance/"
    QDateTime createdAt;
    QDateTime expiresAt; ///< invalid when it never expires
    bool stateful = false;

    static Result<LxdSnapshot> fromJson(const QJsonValue& value);
    /// The metadata of GET …/snapshots?recursion=1 (or an instance's "snapshots").
    static Result<QList<LxdSnapshot>> listFromJson(const QJsonValue& value);
    /// LXD's time text; invalid for its "no time" (year 1) and for garbage.
    static QDateTime parseTime(const QString& text);
};

} // namespace relais
