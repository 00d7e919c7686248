#pragma once

#include "Clock.h"

#include <QElapsedTimer>

namespace relais {

/// The real clock.
class SystemClock final : public Clock
{
public:
    SystemClock();

    QDateTime now() const override;
    qint64 monotonicMs() const override;

    /// A process-wide instance for code that is not handed another clock.
    static Clock& instance();

private:
    QElapsedTimer m_timer;
};

} // namespace relais
