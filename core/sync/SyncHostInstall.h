#pragma once

#include "RsyncCommand.h"
#include "SyncRunRecord.h"
#include "common/Result.h"
#include "site/SyncJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace relais {

/// A sync job installed on its initiating host, so that it keeps running
/// with no console open: a runner script, and a systemd timer + service or
/// a cron entry that starts it on the job's schedule.
///
/// The runner (runnerScript()) takes a lock so two runs never overlap,
/// runs the job's pre-sync hooks (each under `timeout`; a job with a hook on
/// the other host cannot be installed: the replication key can do nothing
/// there but rsync; a failing hook ends the run with HookFailedStatus,
/// nothing copied), writes the RPO canary (a push: the initiating host is main), runs the
/// very rsync command Relais runs (RsyncCommand, the job's replication
/// key), and appends one JSON line per run to stateFile() — job, start,
/// end (UTC, ISO 8601 with milliseconds), exit status, files transferred,
/// bytes that travelled, rsync's --stats totals and the number of itemized
/// changes (the list itself is not kept on the host) — rotating it to ".1"
/// past 1 MiB. When the schedule fires while a run still holds the lock
/// (a long copy, or a console's run), the runner appends a shorter line
/// saying so: {"job", "started_at", "skipped": "busy"}. Relais reads those
/// lines back (parseRuns(), parseBusySkips()) into the history and for the
/// missed-run alert: a skipped start is not a missed one.
///
/// Every file is written through a temporary file renamed into place
/// (installCommand()), so a re-install replaces it whole; removeCommand()
/// takes everything away but the state file (the runs stay readable).
class SyncHostInstall
{
    Q_DECLARE_TR_FUNCTIONS(SyncHostInstall)

public:
    /// The exit status a run records when a pre-sync hook failed or ran
    /// out of time (RsyncExitPolicy says so).
    static constexpr int HookFailedStatus = 78;
    /// The exit status of a console's run that found the job's lock held
    /// on its initiating host (lockCommand()).
    static constexpr int BusyStatus = 75;
    /// What lockCommand() prints on standard error when the lock is held.
    static constexpr const char* BusyLine = "relais-sync: another run of this job holds its lock";

    enum class Scheduler
    {
        Systemd, ///< relais-sync-JOB.timer + .service in /etc/systemd/system
        Cron,    ///< /etc/cron.d/relais-sync-JOB
    };

    static QString unitName(const SyncJob& job);
    static QString runnerPath(const SyncJob& job);
    static QString stateFile(const SyncJob& job);
    static QString cronPath(const SyncJob& job);

    /// The runner script (POSIX sh).
    static QString runnerScript(const SyncJob& job, const RsyncCommand::Peer& peer);
    static QString serviceUnit(const SyncJob& job);
    /// The timer; an error when the schedule is manual.
    static Result<QString> timerUnit(const SyncJob& job);
    /// The cron.d entry; an error when the schedule is manual or cron cannot
    /// say it (every N minutes where N does not divide 60 nor is a whole
    /// number of hours dividing 24).
    static Result<QString> cronEntry(const SyncJob& job);

    /// Shell command that prints "systemd", "cron" or "none": which
    /// scheduler runs on the host.
    static QString detectCommand();
    /// Shell command installing the job with @p scheduler (idempotent);
    /// an error when the scheduler cannot express the schedule.
    static Result<QString> installCommand(const SyncJob& job, const RsyncCommand::Peer& peer,
                                          Scheduler scheduler);
    static QString removeCommand(const SyncJob& job);
    /// Shell command taking, without waiting, the lock the runner takes
    /// (the state file's ".lock", on file descriptor 9, which the commands
    /// after it and their children inherit: `exec rsync` holds it to its
    /// end). When another run holds it, prints BusyLine on standard error
    /// and exits with BusyStatus. Where the lock file cannot be made (no
    /// write access to the state directory, so no runner either) or flock
    /// is missing, it takes no lock. To be followed by "; COMMAND".
    static QString lockCommand(const SyncJob& job);
    /// Shell command printing the state file (and its rotated half first).
    static QString readRunsCommand(const SyncJob& job);

    /// The runs in the state file's lines; lines that do not parse are
    /// skipped.
    static QList<SyncRunRecord> parseRuns(const QByteArray& lines);
    /// The times (UTC) at which the host's schedule started job @p job's
    /// runner while another run held its lock, from the state file's
    /// @p lines; other lines and other jobs are left out.
    static QList<QDateTime> parseBusySkips(const QByteArray& lines, const QString& job);
};

} // namespace relais
