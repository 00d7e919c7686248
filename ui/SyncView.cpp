#include "SyncView.h"

#include "SyncRunChart.h"
#include "SyncRunDetails.h"
#include "sync/SyncCanary.h"
#include "sync/SyncHistory.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace relais {

namespace {

QString when(const QDateTime& utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString minutes(qint64 ms)
{
    return SyncView::tr("%1 min").arg(QLocale().toString(ms / 60000.0, 'f', 1));
}

QTableWidgetItem* item(const QString& text)
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return cell;
}

} // namespace

SyncView::SyncView(QWidget* parent)
    : QWidget(parent)
    , m_lockBanner(new QLabel(this))
    , m_jobs(new QTableWidget(0, ColumnCount, this))
    , m_run(new QPushButton(tr("R&un Now"), this))
    , m_dryRun(new QPushButton(tr("Dr&y Run"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_setupKey(new QPushButton(tr("Set Up &Key…"), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_rate(new QLabel(this))
    , m_dryRunList(new QListWidget(this))
    , m_runs(new QTableWidget(0, 6, this))
    , m_chart(new SyncRunChart(this))
    , m_details(new SyncRunDetails(this))
{
    setObjectName(QStringLiteral("syncView"));
    m_lockBanner->setObjectName(QStringLiteral("syncLockBanner"));
    m_lockBanner->setWordWrap(true);
    m_lockBanner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_lockBanner->setFrameShape(QFrame::StyledPanel);
    m_lockBanner->hide();

    m_jobs->setObjectName(QStringLiteral("syncJobs"));
    m_jobs->setAccessibleName(tr("Sync jobs"));
    m_jobs->setHorizontalHeaderLabels({tr("Job"), tr("Direction"), tr("Schedule"), tr("Next run"),
                                       tr("Last result"), tr("Transferred"), tr("RPO now"),
                                       tr("Direction guard")});
    m_jobs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_jobs->verticalHeader()->hide();
    m_jobs->horizontalHeader()->setStretchLastSection(true);
    m_jobs->setTabKeyNavigation(false);

    m_run->setObjectName(QStringLiteral("syncRunButton"));
    m_dryRun->setObjectName(QStringLiteral("syncDryRunButton"));
    m_cancel->setObjectName(QStringLiteral("syncCancelButton"));
    m_run->setToolTip(tr("Copy the selected job's changes to the backup now"));
    m_dryRun->setToolTip(tr("List what the selected job would change, without changing anything"));
    m_cancel->setToolTip(tr("Stop the selected job's run"));
    m_setupKey->setObjectName(QStringLiteral("syncSetupKeyButton"));
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_status->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->hide();
    m_rate->setObjectName(QStringLiteral("syncRate"));

    m_dryRunList->setObjectName(QStringLiteral("syncDryRunList"));
    m_dryRunList->setAccessibleName(tr("What the dry run would change"));
    m_runs->setObjectName(QStringLiteral("syncRuns"));
    m_runs->setAccessibleName(tr("Runs of the selected job"));
    m_runs->setHorizontalHeaderLabels(
        {tr("Start"), tr("End"), tr("Files"), tr("Bytes"), tr("Exit"), tr("Error")});
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->verticalHeader()->hide();
    m_runs->horizontalHeader()->setStretchLastSection(true);
    m_runs->setTabKeyNavigation(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_rate);
    buttons->addWidget(m_setupKey);

    auto* dryBox = new QGroupBox(tr("Dry run"), this);
    auto* dryLayout = new QVBoxLayout(dryBox);
    dryLayout->addWidget(m_dryRunList);
    auto* historyBox = new QGroupBox(tr("Run history"), this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_chart);
    auto* runSplit = new QSplitter(Qt::Vertical, historyBox);
    runSplit->addWidget(m_runs);
    runSplit->addWidget(m_details);
    historyLayout->addWidget(runSplit, 1);
    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(historyBox);
    lower->addWidget(dryBox);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_lockBanner);
    layout->addWidget(m_jobs, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(lower, 2);

    connect(m_jobs, &QTableWidget::itemSelectionChanged, this, [this] {
        loadHistory();
        updateButtons();
    });
    connect(m_runs, &QTableWidget::itemSelectionChanged, this, &SyncView::showSelectedRun);
    // Enter or a double click on a run: to its change list.
    connect(m_runs, &QTableWidget::itemActivated, this, [this] { m_details->focusChanges(); });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (!selectedJob().isEmpty())
            emit runRequested(selectedJob(), false);
    });
    connect(m_dryRun, &QPushButton::clicked, this, [this] {
        if (!selectedJob().isEmpty())
            emit runRequested(selectedJob(), true);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isRunning(selectedJob()))
            emit cancelRequested(selectedJob());
    });
    connect(m_setupKey, &QPushButton::clicked, this, [this] {
        if (!selectedJob().isEmpty() && m_vaultUnlocked)
            emit keySetupRequested(selectedJob());
    });
    updateButtons();
}

QString SyncView::scheduleText(const SyncSchedule& schedule)
{
    switch (schedule.kind) {
    case SyncSchedule::Kind::Every:
        return tr("every %n minute(s)", nullptr, schedule.everyMinutes);
    case SyncSchedule::Kind::Daily:
        return tr("daily at %1").arg(QLocale().toString(schedule.dailyAt, QLocale::ShortFormat));
    case SyncSchedule::Kind::Manual:
        break;
    }
    return tr("on demand");
}

QString SyncView::outcomeText(SyncRunRecord::Outcome outcome)
{
    switch (outcome) {
    case SyncRunRecord::Outcome::Success:
        return tr("succeeded");
    case SyncRunRecord::Outcome::Warning:
        return tr("succeeded with a warning");
    case SyncRunRecord::Outcome::Retry:
    case SyncRunRecord::Outcome::Fail:
        return tr("failed");
    case SyncRunRecord::Outcome::Cancelled:
        break;
    }
    return tr("cancelled");
}

void SyncView::setSite(const Site& site)
{
    m_site = site;
    m_nextRun.clear();
    m_rpo.clear();
    m_last.clear();
    m_skipped.clear();
    m_hostSkip.clear();
    m_running.clear();
    m_dryRunList->clear();
    m_progress->hide();
    m_rate->clear();
    m_status->clear();
    fillJobs();
}

void SyncView::setHistory(SyncHistory* history)
{
    m_history = history;
    m_last.clear();
    if (m_history && m_site) {
        for (const SyncJob& job : m_site->syncJobs) {
            const Result<std::optional<SyncRunRecord>> last = m_history->lastRun(job.name);
            if (last && last->has_value())
                m_last.insert(job.name, **last);
        }
    }
    fillJobs();
    loadHistory();
}

void SyncView::setLock(const std::optional<ReplicationLock::State>& lock)
{
    m_lock = lock;
    if (m_lock) {
        m_lockBanner->setText(
            tr("Replication main → backup is locked since %1: %2 Jobs from main to backup do "
               "not run until failback.")
                .arg(when(m_lock->lockedAt), m_lock->reason));
        m_lockBanner->setAccessibleName(m_lockBanner->text());
        m_lockBanner->show();
    } else {
        m_lockBanner->hide();
    }
    for (int row = 0; row < m_jobs->rowCount(); ++row)
        fillRow(row);
    updateButtons();
}

void SyncView::setNextRun(const QString& job, const std::optional<QDateTime>& at)
{
    m_nextRun.insert(job, at);
    if (const int row = rowOf(job); row >= 0)
        fillRow(row);
}

void SyncView::setRpo(const QString& job, const std::optional<qint64>& ageMs)
{
    m_rpo.insert(job, ageMs);
    if (const int row = rowOf(job); row >= 0)
        fillRow(row);
}

void SyncView::setVaultUnlocked(bool unlocked)
{
    m_vaultUnlocked = unlocked;
    updateButtons();
}

QString SyncView::selectedJob() const
{
    const QList<QTableWidgetItem*> selected = m_jobs->selectedItems();
    if (selected.isEmpty() || !m_site)
        return {};
    const int row = selected.first()->row();
    return row < m_site->syncJobs.size() ? m_site->syncJobs.at(row).name : QString();
}

void SyncView::selectJob(const QString& job)
{
    if (const int row = rowOf(job); row >= 0)
        m_jobs->selectRow(row);
}

int SyncView::rowOf(const QString& job) const
{
    if (!m_site)
        return -1;
    for (int i = 0; i < m_site->syncJobs.size(); ++i) {
        if (m_site->syncJobs.at(i).name == job)
            return i;
    }
    return -1;
}

bool SyncView::lockApplies(const SyncJob&) const
{
    // Push and pull both copy main → backup: the lock holds both.
    return m_lock.has_value();
}

void SyncView::fillJobs()
{
    const QString selected = selectedJob();
    m_jobs->setRowCount(m_site ? int(m_site->syncJobs.size()) : 0);
    for (int row = 0; row < m_jobs->rowCount(); ++row)
        fillRow(row);
    m_jobs->resizeColumnsToContents();
    if (m_jobs->rowCount() > 0)
        selectJob(selected.isEmpty() ? m_site->syncJobs.first().name : selected);
    updateButtons();
}

void SyncView::fillRow(int row)
{
    if (!m_site || row >= m_site->syncJobs.size())
        return;
    const SyncJob& job = m_site->syncJobs.at(row);
    m_jobs->setItem(row, NameColumn, item(job.name));
    m_jobs->setItem(row, DirectionColumn,
                    item(job.direction == SyncJob::Direction::Push ? tr("push from main")
                                                                   : tr("pull by backup")));
    m_jobs->setItem(row, ScheduleColumn, item(scheduleText(job.schedule)));

    const std::optional<QDateTime> next = m_nextRun.value(job.name);
    m_jobs->setItem(row, NextRunColumn,
                    item(job.schedule.kind == SyncSchedule::Kind::Manual ? tr("on demand")
                         : next                                          ? when(*next)
                                                                         : tr("not scheduled")));

    QString last;
    QString transfer;
    if (m_running.contains(job.name)) {
        last = m_running.value(job.name) ? tr("dry run…") : tr("running…");
    } else if (m_skipped.contains(job.name)) {
        last = tr("skipped: %1").arg(m_skipped.value(job.name));
    } else if (const QDateTime skip = m_hostSkip.value(job.name);
               skip.isValid() &&
               (!m_last.contains(job.name) || m_last.value(job.name).endedAt < skip)) {
        last = tr("still running on its host at %1").arg(when(skip));
    } else if (m_last.contains(job.name)) {
        const SyncRunRecord& run = m_last.value(job.name);
        last = tr("%1 at %2").arg(outcomeText(run.outcome), when(run.endedAt));
    } else {
        last = tr("never run");
    }
    if (m_last.contains(job.name)) {
        const SyncRunRecord& run = m_last.value(job.name);
        transfer = tr("%n file(s), %1", nullptr, int(std::max<qint64>(0, run.files)))
                       .arg(QLocale().formattedDataSize(std::max<qint64>(0, run.bytes)));
    }
    m_jobs->setItem(row, LastResultColumn, item(last));
    m_jobs->setItem(row, TransferColumn, item(transfer));

    const std::optional<qint64> age = m_rpo.value(job.name);
    const qint64 targetMs = qint64(m_site->targets.rpoMinutes) * 60000;
    QTableWidgetItem* rpo =
        item(age ? tr("%1 (target %2)").arg(minutes(*age), minutes(targetMs)) : tr("unknown"));
    if (age && *age > targetMs) {
        rpo->setForeground(Qt::red);
        rpo->setToolTip(tr("The backup's copy is older than the site's RPO target."));
    }
    m_jobs->setItem(row, RpoColumn, rpo);

    QTableWidgetItem* lock = item(
        lockApplies(job) ? tr("locked since %1: %2").arg(when(m_lock->lockedAt), m_lock->reason)
                         : tr("not locked"));
    if (lockApplies(job)) {
        lock->setForeground(Qt::red);
        lock->setToolTip(lock->text());
    }
    m_jobs->setItem(row, LockColumn, lock);
}

void SyncView::loadHistory()
{
    const QString job = selectedJob();
    QList<SyncRunRecord> runs;
    if (m_history && !job.isEmpty()) {
        const Result<QList<SyncRunRecord>> recent = m_history->recent(job);
        if (recent)
            runs = *recent;
    }
    QList<SyncRunRecord> real;
    for (const SyncRunRecord& run : runs) {
        if (!run.dryRun)
            real.append(run);
    }
    m_shownRuns = real;
    const QSignalBlocker blocker(m_runs);
    m_runs->setRowCount(int(real.size()));
    for (int row = 0; row < real.size(); ++row) {
        const SyncRunRecord& run = real.at(row);
        m_runs->setItem(row, 0, item(when(run.startedAt)));
        m_runs->setItem(row, 1, item(when(run.endedAt)));
        m_runs->setItem(row, 2,
                        item(run.files >= 0 ? QLocale().toString(run.files) : tr("unknown")));
        m_runs->setItem(
            row, 3, item(run.bytes >= 0 ? QLocale().formattedDataSize(run.bytes) : tr("unknown")));
        m_runs->setItem(row, 4,
                        item(run.exitStatus >= 0 ? QString::number(run.exitStatus) : tr("none")));
        const bool good = run.outcome == SyncRunRecord::Outcome::Success;
        m_runs->setItem(row, 5, item(good ? QString() : run.message));
    }
    m_runs->resizeColumnsToContents();
    m_chart->setRuns(real);
    // The newest run's details until another is chosen.
    if (!real.isEmpty())
        m_runs->selectRow(0);
    showSelectedRun();
}

void SyncView::showSelectedRun()
{
    const QList<QTableWidgetItem*> selected = m_runs->selectedItems();
    const int row = selected.isEmpty() ? -1 : selected.first()->row();
    if (row < 0 || row >= m_shownRuns.size()) {
        m_details->setRun(std::nullopt);
        return;
    }
    SyncRunRecord run = m_shownRuns.at(row);
    if (m_history && run.itemCount > 0) {
        const Result<QList<RsyncItem>> items = m_history->items(run.job, run.startedAt);
        if (items)
            run.items = *items;
    }
    m_details->setRun(run);
}

void SyncView::updateButtons()
{
    const QString job = selectedJob();
    const bool running = isRunning(job);
    const int row = rowOf(job);
    const bool locked = row >= 0 && lockApplies(m_site->syncJobs.at(row));
    m_run->setEnabled(!job.isEmpty() && !running && !locked);
    m_run->setToolTip(locked ? tr("Replication main → backup is locked until failback")
                             : tr("Copy the selected job's changes to the backup now"));
    m_dryRun->setEnabled(!job.isEmpty() && !running);
    m_cancel->setEnabled(running);
    m_setupKey->setEnabled(!job.isEmpty() && m_vaultUnlocked);
    m_setupKey->setToolTip(
        job.isEmpty()      ? tr("Select a sync job first")
        : !m_vaultUnlocked ? tr("Unlock the vault first (Tools ▸ Credentials…): the key is set "
                                "up with the site's SSH keys")
                           : tr("Make the selected job's replication key on the host that starts "
                                "its copies and authorize it on the other host"));
}

void SyncView::runStarted(const QString& job, bool dryRun)
{
    m_running.insert(job, dryRun);
    m_skipped.remove(job);
    if (dryRun && job == selectedJob())
        m_dryRunList->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("%1: %p%").arg(job));
    m_progress->show();
    m_rate->clear();
    m_status->setText(dryRun ? tr("Dry run of %1…").arg(job) : tr("Running %1…").arg(job));
    if (const int row = rowOf(job); row >= 0)
        fillRow(row);
    updateButtons();
}

void SyncView::showProgress(const QString& job, const RsyncProgress& progress)
{
    if (!m_running.contains(job))
        return;
    m_progress->setValue(std::clamp(progress.percent, 0, 100));
    m_progress->setFormat(tr("%1: %p%").arg(job));
    const QString eta = progress.etaSeconds >= 0
                            ? QStringLiteral("%1:%2")
                                  .arg(progress.etaSeconds / 60)
                                  .arg(progress.etaSeconds % 60, 2, 10, QLatin1Char('0'))
                            : tr("unknown");
    m_rate->setText(
        tr("%1/s, ETA %2")
            .arg(QLocale().formattedDataSize(std::max<qint64>(0, progress.bytesPerSecond)), eta));
}

void SyncView::runFinished(const SyncRunRecord& record, const QList<RsyncItem>& items)
{
    const bool dryRun = m_running.value(record.job, record.dryRun);
    m_running.remove(record.job);
    if (m_running.isEmpty()) {
        m_progress->hide();
        m_rate->clear();
    }
    if (dryRun) {
        m_dryRunList->clear();
        for (const RsyncItem& change : items) {
            if (change.path == QLatin1String(SyncCanary::FileName) ||
                change.path == QStringLiteral("./"))
                continue;
            m_dryRunList->addItem(change.flags + QLatin1Char(' ') + change.path);
        }
        if (m_dryRunList->count() == 0)
            m_dryRunList->addItem(tr("Nothing would change."));
    } else {
        m_last.insert(record.job, record);
    }
    m_status->setText(
        tr("%1: %2. %3").arg(record.job, outcomeText(record.outcome), record.message).trimmed());
    if (const int row = rowOf(record.job); row >= 0)
        fillRow(row);
    if (record.job == selectedJob())
        loadHistory();
    updateButtons();
}

void SyncView::hostStartSkipped(const QString& job, const QDateTime& at)
{
    if (m_hostSkip.value(job).isValid() && m_hostSkip.value(job) >= at)
        return;
    m_hostSkip.insert(job, at);
    if (const int row = rowOf(job); row >= 0)
        fillRow(row);
}

void SyncView::runSkipped(const QString& job, const QString& reason)
{
    m_skipped.insert(job, reason);
    m_status->setText(tr("%1 did not run: %2").arg(job, reason));
    if (const int row = rowOf(job); row >= 0)
        fillRow(row);
}

} // namespace relais
