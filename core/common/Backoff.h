#pragma once

#include <algorithm>

namespace relais {

/// The delays of a poll that starts quick and slows down: first() the first
/// time, then each delay doubled, never above max(). Used where a job waits
/// for something that usually comes soon (a started container's page, a
/// record at its servers), so that the moment it comes is seen within a
/// short delay instead of being rounded up to a long fixed tick, without
/// asking every 100 ms for minutes when it does not.
class Backoff
{
public:
    constexpr Backoff(int firstMs, int maxMs)
        : m_first(std::max(1, firstMs))
        , m_max(std::max(m_first, maxMs))
        , m_next(m_first)
    {}

    /// The delay to wait now; the one after it is doubled (up to max()).
    constexpr int next()
    {
        const int delay = m_next;
        m_next = m_next > m_max / 2 ? m_max : m_next * 2;
        return delay;
    }
    /// Starts again from first().
    constexpr void reset() { m_next = m_first; }

    constexpr int first() const { return m_first; }
    constexpr int max() const { return m_max; }

private:
    int m_first;
    int m_max;
    int m_next;
};

} // namespace relais
