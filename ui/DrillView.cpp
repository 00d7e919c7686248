#include "DrillView.h"

#include "DrillHistoryModel.h"
#include "DrillStepModel.h"
#include "DrillTimeline.h"
#include "DrillTrendChart.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillReport.h"
#include "plan/DrillReportFile.h"
#include "plan/DrillRunner.h"
#include "plan/DrillText.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace relais {

namespace {

/// A message box that does not block: shown with open(), deleted when closed.
void tell(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text)
{
    auto* box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QTableView* table(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

DrillView::DrillView(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_mode(new QComboBox(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(tr("&Cancel drill"), this))
    , m_summary(new QLabel(this))
    , m_autoFailover(new QLabel(this))
    , m_decisions(new QLabel(this))
    , m_unfinishedBar(new QFrame(this))
    , m_unfinishedText(new QLabel(m_unfinishedBar))
    , m_resume(new QPushButton(tr("Re&sume"), m_unfinishedBar))
    , m_cleanUp(new QPushButton(tr("Clean &up"), m_unfinishedBar))
    , m_stepModel(new DrillStepModel(clock, this))
    , m_steps(table(m_stepModel, this))
    , m_timeline(new DrillTimeline(m_stepModel, this))
    , m_historyModel(new DrillHistoryModel(this))
    , m_trend(new DrillTrendChart(this))
    , m_history(table(m_historyModel, this))
    , m_exportHtml(new QPushButton(tr("Export &HTML…"), this))
    , m_exportPdf(new QPushButton(tr("Export &PDF…"), this))
{
    for (DrillMode mode : {DrillMode::Rehearsal, DrillMode::PlannedFailover,
                           DrillMode::EmergencyFailover, DrillMode::Failback})
        m_mode->addItem(DrillText::mode(mode), static_cast<int>(mode));
    m_mode->setAccessibleName(tr("Drill mode"));
    m_mode->setToolTip(tr("Rehearsal: isolated clones on backup, production untouched.\n"
                          "Planned failover: main answers; final sync and fencing included.\n"
                          "Emergency failover: main is silent; what needs it is skipped.\n"
                          "Failback: back to main after a failover."));
    auto* modeLabel = new QLabel(tr("&Mode:"), this);
    modeLabel->setBuddy(m_mode);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_decisions->setWordWrap(true);
    m_decisions->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(modeLabel);
    top->addWidget(m_mode);
    top->addWidget(m_run);
    top->addWidget(m_cancel);
    top->addStretch(1);

    m_unfinishedBar->setFrameShape(QFrame::StyledPanel);
    m_unfinishedText->setWordWrap(true);
    auto* bar = new QHBoxLayout(m_unfinishedBar);
    bar->addWidget(m_unfinishedText, 1);
    bar->addWidget(m_resume);
    bar->addWidget(m_cleanUp);
    m_unfinishedBar->hide();
    m_autoFailover->setObjectName(QStringLiteral("autoFailoverStatus"));
    m_autoFailover->setWordWrap(true);
    m_autoFailover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_autoFailover->hide();

    m_steps->setAccessibleName(tr("Drill steps"));
    m_history->setAccessibleName(tr("Past drills"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_steps);
    splitter->addWidget(m_timeline);

    auto* historyPage = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyPage);
    // The trend above the drills it is drawn from.
    auto* historySplitter = new QSplitter(Qt::Vertical, historyPage);
    historySplitter->addWidget(m_trend);
    historySplitter->addWidget(m_history);
    historySplitter->setStretchFactor(0, 1);
    historySplitter->setStretchFactor(1, 1);
    historyLayout->addWidget(historySplitter, 1);
    auto* exports = new QHBoxLayout;
    exports->addStretch(1);
    exports->addWidget(m_exportHtml);
    exports->addWidget(m_exportPdf);
    historyLayout->addLayout(exports);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(splitter, tr("&Steps"));
    tabs->addTab(historyPage, tr("Histor&y"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_unfinishedBar);
    layout->addWidget(m_autoFailover);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_decisions);
    layout->addWidget(tabs, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &DrillView::updateButtons);
    connect(m_run, &QPushButton::clicked, this, &DrillView::runSelected);
    connect(m_cancel, &QPushButton::clicked, this, &DrillView::cancelDrill);
    connect(m_resume, &QPushButton::clicked, this, &DrillView::resumeUnfinished);
    connect(m_cleanUp, &QPushButton::clicked, this, &DrillView::cleanUpUnfinished);
    connect(m_exportHtml, &QPushButton::clicked, this, [this] { exportReport(false); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportReport(true); });
    connect(m_history->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DrillView::showHistoryDrill);
    connect(m_stepModel, &DrillStepModel::recordChanged, this, &DrillView::updateSummary);
    updateButtons();
    updateSummary();
}

DrillView::~DrillView() = default;

void DrillView::setSite(const Site& site)
{
    m_site = site;
    updateButtons();
    reload();
}

void DrillView::setJournal(DrillJournal* journal)
{
    m_journal = journal;
    reload();
}

void DrillView::setRunner(DrillRunner* runner)
{
    if (m_runner)
        m_runner->disconnect(this);
    m_runner = runner;
    if (runner) {
        connect(runner, &DrillRunner::finished, this, &DrillView::onFinished);
        connect(runner, &DrillRunner::confirmationNeeded, this, &DrillView::onConfirmationNeeded);
    }
    updateButtons();
}

void DrillView::setRunnerProvider(RunnerProvider provider)
{
    m_provider = std::move(provider);
    updateButtons();
}

void DrillView::withRunner(std::function<void()> action)
{
    if (!m_provider) {
        if (m_runner)
            action();
        return;
    }
    m_provider([this, action = std::move(action)](DrillRunner* runner) {
        if (!runner || runner->isRunning())
            return;
        setRunner(runner);
        action();
    });
}

void DrillView::reload()
{
    if (!m_journal) {
        m_historyModel->setDrills({}, m_site.targets);
        m_trend->setDrills({}, m_site.targets);
        m_unfinished.clear();
        m_unfinishedBar->hide();
        emit historyLoaded({});
        return;
    }
    const auto recent = m_journal->recent();
    QList<DrillRecord> finished;
    if (recent) {
        for (const DrillRecord& record : *recent) {
            if (record.state != DrillRecord::State::Running ||
                (m_runner && m_runner->isRunning() && m_runner->record().id == record.id))
                finished.append(record);
        }
    }
    m_historyModel->setDrills(finished, m_site.targets);
    m_trend->setDrills(finished, m_site.targets);
    const auto unfinished = m_journal->unfinished();
    m_unfinished.clear();
    if (unfinished && !(m_runner && m_runner->isRunning()))
        m_unfinished = *unfinished;
    if (m_unfinished.isEmpty()) {
        m_unfinishedBar->hide();
    } else {
        const DrillRecord& drill = m_unfinished.first();
        m_unfinishedText->setText(
            tr("A drill did not finish: %1 started %2. Resume it, or clean up what it created?")
                .arg(DrillText::mode(drill.mode),
                     QLocale().toString(drill.startedAt.toLocalTime(), QLocale::ShortFormat)));
        m_unfinishedBar->show();
    }
    updateButtons();
    emit historyLoaded(finished);
}

void DrillView::updateButtons()
{
    const bool running = m_runner && m_runner->isRunning();
    const auto mode = static_cast<DrillMode>(m_mode->currentData().toInt());
    switch (mode) {
    case DrillMode::Rehearsal:
        m_run->setText(tr("&Run rehearsal now"));
        break;
    case DrillMode::PlannedFailover:
    case DrillMode::EmergencyFailover:
        m_run->setText(tr("&Fail over…"));
        break;
    case DrillMode::Failback:
        m_run->setText(tr("&Fail back…"));
        break;
    }
    const bool canRun = hasRunner() && !running && !m_site.plan.isEmpty() && m_unfinished.isEmpty();
    m_run->setEnabled(canRun);
    if (m_site.plan.isEmpty())
        m_run->setToolTip(tr("The site has no recovery plan (\"plan\" in the site document)."));
    else if (!m_unfinished.isEmpty())
        m_run->setToolTip(tr("Resume or clean up the unfinished drill first."));
    else
        m_run->setToolTip(QString());
    m_mode->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_resume->setEnabled(hasRunner() && !running);
    m_cleanUp->setEnabled(hasRunner() && !running);
}

void DrillView::updateSummary()
{
    const DrillRecord& record = m_stepModel->record();
    if (record.steps.isEmpty()) {
        m_summary->setText(m_site.plan.isEmpty()
                               ? tr("No recovery plan in this site: add a \"plan\" to its "
                                    "document to run drills.")
                               : tr("No drill running. Targets: RTO %1 min, RPO %2 min.")
                                     .arg(m_site.targets.rtoMinutes)
                                     .arg(m_site.targets.rpoMinutes));
        return;
    }
    int done = 0;
    for (const DrillStepRecord& step : record.steps) {
        if (step.state != DrillStepRecord::State::Pending &&
            step.state != DrillStepRecord::State::Running)
            ++done;
    }
    const QString rto = record.rtoMs ? DrillText::duration(*record.rtoMs) : tr("not measured");
    const QString rpo =
        record.rpoSeconds ? DrillText::duration(*record.rpoSeconds * 1000) : tr("not measured");
    QString text = tr("%1 — %2: %3 of %4 steps. RTO %5 (target %6 min), RPO %7 (target %8 min).")
                       .arg(DrillText::mode(record.mode), DrillText::runState(record.state))
                       .arg(done)
                       .arg(record.steps.size())
                       .arg(rto)
                       .arg(m_site.targets.rtoMinutes)
                       .arg(rpo)
                       .arg(m_site.targets.rpoMinutes);
    if (!record.message.isEmpty())
        text += QLatin1Char(' ') + record.message;
    if (m_stepModel->waitingRow() >= 0)
        text += QLatin1Char(' ') +
                tr("Waiting for your confirmation to copy the reviewed changes from backup "
                   "to main.");
    m_summary->setText(text);
    m_decisions->setVisible(!record.decisions.isEmpty());
    m_decisions->setText(record.decisions.join(QLatin1Char('\n')));
}

void DrillView::runRehearsal()
{
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(DrillMode::Rehearsal)));
    if (!m_run->isEnabled())
        return;
    start(DrillPlanner::plan(m_site, DrillMode::Rehearsal));
}

void DrillView::runSelected()
{
    if (!m_run->isEnabled())
        return;
    const auto mode = static_cast<DrillMode>(m_mode->currentData().toInt());
    const DrillPlan plan = DrillPlanner::plan(m_site, mode);
    if (mode == DrillMode::Rehearsal)
        start(plan);
    else
        confirmThenStart(plan);
}

void DrillView::confirmThenStart(const DrillPlan& plan)
{
    const bool failover =
        plan.mode == DrillMode::PlannedFailover || plan.mode == DrillMode::EmergencyFailover;
    if (failover && m_mainState != HealthState::Down) {
        // Split-brain guard: main may still serve; the user types the site's name.
        const bool known = m_mainState != HealthState::Unknown;
        auto* dialog = new QInputDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(known ? tr("Main still serves") : tr("Main may still serve"));
        dialog->setLabelText(
            (known ? tr("Main answers its probes right now. Failing over while it serves can "
                        "leave both sides serving different data (split brain).")
                   : tr("Relais does not know whether main serves: its probes have not "
                        "answered yet, or the site has none. Failing over while it serves can "
                        "leave both sides serving different data (split brain).")) +
            QStringLiteral("\n\n") +
            tr("To fail over anyway, type the site's name: %1").arg(m_site.name));
        dialog->setObjectName(QStringLiteral("splitBrainConfirmation"));
        connect(dialog, &QInputDialog::textValueSelected, this,
                [this, plan, known](const QString& typed) {
                    if (typed != m_site.name) {
                        tell(this, QMessageBox::Information, tr("Failover not started"),
                             tr("The name did not match; nothing was done."));
                        return;
                    }
                    DrillPlan forced = plan;
                    forced.decisions.append(
                        known ? tr("Main still answered its probes; the failover was forced by "
                                   "naming the site.")
                              : tr("Whether main served was not known; the failover was forced "
                                   "by naming the site."));
                    start(forced);
                });
        dialog->open();
        return;
    }
    QStringList lines;
    for (const DrillStep& step : plan.steps)
        lines.append(QStringLiteral("• ") + DrillText::title(step));
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("%1?").arg(DrillText::mode(plan.mode)),
                        tr("%1 of %2: these %n steps will run.", nullptr, int(plan.steps.size()))
                            .arg(DrillText::mode(plan.mode), m_site.name),
                        QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("drillConfirmation"));
    box->setInformativeText(
        (plan.decisions + QStringList{QString()} + lines).join(QLatin1Char('\n')).trimmed());
    QPushButton* go = box->addButton(DrillText::mode(plan.mode), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, go, plan](QAbstractButton* button) {
        if (button == go)
            start(plan);
    });
    box->open();
}

void DrillView::start(const DrillPlan& plan)
{
    if (m_runner && m_runner->isRunning())
        return;
    withRunner([this, plan] {
        m_stepModel->setRunner(m_runner);
        m_runner->start(plan);
        m_stepModel->setRunner(m_runner);
        updateButtons();
    });
}

void DrillView::setAutoFailoverStatus(const QString& text)
{
    m_autoFailover->setText(text);
    m_autoFailover->setVisible(!text.isEmpty());
}

bool DrillView::startAutomaticFailover(const QDateTime& detectedAt, int deadTimeSeconds)
{
    if ((m_runner && m_runner->isRunning()) || !m_unfinished.isEmpty() || !hasRunner())
        return false;
    DrillPlan plan = DrillPlanner::plan(m_site, DrillMode::EmergencyFailover);
    plan.failureDetectedAt = detectedAt;
    plan.decisions.prepend(
        tr("Automatic failover: main was down from the console since %1 and from backup for "
           "the dead time (%n second(s)); RTO counts from the detection.",
           nullptr, deadTimeSeconds)
            .arg(QLocale().toString(detectedAt.toLocalTime(), QLocale::LongFormat)));
    start(plan);
    return true;
}

void DrillView::cancelDrill()
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
}

