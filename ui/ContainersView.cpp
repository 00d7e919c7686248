#include "ContainersView.h"

#include "ContainerActionRunner.h"
#include "ErrorText.h"
#include "HealthText.h"
#include "InstanceTableModel.h"
#include "NewSnapshotDialog.h"
#include "SnapshotSettingsDialog.h"
#include "SnapshotTimeline.h"
#include "UiLogging.h"
#include "common/Clock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdReplicationHistory.h"
#include "lxd/LxdReplicationJob.h"
#include "lxd/LxdSafeRestoreJob.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace relais {

namespace {

/// How long a clean stop or restart waits for the container to shut down.
constexpr int StopTimeoutSeconds = 30;

} // namespace

ContainersView::ContainersView(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new InstanceTableModel(this))
    , m_runner(new ContainerActionRunner(this))
    , m_pages(new QStackedWidget(this))
    , m_lockedPage(new QWidget(this))
    , m_hosts(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_snapshots(new QComboBox(this))
    , m_timeline(new SnapshotTimeline(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Ca&ncel"), this))
    , m_cancelShortcut(new QShortcut(QKeySequence(Qt::Key_Escape), this))
{
    setObjectName(QStringLiteral("containersView"));

    // Locked: one sentence and a way to unlock.
    auto* lockedText = new QLabel(tr("Unlock the vault to see the containers."), m_lockedPage);
    lockedText->setObjectName(QStringLiteral("containersLocked"));
    lockedText->setAlignment(Qt::AlignCenter);
    lockedText->setWordWrap(true);
    auto* unlock = new QPushButton(tr("&Unlock the vault…"), m_lockedPage);
    unlock->setObjectName(QStringLiteral("containersUnlock"));
    connect(unlock, &QPushButton::clicked, this, &ContainersView::vaultNeeded);
    auto* lockedLayout = new QVBoxLayout(m_lockedPage);
    lockedLayout->addStretch();
    lockedLayout->addWidget(lockedText);
    lockedLayout->addWidget(unlock, 0, Qt::AlignHCenter);
    lockedLayout->addStretch();

    m_refreshAction = makeAction(tr("R&efresh"), QKeySequence::Refresh,
                                 QStringLiteral("containersRefresh"), &ContainersView::refresh);
    m_start = makeAction(tr("S&tart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                         QStringLiteral("containerStart"), &ContainersView::startSelected);
    m_stop = makeAction(tr("St&op"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                        QStringLiteral("containerStop"), &ContainersView::stopSelected);
    m_stop->setToolTip(tr("Shut the container down cleanly (waits up to %n second(s))", nullptr,
                          StopTimeoutSeconds));
    m_forceStop =
        makeAction(tr("&Force stop"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                   QStringLiteral("containerForceStop"), &ContainersView::forceStopSelected);
    m_forceStop->setToolTip(tr("Kill the container at once, without a clean shutdown"));
    m_restart = makeAction(tr("&Restart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                           QStringLiteral("containerRestart"), &ContainersView::restartSelected);
    m_snapshot = makeAction(tr("&Snapshot…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                            QStringLiteral("containerSnapshot"), &ContainersView::snapshotSelected);
    m_restore = makeAction(tr("Restore s&napshot…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                           QStringLiteral("containerRestore"), &ContainersView::restoreSelected);
    m_deleteSnapshot = makeAction(
        tr("&Delete snapshot…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
        QStringLiteral("containerDeleteSnapshot"), &ContainersView::deleteSnapshotSelected);
    m_settings = makeAction(
        tr("Snapshot sc&hedule…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        QStringLiteral("containerSnapshotSettings"), &ContainersView::editSnapshotSettings);
    m_replicate =
        makeAction(tr("Re&plicate to backup"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                   QStringLiteral("containerReplicate"), &ContainersView::replicateSelected);

    // The host and the actions.
    m_hosts->setObjectName(QStringLiteral("containersHost"));
    m_hosts->addItem(HealthText::roleName(HostRole::Main), int(HostRole::Main));
    m_hosts->addItem(HealthText::roleName(HostRole::Backup), int(HostRole::Backup));
    connect(m_hosts, &QComboBox::activated, this,
            [this](int index) { setHost(HostRole(m_hosts->itemData(index).toInt())); });
    auto* hostLabel = new QLabel(tr("H&ost:"), this);
    hostLabel->setBuddy(m_hosts);
    auto* toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("containersToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_refreshAction);
    toolBar->addSeparator();
    toolBar->addActions({m_start, m_stop, m_forceStop, m_restart});
    toolBar->addSeparator();
    toolBar->addActions({m_snapshot, m_restore, m_deleteSnapshot, m_settings});
    toolBar->addSeparator();
    toolBar->addAction(m_replicate);
    auto* top = new QHBoxLayout;
    top->addWidget(hostLabel);
    top->addWidget(m_hosts);
    top->addStretch();

    // The instances.
    m_table->setObjectName(QStringLiteral("containersTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setAccessibleName(tr("Containers"));
    connect(m_table, &QWidget::customContextMenuRequested, this, &ContainersView::contextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ContainersView::onSelectionChanged);

    // The selected instance's snapshots.
    m_snapshots->setObjectName(QStringLiteral("containerSnapshots"));
    m_snapshots->setMinimumContentsLength(24);
    auto* snapshotLabel = new QLabel(tr("Sna&pshot:"), this);
    snapshotLabel->setBuddy(m_snapshots);
    connect(m_snapshots, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_snapshots->currentData().toString();
        int index = -1;
        for (int i = 0; i < m_timeline->snapshots().size(); ++i) {
            if (m_timeline->snapshots().at(i).name == name)
                index = i;
        }
        m_timeline->setSelected(index);
        updateActions();
    });
    connect(m_timeline, &SnapshotTimeline::snapshotClicked, this,
            [this](const QString& name) { selectSnapshot(name); });
    auto* snapshotRow = new QHBoxLayout;
    snapshotRow->addWidget(snapshotLabel);
    snapshotRow->addWidget(m_snapshots);
    snapshotRow->addStretch();

    // The running action.
    m_status->setObjectName(QStringLiteral("containersStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("containersProgress"));
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("containersCancel"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &ContainersView::cancelAction);
    // Escape as well as the button's mnemonic (setShortcut() would replace it).
    // Enabled only with the button: Escape is free otherwise.
    m_cancelShortcut->setObjectName(QStringLiteral("containersCancelShortcut"));
    m_cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    m_cancelShortcut->setEnabled(false);
    connect(m_cancelShortcut, &QShortcut::activated, this, [this] {
        if (m_cancel->isVisible() && m_cancel->isEnabled())
            m_cancel->click();
    });
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);

    auto* sitePage = new QWidget(this);
    auto* siteLayout = new QVBoxLayout(sitePage);
    siteLayout->setContentsMargins(0, 0, 0, 0);
    siteLayout->addLayout(top);
    siteLayout->addWidget(toolBar);
    siteLayout->addWidget(m_table, 1);
    siteLayout->addLayout(snapshotRow);
    siteLayout->addWidget(m_timeline);
    siteLayout->addLayout(statusRow);

    m_pages->addWidget(m_lockedPage);
    m_pages->addWidget(sitePage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    connect(m_runner, &ContainerActionRunner::started, this, &ContainersView::onActionStarted);
    connect(m_runner, &ContainerActionRunner::progress, this, &ContainersView::onActionProgress);
    connect(m_runner, &ContainerActionRunner::finished, this, &ContainersView::onActionFinished);
    connect(m_runner, &ContainerActionRunner::cancellableChanged, this,
            &ContainersView::updateCancel);

    m_refreshTimer.setInterval(10000);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ContainersView::refresh);

    m_pages->setCurrentWidget(m_lockedPage);
    updateActions();
}

ContainersView::~ContainersView()
{
    // A listing or a settings read still running goes with the view; the
    // runner, a child, cancels its own job.
    delete m_listing;
    delete m_settingsRead;
}

QAction* ContainersView::makeAction(const QString& text, const QKeySequence& shortcut,
                                    const QString& name, void (ContainersView::*slot)())
{
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    // Only while the focus is in this view: other tabs keep their keys.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!shortcut.isEmpty())
        action->setToolTip(QStringLiteral("%1 (%2)")
                               .arg(text, shortcut.toString(QKeySequence::NativeText))
                               .remove(QLatin1Char('&')));
    connect(action, &QAction::triggered, this, slot);
    QWidget::addAction(action);
    return action;
}

void ContainersView::setClientProvider(ClientProvider provider)
{
    m_releasePending = false;
    if (!provider) {
        // The clients are going: nothing may keep using them (the end of
        // a cancelled action must not list again with them).
        m_provider = nullptr;
        // Settings saved meanwhile are said not saved from here on.
        m_notice.clear();
        if (m_runner->isRunning())
            m_runner->cancel();
        // A job that does not end at once (a replication waiting for the
        // backup, or one that cannot be cancelled) would outlive them.
        if (m_runner->isRunning())
            m_runner->abort();
        for (const SettingsSave& save : std::exchange(m_queuedSaves, {}))
            settingsNotSaved(save, tr("the vault was locked."));
        m_listAgain = false;
        delete m_listing;
        delete m_settingsRead;
        m_model->clear();
        m_timeline->clear();
        m_earlierOutcome.clear();
        m_actionText.clear();
        m_listingError.clear();
        updateStatus();
    }
    m_provider = std::move(provider);
    m_pages->setCurrentWidget(m_provider ? m_pages->widget(1) : m_lockedPage);
    updateActions();
    if (m_provider && isVisible()) {
        // Also after a lock that waited for an action, which stopped it.
        m_refreshTimer.start();
        refresh();
    }
}

void ContainersView::releaseClientProviderWhenIdle()
{
    if (!m_provider)
        return;
    if (m_runner->isRunning()) {
        m_releasePending = true;
        m_refreshTimer.stop();
        updateActions();
        return;
    }
    setClientProvider({});
    emit clientProviderReleased();
}

void ContainersView::setReplicationHistory(LxdReplicationHistory* history)
{
    m_history = history;
    updateBackupCopies();
}

void ContainersView::setHost(HostRole role)
{
    m_hosts->setCurrentIndex(m_hosts->findData(int(role)));
    if (role == m_host)
        return;
    m_host = role;
    m_listAgain = false;
    delete m_listing;
    // The other host's listing failure is not this one's.
    m_listingError.clear();
    updateStatus();
    m_model->clear();
    m_timeline->clear();
    m_table->setColumnHidden(InstanceTableModel::BackupCopyColumn, role != HostRole::Main);
    updateBackupCopies();
    updateActions();
    refresh();
}

void ContainersView::setRefreshIntervalMs(int ms)
{
    m_refreshTimer.setInterval(ms);
}

void ContainersView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_releasePending)
        return;
    m_refreshTimer.start();
    refresh();
}

void ContainersView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_refreshTimer.stop();
}

LxdClient* ContainersView::client()
{
    if (!m_provider)
        return nullptr;
    Result<LxdClient*> client = m_provider(m_host);
    if (!client) {
        m_notice = errorText(tr("No LXD on %1.").arg(HealthText::roleName(m_host)), client.error());
        updateStatus();
        return nullptr;
    }
    return *client;
}

void ContainersView::refresh()
{
    if (m_listing || m_releasePending || !m_provider)
        return;
    Result<LxdClient*> lxd = m_provider(m_host);
    if (!lxd) {
        m_listingError =
            errorText(tr("No LXD on %1.").arg(HealthText::roleName(m_host)), lxd.error());
        updateStatus();
        return;
    }
    LxdOperation* op = (*lxd)->listInstances();
    op->setTimeout(30000);
    m_listing = op;
    const HostRole role = m_host;
    connect(op, &LxdOperation::finished, this, [this, op, role] { onListed(op, role); });
    op->start();
}

void ContainersView::onListed(LxdOperation* op, HostRole role)
{
    op->deleteLater();
    m_listing = nullptr;
    if (role != m_host)
        return;
    if (std::exchange(m_listAgain, false)) {
        // Asked before the last action ended: its changes may be missing.
        refresh();
        return;
    }
    const Result<QJsonValue>& result = op->result();
    Result<QList<LxdInstance>> instances =
        result ? LxdInstance::listFromJson(*result) : Result<QList<LxdInstance>>(result.error());
    if (!instances) {
        // Beside the last action's outcome, never instead of it: a failed
        // action is often why the listing fails too.
        m_listingError =
            errorText(tr("Cannot list the containers of %1.").arg(HealthText::roleName(role)),
                      instances.error());
        updateStatus();
        emit refreshed(false);
        return;
    }
    const QString selected = selectedInstance();
    const QString snapshot = selectedSnapshot();
    const bool first = m_model->rowCount() == 0;
    m_model->setInstances(std::move(*instances), m_clock.now());
    // Sized to the first list of a host; later the user's widths stay.
    if (first)
        m_table->resizeColumnsToContents();
    updateBackupCopies();
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_table->selectRow(row);
    onSelectionChanged();
    if (!snapshot.isEmpty())
        selectSnapshot(snapshot);
    // A listing that worked clears an old listing error, not an action's outcome.
    m_listingError.clear();
    updateStatus();
    emit refreshed(true);
}

void ContainersView::updateBackupCopies()
{
    if (m_host != HostRole::Main || !m_history) {
        m_model->setBackupCopies(std::nullopt);
        return;
    }
    QHash<QString, QDateTime> copies;
    for (const LxdInstance& instance : m_model->instances()) {
        const auto last = m_history->lastSuccess(instance.name);
        if (!last) {
            m_model->setBackupCopies(std::nullopt);
            return;
        }
        if (last->has_value())
            copies.insert(instance.name, (*last)->endedAt);
    }
    m_model->setBackupCopies(std::move(copies));
}

bool ContainersView::selectInstance(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    onSelectionChanged();
    return true;
}

QString ContainersView::selectedInstance() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const LxdInstance* instance = m_model->instance(rows.first().row());
    return instance ? instance->name : QString();
}

QString ContainersView::selectedSnapshot() const
{
    return m_snapshots->currentData().toString();
}

bool ContainersView::selectSnapshot(const QString& name)
{
    const int index = m_snapshots->findData(name);
    if (index < 0)
        return false;
    m_snapshots->setCurrentIndex(index);
    return true;
}

void ContainersView::onSelectionChanged()
{
    const QString name = selectedInstance();
    const LxdInstance* instance = m_model->instance(m_model->rowOf(name));
    const QString previous = selectedSnapshot();
    {
        const QSignalBlocker blocker(m_snapshots);
        m_snapshots->clear();
        if (instance) {
            // Newest first: the one most often restored.
            for (qsizetype i = instance->snapshots.size() - 1; i >= 0; --i) {
                const LxdSnapshot& s = instance->snapshots.at(i);
                m_snapshots->addItem(s.name, s.name);
            }
        }
    }
    if (instance)
        m_timeline->setSnapshots(instance->name, instance->snapshots, m_model->now());
    else
        m_timeline->clear();
    if (previous.isEmpty() || !selectSnapshot(previous)) {
        // Keep the timeline's highlight on the selector's choice.
        const int index = m_snapshots->currentIndex();
        m_snapshots->setCurrentIndex(-1);
        m_snapshots->setCurrentIndex(index);
    }
    updateActions();
}

void ContainersView::updateActions()
{
    const bool ready = m_provider && !m_runner->isRunning() && !m_releasePending;
    const LxdInstance* instance = m_model->instance(m_model->rowOf(selectedInstance()));
    const bool selected = ready && instance;
    const bool running = selected && instance->isRunning();
    const bool hasSnapshot = selected && !selectedSnapshot().isEmpty();
    m_refreshAction->setEnabled(m_provider && !m_releasePending);
    m_hosts->setEnabled(!m_runner->isRunning());
    m_start->setEnabled(selected && !running);
    m_stop->setEnabled(running);
    m_forceStop->setEnabled(running);
    m_restart->setEnabled(running);
    m_snapshot->setEnabled(selected);
    m_restore->setEnabled(hasSnapshot);
    m_deleteSnapshot->setEnabled(hasSnapshot);
    m_settings->setEnabled(selected && !m_settingsRead);
    m_replicate->setEnabled(selected && m_host == HostRole::Main);
    m_snapshots->setEnabled(selected);
}

void ContainersView::runOperation(const QString& description, LxdOperation* op)
{
    m_runner->run(description, op);
}

void ContainersView::startSelected()
{
    const QString name = selectedInstance();
    LxdClient* lxd = name.isEmpty() || m_runner->isRunning() ? nullptr : client();
    if (!lxd)
        return;
    runOperation(tr("Starting %1…").arg(name), lxd->startInstance(name));
}

void ContainersView::stopSelected()
{
    const QString name = selectedInstance();
    LxdClient* lxd = name.isEmpty() || m_runner->isRunning() ? nullptr : client();
    if (!lxd)
        return;
    runOperation(tr("Stopping %1 (waiting up to %n second(s) for a clean shutdown)…", nullptr,
                    StopTimeoutSeconds)
                     .arg(name),
                 lxd->stopInstance(name, StopTimeoutSeconds));
}

void ContainersView::forceStopSelected()
{
    const QString name = selectedInstance();
    LxdClient* lxd = name.isEmpty() || m_runner->isRunning() ? nullptr : client();
    if (!lxd)
        return;
    runOperation(tr("Forcing %1 to stop…").arg(name), lxd->stopInstance(name, 0, true));
}

void ContainersView::restartSelected()
{
    const QString name = selectedInstance();
    LxdClient* lxd = name.isEmpty() || m_runner->isRunning() ? nullptr : client();
    if (!lxd)
        return;
    runOperation(tr("Restarting %1…").arg(name), lxd->restartInstance(name, StopTimeoutSeconds));
}

void ContainersView::snapshotSelected()
{
    const QString name = selectedInstance();
    if (name.isEmpty() || m_runner->isRunning() || !m_provider)
        return;
    auto* dialog = new NewSnapshotDialog(name, m_clock.now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const HostRole role = m_host;
    connect(dialog, &QDialog::accepted, this, [this, dialog, name, role] {
        if (role == m_host && selectedInstance() == name)
            takeSnapshot(dialog->snapshotName(), dialog->expiresAt());
    });
    dialog->open();
}

void ContainersView::takeSnapshot(const QString& snapshot, const QDateTime& expiresAt)
{
    const QString name = selectedInstance();
    LxdClient* lxd = name.isEmpty() || m_runner->isRunning() ? nullptr : client();
    if (!lxd || snapshot.isEmpty())
        return;
    // LXD refuses to cancel a snapshot.
    m_runner->run(tr("Taking the snapshot %1 of %2…").arg(snapshot, name),
                  lxd->createSnapshot(name, snapshot, expiresAt), false);
}

void ContainersView::restoreSelected()
{
    const QString name = selectedInstance();
    const QString snapshot = selectedSnapshot();
    if (name.isEmpty() || snapshot.isEmpty() || m_runner->isRunning() || !m_provider)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Restore %1").arg(name),
                                tr("Restore %1 to its snapshot %2?").arg(name, snapshot),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("restoreConfirm"));
    box->setInformativeText(
        tr("Everything written in %1 since that snapshot is replaced. Relais first takes a "
           "safety snapshot of the current state (kept 7 days), so this can be undone.")
            .arg(name));
    QPushButton* restore = box->addButton(tr("&Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreConfirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, restore, name, snapshot] {
        if (box->clickedButton() != restore || m_runner->isRunning())
            return;
        LxdClient* lxd = client();
        if (!lxd)
            return;
        auto* job = new LxdSafeRestoreJob(lxd, name, snapshot, m_clock);
        m_runner->run(tr("Restoring %1 to %2…").arg(name, snapshot), job);
    });
    box->open();
}

void ContainersView::deleteSnapshotSelected()
{
    const QString name = selectedInstance();
    const QString snapshot = selectedSnapshot();
    if (name.isEmpty() || snapshot.isEmpty() || m_runner->isRunning() || !m_provider)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete snapshot"),
                                tr("Delete the snapshot %1 of %2?").arg(snapshot, name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteSnapshotConfirm"));
    box->setInformativeText(tr("The snapshot cannot be brought back."));
    QPushButton* remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteSnapshotConfirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, name, snapshot] {
        if (box->clickedButton() != remove || m_runner->isRunning())
            return;
        LxdClient* lxd = client();
        if (!lxd)
            return;
        m_runner->run(tr("Deleting the snapshot %1 of %2…").arg(snapshot, name),
                      lxd->deleteSnapshot(name, snapshot), false);
    });
    box->open();
}

void ContainersView::editSnapshotSettings()
{
    const QString name = selectedInstance();
    LxdClient* lxd = name.isEmpty() || m_runner->isRunning() || m_settingsRead ? nullptr : client();
    if (!lxd)
        return;
    LxdOperation* op = lxd->instance(name);
    op->setTimeout(30000);
    m_settingsRead = op;
    m_notice = tr("Reading the snapshot settings of %1…").arg(name);
    updateStatus();
    updateActions();
    const HostRole role = m_host;
    connect(op, &LxdOperation::finished, this, [this, op, name, role] {
        op->deleteLater();
        m_settingsRead = nullptr;
        updateActions();
        // The fields hold the container's own keys, the profile's values
        // shown where it has none: saving must not pin those on it.
        Result<LxdSnapshotSettings> own =
            op->result() ? LxdSnapshotSettings::fromInstanceJson(*op->result(),
                                                                 LxdSnapshotSettings::Scope::Own)
                         : Result<LxdSnapshotSettings>(op->result().error());
        Result<LxdSnapshotSettings> effective =
            own ? LxdSnapshotSettings::fromInstanceJson(*op->result()) : own;
        if (!own || !effective) {
            m_notice = errorText(tr("Cannot read the snapshot settings of %1.").arg(name),
                                 !own ? own.error() : effective.error());
            updateStatus();
            return;
        }
        m_notice.clear();
        updateStatus();
        auto* dialog = new SnapshotSettingsDialog(name, *own, *effective, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QString key = unsavedKey(role, name);
        // What the user typed last time and could not be saved comes back.
        if (m_unsavedSettings.contains(key))
            dialog->setUnsavedSettings(m_unsavedSettings.value(key));
        connect(dialog, &QDialog::accepted, this, [this, dialog, name, role, key] {
            // Only what the user changed is written.
            const QJsonObject changes = dialog->changedConfig();
            if (changes.isEmpty()) {
                m_unsavedSettings.remove(key);
                return;
            }
            // Kept until LXD has them: never lost to an action or a lock.
            m_unsavedSettings.insert(key, dialog->settings());
            saveSnapshotSettings({name, role, changes});
        });
        connect(dialog, &QDialog::rejected, this, [this, key] { m_unsavedSettings.remove(key); });
        dialog->open();
    });
    op->start();
}

void ContainersView::replicateSelected()
{
    const QString name = selectedInstance();
    if (name.isEmpty() || m_runner->isRunning() || !m_provider || m_host != HostRole::Main)
        return;
    Result<LxdClient*> main = m_provider(HostRole::Main);
    Result<LxdClient*> backup =
        main ? m_provider(HostRole::Backup) : Result<LxdClient*>(static_cast<LxdClient*>(nullptr));
    if (!main || !backup) {
        m_notice =
            errorText(tr("Cannot replicate %1.").arg(name), !main ? main.error() : backup.error());
        updateStatus();
        return;
    }
    auto* job = new LxdReplicationJob(*main, *backup, name);
    job->setHistory(m_history);
    m_runner->run(tr("Replicating %1 to the backup…").arg(name), job);
}

void ContainersView::cancelAction()
{
    if (m_runner->canCancel()) {
        m_actionText = tr("Cancelling…");
        updateStatus();
        m_runner->cancel();
    }
}

void ContainersView::onActionStarted(const QString& description)
{
    // A new action is what the user looks at now; a queued save keeps the
    // outcome of the action it waited for.
    if (!std::exchange(m_startingQueuedSave, false))
        m_earlierOutcome.clear();
    else if (!m_actionText.isEmpty())
        m_earlierOutcome = m_earlierOutcome.isEmpty()
                               ? m_actionText
                               : m_earlierOutcome + QLatin1Char('\n') + m_actionText;
    m_notice.clear();
    noteQueuedSaves();
    m_actionText = description;
    updateStatus();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    updateCancel();
    updateActions();
}

void ContainersView::updateCancel()
{
    const bool can = m_runner->canCancel();
    m_cancel->setEnabled(can);
    m_cancelShortcut->setEnabled(can);
    m_cancel->setToolTip(can ? QString() : m_runner->whyNoCancel());
}

void ContainersView::onActionProgress(const QString& text, int percent)
{
    m_actionText = text.isEmpty() ? m_runner->description()
                                  : QStringLiteral("%1 %2").arg(m_runner->description(), text);
    updateStatus();
    if (percent >= 0) {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    } else {
        m_progress->setRange(0, 0);
    }
}

void ContainersView::onActionFinished(bool ok)
{
    m_progress->hide();
    m_cancel->hide();
    m_cancelShortcut->setEnabled(false);
    const Result<QString>& result = *m_runner->result();
    QString description = m_runner->description();
    if (description.endsWith(QChar(0x2026)))
        description.chop(1);
    if (ok) {
        QString text = tr("%1: done.").arg(description);
        if (!result->isEmpty())
            text += QLatin1Char(' ') + tr("Safety snapshot: %1.").arg(*result);
        m_actionText = text;
    } else {
        m_actionText = errorText(description, result.error());
        if (!m_runner->note().isEmpty())
            m_actionText += QLatin1Char('\n') + m_runner->note();
    }
    if (const std::optional<SettingsSave> save = std::exchange(m_runningSave, std::nullopt)) {
        if (ok)
            m_unsavedSettings.remove(unsavedKey(save->role, save->instance));
        else
            m_actionText +=
                QLatin1Char('\n') + tr("What you typed is kept: choose Snapshot schedule… again to "
                                       "save it.");
    }
    updateStatus();
    updateActions();
    emit actionFinished(ok);
    if (m_releasePending) {
        // The vault locked meanwhile: the connections go now.
        setClientProvider({});
        emit clientProviderReleased();
        return;
    }
    if (!m_queuedSaves.isEmpty() && !m_runner->isRunning()) {
        // Saved while this action ran: written now, this outcome kept in sight.
        const SettingsSave save = m_queuedSaves.takeFirst();
        m_startingQueuedSave = true;
        saveSnapshotSettings(save);
        m_startingQueuedSave = false;
    }
    // What the action changed shows at once, even when a listing started
    // before it ended is on its way.
    updateBackupCopies();
    if (m_listing)
        m_listAgain = true;
    else
        refresh();
}

QString ContainersView::errorText(const QString& what, const Error& error)
{
    // The translated sentence, then LXD's own words.
    QString text = what + QLatin1Char(' ') + ErrorText::summary(error);
    if (!error.message().isEmpty())
        text += QLatin1Char('\n') + error.message();
    return text;
}

void ContainersView::updateStatus()
{
    QStringList parts;
    for (const QString* part : {&m_earlierOutcome, &m_actionText, &m_notice, &m_listingError}) {
        if (!part->isEmpty())
            parts << *part;
    }
    m_status->setText(parts.join(QLatin1Char('\n')));
}

QString ContainersView::unsavedKey(HostRole role, const QString& instance)
{
    return QString::number(int(role)) + QLatin1Char('/') + instance;
}

bool ContainersView::hasUnsavedSettings(HostRole role, const QString& instance) const
{
    return m_unsavedSettings.contains(unsavedKey(role, instance));
}

void ContainersView::forgetUnsavedSettings()
{
    m_unsavedSettings.clear();
}

void ContainersView::saveSnapshotSettings(const SettingsSave& save)
{
    if (!m_provider || m_releasePending) {
        settingsNotSaved(save, tr("the vault was locked."));
        return;
    }
    if (save.role != m_host) {
        settingsNotSaved(save, tr("the view shows %1 now.").arg(HealthText::roleName(m_host)));
        return;
    }
    if (m_runner->isRunning()) {
        // One action at a time: this one waits for the running one's end.
        m_queuedSaves.append(save);
        noteQueuedSaves();
        updateStatus();
        return;
    }
    const Result<LxdClient*> lxd = m_provider(save.role);
    if (!lxd) {
        settingsNotSaved(save, ErrorText::summary(lxd.error()));
        return;
    }
    m_runningSave = save;
    runOperation(tr("Saving the snapshot settings of %1…").arg(save.instance),
                 (*lxd)->patchConfig(save.instance, save.changes));
}

void ContainersView::settingsNotSaved(const SettingsSave& save, const QString& why)
{
    qCInfo(lcUi) << "snapshot settings of" << save.instance << "not saved:" << why;
    m_notice = tr("The snapshot settings of %1 were not saved: %2 What you typed is kept: "
                  "choose Snapshot schedule… again to save it.")
                   .arg(save.instance, why);
    updateStatus();
}

void ContainersView::noteQueuedSaves()
{
    if (m_queuedSaves.isEmpty())
        return;
    QStringList names;
    for (const SettingsSave& save : std::as_const(m_queuedSaves))
        names << save.instance;
    m_notice = tr("The snapshot settings of %1 will be saved when the running action ends.")
                   .arg(names.join(QStringLiteral(", ")));
}

void ContainersView::contextMenu(const QPoint& pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid())
        m_table->selectRow(index.row());
    // popup(), not exec(): no nested event loop.
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("containersMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_start, m_stop, m_forceStop, m_restart});
    menu->addSeparator();
    menu->addActions({m_snapshot, m_restore, m_deleteSnapshot, m_settings});
    menu->addSeparator();
    menu->addAction(m_replicate);
    menu->addSeparator();
    menu->addAction(m_refreshAction);
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

} // namespace relais
