#pragma once

#include "Clock.h"

namespace relais {

/// A clock that only moves when told to; for tests and replays.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC))
        : m_start(std::move(start))
    {}

    QDateTime now() const override { return m_start.addMSecs(m_elapsedMs); }
    qint64 monotonicMs() const override { return m_elapsedMs; }

    void advanceMs(qint64 ms) { m_elapsedMs += ms; }
    void advanceSeconds(qint64 s) { m_elapsedMs += s * 1000; }

private:
    QDateTime m_start;
    qint64 m_elapsedMs = 0;
};

} // namespace relais
