#include "SiteStepJobFactory.h"

#include "CanaryStepJob.h"
#include "CloneProbeStepJob.h"
#include "CommandStepJob.h"
#include "DrillContext.h"
#include "DrillPlanner.h"
#include "DrillText.h"
#include "LockStepJob.h"
#include "LxdInstancesStepJob.h"
#include "PlanError.h"
#include "SiteConnections.h"
#include "common/Clock.h"

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
        return static_cast<StepJob*>(
            new LockStepJob(*m_database, m_siteKey, step.action == A::LockReplication, parent));
    case A::SnapshotMain:
        return lxdJob(HostRole::Main, int(L::Snapshot), step.containers, parent);
    case A::SnapshotBackup:
        return lxdJob(HostRole::Backup, int(L::Snapshot), step.containers, parent);
    case A::FenceMain:
        return lxdJob(HostRole::Main, int(L::Stop), step.containers, parent);
    case A::StopOnBackup:
        return lxdJob(HostRole::Backup, int(L::Stop), step.containers, parent);
    case A::StartOnBackup:
        return lxdJob(HostRole::Backup, int(L::Start), step.containers, parent);
    case A::StartOnMain:
        return lxdJob(HostRole::Main, int(L::Start), step.containers, parent);
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
    case A::ReadCanary: {
        Result<SshSession*> session = m_connections.session(HostRole::Backup);
        if (!session)
            return session.error();
        return static_cast<StepJob*>(
            new CanaryStepJob(*session, m_connections.site().syncJobs, context, parent));
    }
    case A::FinalSync:
    case A::RefreshCopies:
    case A::Switch:
    case A::Verify:
    case A::SwitchDrillRecord:
    case A::VerifyDrillRecord:
    case A::RemoveDrillRecord:
    case A::ReverseSyncReview:
    case A::ReverseSync:
    case A::RefreshMain:
        break;
    }
    return Error(PlanError::Unsupported,
                 DrillText::tr("This version of Relais cannot run the step \"%1\" yet.")
                     .arg(DrillText::title(step)));
}

} // namespace relais
