#include "SyncConsole.h"

#include "UiLogging.h"
#include "common/Clock.h"
#include "plan/SiteConnections.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/ReplicationKeySetup.h"
#include "sync/ReplicationLock.h"
#include "sync/RpoProbe.h"
#include "sync/SyncError.h"
#include "sync/SyncHistory.h"
#include "sync/SyncHostInstall.h"
#include "sync/SyncRunJob.h"
#include "sync/SyncScheduler.h"

#include <QLocale>

namespace relais {

SyncConsole::SyncConsole(Site site, QString siteKey, Database* database, const Clock& clock,
                         QObject* parent)
    : QObject(parent)
    , m_site(std::move(site))
    , m_siteKey(std::move(siteKey))
    , m_database(database)
    , m_clock(clock)
    , m_scheduler(std::make_unique<SyncScheduler>(m_site.syncJobs, clock))
{
    if (m_database) {
        m_history = std::make_unique<SyncHistory>(*m_database, m_siteKey);
        for (const SyncJob& job : m_site.syncJobs) {
            // Dry runs are kept too; the schedule counts real runs only.
            const Result<std::optional<SyncRunRecord>> last = m_history->lastRun(job.name);
            if (last && last->has_value())
                m_scheduler->setLastStart(job.name, (*last)->startedAt);
        }
    }
    connect(m_scheduler.get(), &SyncScheduler::due, this, [this](const QString& name) {
        // The host's timer runs an installed job; its runs are read back.
        if (m_installed.contains(name))
            return;
        if (const SyncJob* job = find(name))
            startRun(*job, false, true);
    });
    connect(m_scheduler.get(), &SyncScheduler::runMissed, this,
            [this](const QString& job, const QDateTime& dueAt) {
                emit healthEvent(SyncScheduler::missedRunEvent(job, dueAt, m_clock.now()));
                emit alert(tr("Sync job %1 missed a run").arg(job),
                           tr("The run due at %1 did not start: the backup's copy grows older "
                              "than planned.")
                               .arg(QLocale().toString(dueAt.toLocalTime(), QLocale::ShortFormat)));
            });
    // The backup's copy and the hosts' own runs are read again now and then.
    m_refresh.setInterval(5 * 60 * 1000);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        readHostRuns();
        checkRpo();
    });
}

SyncConsole::~SyncConsole()
{
    for (SyncRunJob* run : std::as_const(m_runs)) {
        run->disconnect(this);
        run->cancel();
        delete run;
    }
    for (SshCommandJob* read : std::as_const(m_hostReads)) {
        read->disconnect(this);
        delete read;
    }
    for (RpoProbe* probe : std::as_const(m_probes)) {
        probe->disconnect(this);
        delete probe;
    }
}

void SyncConsole::setConnections(SiteConnections* connections)
{
    m_connections = connections;
    if (m_connections) {
        // Runs come now and then for as long as the console is open: each
        // host's login shell is started ahead of the next command.
        m_connections->setReadyShells(true);
        readHostRuns();
        checkRpo();
    }
}

void SyncConsole::start()
{
    m_refresh.start();
    m_scheduler->start();
    announceNextRuns();
}

const SyncJob* SyncConsole::find(const QString& job) const
{
    for (const SyncJob& j : m_site.syncJobs) {
        if (j.name == job)
            return &j;
    }
    return nullptr;
}

bool SyncConsole::isRunning(const QString& job) const
{
    return m_runs.contains(job);
}

std::optional<QString> SyncConsole::lockReason() const
{
    if (!m_database)
        return std::nullopt;
    const Result<std::optional<ReplicationLock::State>> state =
        ReplicationLock(*m_database, m_siteKey).state();
    if (state && state->has_value())
        return (*state)->reason;
    return std::nullopt;
}

bool SyncConsole::runJob(const QString& job, bool dryRun)
{
    const SyncJob* found = find(job);
    return found && startRun(*found, dryRun, false);
}

