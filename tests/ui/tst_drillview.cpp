#include "../support/ScriptedSteps.h"
#include "ChangeReviewDialog.h"
#include "DrillHistoryModel.h"
#include "DrillStepModel.h"
#include "DrillTrendChart.h"
#include "DrillView.h"
#include "common/Database.h"
#include "common/ManualClock.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillReport.h"
#include "plan/DrillReportFile.h"
#include "plan/DrillRunner.h"
#include "site/SiteDocument.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace relais;
using relais::test::Script;
using relais::test::ScriptedFactory;

namespace {

Site planSite()
{
    const Result<Site> site =
        SiteDocument::load(QStringLiteral(RELAIS_TEST_DATA_DIR "/site/good/plan.json"));
    return site ? *site : Site();
}

template <typename T> T* waitForTopLevel(const QString& objectName)
{
    T* found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                if (auto* candidate = qobject_cast<T*>(widget);
                    candidate && candidate->objectName() == objectName && candidate->isVisible()) {
                    found = candidate;
                    return true;
                }
            }
            return false;
        },
        5000);
    return found;
}

/// Starts a failback through the view's confirmation; returns the review.
ChangeReviewDialog* failbackUpToTheReview(DrillView& view)
{
    view.modeBox()->setCurrentIndex(
        view.modeBox()->findData(static_cast<int>(DrillMode::Failback)));
    view.runButton()->click();
    auto* box = waitForTopLevel<QMessageBox>(QStringLiteral("drillConfirmation"));
    if (!box)
        return nullptr;
    for (QAbstractButton* button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::AcceptRole)
            button->click();
    }
    return waitForTopLevel<ChangeReviewDialog>(QStringLiteral("changeReview"));
}

} // namespace

class TestDrillView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC)};
    int m_db = 0;

    std::unique_ptr<Database> database()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_db)), m_clock);
        return db ? std::move(db).value() : nullptr;
    }

