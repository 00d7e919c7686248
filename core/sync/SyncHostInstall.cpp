#include "SyncHostInstall.h"

#include "HostReplicationLock.h"
#include "RsyncExitPolicy.h"
#include "SyncCanary.h"
#include "SyncError.h"
#include "common/ShellQuote.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

namespace {

/// "cat > TMP <<'EOF' … EOF && chmod MODE TMP && mv -f TMP PATH": the file
/// appears whole or not at all.
QString writeFile(const QString& path, const QString& content, const QString& mode)
{
    const QString tmp = path + QStringLiteral(".tmp");
    QString text = content;
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return QStringLiteral("cat > %1 <<'RELAIS_EOF'\n%2RELAIS_EOF\nchmod %3 %1 && mv -f %1 %4")
        .arg(shellQuote(tmp), text, mode, shellQuote(path));
}

/// An awk program (POSIX, no interval expressions: Debian's mawk lacks
/// them) reading rsync's output line by line and printing shell
/// assignments: each --stats total it finds, digits only, and changes=N,
/// the number of itemized change lines.
QString statsAwkProgram()
{
    const QList<std::pair<const char*, const char*>> totals = {
        {"Number of regular files transferred", "files"},
        {"Number of files", "files_total"},
        {"Number of created files", "created"},
        {"Number of deleted files", "deleted"},
        {"Total file size", "total_size"},
        {"Total transferred file size", "transferred_size"},
        {"Literal data", "literal"},
        {"Matched data", "matched"},
        {"Total bytes sent", "sent"},
        {"Total bytes received", "received"},
    };
    QString begin;
    for (const auto& [label, name] : totals)
        begin +=
            QStringLiteral("m[\"%1\"] = \"%2\"; ").arg(QLatin1String(label), QLatin1String(name));
    const QString attribute = QStringLiteral("[.+ cstpoguaxn?]");
    return QStringLiteral("BEGIN { %1}\n"
                          "/^([<>ch.][fdLDS]%2 |\\*deleting )/ { c++ }\n"
                          "($1 in m) { x = $2; sub(/ .*/, \"\", x); gsub(/,/, \"\", x); "
                          "if (x ~ /^[0-9]+$/) v[m[$1]] = x }\n"
                          "END { for (k in v) print k \"=\" v[k]; print \"changes=\" (c + 0) }")
        .arg(begin, attribute.repeated(9));
}

} // namespace

QString SyncHostInstall::unitName(const SyncJob& job)
{
    return QStringLiteral("relais-sync-") + job.name;
}

QString SyncHostInstall::runnerPath(const SyncJob& job)
{
    return QStringLiteral("/usr/local/lib/relais-sync/") + job.name + QStringLiteral(".sh");
}

QString SyncHostInstall::stateFile(const SyncJob& job)
{
    return QStringLiteral("/var/lib/relais-sync/") + job.name + QStringLiteral(".jsonl");
}

QString SyncHostInstall::cronPath(const SyncJob& job)
{
    return QStringLiteral("/etc/cron.d/") + unitName(job);
}

