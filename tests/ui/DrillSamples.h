#pragma once

#include "plan/DrillRecord.h"

#include <optional>

namespace relais::test {

/// A finished drill with its figures, as the journal gives it back.
inline DrillRecord drill(qint64 id, DrillMode mode, DrillRecord::State state,
                         const QDateTime& startedAt, std::optional<qint64> rtoMs,
                         std::optional<qint64> rpoSeconds, qint64 lastingMs = 120000)
{
    DrillRecord record;
    record.id = id;
    record.site = QStringLiteral("site");
    record.mode = mode;
    record.state = state;
    record.startedAt = startedAt;
    if (state != DrillRecord::State::Running)
        record.endedAt = startedAt.addMSecs(lastingMs);
    record.rtoMs = rtoMs;
    record.rpoSeconds = rpoSeconds;
    return record;
}

} // namespace relais::test