bool SyncConsole::startRun(const SyncJob& job, bool dryRun, bool scheduled)
{
    if (m_runs.contains(job.name))
        return false;
    // Push and pull both copy main → backup: the lock holds either. A
    // dry run changes nothing and may show what failback would face.
    const std::optional<QString> locked = lockReason();
    if (locked && !dryRun) {
        if (scheduled) {
            // The slot passes: the next one is due a period later, not at
            // every poll.
            m_scheduler->runStarted(job.name);
            m_scheduler->runFinished(job.name);
            announceNextRuns();
        }
        emit runSkipped(job.name, tr("replication main → backup is locked (%1)").arg(*locked));
        return false;
    }
    if (!m_connections) {
        const QString reason = tr("the vault is locked: unlock it to run sync jobs");
        // Due again at every poll: said once, until the job runs.
        if (!scheduled || m_waiting.value(job.name) != reason)
            emit runSkipped(job.name, reason);
        if (scheduled)
            m_waiting.insert(job.name, reason);
        return false;
    }
    m_waiting.remove(job.name);
    const Result<SshSession*> main = m_connections->session(HostRole::Main);
    const Result<SshSession*> backup = m_connections->session(HostRole::Backup);
    if (!main || !backup) {
        emit runSkipped(job.name, (!main ? main.error() : backup.error()).message());
        return false;
    }
    const Host& other = job.direction == SyncJob::Direction::Push ? m_site.backup : m_site.main;
    RsyncCommand::Peer peer;
    peer.user = other.ssh.user.isEmpty() ? QStringLiteral("root") : other.ssh.user;
    peer.address = other.address;
    peer.port = other.ssh.port > 0 ? other.ssh.port : 22;
    peer.keyPath = m_keyDir + QLatin1Char('/') + job.name;
    peer.knownHostsPath = peer.keyPath + QStringLiteral(".known_hosts");

    auto* run = new SyncRunJob(job, peer, *main, *backup,
                               dryRun ? RsyncCommand::Mode::DryRun : RsyncCommand::Mode::Run,
                               m_clock, this);
    m_runs.insert(job.name, run);
    const QString name = job.name;
    connect(run, &SyncRunJob::progress, this,
            [this, name](const RsyncProgress& p) { emit progress(name, p); });
    connect(run, &SyncRunJob::finished, this, [this, name] { onRunFinished(name); });
    if (!dryRun)
        m_scheduler->runStarted(name);
    emit runStarted(name, dryRun);
    run->start();
    return true;
}

Result<ReplicationKeySetup*> SyncConsole::setUpKey(const ReplicationKeyRequest& request) const
{
    const SyncJob* job = find(request.job);
    if (!job)
        return Error(SyncError::NotConnected, tr("the site has no sync job %1").arg(request.job));
    if (!m_connections)
        return Error(SyncError::NotConnected,
                     tr("no connection to the hosts: unlock the vault to set up the key"));
    const bool push = job->direction == SyncJob::Direction::Push;
    const Result<SshSession*> initiating =
        m_connections->session(push ? HostRole::Main : HostRole::Backup);
    if (!initiating)
        return initiating.error();
    const Result<SshSession*> other =
        m_connections->session(push ? HostRole::Backup : HostRole::Main);
    if (!other)
        return other.error();
    const Host& host = push ? m_site.backup : m_site.main;
    auto* setup = new ReplicationKeySetup(*job, *initiating, *other, host.address,
                                          host.ssh.port > 0 ? host.ssh.port : 22, {});
    // Read once the other host is reached: a key trusted on that first
    // connection counts.
    setup->setTrustedKeysFile((*other)->options().knownHostsPath);
    setup->setKeyDirectory(request.keyDirectory);
    setup->setAuthorizedKeysPath(request.authorizedKeysPath);
    setup->setFlow(request.flow);
    return setup;
}

void SyncConsole::cancel(const QString& job)
{
    if (SyncRunJob* run = m_runs.value(job))
        run->cancel();
}

