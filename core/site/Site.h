#pragma once

#include "Host.h"
#include "NotificationChannel.h"
#include "RecoveryPlan.h"
#include "Service.h"
#include "SyncJob.h"
#include "Targets.h"

#include <QList>
#include <QString>

namespace relais {

/// A site: one main host, one backup host, their services and targets.
/// Plain data; SiteDocument reads, validates and writes it.
struct Site
{
    static constexpr int SchemaVersion = 1;

    QString name;
    /// The vault holding this site's secrets, as written in the document
    /// (empty: the user's default vault). See SiteDocument::vaultPath().
    QString vault;
    Host main;
    Host backup;
    QList<Service> services;
    QList<SyncJob> syncJobs; ///< "sync" in the document
    RecoveryPlan plan;
    QList<NotificationChannel> notifications;
    Targets targets;

    const Host& host(HostRole role) const { return role == HostRole::Main ? main : backup; }
    bool operator==(const Site&) const = default;
};

} // namespace relais
