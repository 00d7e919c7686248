#pragma once

#include "DnsSwitchRequest.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace relais {

/// One switch as kept in relais.db (DnsSwitchHistory).
struct DnsSwitchRecord
{
    enum class Outcome
    {
        Success,
        AlreadySwitched,
        Failed,
        Cancelled,
    };

    QString service;
    /// The side the record pointed to before; unset when it pointed to neither.
    std::optional<DnsSwitchRequest::Side> from;
    DnsSwitchRequest::Side to = DnsSwitchRequest::Side::Backup;
    DnsSwitchRequest::Mode mode = DnsSwitchRequest::Mode::Planned;
    QDateTime startedAt; ///< UTC
    QDateTime endedAt;   ///< UTC
    /// Milliseconds to verified convergence; -1 when not verified.
    qint64 convergenceMs = -1;
    Outcome outcome = Outcome::Failed;
    /// What happened, or the error.
    QString message;

    bool operator==(const DnsSwitchRecord&) const = default;
};

} // namespace relais
