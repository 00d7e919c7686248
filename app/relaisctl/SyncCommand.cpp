#include "SyncCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "site/SiteDocument.h"
#include "ssh/KnownHosts.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"
#include "sync/ReplicationKeySetup.h"
#include "sync/ReplicationLock.h"
#include "sync/RsyncProgress.h"
#include "sync/SyncCanary.h"
#include "sync/SyncError.h"
#include "sync/SyncHistory.h"
#include "sync/SyncHostInstall.h"
#include "sync/SyncRunJob.h"
#include "sync/SyncTiming.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <unistd.h>

namespace relais {

namespace {

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue isoOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue();
}

const char* outcomeName(SyncRunRecord::Outcome outcome)
{
    switch (outcome) {
    case SyncRunRecord::Outcome::Success:
        return "success";
    case SyncRunRecord::Outcome::Warning:
        return "warning";
    case SyncRunRecord::Outcome::Retry:
        return "retry";
    case SyncRunRecord::Outcome::Fail:
        return "fail";
    case SyncRunRecord::Outcome::Cancelled:
        break;
    }
    return "cancelled";
}

/// "1.2 MB" style sizes for the progress line.
QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

/// The verb of a change in dry-run lists and JSON.
QString changeVerb(RsyncItem::Change change)
{
    switch (change) {
    case RsyncItem::Change::Sent:
        return QStringLiteral("send");
    case RsyncItem::Change::Created:
        return QStringLiteral("create");
    case RsyncItem::Change::HardLink:
        return QStringLiteral("link");
    case RsyncItem::Change::Attributes:
        return QStringLiteral("attrs");
    case RsyncItem::Change::Deleted:
        break;
    }
    return QStringLiteral("delete");
}

QJsonValue numberOrNull(qint64 n)
{
    return n >= 0 ? QJsonValue(double(n)) : QJsonValue();
}

QJsonObject statsJson(const RsyncStats& stats)
{
    return QJsonObject{{QStringLiteral("files"), numberOrNull(stats.files)},
                       {QStringLiteral("created_files"), numberOrNull(stats.createdFiles)},
                       {QStringLiteral("deleted_files"), numberOrNull(stats.deletedFiles)},
                       {QStringLiteral("transferred_files"), numberOrNull(stats.transferredFiles)},
                       {QStringLiteral("total_size"), numberOrNull(stats.totalSize)},
                       {QStringLiteral("transferred_size"), numberOrNull(stats.transferredSize)},
                       {QStringLiteral("literal_data"), numberOrNull(stats.literalData)},
                       {QStringLiteral("matched_data"), numberOrNull(stats.matchedData)},
                       {QStringLiteral("bytes_sent"), numberOrNull(stats.bytesSent)},
                       {QStringLiteral("bytes_received"), numberOrNull(stats.bytesReceived)}};
}

QJsonArray itemsJson(const QList<RsyncItem>& items)
{
    QJsonArray list;
    for (const RsyncItem& item : items) {
        list.append(QJsonObject{{QStringLiteral("flags"), item.flags},
                                {QStringLiteral("change"), changeVerb(item.change)},
                                {QStringLiteral("path"), item.path}});
    }
    return list;
}

} // namespace

SyncCommand::SyncCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

SyncCommand::~SyncCommand()
{
    // Jobs go before the sessions they use.
    m_run.reset();
    m_canary.reset();
    m_hostJob.reset();
    m_keySetup.reset();
}

