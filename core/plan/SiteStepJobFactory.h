#pragma once

#include "NotifyStepJob.h"
#include "StepJobFactory.h"
#include "site/ProbeSpec.h"

namespace relais {

class Clock;
class Database;
class Notifier;
class SiteConnections;

/// The product's drill steps on a real site: hooks over SSH, LXD work on
/// either host, the rehearsal's clones (created, started, probed from
/// backup, removed), the RPO canary, the replication lock, notifications,
/// the DNS switch and its verification (probes through the new side, every
/// authoritative server), the rehearsal's drill record, the final sync
/// (SyncStepJob), the refresh of the copies either way (RefreshStepJob),
/// the failback's reverse sync, review and run (ReverseSyncStepJob). Steps
/// this version cannot run yet fail with PlanError::Unsupported and say
/// which; the drill then stops and cleans up like after any failure.
class SiteStepJobFactory : public StepJobFactory
{
public:
    /// @p connections, @p clock and @p database (optional: lock steps need
    /// it) must outlive the factory and its jobs; @p siteKey names the site
    /// in the database as the console does.
    SiteStepJobFactory(SiteConnections& connections, const Clock& clock, Database* database,
                       QString siteKey, NotifyStepJob::Notifier notifier = {});

    /// The site's notification channels for notify steps (optional; must
    /// outlive the factory's jobs).
    void setChannels(const Notifier* channels) { m_channels = channels; }

    Result<StepJob*> create(const DrillStep& step, DrillContext& context, QObject* parent) override;
    Result<StepJob*> createHook(const PlanHook& hook, QObject* parent) override;

    /// Where the sync jobs' replication keys are on their initiating hosts
    /// (default "~/.ssh/relais-sync", as for `relaisctl sync run`).
    void setSyncKeyDirectory(const QString& directory) { m_syncKeyDirectory = directory; }

    /// The probes of the service a step names, or of the services holding
    /// its containers.
    QList<ProbeSpec> probesFor(const DrillStep& step) const;

private:
    Result<StepJob*> lxdJob(HostRole role, int action, const QStringList& names, QObject* parent);
    /// Start the containers, then wait for their service's probes there.
    Result<StepJob*> startAndWait(const DrillStep& step, DrillContext& context, QObject* parent);
    /// Switch, Verify and the drill record's steps.
    Result<StepJob*> dnsJob(const DrillStep& step, DrillContext& context, QObject* parent);
    Result<StepJob*> syncJob(const DrillStep& step, QObject* parent);
    Result<StepJob*> refreshJob(const DrillStep& step, QObject* parent);

    SiteConnections& m_connections;
    const Clock& m_clock;
    Database* m_database;
    QString m_siteKey;
    NotifyStepJob::Notifier m_notifier;
    QString m_syncKeyDirectory = QStringLiteral("~/.ssh/relais-sync");
    const Notifier* m_channels = nullptr;
};

} // namespace relais
