#include "DrillContext.h"

#include <algorithm>

namespace relais {

void DrillContext::addCleanup(DrillStep step)
{
    step.cleanup = true;
    if (m_sink)
        m_sink(step);
    m_cleanups.append(std::move(step));
}

QList<DrillStep> DrillContext::takeCleanups()
{
    QList<DrillStep> cleanups = std::exchange(m_cleanups, {});
    std::reverse(cleanups.begin(), cleanups.end());
    return cleanups;
}

void DrillContext::markServiceUp(const QDateTime& at)
{
    if (!m_serviceUpAt)
        m_serviceUpAt = at;
}

} // namespace relais