private slots:
    void initTestCase() { qRegisterMetaType<DrillRecord>(); }

    void rehearsalInOneClickFillsStepsAndHistory()
    {
        auto db = database();
        QVERIFY(db);
        DrillJournal journal(*db, QStringLiteral("plan"));
        ScriptedFactory factory;
        factory.upAt = m_clock.now().addSecs(70);
        DrillRunner runner(factory, m_clock);
        runner.setJournal(&journal);
        DrillView view(m_clock);
        QAbstractItemModelTester steps(view.stepModel(),
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester history(view.historyModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSite(planSite());
        QVERIFY(!view.runButton()->isEnabled()); // no runner yet
        view.setJournal(&journal);
        view.setRunner(&runner);
        QVERIFY(view.runButton()->isEnabled());
        QCOMPARE(view.runButton()->text(), QStringLiteral("&Run rehearsal now"));

        QSignalSpy finished(&view, &DrillView::drillFinished);
        view.runRehearsal();
        QVERIFY(view.cancelButton()->isEnabled());
        QVERIFY(!view.runButton()->isEnabled());
        QVERIFY(finished.wait(10000));
        const auto record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.state, DrillRecord::State::Succeeded);
        QCOMPARE(record.mode, DrillMode::Rehearsal);
        // 11 steps of the rehearsal + one cleanup per cloned group.
        QCOMPARE(view.stepModel()->rowCount(), 13);
        QCOMPARE(view.stepModel()->index(0, DrillStepModel::StepColumn).data().toString(),
                 QStringLiteral("Clone db for the drill"));
        // Cleanups are listed as registered and run last first.
        QCOMPARE(view.stepModel()->index(11, DrillStepModel::StepColumn).data().toString(),
                 QStringLiteral("Remove the clones of db (cleanup)"));
        QCOMPARE(view.stepModel()->index(12, DrillStepModel::StepColumn).data().toString(),
                 QStringLiteral("Remove the clones of web (cleanup)"));
        QVERIFY(record.steps.at(12).startedAt <= record.steps.at(11).startedAt);
        QCOMPARE(view.stepModel()->index(0, DrillStepModel::StateColumn).data().toString(),
                 QStringLiteral("done"));
        QCOMPARE(view.historyModel()->rowCount(), 1);
        QCOMPARE(view.historyModel()->index(0, DrillHistoryModel::RtoColumn).data().toString(),
                 QStringLiteral("1 min 10 s (met)"));
        // The trend follows the history.
        QCOMPARE(view.trendChart()->drills().size(), 1);
        QCOMPARE(view.trendChart()->points(DrillTrendChart::Series::Rto).first().valueMs,
                 std::optional<qint64>(70000));
        QCOMPARE(view.trendChart()->points(DrillTrendChart::Series::Rto).first().met,
                 std::optional<bool>(true));
        QVERIFY2(view.summaryLabel()->text().contains(QStringLiteral("1 min 10 s")),
                 qPrintable(view.summaryLabel()->text()));
        QVERIFY(!view.cancelButton()->isEnabled());
    }

    void automaticFailoverRunsWithoutQuestionsAndCountsRtoFromTheDetection()
    {
        auto db = database();
        QVERIFY(db);
        DrillJournal journal(*db, QStringLiteral("auto"));
        ScriptedFactory factory;
        factory.upAt = m_clock.now().addSecs(30);
        DrillRunner runner(factory, m_clock);
        runner.setJournal(&journal);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setJournal(&journal);
        view.setRunner(&runner);
        view.setAutoFailoverStatus(QStringLiteral("Automatic failover is on"));
        QVERIFY(!view.autoFailoverLabel()->isHidden());

        QSignalSpy finished(&view, &DrillView::drillFinished);
        const QDateTime detected = m_clock.now().addSecs(-300);
        QVERIFY(view.startAutomaticFailover(detected, 240));
        // No confirmation and no typed name: nothing waits for the user.
        QVERIFY(finished.wait(10000));
        const auto record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.mode, DrillMode::EmergencyFailover);
        QCOMPARE(record.state, DrillRecord::State::Succeeded);
        QVERIFY2(record.decisions.first().startsWith(QStringLiteral("Automatic failover")),
                 qPrintable(record.decisions.join(QLatin1Char('\n'))));
        // From the detection 300 s before the start to the service up 30 s after it.
        QCOMPARE(record.rtoMs, std::optional<qint64>(330000));

        // Not while another drill is unfinished or running.
        view.setAutoFailoverStatus(QString());
        QVERIFY(view.autoFailoverLabel()->isHidden());
    }

    void cancelStopsTheRunningDrill()
    {
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("start-clones"), {Script::Hang});
        DrillRunner runner(factory, m_clock);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        QSignalSpy finished(&view, &DrillView::drillFinished);
        connect(&runner, &DrillRunner::stepStarted, this, [&](int index) {
            if (runner.record().steps.at(index).step.action == DrillAction::StartClones)
                QTimer::singleShot(0, view.cancelButton(), &QPushButton::click);
        });
        view.runRehearsal();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<DrillRecord>().state,
                 DrillRecord::State::Cancelled);
        QVERIFY(factory.log.contains(QStringLiteral("start remove-clones")));
    }

    void failoverWhileMainServesNeedsTheTypedName_data()
    {
        QTest::addColumn<int>("mainState");
        QTest::addColumn<QString>("decision");
        QTest::newRow("main up") << int(HealthState::Up) << QStringLiteral("still answered");
        QTest::newRow("main degraded")
            << int(HealthState::Degraded) << QStringLiteral("still answered");
        QTest::newRow("main not known yet")
            << int(HealthState::Unknown) << QStringLiteral("was not known");
    }

    void failoverWhileMainServesNeedsTheTypedName()
    {
        QFETCH(int, mainState);
        QFETCH(QString, decision);
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        view.setMainState(static_cast<HealthState>(mainState));
        view.modeBox()->setCurrentIndex(
            view.modeBox()->findData(static_cast<int>(DrillMode::PlannedFailover)));
        QCOMPARE(view.runButton()->text(), QStringLiteral("&Fail over…"));

        view.runButton()->click();
        auto* dialog = waitForTopLevel<QInputDialog>(QStringLiteral("splitBrainConfirmation"));
        QVERIFY(dialog);
        dialog->setTextValue(QStringLiteral("wrong"));
        dialog->accept();
        QTest::qWait(50);
        QVERIFY(!runner.isRunning());
        QVERIFY(factory.log.isEmpty());
        // The "not started" message box is open: close it.
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible())
                box->close();
        }

        QSignalSpy finished(&view, &DrillView::drillFinished);
        view.runButton()->click();
        dialog = waitForTopLevel<QInputDialog>(QStringLiteral("splitBrainConfirmation"));
        QVERIFY(dialog);
        dialog->setTextValue(planSite().name);
        dialog->accept();
        QVERIFY(finished.wait(10000));
        const DrillRecord record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.mode, DrillMode::PlannedFailover);
        QCOMPARE(factory.log.first(), QStringLiteral("start final-sync"));
        // The forcing is part of the drill's record.
        QVERIFY2(record.decisions.join(QLatin1Char('\n')).contains(decision) &&
                     record.decisions.join(QLatin1Char('\n')).contains(QStringLiteral("forced")),
                 qPrintable(record.decisions.join(QLatin1Char('\n'))));
    }

    void failoverWithMainDownIsAPlainConfirmation()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        view.setMainState(HealthState::Down);
        view.modeBox()->setCurrentIndex(
            view.modeBox()->findData(static_cast<int>(DrillMode::PlannedFailover)));
        view.runButton()->click();
        auto* box = waitForTopLevel<QMessageBox>(QStringLiteral("drillConfirmation"));
        QVERIFY(box);
        for (QWidget* widget : QApplication::topLevelWidgets())
            QVERIFY(!(qobject_cast<QInputDialog*>(widget) && widget->isVisible()));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(20);
        QVERIFY(factory.log.isEmpty());
    }

    void failbackIsConfirmedAndCancelIsTheDefault()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        view.modeBox()->setCurrentIndex(
            view.modeBox()->findData(static_cast<int>(DrillMode::Failback)));
        view.runButton()->click();
        auto* box = waitForTopLevel<QMessageBox>(QStringLiteral("drillConfirmation"));
        QVERIFY(box);
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QVERIFY(box->informativeText().contains(QStringLiteral("Switch www to main")));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(50);
        QVERIFY(!runner.isRunning());

        QSignalSpy finished(&view, &DrillView::drillFinished);
        view.runButton()->click();
        box = waitForTopLevel<QMessageBox>(QStringLiteral("drillConfirmation"));
        QVERIFY(box);
        QAbstractButton* go = nullptr;
        for (QAbstractButton* button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole)
                go = button;
        }
        QVERIFY(go);
        go->click();
        auto* review = waitForTopLevel<ChangeReviewDialog>(QStringLiteral("changeReview"));
        QVERIFY(review);
        review->continueButton()->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(factory.log.first(), QStringLiteral("start reverse-sync-review"));
    }

    void theReviewWaitsForTheUserAndContinues()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        QSignalSpy finished(&view, &DrillView::drillFinished);
        ChangeReviewDialog* review = failbackUpToTheReview(view);
        QVERIFY(review);
        QCOMPARE(view.reviewDialog(), review);
        // Shown with open(): the rest of the application stays usable.
        QVERIFY(review->windowModality() != Qt::ApplicationModal);
        QVERIFY(review->changesView()->toPlainText().contains(
            QStringLiteral("hello from reverse-sync-review")));
        QVERIFY(review->changesView()->isReadOnly());
        QVERIFY(review->changesView()->font().fixedPitch() ||
                QFontInfo(review->changesView()->font()).fixedPitch());
        QVERIFY(review->cancelButton()->isDefault());
        QVERIFY(!review->continueButton()->isDefault());
        // The drill waits: the step after the review is marked so.
        QCOMPARE(factory.log, QStringList({QStringLiteral("start reverse-sync-review")}));
        QCOMPARE(view.stepModel()->waitingRow(), 1);
        QCOMPARE(view.stepModel()
                     ->data(view.stepModel()->index(1, DrillStepModel::StateColumn))
                     .toString(),
                 QStringLiteral("Waiting for confirmation"));
        QVERIFY2(view.summaryLabel()->text().contains(QStringLiteral("Waiting for your")),
                 qPrintable(view.summaryLabel()->text()));
        QVERIFY(view.cancelButton()->isEnabled());
        QTest::qWait(50);
        QCOMPARE(factory.log.size(), 1);

        review->continueButton()->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<DrillRecord>().state,
                 DrillRecord::State::Succeeded);
        QCOMPARE(factory.log.at(1), QStringLiteral("start reverse-sync"));
        QCOMPARE(view.stepModel()->waitingRow(), -1);
        QVERIFY(!view.reviewDialog());
    }

    void enterAtTheReviewCancelsTheDrill()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        QSignalSpy finished(&view, &DrillView::drillFinished);
        ChangeReviewDialog* review = failbackUpToTheReview(view);
        QVERIFY(review);
        // The keyboard's default answer is the safe one.
        QTest::keyClick(review, Qt::Key_Return);
        QVERIFY(finished.wait(10000));
        const auto record = finished.first().first().value<DrillRecord>();
        QCOMPARE(record.state, DrillRecord::State::Cancelled);
        QVERIFY(!factory.log.contains(QStringLiteral("start reverse-sync")));
        QCOMPARE(record.steps.at(1).state, DrillStepRecord::State::Skipped);
    }

    void cancelDrillButtonClosesTheReview()
    {
        ScriptedFactory factory;
        DrillRunner runner(factory, m_clock);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        QSignalSpy finished(&view, &DrillView::drillFinished);
        ChangeReviewDialog* review = failbackUpToTheReview(view);
        QVERIFY(review);
        QPointer<ChangeReviewDialog> watched(review);
        review->cancelButton()->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<DrillRecord>().state,
                 DrillRecord::State::Cancelled);
        QTRY_VERIFY(!watched);
        QCOMPARE(factory.log, QStringList({QStringLiteral("start reverse-sync-review")}));
    }

    void countsTheChangedFiles()
    {
        const QStringList lines = {
            QStringLiteral("Sync job files, backup to main: changes since the failover."),
            QStringLiteral(">f+++++++++ www/index.html"),
            QStringLiteral(">f.st...... www/drill.txt"),
            QStringLiteral("cd+++++++++ www/new/"),
            QStringLiteral("*deleting   www/old.txt"),
            QStringLiteral("4 changes from backup to main."),
        };
        QCOMPARE(ChangeReviewDialog::changedFiles(lines), 3);
        QCOMPARE(ChangeReviewDialog::changedFiles({}), 0);
        // Plurals come from the translations (not loaded here): "(s)" stays.
        ChangeReviewDialog dialog(QStringLiteral("Review"), lines);
        QCOMPARE(dialog.countLabel()->text(), QStringLiteral("3 changed file(s) listed."));
    }

    void offersToCleanUpAnUnfinishedDrill()
    {
        auto db = database();
        QVERIFY(db);
        DrillJournal journal(*db, QStringLiteral("plan"));
        ScriptedFactory factory;
        factory.scripts.insert(QStringLiteral("start-clones"), {Script::HangForever});
        {
            DrillRunner dying(factory, m_clock);
            dying.setJournal(&journal);
            QSignalSpy started(&dying, &DrillRunner::stepStarted);
            dying.start(DrillPlanner::plan(planSite(), DrillMode::Rehearsal));
            QTRY_COMPARE(started.size(), 2);
        }
        factory.log.clear();
        DrillRunner runner(factory, m_clock);
        runner.setJournal(&journal);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        view.setJournal(&journal);
        QVERIFY(!view.unfinishedBar()->isHidden());
        QVERIFY(!view.runButton()->isEnabled());
        QSignalSpy finished(&view, &DrillView::drillFinished);
        auto* cleanUp = view.unfinishedBar()->findChildren<QPushButton*>().at(1);
        QCOMPARE(cleanUp->text(), QStringLiteral("Clean &up"));
        cleanUp->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(factory.log, QStringList({QStringLiteral("start remove-clones")}));
        QVERIFY(view.unfinishedBar()->isHidden());
        QVERIFY(view.runButton()->isEnabled());
        QCOMPARE(view.historyModel()->rowCount(), 1);
        QCOMPARE(view.historyModel()->drill(0).state, DrillRecord::State::Cancelled);
    }

    void aFailbackStoppedAtTheReviewAsksAgainWhenResumed()
    {
        auto db = database();
        QVERIFY(db);
        DrillJournal journal(*db, QStringLiteral("plan"));
        ScriptedFactory factory;
        {
            // Relais killed while the review was shown.
            DrillRunner dying(factory, m_clock);
            dying.setJournal(&journal);
            QSignalSpy asked(&dying, &DrillRunner::confirmationNeeded);
            dying.start(DrillPlanner::plan(planSite(), DrillMode::Failback));
            QVERIFY(asked.wait(10000));
        }
        factory.log.clear();
        DrillRunner runner(factory, m_clock);
        runner.setJournal(&journal);
        DrillView view(m_clock);
        view.setSite(planSite());
        view.setRunner(&runner);
        view.setJournal(&journal);
        QVERIFY(!view.unfinishedBar()->isHidden());
        QSignalSpy finished(&view, &DrillView::drillFinished);
        auto* resume = view.unfinishedBar()->findChildren<QPushButton*>().at(0);
        QCOMPARE(resume->text(), QStringLiteral("Re&sume"));
        resume->click();
        auto* review = waitForTopLevel<ChangeReviewDialog>(QStringLiteral("changeReview"));
        QVERIFY(review);
        // The review's output comes from the journal: it is not run again.
        QVERIFY(factory.log.isEmpty());
        QVERIFY(review->changesView()->toPlainText().contains(
            QStringLiteral("hello from reverse-sync-review")));
        QCOMPARE(view.stepModel()->waitingRow(), 1);
        review->continueButton()->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(factory.log.first(), QStringLiteral("start reverse-sync"));
        QCOMPARE(view.historyModel()->drill(0).state, DrillRecord::State::Succeeded);
    }

    void reportIsEscapedAndSaysWhetherTargetsWereMet()
    {
        DrillRecord record;
        record.id = 7;
        record.mode = DrillMode::Rehearsal;
        record.state = DrillRecord::State::Failed;
        record.startedAt = m_clock.now();
        record.endedAt = m_clock.now().addSecs(300);
        record.rtoMs = 125000;
        record.rpoSeconds = 4000;
        record.message = QStringLiteral("<b>boom</b>");
        DrillStepRecord step;
        step.step.action = DrillAction::StartClones;
        step.step.containers = {QStringLiteral("web")};
        step.state = DrillStepRecord::State::Failed;
        step.startedAt = m_clock.now().addSecs(10);
        step.endedAt = m_clock.now().addSecs(200);
        step.output = {QStringLiteral("line <1>")};
        record.steps = {step};
        Targets targets;
        targets.rtoMinutes = 5;
        targets.rpoMinutes = 15;
        const QString html = DrillReport::html(record, QStringLiteral("Site <script>"), targets);
        QVERIFY(html.contains(QStringLiteral("Site &lt;script&gt;")));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;boom&lt;/b&gt;")));
        QVERIFY(html.contains(QStringLiteral("line &lt;1&gt;")));
        QVERIFY(html.contains(QStringLiteral("2 min 05 s — target 5 min met")));
        QVERIFY(html.contains(QStringLiteral("1 h 06 min — target 15 min MISSED")));
        QVERIFY(DrillReportFile::pdf(record, QStringLiteral("Site"), targets).startsWith("%PDF-"));
        const QString path = m_dir.filePath(QStringLiteral("report.html"));
        QVERIFY(DrillReportFile::writeHtml(path, record, QStringLiteral("Site"), targets).ok());
        QVERIFY(QFileInfo(path).size() > 500);
        // Under a regular file: cannot be written, and says so.
        QVERIFY(!DrillReportFile::writePdf(m_dir.filePath(QStringLiteral("report.html/r.pdf")),
                                           record, QStringLiteral("Site"), targets)
                     .ok());
    }
};

QTEST_MAIN(TestDrillView)
#include "tst_drillview.moc"
