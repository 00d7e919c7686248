#include "SyncRunChart.h"
#include "SyncRunDetails.h"
#include "SyncView.h"
#include "common/Database.h"
#include "common/ManualClock.h"
#include "sync/SyncHistory.h"

#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// The sync view fed by hand, the way SyncConsole feeds it: jobs and their
// schedules, the direction guard's lock, a run's progress and end, a dry
// run's list, the history and the chart of the selected job.
class TestSyncView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;

    static Site site()
    {
        Site s;
        s.name = QStringLiteral("lab");
        s.targets.rpoMinutes = 15;
        SyncJob www;
        www.name = QStringLiteral("www");
        www.sources = {QStringLiteral("/srv/www/")};
        www.destination = QStringLiteral("/srv/www");
        www.schedule.kind = SyncSchedule::Kind::Every;
        www.schedule.everyMinutes = 5;
        SyncJob mail;
        mail.name = QStringLiteral("mail");
        mail.direction = SyncJob::Direction::Pull;
        mail.sources = {QStringLiteral("/var/mail/")};
        mail.destination = QStringLiteral("/var/mail");
        s.syncJobs = {www, mail};
        return s;
    }

    static SyncRunRecord run(const QString& job, const QDateTime& start, qint64 ms, qint64 bytes,
                             SyncRunRecord::Outcome outcome = SyncRunRecord::Outcome::Success,
                             bool dryRun = false)
    {
        SyncRunRecord r;
        r.job = job;
        r.startedAt = start;
        r.endedAt = start.addMSecs(ms);
        r.dryRun = dryRun;
        r.exitStatus = outcome == SyncRunRecord::Outcome::Success ? 0 : 23;
        r.outcome = outcome;
        r.files = 3;
        r.bytes = bytes;
        r.message = outcome == SyncRunRecord::Outcome::Success
                        ? QStringLiteral("The copy is complete.")
                        : QStringLiteral("Some files were not copied.");
        return r;
    }

    static QString cell(SyncView& view, int row, int column)
    {
        const QTableWidgetItem* item =
            view.findChild<QTableWidget*>(QStringLiteral("syncJobs"))->item(row, column);
        return item ? item->text() : QString();
    }