int SyncCommand::start(const QStringList& arguments)
{
    const QString usage = tr("Usage: relaisctl sync run|dry-run|status|install|setup-key --site "
                             "FILE JOB\n"
                             "Takes --vault FILE and --passphrase-file FILE as \"relaisctl "
                             "vault\" does. \"relaisctl sync run --help\" describes it.");
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help") ||
        command == QStringLiteral("help")) {
        m_out << usage << Qt::endl;
        return ExitCode::Ok;
    }
    const QStringList rest = QStringList{program + QLatin1Char(' ') + command} + arguments.mid(2);
    if (command == QStringLiteral("run"))
        return prepare(Action::Run, rest);
    if (command == QStringLiteral("dry-run"))
        return prepare(Action::DryRun, rest);
    if (command == QStringLiteral("status"))
        return prepare(Action::Status, rest);
    if (command == QStringLiteral("install"))
        return prepare(Action::Install, rest);
    if (command == QStringLiteral("setup-key"))
        return prepare(Action::SetupKey, rest);
    if (!command.isEmpty())
        m_err << tr("Unknown sync command: %1").arg(command) << Qt::endl;
    m_err << usage << Qt::endl;
    return ExitCode::Error;
}

int SyncCommand::prepare(Action action, const QStringList& arguments)
{
    m_action = action;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("run: one run of the sync job JOB (hooks, canary, rsync between the hosts, retries), "
           "kept in the history. dry-run: list what a run would change, changing nothing. "
           "status: the job's last runs, next run, direction lock and RPO (age of the canary "
           "on backup) against the site's target. install: put the job on its initiating host "
           "(a systemd timer, else a cron entry) so it runs with no console open. setup-key: make "
           "the job's replication key, its private half on the initiating host and its public "
           "half on the other host, confined to rsync on the job's paths."));
    parser.addHelpOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), tr("The site document."),
                                        tr("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON (status)."));
    const QCommandLineOption vaultOption(
        QStringLiteral("vault"),
        tr("The vault with the SSH keys (default: the site's \"vault\", else %1).")
            .arg(Paths::vaultFile()),
        tr("FILE"));
    const QCommandLineOption passphraseOption(
        QStringLiteral("passphrase-file"),
        tr("Read the vault passphrase from FILE (its first line). Without it, the passphrase "
           "comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the "
           "terminal."),
        tr("FILE"));
    const QCommandLineOption keyDirOption(
        QStringLiteral("key-dir"),
        tr("Where the job's replication key is on the initiating host (default "
           "~/.ssh/relais-sync)."),
        tr("DIR"), QStringLiteral("~/.ssh/relais-sync"));
    const QCommandLineOption systemdOption(QStringLiteral("systemd"),
                                           tr("install: use a systemd timer."));
    const QCommandLineOption cronOption(QStringLiteral("cron"), tr("install: use a cron entry."));
    const QCommandLineOption removeOption(QStringLiteral("remove"),
                                          tr("install: remove the installed job."));
    const QCommandLineOption reverseOption(
        QStringLiteral("reverse"),
        tr("setup-key: the key of the reverse flow (failback, backup to main)."));
    const QCommandLineOption authorizedKeysOption(
        QStringLiteral("authorized-keys"),
        tr("setup-key: the other host's authorized_keys file, when its sshd reads another one "
           "(default ~/.ssh/authorized_keys)."),
        tr("FILE"), QStringLiteral("~/.ssh/authorized_keys"));
    parser.addOptions({siteOption, jsonOption, vaultOption, passphraseOption, keyDirOption,
                       systemdOption, cronOption, removeOption, reverseOption,
                       authorizedKeysOption});
    parser.addPositionalArgument(QStringLiteral("JOB"), tr("The sync job's name."));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(siteOption) || positional.size() != 1) {
        m_err << tr("Usage: relaisctl sync run|dry-run|status|install|setup-key --site FILE "
                    "[--json] JOB")
              << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(systemdOption) && parser.isSet(cronOption)) {
        m_err << tr("Choose --systemd or --cron, not both.") << Qt::endl;
        return ExitCode::Error;
    }
    m_remove = parser.isSet(removeOption);
    m_reverse = parser.isSet(reverseOption);
    m_authorizedKeys = parser.value(authorizedKeysOption);
    if (parser.isSet(systemdOption))
        m_forcedScheduler = int(SyncHostInstall::Scheduler::Systemd);
    else if (parser.isSet(cronOption))
        m_forcedScheduler = int(SyncHostInstall::Scheduler::Cron);
    m_json = parser.isSet(jsonOption);
    m_terminal = ::isatty(STDERR_FILENO) == 1;
    m_sitePath = parser.value(siteOption);
    Result<Site> site = SiteDocument::load(m_sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(m_sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_site = std::move(site).value();
    const QString name = positional.first();
    const auto found = std::find_if(m_site->syncJobs.cbegin(), m_site->syncJobs.cend(),
                                    [&](const SyncJob& j) { return j.name == name; });
    if (found == m_site->syncJobs.cend()) {
        QStringList names;
        for (const SyncJob& j : m_site->syncJobs)
            names << j.name;
        m_err << tr("The site has no sync job \"%1\" (its jobs: %2).")
                     .arg(name, names.isEmpty() ? tr("none") : names.join(QStringLiteral(", ")))
              << Qt::endl;
        return ExitCode::Error;
    }
    m_job = *found;

    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (!database) {
        m_err << tr("Cannot open the database %1: %2")
                     .arg(Paths::databaseFile(), database.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_database = std::move(database).value();

    const QString vaultPath = parser.isSet(vaultOption)
                                  ? parser.value(vaultOption)
                                  : SiteDocument::vaultPath(*m_site, m_sitePath);
    std::optional<QString> passphraseFile;
    if (parser.isSet(passphraseOption))
        passphraseFile = parser.value(passphraseOption);
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;
    std::optional<SshSessionOptions> mainOptions =
        SshCommand::sessionOptions(*vault, m_site->main, vaultPath, m_err);
    std::optional<SshSessionOptions> backupOptions =
        SshCommand::sessionOptions(*vault, m_site->backup, vaultPath, m_err);
    if (!mainOptions || !backupOptions)
        return ExitCode::Error;
    m_main = std::make_unique<SshSession>(std::move(*mainOptions), &m_verifier);
    m_backup = std::make_unique<SshSession>(std::move(*backupOptions), &m_verifier);

    // How the initiating host reaches the other one, with the job's key.
    const Host& other = m_job.direction == SyncJob::Direction::Push ? m_site->backup : m_site->main;
    m_peer.user = other.ssh.user.isEmpty() ? QStringLiteral("root") : other.ssh.user;
    m_peer.address = other.address;
    m_peer.port = other.ssh.port > 0 ? other.ssh.port : 22;
    const QString keyDir = parser.value(keyDirOption);
    m_keyDir = keyDir;
    m_peer.keyPath = keyDir + QLatin1Char('/') + m_job.name;
    m_peer.knownHostsPath = m_peer.keyPath + QStringLiteral(".known_hosts");

    if (action == Action::Install && !m_remove) {
        // An installed main → backup job would keep copying after a
        // failover: not while the direction guard holds.
        const Result<std::optional<ReplicationLock::State>> state =
            ReplicationLock(*m_database, SiteDocument::siteKey(m_sitePath)).state();
        if (!state) {
            m_err << tr("Cannot read the direction lock: %1").arg(state.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        if (state->has_value()) {
            m_err << tr("Replication main → backup is locked (%1); the job is not installed. "
                        "Fail back first, which unlocks it.")
                         .arg((*state)->reason)
                  << Qt::endl;
            return ExitCode::Error;
        }
    }

    if (action == Action::Status)
        startStatus();
    else if (action == Action::Install)
        startInstall();
    else if (action == Action::SetupKey)
        startSetupKey();
    else
        startRun(action == Action::Run ? RsyncCommand::Mode::Run : RsyncCommand::Mode::DryRun);
    return -1;
}

void SyncCommand::startRun(RsyncCommand::Mode mode)
{
    m_run = std::make_unique<SyncRunJob>(m_job, m_peer, m_main.get(), m_backup.get(), mode,
                                         SystemClock::instance());
    // Push and pull both copy main → backup: after a failover the lock
    // holds either.
    const Result<std::optional<ReplicationLock::State>> state =
        ReplicationLock(*m_database, SiteDocument::siteKey(m_sitePath)).state();
    if (state && state->has_value())
        m_run->setLocked((*state)->reason);
    connect(m_run.get(), &SyncRunJob::progress, this, &SyncCommand::onProgress);
    connect(m_run.get(), &SyncRunJob::retrying, this,
            [this](int attempt, int delayMs, const QString& reason) {
                if (m_progressShown)
                    m_err << Qt::endl;
                m_progressShown = false;
                m_err << tr("Attempt %1 failed: %2").arg(attempt).arg(reason) << Qt::endl
                      << tr("Retrying in %1 s.").arg(delayMs / 1000) << Qt::endl;
            });
    connect(m_run.get(), &SyncRunJob::finished, this, &SyncCommand::onRunFinished);
    m_run->start();
}

void SyncCommand::onProgress(const RsyncProgress& progress)
{
    if (!m_terminal)
        return;
    const QString eta = progress.etaSeconds >= 0
                            ? QStringLiteral("%1:%2")
                                  .arg(progress.etaSeconds / 60)
                                  .arg(progress.etaSeconds % 60, 2, 10, QLatin1Char('0'))
                            : QStringLiteral("--:--");
    m_err << QLatin1Char('\r')
          << tr("%1 %2%  %3/s  ETA %4  ")
                 .arg(bytesText(progress.bytes))
                 .arg(progress.percent, 3)
                 .arg(bytesText(progress.bytesPerSecond), eta)
          << Qt::flush;
    m_progressShown = true;
}

void SyncCommand::onRunFinished()
{
    if (m_progressShown)
        m_err << Qt::endl;
    const SyncRunRecord& record = m_run->record();
    if (m_action == Action::DryRun) {
        for (const RsyncItem& item : m_run->items()) {
            if (item.path == QLatin1String(SyncCanary::FileName) ||
                item.path == QStringLiteral("./"))
                continue;
            m_out << item.flags << QLatin1Char(' ') << changeVerb(item.change) << QLatin1Char(' ')
                  << item.path << Qt::endl;
        }
    }
    {
        // A dry run is kept too, with what it would change.
        SyncHistory history(*m_database, SiteDocument::siteKey(m_sitePath));
        const Result<void> kept = history.record(record);
        if (!kept)
            m_err << tr("The run could not be kept in the history: %1").arg(kept.error().toString())
                  << Qt::endl;
    }
    if (!m_run->result()) {
        m_err << tr("Sync job %1 failed: %2").arg(m_job.name, m_run->result().error().message())
              << Qt::endl;
        finish(ExitCode::Failing);
        return;
    }
    if (m_action == Action::Run) {
        const RsyncStats& stats = m_run->stats();
        m_out << tr("%1: %2 (%3 files, %4 sent in %5 s)")
                     .arg(m_job.name, record.message)
                     .arg(record.files)
                     .arg(bytesText(std::max<qint64>(0, stats.bytesSent)))
                     .arg(record.durationMs() / 1000.0, 0, 'f', 1)
              << Qt::endl;
        if (record.outcome == SyncRunRecord::Outcome::Warning)
            m_err << tr("Warning: %1").arg(record.message) << Qt::endl;
    }
    finish(ExitCode::Ok);
}

SshSession* SyncCommand::initiating() const
{
    return m_job.direction == SyncJob::Direction::Push ? m_main.get() : m_backup.get();
}

void SyncCommand::startInstall()
{
    const QString command =
        m_remove ? SyncHostInstall::removeCommand(m_job) : SyncHostInstall::detectCommand();
    m_hostJob = std::make_unique<SshCommandJob>(initiating(), command, 60000);
    connect(m_hostJob.get(), &SshCommandJob::finished, this, [this] {
        const Result<int>& result = m_hostJob->result();
        if (!result || *result != 0) {
            m_err << tr("Cannot reach the initiating host: %1")
                         .arg(result ? QString::fromUtf8(m_hostJob->standardError()).trimmed()
                                     : result.error().message())
                  << Qt::endl;
            finish(ExitCode::Error);
            return;
        }
        if (m_remove) {
            m_out << tr("Sync job %1 removed from its host.").arg(m_job.name) << Qt::endl;
            finish(ExitCode::Ok);
            return;
        }
        onDetected();
    });
    m_hostJob->start();
}

void SyncCommand::startSetupKey()
{
    SshSession* other = m_job.direction == SyncJob::Direction::Push ? m_backup.get() : m_main.get();
    // The other host's keys as Relais trusts them go into the initiating
    // host's known_hosts for the job.
    const Result<QList<KnownHostsEntry>> entries =
        KnownHosts(initiating()->options().knownHostsPath).entries();
    QList<HostKey> keys;
    if (entries) {
        for (const KnownHostsEntry& entry : *entries) {
            if (entry.host == m_peer.address && entry.port == m_peer.port)
                keys.append(entry.key);
        }
    }
    if (keys.isEmpty()) {
        m_err << tr("Relais trusts no host key of %1 yet; check it and run \"relaisctl ssh "
                    "trust\" first.")
                     .arg(KnownHosts::hostPattern(m_peer.address, m_peer.port))
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    m_keySetup = std::make_unique<ReplicationKeySetup>(m_job, initiating(), other, m_peer.address,
                                                       m_peer.port, keys);
    m_keySetup->setKeyDirectory(m_keyDir);
    m_keySetup->setAuthorizedKeysPath(m_authorizedKeys);
    m_keySetup->setFlow(m_reverse ? RsyncCommand::Flow::Reverse : RsyncCommand::Flow::Forward);
    connect(m_keySetup.get(), &ReplicationKeySetup::finished, this, [this] {
        const Result<void>& result = m_keySetup->result();
        if (!result) {
            m_err << tr("Cannot set up the replication key of %1: %2")
                         .arg(m_job.name, result.error().message())
                  << Qt::endl;
            finish(ExitCode::Error);
            return;
        }
        const QString keyName = RsyncCommand::keyName(
            m_job, m_reverse ? RsyncCommand::Flow::Reverse : RsyncCommand::Flow::Forward);
        m_out << tr("Replication key %1 set up: its private half in %2 on %3, its public half "
                    "in %4 on %5, confined to: %6")
                     .arg(keyName, m_keyDir + QLatin1Char('/') + keyName,
                          initiating()->options().target.address, m_authorizedKeys, m_peer.address,
                          RsyncCommand::forcedCommand(m_job, m_reverse
                                                                 ? RsyncCommand::Flow::Reverse
                                                                 : RsyncCommand::Flow::Forward))
              << Qt::endl;
        finish(ExitCode::Ok);
    });
    m_keySetup->start();
}

void SyncCommand::onDetected()
{
    const QString found = QString::fromUtf8(m_hostJob->standardOutput()).trimmed();
    if (m_forcedScheduler) {
        install(*m_forcedScheduler);
        return;
    }
    if (found == QStringLiteral("systemd")) {
        install(int(SyncHostInstall::Scheduler::Systemd));
    } else if (found == QStringLiteral("cron")) {
        install(int(SyncHostInstall::Scheduler::Cron));
    } else {
        m_err << tr("Neither systemd nor cron runs on the initiating host; install one, or "
                    "write the files anyway with --systemd or --cron.")
              << Qt::endl;
        finish(ExitCode::Error);
    }
}

void SyncCommand::install(int scheduler)
{
    const auto chosen = static_cast<SyncHostInstall::Scheduler>(scheduler);
    const Result<QString> command = SyncHostInstall::installCommand(m_job, m_peer, chosen);
    if (!command) {
        m_err << tr("Cannot install the job %1: %2").arg(m_job.name, command.error().message())
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    m_hostJob = std::make_unique<SshCommandJob>(initiating(), *command, 60000);
    connect(m_hostJob.get(), &SshCommandJob::finished, this, [this, chosen] {
        const Result<int>& result = m_hostJob->result();
        if (!result || *result != 0) {
            m_err << tr("Installing the job failed: %1")
                         .arg(result ? QString::fromUtf8(m_hostJob->standardError()).trimmed()
                                     : result.error().message())
                  << Qt::endl;
            finish(ExitCode::Error);
            return;
        }
        m_out << (chosen == SyncHostInstall::Scheduler::Systemd
                      ? tr("Sync job %1 installed as the systemd timer %2.timer; its runs go to "
                           "%3.")
                            .arg(m_job.name, SyncHostInstall::unitName(m_job),
                                 SyncHostInstall::stateFile(m_job))
                      : tr("Sync job %1 installed as %2; its runs go to %3.")
                            .arg(m_job.name, SyncHostInstall::cronPath(m_job),
                                 SyncHostInstall::stateFile(m_job)))
              << Qt::endl;
        finish(ExitCode::Ok);
    });
    m_hostJob->start();
}

void SyncCommand::startStatus()
{
    // The runs of the job installed on its host first, into the history.
    m_hostJob = std::make_unique<SshCommandJob>(initiating(),
                                                SyncHostInstall::readRunsCommand(m_job), 20000);
    connect(m_hostJob.get(), &SshCommandJob::finished, this, &SyncCommand::onHostRunsRead);
    m_hostJob->start();
}

void SyncCommand::onHostRunsRead()
{
    const Result<int>& result = m_hostJob->result();
    if (result && *result == 0) {
        SyncHistory history(*m_database, SiteDocument::siteKey(m_sitePath));
        // One transaction (one sync to disk) for all the runs read back,
        // taking the write lock at once: a console writing in between
        // cannot make its inserts fail half way.
        QSqlQuery transaction(m_database->connection());
        const bool batched = transaction.exec(QStringLiteral("BEGIN IMMEDIATE"));
        const QByteArray lines = m_hostJob->standardOutput();
        for (const QDateTime& skipped : SyncHostInstall::parseBusySkips(lines, m_job.name)) {
            if (!m_lastBusySkip.isValid() || skipped > m_lastBusySkip)
                m_lastBusySkip = skipped;
        }
        for (const SyncRunRecord& run : SyncHostInstall::parseRuns(lines)) {
            if (run.job != m_job.name)
                continue;
            const Result<bool> added = history.recordOnce(run);
            if (added && *added)
                ++m_imported;
        }
        if (batched && !transaction.exec(QStringLiteral("COMMIT"))) {
            transaction.exec(QStringLiteral("ROLLBACK"));
            m_imported = 0;
        }
    }
    m_canary =
        std::make_unique<SshCommandJob>(m_backup.get(), SyncCanary::readCommand(m_job), 20000);
    connect(m_canary.get(), &SshCommandJob::finished, this, &SyncCommand::onCanaryRead);
    m_canary->start();
}

void SyncCommand::onCanaryRead()
{
    std::optional<qint64> ageMs;
    QString canaryError;
    const Result<int>& read = m_canary->result();
    if (read && *read == 0)
        ageMs = SyncCanary::ageMs(m_canary->standardOutput());
    else
        canaryError =
            read ? QString::fromUtf8(m_canary->standardError()).trimmed() : read.error().message();

    SyncHistory history(*m_database, SiteDocument::siteKey(m_sitePath));
    const Result<QList<SyncRunRecord>> runs = history.recent(
        m_job.name, 5, m_json ? SyncHistory::Detail::WithItems : SyncHistory::Detail::Summary);
    // Dry runs are kept too; the schedule counts real runs only.
    const Result<std::optional<SyncRunRecord>> lastRun = history.lastRun(m_job.name);
    QDateTime lastStart;
    if (lastRun && lastRun->has_value())
        lastStart = (*lastRun)->startedAt;
    // A start on the host that found a run still going came on time.
    const bool skippedLast =
        m_lastBusySkip.isValid() && (!lastStart.isValid() || m_lastBusySkip > lastStart);
    if (skippedLast)
        lastStart = m_lastBusySkip;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::optional<QDateTime> next =
        SyncTiming::nextDue(m_job.schedule, lastStart, now, QTimeZone::systemTimeZone());
    const std::optional<QDateTime> missed = SyncTiming::missedSince(
        m_job.schedule, lastStart, QDateTime(), now, QTimeZone::systemTimeZone(),
        SyncTiming::defaultGraceSeconds(m_job.schedule));
    ReplicationLock lock(*m_database, SiteDocument::siteKey(m_sitePath));
    const Result<std::optional<ReplicationLock::State>> lockState = lock.state();
    const bool locked = lockState && lockState->has_value();
    const qint64 targetMs = qint64(m_site->targets.rpoMinutes) * 60000;
    const bool withinTarget = ageMs && *ageMs <= targetMs;

    if (m_json) {
        QJsonArray list;
        if (runs) {
            for (const SyncRunRecord& r : *runs) {
                list.append(
                    QJsonObject{{QStringLiteral("started_at"), isoOrNull(r.startedAt)},
                                {QStringLiteral("ended_at"), isoOrNull(r.endedAt)},
                                {QStringLiteral("dry_run"), r.dryRun},
                                {QStringLiteral("exit_status"), r.exitStatus},
                                {QStringLiteral("outcome"), QLatin1String(outcomeName(r.outcome))},
                                {QStringLiteral("files"), double(r.files)},
                                {QStringLiteral("bytes"), double(r.bytes)},
                                {QStringLiteral("message"), r.message},
                                {QStringLiteral("stats"), statsJson(r.stats)},
                                {QStringLiteral("item_count"), double(r.itemCount)},
                                {QStringLiteral("items_not_kept"), double(r.itemsNotKept())},
                                {QStringLiteral("items"), itemsJson(r.items)}});
            }
        }
        QJsonObject json{
            {QStringLiteral("version"), 1},
            {QStringLiteral("job"), m_job.name},
            {QStringLiteral("direction"), m_job.direction == SyncJob::Direction::Push
                                              ? QStringLiteral("push")
                                              : QStringLiteral("pull")},
            {QStringLiteral("runs"), list},
            {QStringLiteral("next_run"), next ? isoOrNull(*next) : QJsonValue()},
            {QStringLiteral("locked"), locked},
            {QStringLiteral("lock_reason"),
             locked ? QJsonValue((*lockState)->reason) : QJsonValue()},
            {QStringLiteral("rpo_seconds"),
             ageMs ? QJsonValue(double(*ageMs / 1000)) : QJsonValue()},
            {QStringLiteral("rpo_target_seconds"), double(targetMs / 1000)},
            {QStringLiteral("rpo_ok"), withinTarget},
            {QStringLiteral("missed_since"), missed ? isoOrNull(*missed) : QJsonValue()},
            {QStringLiteral("skipped_busy_at"),
             skippedLast ? isoOrNull(m_lastBusySkip) : QJsonValue()},
            {QStringLiteral("host_runs_imported"), m_imported}};
        if (!canaryError.isEmpty())
            json.insert(QStringLiteral("canary_error"), canaryError);
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        const QLocale locale;
        m_out << tr("Sync job %1").arg(m_job.name) << Qt::endl;
        m_out << QStringLiteral("  ")
              << (locked ? tr("Locked: %1").arg((*lockState)->reason) : tr("Not locked"))
              << Qt::endl;
        m_out << QStringLiteral("  ")
              << tr("Next run: %1")
                     .arg(next ? locale.toString(next->toLocalTime(), QLocale::ShortFormat)
                               : tr("on demand"))
              << Qt::endl;
        if (ageMs)
            m_out << QStringLiteral("  ")
                  << tr("RPO now: %1 min (target %2 min)%3")
                         .arg(*ageMs / 60000.0, 0, 'f', 1)
                         .arg(m_site->targets.rpoMinutes)
                         .arg(withinTarget ? QString() : tr(" — over target"))
                  << Qt::endl;
        else
            m_out << QStringLiteral("  ") << tr("RPO now: unknown (no canary on backup yet)")
                  << Qt::endl;
        if (missed)
            m_out << QStringLiteral("  ")
                  << tr("Missed: the run due at %1 did not happen")
                         .arg(locale.toString(missed->toLocalTime(), QLocale::ShortFormat))
                  << Qt::endl;
        if (skippedLast)
            m_out << QStringLiteral("  ")
                  << tr("Skipped: the host's start at %1 found a run of the job still going")
                         .arg(locale.toString(m_lastBusySkip.toLocalTime(), QLocale::ShortFormat))
                  << Qt::endl;
        m_out << QStringLiteral("  ") << tr("Last runs:") << Qt::endl;
        if (!runs || runs->isEmpty())
            m_out << QStringLiteral("    ") << tr("none") << Qt::endl;
        else {
            for (const SyncRunRecord& r : *runs) {
                m_out << QStringLiteral("    ")
                      << tr("%1  %2%3  %4 files  %5")
                             .arg(locale.toString(r.startedAt.toLocalTime(), QLocale::ShortFormat),
                                  QLatin1String(outcomeName(r.outcome)),
                                  r.dryRun ? tr(" (dry run)") : QString())
                             .arg(r.files)
                             .arg(r.message)
                      << Qt::endl;
            }
        }
        if (lastRun && lastRun->has_value()) {
            const SyncRunRecord& last = **lastRun;
            const RsyncStats& s = last.stats;
            const auto n = [&locale](qint64 v) {
                return v >= 0 ? locale.toString(v) : tr("?");
            };
            const auto size = [](qint64 v) {
                return v >= 0 ? bytesText(v) : tr("?");
            };
            m_out << QStringLiteral("  ") << tr("Last run's totals:") << Qt::endl;
            if (s == RsyncStats()) {
                m_out << QStringLiteral("    ") << tr("not recorded") << Qt::endl;
            } else {
                m_out << QStringLiteral("    ")
                      << tr("transferred %1 of %2 files (%3 of %4)")
                             .arg(n(s.transferredFiles), n(s.files), size(s.transferredSize),
                                  size(s.totalSize))
                      << Qt::endl
                      << QStringLiteral("    ")
                      << tr("created %1, deleted %2").arg(n(s.createdFiles), n(s.deletedFiles))
                      << Qt::endl
                      << QStringLiteral("    ")
                      << tr("literal data %1, matched data %2")
                             .arg(size(s.literalData), size(s.matchedData))
                      << Qt::endl
                      << QStringLiteral("    ")
                      << tr("sent %1, received %2").arg(size(s.bytesSent), size(s.bytesReceived))
                      << Qt::endl
                      << QStringLiteral("    ") << tr("%n change(s)", nullptr, int(last.itemCount))
                      << Qt::endl;
            }
        }
    }
    if (!canaryError.isEmpty()) {
        m_err << tr("Cannot read the canary on backup: %1").arg(canaryError) << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    finish(withinTarget && !locked && !missed ? ExitCode::Ok : ExitCode::Failing);
}

void SyncCommand::interrupt()
{
    if (m_run && !m_run->isFinished()) {
        m_err << Qt::endl << tr("Cancelling…") << Qt::endl;
        m_run->cancel();
    }
}

void SyncCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(code);
}

} // namespace relais