QString SyncHostInstall::runnerScript(const SyncJob& job, const RsyncCommand::Peer& peer)
{
    QStringList lines;
    lines << QStringLiteral("#!/bin/sh")
          << QStringLiteral("# Sync job %1, installed by Relais: do not edit (a re-install "
                            "replaces it).")
                 .arg(job.name)
          << QStringLiteral("set -u") << QStringLiteral("umask 077")
          << QStringLiteral("# RELAIS_SYNC_STATE_DIR moves the state file (tests).")
          << QStringLiteral("state=\"${RELAIS_SYNC_STATE_DIR:-/var/lib/relais-sync}\"/%1")
                 .arg(shellQuote(job.name + QStringLiteral(".jsonl")))
          << QStringLiteral("mkdir -p \"$(dirname \"$state\")\"")
          << QStringLiteral("now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }")
          << QStringLiteral("# One run at a time: while a run holds the lock, this start only "
                            "says it came.")
          << QStringLiteral("exec 9>>\"$state.lock\"") << QStringLiteral("if ! flock -n 9; then")
          << QStringLiteral(
                 "    printf '{\"job\":\"%s\",\"started_at\":\"%s\",\"skipped\":\"busy\"}\\n' "
                 "%1 \"$(now)\" >>\"$state\"")
                 .arg(shellQuote(job.name))
          << QStringLiteral("    exit 0") << QStringLiteral("fi")
          << QStringLiteral("started=$(now)") << QStringLiteral("out=$(mktemp)")
          << QStringLiteral("status=0");
    if (job.direction == SyncJob::Direction::Pull) // runs on backup: the guard's mark is here
        lines << QStringLiteral("( %1 ) 2>\"$out\" || status=$?")
                     .arg(HostReplicationLock::guardCommand());
    const HostRole here =
        job.direction == SyncJob::Direction::Push ? HostRole::Main : HostRole::Backup;
    for (const SyncHook& hook : job.preHooks) {
        if (hook.host != here)
            continue; // installCommand() refuses such a job
        lines << QStringLiteral("if [ \"$status\" -eq 0 ]; then")
              << QStringLiteral("    timeout %1 sh -c %2 >>\"$out\" 2>&1 </dev/null || status=%3")
                     .arg(hook.timeoutSeconds)
                     .arg(shellQuote(hook.command))
                     .arg(HookFailedStatus)
              << QStringLiteral("fi");
    }
    if (job.direction == SyncJob::Direction::Push)
        lines << QStringLiteral("if [ \"$status\" -eq 0 ]; then { %1; } || status=$?; fi")
                     .arg(SyncCanary::writeCommand(job));
    lines << QStringLiteral("if [ \"$status\" -eq 0 ]; then")
          << QStringLiteral("    %1 >\"$out\" 2>&1 </dev/null || status=$?")
                 .arg(RsyncCommand::commandLine(job, peer, RsyncCommand::Mode::Run))
          << QStringLiteral("fi")
          << QStringLiteral("if grep -qF %1 \"$out\"; then status=%2; fi")
                 .arg(shellQuote(QLatin1String(HostReplicationLock::RefusalText)))
                 .arg(HostReplicationLock::ExitStatus)
          << QStringLiteral("ended=$(now)")
          << QStringLiteral("# rsync's totals and the number of itemized changes (not the list), "
                            "in one pass.")
          << QStringLiteral("eval \"$(tr '\\r' '\\n' <\"$out\" | awk -F': ' '%1')\"")
                 .arg(statsAwkProgram())
          << QStringLiteral("bytes=${%1:-}")
                 .arg(RsyncCommand::initiatorReceives(job) ? QStringLiteral("received")
                                                           : QStringLiteral("sent"))
          << QStringLiteral("rm -f \"$out\"")
          << QStringLiteral("# Past 1 MiB the file starts again; the previous one is kept as .1.")
          << QStringLiteral(
                 "if [ \"$(stat -c %s \"$state\" 2>/dev/null || echo 0)\" -gt 1048576 ]; "
                 "then mv -f \"$state\" \"$state.1\"; fi")
          << QStringLiteral(
                 "printf '{\"job\":\"%s\",\"started_at\":\"%s\",\"ended_at\":\"%s\","
                 "\"exit\":%d,\"files\":%s,\"bytes\":%s,\"stats\":{\"files\":%s,"
                 "\"created\":%s,\"deleted\":%s,\"transferred\":%s,\"total_size\":%s,"
                 "\"transferred_size\":%s,\"literal\":%s,\"matched\":%s,\"sent\":%s,"
                 "\"received\":%s},\"changes\":%s}\\n' %1 \"$started\" \"$ended\" "
                 "\"$status\" \"${files:--1}\" \"${bytes:--1}\" \"${files_total:--1}\" "
                 "\"${created:--1}\" \"${deleted:--1}\" \"${files:--1}\" \"${total_size:--1}\" "
                 "\"${transferred_size:--1}\" \"${literal:--1}\" \"${matched:--1}\" "
                 "\"${sent:--1}\" \"${received:--1}\" \"${changes:-0}\" >>\"$state\"")
                 .arg(shellQuote(job.name))
          << QStringLiteral("exit \"$status\"");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString SyncHostInstall::serviceUnit(const SyncJob& job)
{
    return QStringLiteral("[Unit]\n"
                          "Description=Relais sync job %1\n"
                          "After=network-online.target\n"
                          "Wants=network-online.target\n"
                          "\n"
                          "[Service]\n"
                          "Type=oneshot\n"
                          "ExecStart=/bin/sh %2\n")
        .arg(job.name, runnerPath(job));
}

Result<QString> SyncHostInstall::timerUnit(const SyncJob& job)
{
    QString when;
    switch (job.schedule.kind) {
    case SyncSchedule::Kind::Manual:
        return Error(SyncError::RsyncFailed,
                     tr("the job %1 runs on demand only: nothing to install").arg(job.name));
    case SyncSchedule::Kind::Every:
        when = QStringLiteral("OnBootSec=%1min\nOnUnitActiveSec=%1min\n")
                   .arg(job.schedule.everyMinutes);
        break;
    case SyncSchedule::Kind::Daily:
        when = QStringLiteral("OnCalendar=*-*-* %1:00\nPersistent=true\n")
                   .arg(job.schedule.dailyAt.toString(QStringLiteral("HH:mm")));
        break;
    }
    return QStringLiteral("[Unit]\n"
                          "Description=Relais sync job %1 (schedule)\n"
                          "\n"
                          "[Timer]\n"
                          "%2"
                          "AccuracySec=10s\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n")
        .arg(job.name, when);
}

Result<QString> SyncHostInstall::cronEntry(const SyncJob& job)
{
    QString when;
    const int n = job.schedule.everyMinutes;
    switch (job.schedule.kind) {
    case SyncSchedule::Kind::Manual:
        return Error(SyncError::RsyncFailed,
                     tr("the job %1 runs on demand only: nothing to install").arg(job.name));
    case SyncSchedule::Kind::Every:
        if (n >= 1 && n < 60 && 60 % n == 0)
            when = n == 1 ? QStringLiteral("* * * * *") : QStringLiteral("*/%1 * * * *").arg(n);
        else if (n >= 60 && n % 60 == 0 && 24 % (n / 60) == 0)
            when =
                n == 60 ? QStringLiteral("0 * * * *") : QStringLiteral("0 */%1 * * *").arg(n / 60);
        else
            return Error(SyncError::RsyncFailed,
                         tr("cron cannot run a job every %1 minutes; use a systemd timer or a "
                            "period dividing an hour or a day")
                             .arg(n));
        break;
    case SyncSchedule::Kind::Daily:
        when = QStringLiteral("%1 %2 * * *")
                   .arg(job.schedule.dailyAt.minute())
                   .arg(job.schedule.dailyAt.hour());
        break;
    }
    return QStringLiteral("# Sync job %1, installed by Relais.\n"
                          "SHELL=/bin/sh\n"
                          "%2 root /bin/sh %3 >/dev/null 2>&1\n")
        .arg(job.name, when, runnerPath(job));
}

QString SyncHostInstall::detectCommand()
{
    return QStringLiteral(
        "if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then echo systemd; "
        "elif [ -d /etc/cron.d ] && { pidof cron || pidof crond; } >/dev/null 2>&1; then echo "
        "cron; else echo none; fi");
}

Result<QString> SyncHostInstall::installCommand(const SyncJob& job, const RsyncCommand::Peer& peer,
                                                Scheduler scheduler)
{
    const HostRole here =
        job.direction == SyncJob::Direction::Push ? HostRole::Main : HostRole::Backup;
    for (const SyncHook& hook : job.preHooks) {
        if (hook.host != here)
            return Error(SyncError::HookFailed,
                         tr("The job has a pre-sync hook on %1, which the installed job cannot "
                            "run (it starts on %2 and its key can only run rsync there). Run "
                            "this job from the console, or move the hook to %2.")
                             .arg(hook.host == HostRole::Main ? QStringLiteral("main")
                                                              : QStringLiteral("backup"),
                                  here == HostRole::Main ? QStringLiteral("main")
                                                         : QStringLiteral("backup")));
    }
    QStringList steps;
    steps << QStringLiteral("set -e")
          << QStringLiteral("mkdir -p /usr/local/lib/relais-sync /var/lib/relais-sync")
          << writeFile(runnerPath(job), runnerScript(job, peer), QStringLiteral("0700"));
    const QString unit = unitName(job);
    if (scheduler == Scheduler::Systemd) {
        const Result<QString> timer = timerUnit(job);
        if (!timer)
            return timer.error();
        steps << QStringLiteral("rm -f %1").arg(shellQuote(cronPath(job)))
              << writeFile(QStringLiteral("/etc/systemd/system/%1.service").arg(unit),
                           serviceUnit(job), QStringLiteral("0644"))
              << writeFile(QStringLiteral("/etc/systemd/system/%1.timer").arg(unit), *timer,
                           QStringLiteral("0644"))
              << QStringLiteral("systemctl daemon-reload")
              << QStringLiteral("systemctl enable --now %1.timer").arg(unit);
    } else {
        const Result<QString> cron = cronEntry(job);
        if (!cron)
            return cron.error();
        steps
            << QStringLiteral("systemctl disable --now %1.timer >/dev/null 2>&1 || true").arg(unit)
            << QStringLiteral("rm -f /etc/systemd/system/%1.service /etc/systemd/system/%1.timer")
                   .arg(unit)
            << writeFile(cronPath(job), *cron, QStringLiteral("0644"));
    }
    return QString(steps.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

QString SyncHostInstall::removeCommand(const SyncJob& job)
{
    const QString unit = unitName(job);
    return QStringLiteral("systemctl disable --now %1.timer >/dev/null 2>&1 || true\n"
                          "rm -f /etc/systemd/system/%1.service /etc/systemd/system/%1.timer\n"
                          "systemctl daemon-reload >/dev/null 2>&1 || true\n"
                          "rm -f %2 %3 %4.lock\n")
        .arg(unit, shellQuote(cronPath(job)), shellQuote(runnerPath(job)),
             shellQuote(stateFile(job)));
}

QString SyncHostInstall::lockCommand(const SyncJob& job)
{
    // The runner's lock file (runnerScript(): "$state.lock"); the test
    // "( : >> FILE )" keeps a failing open from ending the shell, as a
    // failing "exec 9>>FILE" would.
    return QStringLiteral("relais_lock=\"${RELAIS_SYNC_STATE_DIR:-/var/lib/relais-sync}\"/%1; "
                          "if mkdir -p \"${relais_lock%/*}\" 2>/dev/null && "
                          "( : >>\"$relais_lock\" ) 2>/dev/null && "
                          "command -v flock >/dev/null 2>&1; then exec 9>>\"$relais_lock\"; "
                          "flock -n 9 || { echo '%2' >&2; exit %3; }; fi")
        .arg(shellQuote(job.name + QStringLiteral(".jsonl.lock")), QLatin1String(BusyLine))
        .arg(BusyStatus);
}

QString SyncHostInstall::readRunsCommand(const SyncJob& job)
{
    const QString state = shellQuote(stateFile(job));
    return QStringLiteral("cat %1.1 %1 2>/dev/null || true").arg(state);
}

QList<SyncRunRecord> SyncHostInstall::parseRuns(const QByteArray& lines)
{
    QList<SyncRunRecord> runs;
    for (const QByteArray& line : lines.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        SyncRunRecord run;
        run.job = o.value(QStringLiteral("job")).toString();
        run.startedAt = QDateTime::fromString(o.value(QStringLiteral("started_at")).toString(),
                                              Qt::ISODateWithMs);
        run.endedAt = QDateTime::fromString(o.value(QStringLiteral("ended_at")).toString(),
                                            Qt::ISODateWithMs);
        if (run.job.isEmpty() || !run.startedAt.isValid() || !run.endedAt.isValid() ||
            !o.value(QStringLiteral("exit")).isDouble())
            continue;
        run.startedAt = run.startedAt.toUTC();
        run.endedAt = run.endedAt.toUTC();
        run.exitStatus = o.value(QStringLiteral("exit")).toInt();
        run.files = qint64(o.value(QStringLiteral("files")).toDouble(-1));
        run.bytes = qint64(o.value(QStringLiteral("bytes")).toDouble(-1));
        // Runners installed before the totals wrote none.
        const QJsonObject stats = o.value(QStringLiteral("stats")).toObject();
        const auto stat = [&stats](const char* key) {
            return qint64(stats.value(QLatin1String(key)).toDouble(-1));
        };
        run.stats.files = stat("files");
        run.stats.createdFiles = stat("created");
        run.stats.deletedFiles = stat("deleted");
        run.stats.transferredFiles = stat("transferred");
        run.stats.totalSize = stat("total_size");
        run.stats.transferredSize = stat("transferred_size");
        run.stats.literalData = stat("literal");
        run.stats.matchedData = stat("matched");
        run.stats.bytesSent = stat("sent");
        run.stats.bytesReceived = stat("received");
        run.itemCount = std::max<qint64>(0, qint64(o.value(QStringLiteral("changes")).toDouble(0)));
        const RsyncExitPolicy::Verdict verdict = RsyncExitPolicy::classify(run.exitStatus);
        switch (verdict.outcome) {
        case RsyncExitPolicy::Outcome::Success:
            run.outcome = SyncRunRecord::Outcome::Success;
            break;
        case RsyncExitPolicy::Outcome::Warning:
            run.outcome = SyncRunRecord::Outcome::Warning;
            break;
        case RsyncExitPolicy::Outcome::Retry:
            run.outcome = SyncRunRecord::Outcome::Retry;
            break;
        case RsyncExitPolicy::Outcome::Fail:
            run.outcome = SyncRunRecord::Outcome::Fail;
            break;
        }
        run.message = verdict.message;
        runs.append(run);
    }
    return runs;
}

QList<QDateTime> SyncHostInstall::parseBusySkips(const QByteArray& lines, const QString& job)
{
    QList<QDateTime> skips;
    for (const QByteArray& line : lines.split('\n')) {
        if (!line.contains("\"skipped\""))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("job")).toString() != job ||
            o.value(QStringLiteral("skipped")).toString() != QLatin1String("busy"))
            continue;
        const QDateTime at = QDateTime::fromString(o.value(QStringLiteral("started_at")).toString(),
                                                   Qt::ISODateWithMs);
        if (at.isValid())
            skips.append(at.toUTC());
    }
    return skips;
}

} // namespace relais
