#include "ReverseSyncStepJob.h"

#include "PlanError.h"
#include "SyncStepJob.h"
#include "common/Database.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/ReplicationLock.h"
#include "sync/ReverseSyncConflicts.h"
#include "sync/RsyncProgress.h"
#include "sync/SyncCanary.h"
#include "sync/SyncRunJob.h"

#include <QTimer>

namespace relais {

namespace {

/// At most this many conflicting paths are named in the step's message
/// (all of them go to its output).
constexpr qsizetype NamedConflicts = 10;
/// At most this many changes are listed in a review's output (the drill
/// keeps a step's last 200 lines: the summary and the check stay in).
constexpr int ListedChanges = 150;

} // namespace

ReverseSyncStepJob::ReverseSyncStepJob(SyncJob job, RsyncCommand::Peer peer, SshSession* main,
                                       SshSession* backup, const Clock& clock, Database* database,
                                       QString siteKey, Mode mode, QObject* parent)
    : StepJob(parent)
    , m_job(std::move(job))
    , m_peer(std::move(peer))
    , m_main(main)
    , m_backup(backup)
    , m_clock(clock)
    , m_database(database)
    , m_siteKey(std::move(siteKey))
    , m_mode(mode)
{}

ReverseSyncStepJob::~ReverseSyncStepJob()
{
    if (m_check)
        m_check->cancel();
}

SyncRunJob* ReverseSyncStepJob::makeRun(RsyncCommand::Mode mode)
{
    auto* run = new SyncRunJob(m_job, m_peer, m_main, m_backup, mode, m_clock, this);
    run->setFlow(RsyncCommand::Flow::Reverse);
    // One attempt: a failback is watched by its user, who retries the drill.
    run->setMaxAttempts(1);
    return run;
}

void ReverseSyncStepJob::start()
{
    if (m_dryRun || m_done)
        return;
    std::optional<Error> problem;
    if (!RsyncCommand::isReversible(m_job)) {
        problem = Error(PlanError::NotConfigured,
                        tr("The sync job %1 has %n source(s): only a job with one source can be "
                           "synced back from backup to main.",
                           nullptr, int(m_job.sources.size()))
                            .arg(m_job.name));
    } else if (!m_database) {
        problem = Error(PlanError::NotConfigured,
                        tr("No database: the time of the failover (the replication lock) is "
                           "unknown."));
    } else {
        const Result<std::optional<ReplicationLock::State>> lock =
            ReplicationLock(*m_database, m_siteKey).state();
        if (!lock)
            problem = lock.error();
        else if (!lock->has_value())
            problem = Error(PlanError::StepFailed,
                            tr("Replication from main to backup is not locked: there was no "
                               "failover to fail back from, so nothing is synced back."));
        else
            m_since = (*lock)->lockedAt;
    }
    if (problem) {
        m_done = true;
        // Deferred: finished() never comes from inside start().
        QTimer::singleShot(0, this, [this, error = *problem] { emit finished(error); });
        return;
    }
    emit output(tr("Sync job %1, backup to main: changes since the failover at %2 (UTC).")
                    .arg(m_job.name, m_since.toUTC().toString(Qt::ISODate)));
    m_dryRun = makeRun(RsyncCommand::Mode::DryRun);
    connect(m_dryRun, &SyncRunJob::finished, this, &ReverseSyncStepJob::onDryRun);
    m_dryRun->start();
}

void ReverseSyncStepJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_run)
        m_run->cancel();
    else if (m_check)
        m_check->cancel();
    else if (m_dryRun)
        m_dryRun->cancel();
}

void ReverseSyncStepJob::done(const Result<void>& result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

void ReverseSyncStepJob::onDryRun()
{
    if (!m_dryRun->result()) {
        for (const QString& message : m_dryRun->messages())
            emit output(message);
        done(m_dryRun->result().error());
        return;
    }
    int changes = 0;
    for (const RsyncItem& item : m_dryRun->items()) {
        if (item.path == QStringLiteral("./") || item.path == QLatin1String(SyncCanary::FileName))
            continue;
        ++changes;
        if (m_mode == Mode::Review && changes <= ListedChanges)
            emit output(item.flags + QLatin1Char(' ') + item.path);
    }
    if (m_mode == Mode::Review && changes > ListedChanges)
        emit output(tr("… and %n more change(s).", nullptr, changes - ListedChanges));
    emit output(tr("%n change(s) from backup to main.", nullptr, changes));
    if (m_cancelled) {
        done(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!m_main) {
        done(Error(PlanError::StepFailed, tr("No session to main.")));
        return;
    }
    m_check = new SshCommandJob(m_main, ReverseSyncConflicts::changedSinceCommand(m_job, m_since),
                                120000, this);
    connect(m_check, &SshCommandJob::finished, this, &ReverseSyncStepJob::onChangedOnMain);
    m_check->start();
}

void ReverseSyncStepJob::onChangedOnMain()
{
    SshCommandJob* check = m_check;
    m_check = nullptr;
    check->deleteLater();
    const Result<int>& result = check->result();
    if (!result) {
        done(result.error());
        return;
    }
    if (*result != 0) {
        done(Error(PlanError::StepFailed,
                   tr("Cannot list the files main changed since the failover (exit status %1): %2")
                       .arg(*result)
                       .arg(QString::fromUtf8(check->standardError()).trimmed())));
        return;
    }
    const QStringList conflicts = ReverseSyncConflicts::conflicts(
        m_dryRun->items(), ReverseSyncConflicts::parseChanged(check->standardOutput(), m_job));
    if (!conflicts.isEmpty()) {
        for (const QString& path : conflicts)
            emit output(tr("Changed on both sides: %1").arg(path));
        QString named = conflicts.mid(0, NamedConflicts).join(QStringLiteral(", "));
        if (conflicts.size() > NamedConflicts)
            named += QStringLiteral(", …");
        done(Error(PlanError::StepFailed,
                   tr("Main changed %n file(s) since the failover that the sync from backup "
                      "would overwrite or delete: %1. Nothing was copied; reconcile these files "
                      "by hand, then fail back again.",
                      nullptr, int(conflicts.size()))
                       .arg(named)));
        return;
    }
    emit output(tr("No file changed on both sides."));
    if (m_cancelled) {
        done(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (m_mode == Mode::Review) {
        done(Result<void>::success());
        return;
    }
    m_run = makeRun(RsyncCommand::Mode::Run);
    connect(m_run, &SyncRunJob::progress, this, [this](const RsyncProgress& progress) {
        const int tenth = progress.percent / 10;
        if (tenth <= m_lastTenth)
            return;
        m_lastTenth = tenth;
        emit output(SyncStepJob::progressLine(progress));
    });
    connect(m_run, &SyncRunJob::finished, this, &ReverseSyncStepJob::onTransferred);
    m_run->start();
}

void ReverseSyncStepJob::onTransferred()
{
    for (const QString& message : m_run->messages())
        emit output(message);
    if (!m_run->result()) {
        done(m_run->result().error());
        return;
    }
    const SyncRunRecord& record = m_run->record();
    emit output(tr("%1 back to main: %2 (%3 files in %4 s)")
                    .arg(m_job.name, record.message)
                    .arg(record.files)
                    .arg(record.durationMs() / 1000.0, 0, 'f', 1));
    done(Result<void>::success());
}

} // namespace relais
