#pragma once

#include "Host.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

namespace relais {

/// A command run over SSH on a host before a sync job's transfer (a
/// database dump on main, for example), with its own timeout.
struct SyncHook
{
    HostRole host = HostRole::Main;
    QString command;
    int timeoutSeconds = 600;

    bool operator==(const SyncHook&) const = default;
};

/// When a sync job runs by itself.
struct SyncSchedule
{
    enum class Kind
    {
        Manual, ///< only on demand
        Every,  ///< every everyMinutes minutes
        Daily,  ///< every day at dailyAt (local time of the host that runs it)
    };

    Kind kind = Kind::Manual;
    int everyMinutes = 0;
    QTime dailyAt;

    bool operator==(const SyncSchedule&) const = default;
};

/// An rsync replication from main to backup, run between the servers:
/// pushed by main or pulled by backup, over a dedicated key that can do
/// nothing but this transfer.
struct SyncJob
{
    enum class Direction
    {
        Push, ///< main runs rsync and sends to backup
        Pull, ///< backup runs rsync and fetches from main
    };

    QString name; ///< [a-z0-9][a-z0-9_-]{0,31}, unique in the site
    Direction direction = Direction::Push;
    QStringList sources;          ///< absolute paths on main ("dir/" copies the content)
    QString destination;          ///< absolute path on backup
    QStringList excludes;         ///< rsync --exclude patterns
    bool deleteExtraneous = true; ///< --delete: files gone from main go from backup
    int bandwidthLimitKiB = 0;    ///< --bwlimit in KiB/s; 0: none
    bool lowPriority = true;      ///< nice + ionice idle on both ends
    SyncSchedule schedule;
    QList<SyncHook> preHooks;

    bool operator==(const SyncJob&) const = default;
};

} // namespace relais
