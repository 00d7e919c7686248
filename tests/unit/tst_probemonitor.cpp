#include "common/ManualClock.h"
#include "health/ProbeMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

/// A probe whose answers the test gives.
class ScriptedProbe : public Probe
{
public:
    using Probe::Probe;

    void start() override
    {
        ++starts;
        m_running = true;
    }
    void cancel() override
    {
        if (!m_running)
            return;
        m_running = false;
        emit finished(ProbeResult::failure(HealthError::Failed, 0, QStringLiteral("cancelled")));
    }
    bool isRunning() const override { return m_running; }
    QString describe() const override { return QStringLiteral("scripted"); }

    void answer(bool ok, qint64 latency = 5, const QString& message = QStringLiteral("refused"))
    {
        QVERIFY(m_running);
        m_running = false;
        emit finished(ok ? ProbeResult::success(latency)
                         : ProbeResult::failure(HealthError::ConnectionRefused, latency, message));
    }

    int starts = 0;

private:
    bool m_running = false;
};

} // namespace

class TestProbeMonitor : public QObject
{
    Q_OBJECT

private slots:
    void followsTheHysteresis()
    {
        ManualClock clock;
        auto owned = std::make_unique<ScriptedProbe>();
        ScriptedProbe* probe = owned.get();
        ProbeMonitor monitor(QStringLiteral("www/0"), std::move(owned), std::chrono::seconds(5),
                             HysteresisPolicy{2, 2}, HostRole::Main, clock);
        QSignalSpy changes(&monitor, &ProbeMonitor::stateChanged);
        QSignalSpy checks(&monitor, &ProbeMonitor::checked);

        monitor.checkNow();
        probe->answer(true, 7);
        QCOMPARE(monitor.state(), HealthState::Up);
        QCOMPARE(monitor.lastResult()->latencyMs, 7);
        QCOMPARE(changes.count(), 1);

        clock.advanceSeconds(5);
        monitor.checkNow();
        probe->answer(false);
        QCOMPARE(monitor.state(), HealthState::Up); // one failure is not enough
        clock.advanceSeconds(5);
        monitor.checkNow();
        probe->answer(false, 3, QStringLiteral("connection refused"));
        QCOMPARE(monitor.state(), HealthState::Down);
        QCOMPARE(changes.count(), 2);
        const auto change = changes.last().first().value<StateChange>();
        QCOMPARE(change.from, HealthState::Up);
        QCOMPARE(change.to, HealthState::Down);
        QCOMPARE(change.reason, QStringLiteral("connection refused"));
        QCOMPARE(change.at, clock.now());
        QCOMPARE(checks.count(), 3);
        QCOMPARE(monitor.checkCount(), 3);

        // Samples: latency for successes, -1 for failures, times from the clock.
        QCOMPARE(monitor.samples().size(), std::size_t(3));
        QCOMPARE(monitor.samples().front().latencyMs, 7);
        QCOMPARE(monitor.samples().back().latencyMs, -1);
        QCOMPARE(monitor.samples().back().at, clock.now());
    }

    void aRunningCheckIsNotStartedTwice()
    {
        ManualClock clock;
        auto owned = std::make_unique<ScriptedProbe>();
        ScriptedProbe* probe = owned.get();
        ProbeMonitor monitor(QStringLiteral("x"), std::move(owned), std::chrono::seconds(1), {},
                             std::nullopt, clock);
        monitor.checkNow();
        monitor.checkNow();
        QCOMPARE(probe->starts, 1);
        QCOMPARE(monitor.skippedChecks(), 1);
        probe->answer(true);
        monitor.checkNow();
        QCOMPARE(probe->starts, 2);
    }

    void stoppingIsNotAVerdict()
    {
        ManualClock clock;
        auto owned = std::make_unique<ScriptedProbe>();
        ScriptedProbe* probe = owned.get();
        ProbeMonitor monitor(QStringLiteral("x"), std::move(owned), std::chrono::seconds(1),
                             HysteresisPolicy{1, 1}, std::nullopt, clock);
        QSignalSpy checks(&monitor, &ProbeMonitor::checked);
        monitor.start();
        QVERIFY(probe->isRunning());
        monitor.stop();
        QVERIFY(!probe->isRunning());
        QCOMPARE(checks.count(), 0);
        QCOMPARE(monitor.state(), HealthState::Unknown);
        QVERIFY(!monitor.isActive());
    }

    void samplesAreBounded()
    {
        ManualClock clock;
        auto owned = std::make_unique<ScriptedProbe>();
        ScriptedProbe* probe = owned.get();
        ProbeMonitor monitor(QStringLiteral("x"), std::move(owned), std::chrono::seconds(1), {},
                             std::nullopt, clock);
        for (std::size_t i = 0; i < ProbeMonitor::MaxSamples + 20; ++i) {
            monitor.checkNow();
            probe->answer(true, qint64(i));
            clock.advanceSeconds(1);
        }
        QCOMPARE(monitor.samples().size(), ProbeMonitor::MaxSamples);
        QCOMPARE(monitor.samples().front().latencyMs, 20);
    }

    void timerRunsChecks()
    {
        ManualClock clock;
        auto owned = std::make_unique<ScriptedProbe>();
        ScriptedProbe* probe = owned.get();
        ProbeMonitor monitor(QStringLiteral("x"), std::move(owned), std::chrono::milliseconds(20),
                             {}, std::nullopt, clock);
        monitor.start();
        QCOMPARE(probe->starts, 1); // at once
        probe->answer(true);
        QTRY_VERIFY(probe->starts >= 2); // then per interval
        monitor.stop();
    }
};

QTEST_GUILESS_MAIN(TestProbeMonitor)
#include "tst_probemonitor.moc"
