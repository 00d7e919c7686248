#include "DrillSamples.h"
#include "RehearsalReminder.h"
#include "RehearsalStatus.h"
#include "common/ManualClock.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::drill;

namespace {

const QDateTime Start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
constexpr qint64 HourMs = 60 * 60 * 1000;
const QString SiteKey = QStringLiteral("/home/ops/sites/lab.json");

} // namespace

class TestRehearsalReminder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Targets m_targets{.rpoMinutes = 15, .rtoMinutes = 30, .rehearsalReminderDays = 30};

    RehearsalStatus overdue(const ManualClock& clock) const
    {
        return RehearsalStatus::evaluate(
            {drill(1, DrillMode::Rehearsal, DrillRecord::State::Succeeded, clock.now().addDays(-45),
                   42000, 12, 0)},
            m_targets, true, clock.now());
    }

private slots:
    void remindsOncePerDayAcrossRestarts()
    {
        const QString file = m_dir.filePath(QStringLiteral("once.ini"));
        ManualClock clock(Start);
        {
            QSettings settings(file, QSettings::IniFormat);
            RehearsalReminder reminder(clock, &settings);
            QSignalSpy spy(&reminder, &RehearsalReminder::reminderDue);
            QVERIFY(reminder.check(SiteKey, QStringLiteral("Lab"), overdue(clock)));
            QCOMPARE(spy.size(), 1);
            QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Time to rehearse"));
            // Plurals come from the translations (not loaded here).
            QCOMPARE(spy.at(0).at(1).toString(),
                     QStringLiteral("No good rehearsal for 45 day(s) on Lab: run one from the "
                                    "tray menu"));
            QCOMPARE(reminder.lastReminded(SiteKey), Start);

            // The hourly checks of the same day stay quiet.
            for (int hour = 1; hour < 24; ++hour) {
                clock.advanceMs(HourMs);
                QVERIFY(!reminder.check(SiteKey, QStringLiteral("Lab"), overdue(clock)));
            }
            QCOMPARE(spy.size(), 1);
        }
        // A restart within the day: still quiet.
        clock.advanceMs(HourMs / 2);
        {
            QSettings settings(file, QSettings::IniFormat);
            RehearsalReminder reminder(clock, &settings);
            QSignalSpy spy(&reminder, &RehearsalReminder::reminderDue);
            QCOMPARE(reminder.lastReminded(SiteKey), Start);
            QVERIFY(!reminder.check(SiteKey, QStringLiteral("Lab"), overdue(clock)));
            QCOMPARE(spy.size(), 0);

            // A day after the last reminder: said again.
            clock.advanceMs(HourMs / 2);
            QVERIFY(reminder.check(SiteKey, QStringLiteral("Lab"), overdue(clock)));
            QCOMPARE(spy.size(), 1);
            QCOMPARE(reminder.lastReminded(SiteKey), Start.addDays(1));
        }
    }

    void remindsOnlyWhenDue()
    {
        ManualClock clock(Start);
        QSettings settings(m_dir.filePath(QStringLiteral("due.ini")), QSettings::IniFormat);
        RehearsalReminder reminder(clock, &settings);
        QSignalSpy spy(&reminder, &RehearsalReminder::reminderDue);

        // A recent good rehearsal, or no plan at all: nothing to say.
        const RehearsalStatus recent =
            RehearsalStatus::evaluate({drill(1, DrillMode::Rehearsal, DrillRecord::State::Succeeded,
                                             Start.addDays(-2), 42000, 12)},
                                      m_targets, true, clock.now());
        QVERIFY(!reminder.check(SiteKey, QStringLiteral("Lab"), recent));
        QVERIFY(!reminder.check(SiteKey, QStringLiteral("Lab"),
                                RehearsalStatus::evaluate({}, m_targets, false, clock.now())));
        QCOMPARE(spy.size(), 0);
        QVERIFY(!reminder.lastReminded(SiteKey).isValid());

        // A plan never rehearsed.
        QVERIFY(reminder.check(SiteKey, QStringLiteral("Lab"),
                               RehearsalStatus::evaluate({}, m_targets, true, clock.now())));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).toString(),
                 QStringLiteral("No good rehearsal yet on Lab: run one from the tray menu"));

        // Each site has its own day.
        QVERIFY(reminder.check(QStringLiteral("/srv/other.json"), QStringLiteral("Other"),
                               overdue(clock)));
        QCOMPARE(spy.size(), 2);
    }

    void withoutSettingsRemembersWhileRunning()
    {
        ManualClock clock(Start);
        RehearsalReminder reminder(clock);
        QVERIFY(reminder.check(SiteKey, QStringLiteral("Lab"), overdue(clock)));
        clock.advanceMs(HourMs);
        QVERIFY(!reminder.check(SiteKey, QStringLiteral("Lab"), overdue(clock)));
        clock.advanceMs(23 * HourMs);
        QVERIFY(reminder.check(SiteKey, QStringLiteral("Lab"), overdue(clock)));
    }
};

QTEST_GUILESS_MAIN(TestRehearsalReminder)
#include "tst_rehearsalreminder.moc"
