#include "SiteStepJobFactory.h"

#include "CanaryStepJob.h"
#include "CloneProbeStepJob.h"
#include "CommandStepJob.h"
#include "DnsSwitchStepJob.h"
#include "DrillContext.h"
#include "DrillPlanner.h"
#include "DrillText.h"
#include "FailoverIpStepJob.h"
#include "LockStepJob.h"
#include "LxdInstancesStepJob.h"
#include "PlanError.h"
#include "RefreshStepJob.h"
#include "ReverseSyncStepJob.h"
#include "SequenceStepJob.h"
#include "ServiceCheckStepJob.h"
#include "SiteConnections.h"
#include "SyncStepJob.h"
#include "common/Clock.h"
#include "dns/DnsProvider.h"
#include "dns/DnsSwitchHistory.h"

namespace relais {

namespace {

QStringList clones(const QStringList& containers)
{
    QStringList names;
    for (const QString& container : containers)
        names.append(LxdInstancesStepJob::cloneName(container));
    return names;
}

} // namespace

SiteStepJobFactory::SiteStepJobFactory(SiteConnections& connections, const Clock& clock,
                                       Database* database, QString siteKey,
                                       NotifyStepJob::Notifier notifier)
    : m_connections(connections)
    , m_clock(clock)
    , m_database(database)
    , m_siteKey(std::move(siteKey))
    , m_notifier(std::move(notifier))
{}

Result<StepJob*> SiteStepJobFactory::createHook(const PlanHook& hook, QObject* parent)
{
    Result<SshSession*> session = m_connections.session(hook.host);
    if (!session)
        return session.error();
    return static_cast<StepJob*>(new CommandStepJob(*session, hook.command, parent));
}

Result<StepJob*> SiteStepJobFactory::lxdJob(HostRole role, int action, const QStringList& names,
                                            QObject* parent)
{
    Result<LxdClient*> client = m_connections.lxd(role);
    if (!client)
        return client.error();
    return static_cast<StepJob*>(new LxdInstancesStepJob(
        *client, static_cast<LxdInstancesStepJob::Action>(action), names, m_clock.now(), parent));
}

Result<StepJob*> SiteStepJobFactory::syncJob(const DrillStep& step, QObject* parent)
{
    const std::optional<SyncJob> job = SyncStepJob::findJob(m_connections.site(), step.job);
    if (!job)
        return Error(PlanError::NotConfigured,
                     DrillText::tr("The site has no sync job \"%1\".").arg(step.job));
    Result<SshSession*> main = m_connections.session(HostRole::Main);
    if (!main)
        return main.error();
    Result<SshSession*> backup = m_connections.session(HostRole::Backup);
    if (!backup)
        return backup.error();
    if (step.action == DrillAction::FinalSync)
        return static_cast<StepJob*>(
            new SyncStepJob(*job,
                            SyncStepJob::peerFor(m_connections.site(), *job, m_syncKeyDirectory,
                                                 RsyncCommand::Flow::Forward),
                            *main, *backup, m_clock, m_database, m_siteKey, parent));
    return static_cast<StepJob*>(new ReverseSyncStepJob(
        *job,
        SyncStepJob::peerFor(m_connections.site(), *job, m_syncKeyDirectory,
                             RsyncCommand::Flow::Reverse),
        *main, *backup, m_clock, m_database, m_siteKey,
        step.action == DrillAction::ReverseSync ? ReverseSyncStepJob::Mode::Run
                                                : ReverseSyncStepJob::Mode::Review,
        parent));
}

Result<StepJob*> SiteStepJobFactory::refreshJob(const DrillStep& step, QObject* parent)
{
    const bool toBackup = step.action == DrillAction::RefreshCopies;
    Result<LxdClient*> source = m_connections.lxd(toBackup ? HostRole::Main : HostRole::Backup);
    if (!source)
        return source.error();
    Result<LxdClient*> target = m_connections.lxd(toBackup ? HostRole::Backup : HostRole::Main);
    if (!target)
        return target.error();
    // Only main → backup copies are kept in the replication history.
    auto* job = new RefreshStepJob(*source, *target, step.containers,
                                   toBackup ? m_database : nullptr, m_siteKey, parent);
    job->setKeepReplaced(!toBackup);
    return static_cast<StepJob*>(job);
}

QList<ProbeSpec> SiteStepJobFactory::probesFor(const DrillStep& step) const
{
    QList<ProbeSpec> probes;
    for (const Service& service : m_connections.site().services) {
        const bool named = !step.service.isEmpty() && service.name == step.service;
        bool holds = false;
        for (const QString& container : step.containers)
            holds = holds || service.containers.contains(container);
        if (named || (step.service.isEmpty() && holds))
            probes.append(service.probes);
    }
    return probes;
}

Result<StepJob*> SiteStepJobFactory::create(const DrillStep& step, DrillContext& context,
                                            QObject* parent)
{
    using A = DrillAction;
    using L = LxdInstancesStepJob::Action;
    switch (step.action) {
    case A::Notify:
        return static_cast<StepJob*>(new NotifyStepJob(step.message, m_notifier, parent, m_channels,
                                                       m_connections.site().name));
    case A::LockReplication:
    case A::UnlockReplication:
        if (!m_database)
            return Error(PlanError::NotConfigured,
                         DrillText::tr("No database: the replication lock cannot be kept."));
        {
            // With sync jobs, backup itself is marked too: a job installed
            // on main must not copy into the serving backup.
            SshSession* backup = nullptr;
            if (!m_connections.site().syncJobs.isEmpty()) {
                Result<SshSession*> session = m_connections.session(HostRole::Backup);
                if (!session)
                    return session.error();
                backup = *session;
            }
            return static_cast<StepJob*>(new LockStepJob(
                *m_database, m_siteKey, step.action == A::LockReplication, backup, parent));
        }
    case A::SnapshotMain:
        return lxdJob(HostRole::Main, int(L::Snapshot), step.containers, parent);
    case A::SnapshotBackup:
        return lxdJob(HostRole::Backup, int(L::Snapshot), step.containers, parent);
    case A::FenceMain:
        return lxdJob(HostRole::Main, int(L::Stop), step.containers, parent);
    case A::StopOnBackup:
        return lxdJob(HostRole::Backup, int(L::Stop), step.containers, parent);
    case A::StartOnBackup:
    case A::StartOnMain:
        return startAndWait(step, context, parent);
    case A::CloneForDrill: {
        // Registered before anything is created: even a clone half made,
        // or made by a drill that gets killed, is removed afterwards.
        DrillStep cleanup = step;
        cleanup.action = A::RemoveClones;
        cleanup.before.clear();
        cleanup.after.clear();
        cleanup.retries = 1;
        cleanup.timeoutSeconds = DrillPlanner::defaultTimeoutSeconds(A::RemoveClones);
        context.addCleanup(cleanup);
        return lxdJob(HostRole::Backup, int(L::Clone), step.containers, parent);
    }
    case A::StartClones:
        return lxdJob(HostRole::Backup, int(L::Start), clones(step.containers), parent);
    case A::RemoveClones:
        return lxdJob(HostRole::Backup, int(L::Remove), clones(step.containers), parent);
    case A::ProbeClones: {
        Result<LxdClient*> client = m_connections.lxd(HostRole::Backup);
        if (!client)
            return client.error();
        Result<SshSession*> session = m_connections.session(HostRole::Backup);
        if (!session)
            return session.error();
        return static_cast<StepJob*>(new CloneProbeStepJob(
            *client, *session, clones(step.containers), probesFor(step), context, m_clock, parent));
    }
    case A::ReadCanary:
    case A::MeasureRpo: {
        Result<SshSession*> session = m_connections.session(HostRole::Backup);
        if (!session)
            return session.error();
        if (step.action == A::MeasureRpo)
            return static_cast<StepJob*>(new CanaryStepJob(*session, m_connections.site().syncJobs,
                                                           context, CanaryStepJob::Missing::Warns,
                                                           parent));
        // A rehearsal reads each canary inside the clones that mount it.
        Result<LxdClient*> client = m_connections.lxd(HostRole::Backup);
        if (!client)
            return client.error();
        auto* job = new CanaryStepJob(*session, m_connections.site().syncJobs, context,
                                      CanaryStepJob::Missing::Fails, parent);
        job->readInside(*client, clones(step.containers));
        return static_cast<StepJob*>(job);
    }
    case A::Switch:
    case A::SwitchDrillRecord:
    case A::RemoveDrillRecord:
    case A::Verify:
    case A::VerifyDrillRecord:
        return dnsJob(step, context, parent);
    case A::FinalSync:
    case A::ReverseSyncReview:
    case A::ReverseSync:
        return syncJob(step, parent);
    case A::RefreshCopies:
    case A::RefreshMain:
        return refreshJob(step, parent);
    }
    return Error(PlanError::Unsupported,
                 DrillText::tr("This version of Relais cannot run the step \"%1\" yet.")
                     .arg(DrillText::title(step)));
}

Result<StepJob*> SiteStepJobFactory::startAndWait(const DrillStep& step, DrillContext& context,
                                                  QObject* parent)
{
    const HostRole role =
        step.action == DrillAction::StartOnMain ? HostRole::Main : HostRole::Backup;
    Result<StepJob*> start =
        lxdJob(role, int(LxdInstancesStepJob::Action::Start), step.containers, parent);
    if (!start)
        return start;
    const QList<ProbeSpec> probes =
        ServiceCheckStepJob::aimedAt(probesFor(step), m_connections.site(), role);
    if (probes.isEmpty())
        return start;
    auto* wait =
        new ServiceCheckStepJob(m_connections.site(), probes, std::nullopt, &context, m_clock);
    return static_cast<StepJob*>(new SequenceStepJob({*start, wait}, parent));
}

Result<StepJob*> SiteStepJobFactory::dnsJob(const DrillStep& step, DrillContext& context,
                                            QObject* parent)
{
    using A = DrillAction;
    using Side = DnsSwitchRequest::Side;
    const Site& site = m_connections.site();
    const Service* service = nullptr;
    for (const Service& candidate : site.services) {
        if (candidate.name == step.service)
            service = &candidate;
    }
    if (!service)
        return Error(PlanError::NotConfigured,
                     DrillText::tr("The site has no service \"%1\".").arg(step.service));
    const bool drill = step.action == A::SwitchDrillRecord || step.action == A::VerifyDrillRecord ||
                       step.action == A::RemoveDrillRecord;
    // The drill record is pointed at backup (created when it does not
    // exist); the cleanup deletes the one it created (on the condition that
    // it points at backup) or puts back the one that existed where it
    // pointed. Production's record never moves in a rehearsal.
    const bool removeCreated = step.action == A::RemoveDrillRecord && step.drillRecordCreated;
    const Side side = (drill && step.action != A::RemoveDrillRecord) || removeCreated
                          ? Side::Backup
                          : (step.target == HostRole::Main ? Side::Main : Side::Backup);
    std::optional<DnsSwitchRequest> request;
    if (service->dns || drill) {
        Result<DnsSwitchRequest> made =
            drill
                ? DnsSwitchStepJob::drillRecordRequest(site, *service, site.plan.drillRecord, side)
                : DnsSwitchJob::requestFor(site, *service, side, DnsSwitchRequest::Mode::Emergency);
        if (!made)
            return made.error();
        request = *made;
        if (step.action == A::SwitchDrillRecord)
            request->operation = DnsSwitchRequest::Operation::SwitchOrCreate;
        else if (removeCreated)
            request->operation = DnsSwitchRequest::Operation::Remove;
        // The switch's own verification ends a little before the step's
        // timeout, so that its message says which server lags.
        request->propagationTimeoutMs = std::max(1000, step.timeoutSeconds * 1000 - 2000);
    }

    if (step.action == A::Verify || step.action == A::VerifyDrillRecord) {
        const QList<ProbeSpec> probes =
            step.action == A::Verify
                ? ServiceCheckStepJob::aimedAt(service->probes, site, step.target)
                : QList<ProbeSpec>();
        if (probes.isEmpty() && !request)
            return Error(PlanError::NotConfigured,
                         DrillText::tr("The service \"%1\" has neither an HTTP or TCP probe nor "
                                       "a DNS record to verify.")
                             .arg(service->name));
        return static_cast<StepJob*>(new ServiceCheckStepJob(
            site, probes, request, step.action == A::Verify ? &context : nullptr, m_clock, parent));
    }

    // A failover IP follows the record (or moves alone without one).
    StepJob* ipJob = nullptr;
    if (step.action == A::Switch && service->failoverIp) {
        Result<std::unique_ptr<OvhFailoverIpMove>> move =
            m_connections.failoverIpMove(*service->failoverIp);
        if (!move)
            return move.error();
        std::unique_ptr<DnsSwitchHistory> history;
        if (m_database)
            history = std::make_unique<DnsSwitchHistory>(*m_database, m_siteKey);
        ipJob = new FailoverIpStepJob(std::move(move).value(), service->name, *service->failoverIp,
                                      side, std::move(history), parent);
        if (!request)
            return ipJob;
    }
    if (!request)
        return Error(
            PlanError::NotConfigured,
            DrillText::tr("The service \"%1\" has no DNS record to switch.").arg(service->name));
    if (service->dns->provider == DnsBinding::Provider::Rfc2136 && service->dns->tsigId.isEmpty()) {
        delete ipJob;
        return Error(PlanError::NotConfigured,
                     DrillText::tr("The DNS record of the service \"%1\" has no TSIG key "
                                   "(\"tsig\"): Relais only sends signed updates.")
                         .arg(service->name));
    }
    Result<std::unique_ptr<DnsProvider>> provider =
        m_connections.dnsProvider(*service->dns, request->queryTimeoutMs * 2);
    if (!provider) {
        delete ipJob;
        return provider.error();
    }
    std::unique_ptr<DnsSwitchHistory> history;
    if (m_database)
        history = std::make_unique<DnsSwitchHistory>(*m_database, m_siteKey);
    auto* switchJob =
        new DnsSwitchStepJob(std::move(provider).value(), *request, std::move(history), parent);
    switchJob->setDrillRecord(drill);
    if (step.action == A::SwitchDrillRecord) {
        // The job registers it once it has read the record, before it
        // changes anything: whether the drill creates the record (the
        // cleanup deletes it) or moves one that exists (the cleanup puts it
        // back), known even when the drill is killed right after the change.
        DrillStep cleanup = step;
        cleanup.action = A::RemoveDrillRecord;
        cleanup.target = HostRole::Main;
        cleanup.before.clear();
        cleanup.after.clear();
        cleanup.retries = 1;
        cleanup.timeoutSeconds = DrillPlanner::defaultTimeoutSeconds(A::RemoveDrillRecord);
        switchJob->registerDrillCleanup(context, cleanup);
    }
    if (ipJob)
        return static_cast<StepJob*>(new SequenceStepJob({switchJob, ipJob}, parent));
    return static_cast<StepJob*>(switchJob);
}

} // namespace relais
