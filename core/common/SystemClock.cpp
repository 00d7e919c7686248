#include "SystemClock.h"

namespace relais {

SystemClock::SystemClock()
{
    m_timer.start();
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_timer.elapsed();
}

Clock& SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

} // namespace relais
