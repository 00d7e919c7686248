#include "DashboardView.h"
#include "DrillSamples.h"
#include "RehearsalBadge.h"
#include "RehearsalStatus.h"
#include "common/ManualClock.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace relais;
using relais::test::drill;
using State = DrillRecord::State;
using Status = RehearsalStatus::State;

namespace {

const QDateTime Start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
constexpr qint64 DayMs = 24 * 60 * 60 * 1000;

} // namespace

class TestRehearsalBadge : public QObject
{
    Q_OBJECT

    Targets m_targets{.rpoMinutes = 15, .rtoMinutes = 30, .rehearsalReminderDays = 30};

private slots:
    void noRehearsalYet()
    {
        ManualClock clock(Start);
        // A failed rehearsal and a successful failover are no good rehearsal.
        const QList<DrillRecord> drills{
            drill(2, DrillMode::Rehearsal, State::Failed, Start, {}, {}),
            drill(1, DrillMode::PlannedFailover, State::Succeeded, Start, 42000, 12),
        };
        const RehearsalStatus status =
            RehearsalStatus::evaluate(drills, m_targets, true, clock.now());
        QCOMPARE(status.state, Status::None);
        QVERIFY(!status.last);
        QVERIFY(status.reminderDue());

        RehearsalBadge badge;
        badge.setStatus(status);
        QCOMPARE(badge.text(), QStringLiteral("No rehearsal yet — time to run one"));
        QVERIFY(badge.isWarning());
        QCOMPARE(badge.accessibleDescription(), badge.text());

        // Without a plan there is nothing to rehearse: no warning.
        const RehearsalStatus noPlan = RehearsalStatus::evaluate({}, m_targets, false, clock.now());
        QCOMPARE(noPlan.state, Status::NoPlan);
        QVERIFY(!noPlan.reminderDue());
        badge.setStatus(noPlan);
        QCOMPARE(badge.text(), QStringLiteral("No recovery plan to rehearse"));
        QVERIFY(!badge.isWarning());
    }

    void recentRehearsal()
    {
        ManualClock clock(Start);
        // The newest good rehearsal counts, not a later failed one.
        const QList<DrillRecord> drills{
            drill(3, DrillMode::Rehearsal, State::Failed, Start.addDays(1), {}, {}),
            drill(2, DrillMode::Rehearsal, State::Succeeded, Start, 42000, 12),
            drill(1, DrillMode::Rehearsal, State::Succeeded, Start.addDays(-5), 50000, 20),
        };
        clock.advanceMs(3 * DayMs + 5 * 60000);
        const RehearsalStatus status =
            RehearsalStatus::evaluate(drills, m_targets, true, clock.now());
        QCOMPARE(status.state, Status::Recent);
        QVERIFY(status.last);
        QCOMPARE(status.last->id, 2);
        QCOMPARE(status.ageDays, 3);
        QCOMPARE(status.rtoMet, std::optional<bool>(true));
        QCOMPARE(status.rpoMet, std::optional<bool>(true));
        QVERIFY(!status.reminderDue());

        RehearsalBadge badge;
        badge.setStatus(status);
        // Plurals come from the translations (not loaded here): "(s)" stays.
        QCOMPARE(badge.text(),
                 QStringLiteral("Last good rehearsal: 3 day(s) ago — RTO 42.0 s (met), "
                                "RPO 12.0 s (met)"));
        QVERIFY(!badge.isWarning());

        // The same day: "today".
        ManualClock sameDay(Start.addSecs(3600));
        badge.setStatus(RehearsalStatus::evaluate(drills, m_targets, true, sameDay.now()));
        QVERIFY2(badge.text().startsWith(QStringLiteral("Last good rehearsal: today — ")),
                 qPrintable(badge.text()));
    }

    void recentRehearsalThatMissedATarget()
    {
        ManualClock clock(Start.addDays(2));
        const RehearsalStatus status = RehearsalStatus::evaluate(
            {drill(1, DrillMode::Rehearsal, State::Succeeded, Start, 45 * 60000, std::nullopt)},
            m_targets, true, clock.now());
        QCOMPARE(status.state, Status::Recent);
        QVERIFY(status.targetMissed());
        QVERIFY(!status.rpoMet);
        RehearsalBadge badge;
        badge.setStatus(status);
        QCOMPARE(badge.text(),
                 QStringLiteral("Last good rehearsal: 1 day(s) ago — RTO 45 min 00 s (missed), "
                                "RPO not measured"));
        QVERIFY(badge.isWarning());
    }

    void overdueAfterTheReminderDays()
    {
        const QList<DrillRecord> drills{
            drill(1, DrillMode::Rehearsal, State::Succeeded, Start, 42000, 12, 60000)};
        const QDateTime ended = Start.addMSecs(60000);

        // Exactly the reminder days: still recent; a moment later: overdue.
        ManualClock clock(ended);
        clock.advanceMs(30 * DayMs);
        QCOMPARE(RehearsalStatus::evaluate(drills, m_targets, true, clock.now()).state,
                 Status::Recent);
        clock.advanceMs(1);
        QCOMPARE(RehearsalStatus::evaluate(drills, m_targets, true, clock.now()).state,
                 Status::Overdue);

        clock.advanceMs(15 * DayMs);
        const RehearsalStatus status =
            RehearsalStatus::evaluate(drills, m_targets, true, clock.now());
        QCOMPARE(status.state, Status::Overdue);
        QCOMPARE(status.ageDays, 45);
        QVERIFY(status.reminderDue());
        RehearsalBadge badge;
        badge.setStatus(status);
        QCOMPARE(badge.text(),
                 QStringLiteral("Last good rehearsal 45 day(s) ago — time to run one"));
        QVERIFY(badge.isWarning());

        // A site that reminds after 60 days is not overdue yet.
        Targets patient = m_targets;
        patient.rehearsalReminderDays = 60;
        QCOMPARE(RehearsalStatus::evaluate(drills, patient, true, clock.now()).state,
                 Status::Recent);
    }

    void dashboardBadgeOpensTheDrills()
    {
        DashboardView dashboard;
        dashboard.resize(900, 600);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        ManualClock clock(Start.addDays(50));
        dashboard.setRehearsalStatus(RehearsalStatus::evaluate(
            {drill(1, DrillMode::Rehearsal, State::Succeeded, Start, 42000, 12)}, m_targets, true,
            clock.now()));
        RehearsalBadge* badge = dashboard.rehearsalBadge();
        QVERIFY(badge->isVisible());
        QVERIFY(badge->isWarning());
        QVERIFY2(badge->text().contains(QStringLiteral("time to run one")),
                 qPrintable(badge->text()));

        QSignalSpy drills(&dashboard, &DashboardView::drillsRequested);
        QTest::mouseClick(badge, Qt::LeftButton, {}, QPoint(10, badge->height() / 2));
        QCOMPARE(drills.size(), 1);

        // From the keyboard: the badge's button takes the focus and Space.
        QPushButton* open = badge->openButton();
        QVERIFY(open->focusPolicy() & Qt::TabFocus);
        open->setFocus();
        QTRY_VERIFY(open->hasFocus());
        QTest::keyClick(open, Qt::Key_Space);
        QCOMPARE(drills.size(), 2);
    }
};

QTEST_MAIN(TestRehearsalBadge)
#include "tst_rehearsalbadge.moc"
