#pragma once

#include "DrillStep.h"

#include <QDateTime>
#include <QList>
#include <functional>
#include <optional>

namespace relais {

/// What the steps of one drill share with the runner: the cleanups they
/// register (run after the drill, last registered first, whatever the
/// outcome), and the measures the report needs.
class DrillContext
{
public:
    /// Called with each cleanup as it is registered (the runner journals
    /// it at once, so a drill killed half way can still be cleaned up).
    using CleanupSink = std::function<void(const DrillStep&)>;

    void setCleanupSink(CleanupSink sink) { m_sink = std::move(sink); }

    void addCleanup(DrillStep step);
    /// The cleanups registered so far, last first; the list is emptied.
    QList<DrillStep> takeCleanups();

    /// The service answered on the new side (the first good probe): RTO
    /// ends here. Only the first call counts.
    void markServiceUp(const QDateTime& at);
    std::optional<QDateTime> serviceUpAt() const { return m_serviceUpAt; }

    /// The canary's age on the new side, in seconds: RPO.
    void setRpoSeconds(qint64 seconds) { m_rpoSeconds = seconds; }
    std::optional<qint64> rpoSeconds() const { return m_rpoSeconds; }

private:
    CleanupSink m_sink;
    QList<DrillStep> m_cleanups;
    std::optional<QDateTime> m_serviceUpAt;
    std::optional<qint64> m_rpoSeconds;
};

} // namespace relais
