#pragma once

#include "ChangeReviewDialog.h"
#include "health/HealthState.h"
#include "plan/DrillPlan.h"
#include "plan/DrillRecord.h"
#include "plan/DrillRunner.h"
#include "site/Site.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QComboBox;
class QFrame;
class QLabel;
class QPushButton;
class QTableView;

namespace relais {

class Clock;
class DrillHistoryModel;
class DrillJournal;
class DrillStepModel;
class DrillTimeline;
class DrillTrendChart;

/// Drills: choose the mode, run (a rehearsal in one click; a failover or
/// failback after a confirmation, typed when main still serves), follow
/// the steps live with their timers and a timeline, cancel, read RTO and
/// RPO against the targets, browse past drills and export any of them as
/// HTML or PDF. An unfinished drill found in the journal is offered for
/// resuming or cleaning up. A failback waits after its dry run while the
/// change list is reviewed in a ChangeReviewDialog (Continue / Cancel drill).
class DrillView : public QWidget
{
    Q_OBJECT

public:
    explicit DrillView(const Clock& clock, QWidget* parent = nullptr);
    ~DrillView() override;

    void setSite(const Site& site);
    /// The journal of the site's drills (not owned; null: none).
    void setJournal(DrillJournal* journal);
    DrillJournal* journal() const { return m_journal; }
    /// Gives the runner for the next drill when asked (after unlocking the
    /// vault, say), by calling its argument with it — or with null when the
    /// drill cannot run; the runner is not owned.
    using RunnerProvider = std::function<void(std::function<void(DrillRunner*)> ready)>;
    void setRunnerProvider(RunnerProvider provider);
    /// The runner drills run on (not owned; null and no provider: running
    /// is disabled).
    void setRunner(DrillRunner* runner);
    /// Main's state in the health model. Unless main is known to be down
    /// (a site without probes on main never is), a failover is confirmed by
    /// typing the site's name, and the plan's decisions say it was forced.
    void setMainState(HealthState state) { m_mainState = state; }
    /// What automatic failover is doing, in words (empty: hidden).
    void setAutoFailoverStatus(const QString& text);
    QLabel* autoFailoverLabel() const { return m_autoFailover; }

    DrillStepModel* stepModel() const { return m_stepModel; }
    DrillHistoryModel* historyModel() const { return m_historyModel; }
    DrillTrendChart* trendChart() const { return m_trend; }
    QComboBox* modeBox() const { return m_mode; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* summaryLabel() const { return m_summary; }
    QFrame* unfinishedBar() const { return m_unfinishedBar; }
    /// The review of the changes a failback would copy, while it is shown.
    ChangeReviewDialog* reviewDialog() const { return m_review; }

public slots:
    /// The one-click rehearsal (tray menu, dashboard).
    void runRehearsal();
    /// Runs the mode chosen in the box, after confirmation when it is not
    /// a rehearsal.
    void runSelected();
    void cancelDrill();
    /// Automatic failover decided (main down from the console and from
    /// backup for @p deadTimeSeconds): an emergency failover, no question
    /// asked, RTO counted from @p detectedAt. False when it cannot start (a
    /// drill runs, or one is unfinished).
    bool startAutomaticFailover(const QDateTime& detectedAt, int deadTimeSeconds);
    /// Reads the journal again (history and unfinished drills).
    void reload();

signals:
    /// A drill ended (any outcome): for the tray's notification.
    void drillFinished(const relais::DrillRecord& record, const relais::Targets& targets);
    /// The journal was read (reload()): the site's past drills, newest first.
    void historyLoaded(const QList<relais::DrillRecord>& drills);

private:
    void start(const DrillPlan& plan);
    /// Calls @p action once a runner is there (from the provider if needed).
    void withRunner(std::function<void()> action);
    bool hasRunner() const { return m_runner || m_provider; }
    void confirmThenStart(const DrillPlan& plan);
    void updateButtons();
    void updateSummary();
    void onFinished(const DrillRecord& record);
    void onConfirmationNeeded(int index, const QStringList& lines);
    void closeReview();
    void showHistoryDrill();
    void exportReport(bool pdf);
    void resumeUnfinished();
    void cleanUpUnfinished();

    const Clock& m_clock;
    Site m_site;
    DrillJournal* m_journal = nullptr;
    QPointer<DrillRunner> m_runner;
    RunnerProvider m_provider;
    HealthState m_mainState = HealthState::Unknown;
    QList<DrillRecord> m_unfinished;
    QPointer<ChangeReviewDialog> m_review;

    QComboBox* m_mode;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QLabel* m_summary;
    QLabel* m_autoFailover;
    QLabel* m_decisions;
    QFrame* m_unfinishedBar;
    QLabel* m_unfinishedText;
    QPushButton* m_resume;
    QPushButton* m_cleanUp;
    DrillStepModel* m_stepModel;
    QTableView* m_steps;
    DrillTimeline* m_timeline;
    DrillHistoryModel* m_historyModel;
    DrillTrendChart* m_trend;
    QTableView* m_history;
    QPushButton* m_exportHtml;
    QPushButton* m_exportPdf;
};

} // namespace relais