private slots:
    void initTestCase()
    {
        // Plurals come from the translations (not loaded here): "(s)" stays.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
    }

    void jobsAndSchedules()
    {
        SyncView view;
        view.setSite(site());
        auto* jobs = view.findChild<QTableWidget*>(QStringLiteral("syncJobs"));
        QCOMPARE(jobs->rowCount(), 2);
        QCOMPARE(cell(view, 0, SyncView::NameColumn), QStringLiteral("www"));
        QCOMPARE(cell(view, 0, SyncView::DirectionColumn), QStringLiteral("push from main"));
        QCOMPARE(cell(view, 1, SyncView::DirectionColumn), QStringLiteral("pull by backup"));
        QCOMPARE(cell(view, 0, SyncView::ScheduleColumn), QStringLiteral("every 5 minute(s)"));
        QCOMPARE(cell(view, 1, SyncView::ScheduleColumn), QStringLiteral("on demand"));
        QCOMPARE(cell(view, 0, SyncView::LastResultColumn), QStringLiteral("never run"));
        QCOMPARE(cell(view, 0, SyncView::LockColumn), QStringLiteral("not locked"));
        QCOMPARE(cell(view, 0, SyncView::RpoColumn), QStringLiteral("unknown"));
        QCOMPARE(view.selectedJob(), QStringLiteral("www"));

        SyncSchedule daily;
        daily.kind = SyncSchedule::Kind::Daily;
        daily.dailyAt = QTime(2, 30);
        QCOMPARE(SyncView::scheduleText(daily), QStringLiteral("daily at 2:30 AM"));

        view.setRpo(QStringLiteral("www"), 20 * 60000);
        QCOMPARE(cell(view, 0, SyncView::RpoColumn), QStringLiteral("20.0 min (target 15.0 min)"));
        QCOMPARE(jobs->item(0, SyncView::RpoColumn)->foreground().color(), QColor(Qt::red));
        view.setRpo(QStringLiteral("www"), 30000);
        QCOMPARE(cell(view, 0, SyncView::RpoColumn), QStringLiteral("0.5 min (target 15.0 min)"));
    }

    void lockIsShownAndBlocksRunNow()
    {
        SyncView view;
        view.setSite(site());
        auto* runNow = view.findChild<QPushButton*>(QStringLiteral("syncRunButton"));
        auto* dryRun = view.findChild<QPushButton*>(QStringLiteral("syncDryRunButton"));
        auto* banner = view.findChild<QLabel*>(QStringLiteral("syncLockBanner"));
        QVERIFY(runNow->isEnabled());
        QVERIFY(banner->isHidden());

        ReplicationLock::State lock{QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC),
                                    QStringLiteral("Failed over to backup.")};
        view.setLock(lock);
        QVERIFY(!banner->isHidden());
        QVERIFY(banner->text().contains(QStringLiteral("Failed over to backup.")));
        // Both directions copy main → backup: both are locked.
        QVERIFY(cell(view, 0, SyncView::LockColumn).contains(QStringLiteral("Failed over")));
        QVERIFY(cell(view, 1, SyncView::LockColumn).startsWith(QStringLiteral("locked since")));
        QVERIFY(!runNow->isEnabled());
        QVERIFY(dryRun->isEnabled());

        view.setLock(std::nullopt);
        QVERIFY(banner->isHidden());
        QVERIFY(runNow->isEnabled());
        QCOMPARE(cell(view, 1, SyncView::LockColumn), QStringLiteral("not locked"));
    }

    void runProgressAndCancel()
    {
        SyncView view;
        view.setSite(site());
        view.show();
        QSignalSpy requested(&view, &SyncView::runRequested);
        QSignalSpy cancelled(&view, &SyncView::cancelRequested);
        auto* runNow = view.findChild<QPushButton*>(QStringLiteral("syncRunButton"));
        auto* cancel = view.findChild<QPushButton*>(QStringLiteral("syncCancelButton"));
        auto* bar = view.findChild<QProgressBar*>(QStringLiteral("syncProgress"));
        QVERIFY(!cancel->isEnabled());

        // Keyboard: the button takes focus and space presses it.
        runNow->setFocus();
        QTest::keyClick(runNow, Qt::Key_Space);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("www"));
        QCOMPARE(requested.first().at(1).toBool(), false);

        view.runStarted(QStringLiteral("www"), false);
        QVERIFY(view.isRunning(QStringLiteral("www")));
        QVERIFY(!runNow->isEnabled());
        QVERIFY(cancel->isEnabled());
        QVERIFY(bar->isVisible());
        QCOMPARE(cell(view, 0, SyncView::LastResultColumn), QStringLiteral("running…"));

        RsyncProgress p;
        p.percent = 42;
        p.bytesPerSecond = 2 * 1024 * 1024;
        p.etaSeconds = 75;
        view.showProgress(QStringLiteral("www"), p);
        QCOMPARE(bar->value(), 42);
        const QString rate = view.findChild<QLabel*>(QStringLiteral("syncRate"))->text();
        QVERIFY2(rate.contains(QStringLiteral("2.00 MiB/s")) &&
                     rate.contains(QStringLiteral("1:15")),
                 qPrintable(rate));

        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.first().at(0).toString(), QStringLiteral("www"));

        view.runFinished(run(QStringLiteral("www"), m_clock.now(), 4000, 1000,
                             SyncRunRecord::Outcome::Cancelled),
                         {});
        QVERIFY(!view.isRunning(QStringLiteral("www")));
        QVERIFY(bar->isHidden());
        QVERIFY(runNow->isEnabled());
        QVERIFY(
            cell(view, 0, SyncView::LastResultColumn).startsWith(QStringLiteral("cancelled at")));
    }

    void dryRunListsChanges()
    {
        SyncView view;
        view.setSite(site());
        view.selectJob(QStringLiteral("mail"));
        QSignalSpy requested(&view, &SyncView::runRequested);
        QTest::mouseClick(view.findChild<QPushButton*>(QStringLiteral("syncDryRunButton")),
                          Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        // Its mnemonic too (Alt+R is the Drills tab's, Alt+D the Dashboard's).
        QCOMPARE(view.findChild<QPushButton*>(QStringLiteral("syncDryRunButton"))->text(),
                 QStringLiteral("Dr&y Run"));
        QCOMPARE(view.findChild<QPushButton*>(QStringLiteral("syncRunButton"))->text(),
                 QStringLiteral("R&un Now"));
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("mail"));
        QCOMPARE(requested.first().at(1).toBool(), true);

        view.runStarted(QStringLiteral("mail"), true);
        QCOMPARE(cell(view, 1, SyncView::LastResultColumn), QStringLiteral("dry run…"));
        RsyncItem sent;
        sent.flags = QStringLiteral("<f+++++++++");
        sent.path = QStringLiteral("inbox/1.eml");
        RsyncItem canary = sent;
        canary.path = QStringLiteral(".relais-canary");
        RsyncItem gone;
        gone.change = RsyncItem::Change::Deleted;
        gone.flags = QStringLiteral("*deleting  ");
        gone.path = QStringLiteral("old.eml");
        view.runFinished(run(QStringLiteral("mail"), m_clock.now(), 500, 0,
                             SyncRunRecord::Outcome::Success, true),
                         {sent, canary, gone});
        auto* list = view.findChild<QListWidget*>(QStringLiteral("syncDryRunList"));
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("<f+++++++++ inbox/1.eml"));
        QVERIFY(list->item(1)->text().endsWith(QStringLiteral("old.eml")));
        // A dry run is no result of the job.
        QCOMPARE(cell(view, 1, SyncView::LastResultColumn), QStringLiteral("never run"));

        view.runStarted(QStringLiteral("mail"), true);
        view.runFinished(run(QStringLiteral("mail"), m_clock.now(), 500, 0,
                             SyncRunRecord::Outcome::Success, true),
                         {canary});
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Nothing would change."));
    }

    void skippedRunIsShown()
    {
        SyncView view;
        view.setSite(site());
        view.runSkipped(QStringLiteral("www"), QStringLiteral("replication is locked"));
        QCOMPARE(cell(view, 0, SyncView::LastResultColumn),
                 QStringLiteral("skipped: replication is locked"));
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("syncStatus"))
                    ->text()
                    .contains(QStringLiteral("www did not run")));
    }

    // The installed job's start that found a run still going on its host
    // shows until a run that ended after it is known; an older one never.
    void hostStartThatFoundARunGoingIsShown()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("host-skip.db")), m_clock);
        QVERIFY(db);
        SyncHistory history(**db, QStringLiteral("/sites/lab.json"));
        const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        QVERIFY(history.record(run(QStringLiteral("www"), t0, 2000, 100)));
        SyncView view;
        view.setSite(site());
        view.setHistory(&history);
        QVERIFY(
            cell(view, 0, SyncView::LastResultColumn).startsWith(QStringLiteral("succeeded at")));

        view.hostStartSkipped(QStringLiteral("www"), t0.addSecs(1)); // before the run ended
        QVERIFY(
            cell(view, 0, SyncView::LastResultColumn).startsWith(QStringLiteral("succeeded at")));
        const QDateTime skipped = t0.addSecs(300);
        view.hostStartSkipped(QStringLiteral("www"), skipped);
        const QString shown = QLocale().toString(skipped.toLocalTime(), QLocale::ShortFormat);
        QCOMPARE(cell(view, 0, SyncView::LastResultColumn),
                 QStringLiteral("still running on its host at %1").arg(shown));
        view.hostStartSkipped(QStringLiteral("www"), t0.addSecs(200)); // older: no change
        QCOMPARE(cell(view, 0, SyncView::LastResultColumn),
                 QStringLiteral("still running on its host at %1").arg(shown));
        QVERIFY(cell(view, 1, SyncView::LastResultColumn) == QStringLiteral("never run"));

        // The long run ends (started before the skip, ended after it).
        QVERIFY(history.record(run(QStringLiteral("www"), t0.addSecs(60), 600000, 5000)));
        view.setHistory(&history);
        QVERIFY(
            cell(view, 0, SyncView::LastResultColumn).startsWith(QStringLiteral("succeeded at")));
    }

    void setUpKeyNeedsAJobAndTheVault()
    {
        SyncView view;
        auto* setUp = view.findChild<QPushButton*>(QStringLiteral("syncSetupKeyButton"));
        QVERIFY(setUp);
        QCOMPARE(setUp->text(), QStringLiteral("Set Up &Key…"));
        // No site, no job.
        view.setVaultUnlocked(true);
        QVERIFY(!setUp->isEnabled());
        QCOMPARE(setUp->toolTip(), QStringLiteral("Select a sync job first"));

        view.setVaultUnlocked(false);
        view.setSite(site());
        QCOMPARE(view.selectedJob(), QStringLiteral("www"));
        QVERIFY(!setUp->isEnabled());
        QVERIFY2(setUp->toolTip().startsWith(QStringLiteral("Unlock the vault first")),
                 qPrintable(setUp->toolTip()));

        view.setVaultUnlocked(true);
        QVERIFY(setUp->isEnabled());
        QVERIFY(!setUp->toolTip().contains(QStringLiteral("Unlock")));

        // Nothing selected: nothing to set up.
        view.findChild<QTableWidget*>(QStringLiteral("syncJobs"))->clearSelection();
        QVERIFY(view.selectedJob().isEmpty());
        QVERIFY(!setUp->isEnabled());
        QCOMPARE(setUp->toolTip(), QStringLiteral("Select a sync job first"));

        // The lock of main → backup does not stop it: the reverse key is
        // what failback needs.
        view.selectJob(QStringLiteral("mail"));
        view.setLock(ReplicationLock::State{QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC),
                                            QStringLiteral("Failed over.")});
        QVERIFY(setUp->isEnabled());

        // By keyboard: its mnemonic, Alt+K.
        QSignalSpy requested(&view, &SyncView::keySetupRequested);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::keyClick(&view, Qt::Key_K, Qt::AltModifier);
        QTRY_COMPARE(requested.size(), 1); // animateClick(): a moment later
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("mail"));

        view.setVaultUnlocked(false);
        QVERIFY(!setUp->isEnabled());
        QTest::mouseClick(setUp, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
    }

    void historyOfTheSelectedJob()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("history.db")), m_clock);
        QVERIFY(db);
        SyncHistory history(**db, QStringLiteral("/sites/lab.json"));
        const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        QVERIFY(history.record(run(QStringLiteral("www"), t0, 2000, 100)));
        QVERIFY(history.record(
            run(QStringLiteral("www"), t0.addSecs(300), 9000, 5000, SyncRunRecord::Outcome::Fail)));
        QVERIFY(history.record(run(QStringLiteral("www"), t0.addSecs(400), 100, 0,
                                   SyncRunRecord::Outcome::Success, true)));
        QVERIFY(history.record(run(QStringLiteral("mail"), t0, 1000, 10)));

        SyncView view;
        view.setSite(site());
        view.setHistory(&history);
        auto* runs = view.findChild<QTableWidget*>(QStringLiteral("syncRuns"));
        QCOMPARE(runs->rowCount(), 2); // the dry run is no run
        QCOMPARE(runs->item(0, 4)->text(), QStringLiteral("23"));
        QCOMPARE(runs->item(0, 5)->text(), QStringLiteral("Some files were not copied."));
        QCOMPARE(runs->item(1, 5)->text(), QString());
        QVERIFY(cell(view, 0, SyncView::LastResultColumn).startsWith(QStringLiteral("failed at")));
        QCOMPARE(cell(view, 0, SyncView::TransferColumn), QStringLiteral("3 file(s), 4.88 KiB"));
        auto* chart = view.findChild<SyncRunChart*>(QStringLiteral("syncRunChart"));
        QCOMPARE(chart->bars().size(), 2);
        QCOMPARE(chart->maxDurationMs(), 9000);

        view.selectJob(QStringLiteral("mail"));
        QCOMPARE(runs->rowCount(), 1);
        QCOMPARE(chart->bars().size(), 1);
        QCOMPARE(chart->maxBytes(), 10);
        view.setHistory(nullptr);
        QCOMPARE(runs->rowCount(), 0);
    }

    // The selected run's totals and change list; Enter on a run moves to
    // its changes; a run without totals says so.
    void detailsOfTheSelectedRun()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("details.db")), m_clock);
        QVERIFY(db);
        SyncHistory history(**db, QStringLiteral("/sites/lab.json"));
        const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        QVERIFY(history.record(run(QStringLiteral("www"), t0, 2000, 100))); // no totals
        SyncRunRecord detailed = run(QStringLiteral("www"), t0.addSecs(300), 2000, 101234);
        detailed.stats.files = 120;
        detailed.stats.createdFiles = 3;
        detailed.stats.deletedFiles = 2;
        detailed.stats.transferredFiles = 10;
        detailed.stats.totalSize = 5000000;
        detailed.stats.transferredSize = 123456;
        detailed.stats.literalData = 100000;
        detailed.stats.matchedData = 23456;
        detailed.stats.bytesSent = 101234;
        detailed.stats.bytesReceived = 4321;
        QList<RsyncItem> items;
        for (int i = 0; i < SyncRunRecord::MaxItems + 5; ++i)
            items.append(SyncHistory::itemFrom(QStringLiteral("<f+++++++++"),
                                               QStringLiteral("new-%1.txt").arg(i)));
        items.insert(
            1, SyncHistory::itemFrom(QStringLiteral("*deleting"), QStringLiteral("old/gone.txt")));
        detailed.setItems(items);
        QVERIFY(history.record(detailed));

        SyncView view;
        view.setSite(site());
        view.setHistory(&history);
        view.resize(1000, 800);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        auto* runs = view.findChild<QTableWidget*>(QStringLiteral("syncRuns"));
        auto* totals = view.findChild<QLabel*>(QStringLiteral("syncRunTotals"));
        auto* changes = view.findChild<QTableWidget*>(QStringLiteral("syncRunChanges"));
        auto* more = view.findChild<QLabel*>(QStringLiteral("syncRunMore"));
        QVERIFY(runs && totals && changes && more);

        // The newest run is shown at first.
        QCOMPARE(runs->rowCount(), 2);
        QVERIFY2(totals->text().contains(QStringLiteral("Transferred: 10 of 120 files")),
                 qPrintable(totals->text()));
        QVERIFY(totals->text().contains(QStringLiteral("Created: 3, deleted: 2")));
        QVERIFY(totals->text().contains(QStringLiteral("Sent: ")));
        QCOMPARE(changes->rowCount(), SyncRunRecord::MaxItems);
        QCOMPARE(changes->item(0, SyncRunDetails::ChangeColumn)->text(), QStringLiteral("sent"));
        QCOMPARE(changes->item(1, SyncRunDetails::ChangeColumn)->text(), QStringLiteral("deleted"));
        QCOMPARE(changes->item(1, SyncRunDetails::PathColumn)->text(),
                 QStringLiteral("old/gone.txt"));
        QVERIFY2(more->text().contains(QStringLiteral("6 more")), qPrintable(more->text()));

        // The keyboard: down to the older run, then Enter to its changes.
        runs->setFocus();
        QTest::keyClick(runs, Qt::Key_Down);
        QCOMPARE(totals->text(), QStringLiteral("rsync's totals were not recorded for this run."));
        QCOMPARE(changes->rowCount(), 0);
        QTest::keyClick(runs, Qt::Key_Up);
        QCOMPARE(changes->rowCount(), SyncRunRecord::MaxItems);
        QTest::keyClick(runs, Qt::Key_Return);
        QTRY_VERIFY(changes->hasFocus());
    }

    void chartData()
    {
        SyncRunChart chart;
        QCOMPARE(chart.summary(), QStringLiteral("No run yet."));
        const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        // Newest first, as the history gives them.
        chart.setRuns(
            {run(QStringLiteral("www"), t0.addSecs(600), 3000, 300),
             run(QStringLiteral("www"), t0.addSecs(500), 100, 0, SyncRunRecord::Outcome::Success,
                 true),
             run(QStringLiteral("www"), t0.addSecs(300), 12000, 7000, SyncRunRecord::Outcome::Fail),
             run(QStringLiteral("www"), t0, 1000, 100)});
        const QList<SyncRunChart::Bar> expected{{t0, 1000, 100, false},
                                                {t0.addSecs(300), 12000, 7000, true},
                                                {t0.addSecs(600), 3000, 300, false}};
        QCOMPARE(chart.bars(), expected);
        QCOMPARE(chart.maxDurationMs(), 12000);
        QCOMPARE(chart.maxBytes(), 7000);
        QCOMPARE(chart.summary(),
                 QStringLiteral("3 run(s), 1 failed; longest 12.0 s, largest 6.84 KiB."));
        QCOMPARE(chart.accessibleDescription(), chart.summary());

        // Only the newest runs fit.
        QList<SyncRunRecord> many;
        for (int i = 40; i > 0; --i)
            many.append(run(QStringLiteral("www"), t0.addSecs(60 * i), i * 1000, i));
        chart.setRuns(many);
        QCOMPARE(chart.bars().size(), SyncRunChart::maxBars());
        QCOMPARE(chart.bars().last().durationMs, 40000);
        QCOMPARE(chart.bars().first().durationMs, 11000);
        chart.resize(300, 90);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QVERIFY(!chart.grab().isNull());
    }
};

QTEST_MAIN(TestSyncView)
#include "tst_syncview.moc"