void SyncConsole::onRunFinished(const QString& job)
{
    SyncRunJob* run = m_runs.take(job);
    if (!run)
        return;
    SyncRunRecord record = run->record();
    record.job = job;
    if (!record.dryRun)
        m_scheduler->runFinished(job);
    // A dry run is kept too, with what it would change.
    if (m_history) {
        const Result<void> kept = m_history->record(record);
        if (!kept)
            qCWarning(lcUi) << "sync run of" << job
                            << "not kept in the history:" << kept.error().message();
    }
    emit runFinished(record, run->items());
    run->deleteLater();
    announceNextRuns();
    if (!record.dryRun)
        checkRpo();
}

void SyncConsole::announceNextRuns()
{
    for (const SyncJob& job : m_site.syncJobs)
        emit nextRunChanged(job.name, m_scheduler->nextRun(job.name));
}

void SyncConsole::readHostRuns()
{
    if (!m_connections || !m_history)
        return;
    for (const SyncJob& job : m_site.syncJobs) {
        if (m_hostReads.contains(job.name))
            continue;
        const Result<SshSession*> session = m_connections->session(
            job.direction == SyncJob::Direction::Push ? HostRole::Main : HostRole::Backup);
        if (!session)
            continue;
        auto* read = new SshCommandJob(*session, SyncHostInstall::readRunsCommand(job), 20000);
        m_hostReads.insert(job.name, read);
        const QString name = job.name;
        connect(read, &SshCommandJob::finished, this, [this, name] {
            SshCommandJob* done = m_hostReads.take(name);
            if (!done)
                return;
            const Result<int>& result = done->result();
            if (result && *result == 0) {
                const QByteArray lines = done->standardOutput();
                QDateTime newest = m_scheduler->lastStart(name);
                QDateTime newestSkip;
                bool added = false;
                // The host's schedule came while a run still held the lock
                // (its first long copy, say): started on time, not missed.
                for (const QDateTime& skipped : SyncHostInstall::parseBusySkips(lines, name)) {
                    m_installed.insert(name);
                    if (!newestSkip.isValid() || skipped > newestSkip)
                        newestSkip = skipped;
                    if (!newest.isValid() || skipped > newest) {
                        qCInfo(lcUi) << "sync" << name << "on its host: the start at" << skipped
                                     << "found a run still going";
                        newest = skipped;
                    }
                }
                for (const SyncRunRecord& run : SyncHostInstall::parseRuns(lines)) {
                    if (run.job != name)
                        continue;
                    m_installed.insert(name);
                    const Result<bool> kept = m_history->recordOnce(run);
                    if (!kept || !*kept)
                        continue;
                    added = true;
                    if (!run.dryRun && (!newest.isValid() || run.startedAt > newest))
                        newest = run.startedAt;
                }
                if (added)
                    emit historyChanged();
                if (newestSkip.isValid())
                    emit hostStartSkipped(name, newestSkip);
                if (newest.isValid() && newest != m_scheduler->lastStart(name)) {
                    m_scheduler->setLastStart(name, newest);
                    announceNextRuns();
                }
            }
            done->deleteLater();
        });
        read->start();
    }
}

void SyncConsole::checkRpo()
{
    if (!m_connections)
        return;
    const Result<SshSession*> backup = m_connections->session(HostRole::Backup);
    if (!backup)
        return;
    for (const SyncJob& job : m_site.syncJobs) {
        if (m_probes.contains(job.name)) {
            // The running probe may have read the canary before this run.
            m_rpoAgain.insert(job.name);
            continue;
        }
        auto* probe = new RpoProbe(*backup, job, m_site.targets.rpoMinutes, 20000);
        m_probes.insert(job.name, probe);
        const QString name = job.name;
        connect(probe, &Probe::finished, this, [this, name] {
            RpoProbe* done = m_probes.take(name);
            if (!done)
                return;
            emit rpoMeasured(name, done->lastAgeMs());
            done->deleteLater();
            if (m_rpoAgain.remove(name))
                checkRpo();
        });
        probe->start();
    }
}

} // namespace relais