void DrillView::onConfirmationNeeded(int index, const QStringList& lines)
{
    closeReview();
    if (!m_runner)
        return;
    const DrillStepRecord& step = m_runner->record().steps.at(index);
    auto* dialog = new ChangeReviewDialog(DrillText::title(step.step), lines, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_review = dialog;
    connect(dialog, &QDialog::accepted, this, [this] {
        if (m_runner)
            m_runner->confirm();
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (m_runner)
            m_runner->cancel();
    });
    dialog->open();
}

void DrillView::closeReview()
{
    if (!m_review)
        return;
    // Closed by the drill's end, not by the user: no answer to give.
    m_review->disconnect(this);
    m_review->close();
    m_review = nullptr;
}

void DrillView::onFinished(const DrillRecord& record)
{
    closeReview();
    reload();
    updateSummary();
    emit drillFinished(record, m_site.targets);
}

void DrillView::showHistoryDrill()
{
    if (m_runner && m_runner->isRunning())
        return;
    const QModelIndex current = m_history->currentIndex();
    if (current.isValid())
        m_stepModel->setRecord(m_historyModel->drill(current.row()));
}

void DrillView::exportReport(bool pdf)
{
    DrillRecord record = m_stepModel->record();
    const QModelIndex current = m_history->currentIndex();
    if (current.isValid() && !(m_runner && m_runner->isRunning()))
        record = m_historyModel->drill(current.row());
    if (record.steps.isEmpty()) {
        tell(this, QMessageBox::Information, tr("Nothing to export"),
             tr("Run a drill or choose one in the history first."));
        return;
    }
    auto* dialog = new QFileDialog(this, pdf ? tr("Export the drill report as PDF")
                                             : tr("Export the drill report as HTML"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(pdf ? tr("PDF documents (*.pdf)") : tr("HTML documents (*.html)"));
    dialog->setDefaultSuffix(pdf ? QStringLiteral("pdf") : QStringLiteral("html"));
    dialog->selectFile(
        QStringLiteral("relais-drill-%1.%2")
            .arg(record.startedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
            .arg(pdf ? QStringLiteral("pdf") : QStringLiteral("html")));
    connect(dialog, &QFileDialog::fileSelected, this, [this, pdf, record](const QString& path) {
        const Result<void> written =
            pdf ? DrillReportFile::writePdf(path, record, m_site.name, m_site.targets)
                : DrillReportFile::writeHtml(path, record, m_site.name, m_site.targets);
        if (!written)
            tell(this, QMessageBox::Warning, tr("Export failed"),
                 tr("The report could not be written to %1: %2")
                     .arg(path, written.error().message()));
    });
    dialog->open();
}

void DrillView::resumeUnfinished()
{
    if (m_unfinished.isEmpty() || (m_runner && m_runner->isRunning()))
        return;
    withRunner([this] {
        if (m_unfinished.isEmpty())
            return;
        const DrillRecord drill = m_unfinished.takeFirst();
        m_unfinishedBar->hide();
        m_stepModel->setRunner(m_runner);
        m_runner->resume(drill);
        m_stepModel->setRunner(m_runner);
        updateButtons();
    });
}

void DrillView::cleanUpUnfinished()
{
    if (m_unfinished.isEmpty() || (m_runner && m_runner->isRunning()))
        return;
    withRunner([this] {
        if (m_unfinished.isEmpty())
            return;
        const DrillRecord drill = m_unfinished.takeFirst();
        m_unfinishedBar->hide();
        m_stepModel->setRunner(m_runner);
        m_runner->cleanUp(drill);
        m_stepModel->setRunner(m_runner);
        updateButtons();
    });
}

} // namespace relais
