#include "DrillAction.h"

#include <array>

namespace relais {

namespace {

// In the order of DrillAction.
constexpr std::array ActionNames = {
    "final-sync",
    "snapshot-main",
    "snapshot-backup",
    "fence-main",
    "refresh-copies",
    "start-on-backup",
    "switch",
    "verify",
    "lock-replication",
    "notify",
    "clone-for-drill",
    "start-clones",
    "probe-clones",
    "read-canary",
    "switch-drill-record",
    "verify-drill-record",
    "remove-clones",
    "remove-drill-record",
    "reverse-sync-review",
    "reverse-sync",
    "stop-on-backup",
    "refresh-main",
    "start-on-main",
    "unlock-replication",
    "measure-rpo",
};
static_assert(ActionNames.size() == static_cast<std::size_t>(DrillAction::MeasureRpo) + 1);

} // namespace

QString drillActionName(DrillAction action)
{
    return QString::fromLatin1(ActionNames[static_cast<std::size_t>(action)]);
}

std::optional<DrillAction> drillActionFromName(const QString& name)
{
    for (std::size_t i = 0; i < ActionNames.size(); ++i) {
        if (name == QLatin1String(ActionNames[i]))
            return static_cast<DrillAction>(i);
    }
    return std::nullopt;
}

} // namespace relais
