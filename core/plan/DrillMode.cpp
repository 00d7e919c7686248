#include "DrillMode.h"

#include <array>

namespace relais {

namespace {

constexpr std::array ModeNames = {"rehearsal", "planned-failover", "emergency-failover",
                                  "failback"};

} // namespace

QString drillModeName(DrillMode mode)
{
    return QString::fromLatin1(ModeNames[static_cast<std::size_t>(mode)]);
}

std::optional<DrillMode> drillModeFromName(const QString& name)
{
    for (std::size_t i = 0; i < ModeNames.size(); ++i) {
        if (name == QLatin1String(ModeNames[i]))
            return static_cast<DrillMode>(i);
    }
    return std::nullopt;
}

} // namespace relais
