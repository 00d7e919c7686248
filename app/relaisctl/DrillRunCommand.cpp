#include "DrillRunCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "health/SiteHealth.h"
#include "notify/ChannelResult.h"
#include "notify/Notifier.h"
#include "notify/NotifyJob.h"
#include "plan/DrillJournal.h"
#include "plan/DrillNotification.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillReport.h"
#include "plan/DrillRunner.h"
#include "plan/DrillText.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "site/SiteDocument.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSocketNotifier>
#include <QTime>
#include <cstdio>
#include <unistd.h>

namespace relais {

namespace {

QJsonValue optionalNumber(const std::optional<qint64>& value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
}

QJsonValue optionalBool(const std::optional<bool>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QString isoTime(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString clockTime()
{
    return QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
}

QString stepDuration(const DrillStepRecord& step)
{
    if (!step.startedAt.isValid() || !step.endedAt.isValid())
        return QString();
    return DrillText::duration(step.startedAt.msecsTo(step.endedAt));
}

/// Stable names for scripts, whatever the language.
QString runStateName(DrillRecord::State state)
{
    switch (state) {
    case DrillRecord::State::Running:
        return QStringLiteral("running");
    case DrillRecord::State::Succeeded:
        return QStringLiteral("succeeded");
    case DrillRecord::State::Failed:
        return QStringLiteral("failed");
    case DrillRecord::State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QString stepStateName(DrillStepRecord::State state)
{
    using S = DrillStepRecord::State;
    switch (state) {
    case S::Pending:
        return QStringLiteral("pending");
    case S::Running:
        return QStringLiteral("running");
    case S::Succeeded:
        return QStringLiteral("succeeded");
    case S::Failed:
        return QStringLiteral("failed");
    case S::Cancelled:
        return QStringLiteral("cancelled");
    case S::Skipped:
        return QStringLiteral("skipped");
    }
    return QString();
}

} // namespace

DrillRunCommand::DrillRunCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{
    m_healthDeadline.setSingleShot(true);
}

DrillRunCommand::~DrillRunCommand()
{
    // The runner uses the factory, which uses the connections.
    if (m_runner)
        m_runner->disconnect(this);
    m_runner.reset();
    m_factory.reset();
    m_connections.reset();
}

int DrillRunCommand::start(const QStringList& arguments)
{
    const QString command = arguments.value(0).section(QLatin1Char(' '), -1);
    QCommandLineParser parser;
    if (command == QStringLiteral("resume")) {
        m_action = Action::Resume;
        parser.setApplicationDescription(
            tr("Resume the drill that was left unfinished (Relais stopped in the middle of it): "
               "the steps that succeeded are not run again, the others are, then the cleanups."));
    } else if (command == QStringLiteral("cleanup")) {
        m_action = Action::CleanUp;
        parser.setApplicationDescription(
            tr("Clean up after the drill that was left unfinished: only its pending cleanups "
               "run (clones and drill records removed); it then ends as cancelled."));
    } else {
        m_action = Action::Run;
        parser.setApplicationDescription(
            tr("Run a drill of the site's recovery plan now, each step live with its duration, "
               "then RTO and RPO against the targets. A rehearsal touches nothing in "
               "production; a failover or a failback asks for confirmation (--yes). Ctrl-C "
               "cancels; what the drill created is still cleaned up.\n"
               "Exit status: 0 the drill succeeded, 1 it failed or was cancelled, 2 refused or "
               "usage error."));
    }
    const int code = setUp(parser, arguments);
    if (code >= 0)
        return code;
    return m_action == Action::Run ? startRun(parser) : startUnfinished(parser);
}

int DrillRunCommand::setUp(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.addHelpOption();
    parser.addOption(
        QCommandLineOption(QStringLiteral("site"), tr("The site document."), tr("FILE")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("json"), tr("Print the drill as JSON when it ends.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("yes"), tr("Do not ask before a failover, a failback or a resume.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("vault"),
        tr("The vault with the SSH keys (default: the site's \"vault\", else %1).")
            .arg(Paths::vaultFile()),
        tr("FILE")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("passphrase-file"),
                           tr("Read the vault passphrase from FILE (its first line); else from "
                              "RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal."),
                           tr("FILE")));
    if (m_action == Action::Run) {
        parser.addOption(QCommandLineOption(
            QStringLiteral("mode"),
            tr("rehearsal (default), failover (planned when main answers, emergency when it is "
               "silent), planned-failover, emergency-failover or failback."),
            tr("MODE"), QStringLiteral("rehearsal")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("force-split-brain"),
            tr("Fail over even though main still answers: NAME must be the site's name."),
            tr("NAME")));
    } else {
        parser.addPositionalArgument(QStringLiteral("ID"),
                                     tr("The unfinished drill's number (default: the only one)."),
                                     tr("[ID]"));
    }
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    if (!parser.isSet(QStringLiteral("site"))) {
        m_err << tr("Missing --site FILE.") << Qt::endl;
        return ExitCode::Error;
    }
    m_sitePath = parser.value(QStringLiteral("site"));
    Result<Site> site = SiteDocument::load(m_sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(m_sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_site = std::move(site).value();
    m_siteKey = SiteDocument::siteKey(m_sitePath);
    m_json = parser.isSet(QStringLiteral("json"));
    m_yes = parser.isSet(QStringLiteral("yes"));
    m_vaultPath = parser.isSet(QStringLiteral("vault"))
                      ? parser.value(QStringLiteral("vault"))
                      : SiteDocument::vaultPath(m_site, m_sitePath);
    if (parser.isSet(QStringLiteral("passphrase-file")))
        m_passphraseFile = parser.value(QStringLiteral("passphrase-file"));
    if (m_site.plan.isEmpty()) {
        m_err << tr("The site has no recovery plan (\"plan\" in its document).") << Qt::endl;
        return ExitCode::Error;
    }
    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (!database) {
        m_err << tr("Cannot open the drill journal: %1").arg(database.error().message())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_database = std::move(database).value();
    m_journal = std::make_unique<DrillJournal>(*m_database, m_siteKey);
    return -1;
}

int DrillRunCommand::startRun(const QCommandLineParser& parser)
{
    m_modeName = parser.value(QStringLiteral("mode"));
    m_forceName = parser.value(QStringLiteral("force-split-brain"));
    if (m_modeName != QStringLiteral("failover") && !drillModeFromName(m_modeName)) {
        m_err << tr("Unknown mode \"%1\": use rehearsal, failover, planned-failover, "
                    "emergency-failover or failback.")
                     .arg(m_modeName)
              << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("force-split-brain")) && m_forceName != m_site.name) {
        m_err << tr("--force-split-brain must name the site exactly: \"%1\".").arg(m_site.name)
              << Qt::endl;
        return ExitCode::Error;
    }
    const Result<QList<DrillRecord>> unfinished = m_journal->unfinished();
    if (!unfinished) {
        m_err << tr("Cannot read the drill journal: %1").arg(unfinished.error().message())
              << Qt::endl;
        return ExitCode::Error;
    }
    if (!unfinished->isEmpty()) {
        const DrillRecord& left = unfinished->first();
        m_err << tr("Drill #%1 (%2, started %3) was left unfinished. Resume it with \"relaisctl "
                    "drill resume --site %4\" or clean up after it with \"relaisctl drill "
                    "cleanup --site %4\" first.")
                     .arg(left.id)
                     .arg(DrillText::mode(left.mode),
                          QLocale().toString(left.startedAt.toLocalTime(), QLocale::ShortFormat),
                          m_sitePath)
              << Qt::endl;
        return ExitCode::Error;
    }
    const std::optional<DrillMode> mode = drillModeFromName(m_modeName);
    const bool failover =
        !mode || *mode == DrillMode::PlannedFailover || *mode == DrillMode::EmergencyFailover;
    if (failover) {
        checkMain();
        return -1;
    }
    return runPlan(DrillPlanner::plan(m_site, *mode));
}

void DrillRunCommand::checkMain()
{
    if (!m_json)
        m_out << tr("Checking whether main still serves…") << Qt::endl;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_health = std::make_unique<SiteHealth>(m_site, *m_network, SystemClock::instance(), nullptr,
                                            SiteHealth::Mode::SingleShot);
    if (m_health->monitors().empty()) {
        // Nothing tells whether main serves: treat it as serving (refused
        // without the forced confirmation) rather than risk a split brain.
        QTimer::singleShot(0, this, [this] { onMainChecked(true); });
        return;
    }
    int longest = 0;
    for (const ProbeMonitor* monitor : m_health->monitors())
        longest = std::max(longest, m_health->specOf(monitor)->timeoutSeconds * 1000);
    connect(m_health.get(), &SiteHealth::updated, this, [this] {
        if (!m_healthDeadline.isActive() || !m_health->allChecked())
            return;
        m_healthDeadline.stop();
        const HealthState main = m_health->hostState(HostRole::Main);
        onMainChecked(main == HealthState::Up || main == HealthState::Degraded);
    });
    connect(&m_healthDeadline, &QTimer::timeout, this, [this] {
        const HealthState main = m_health->hostState(HostRole::Main);
        onMainChecked(main == HealthState::Up || main == HealthState::Degraded);
    });
    m_healthDeadline.start(longest + 2000);
    m_health->checkAll();
}

void DrillRunCommand::onMainChecked(bool serving)
{
    if (m_health) {
        m_health->stop();
        m_health->disconnect(this);
    }
    if (serving && m_forceName != m_site.name) {
        m_err << tr("Refused: main answers its probes right now. Failing over while it serves can "
                    "leave both sides serving different data (split brain). To fail over anyway, "
                    "add --force-split-brain \"%1\".")
                     .arg(m_site.name)
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    DrillMode mode = DrillMode::EmergencyFailover;
    if (const std::optional<DrillMode> chosen = drillModeFromName(m_modeName))
        mode = *chosen;
    else
        mode = serving ? DrillMode::PlannedFailover : DrillMode::EmergencyFailover;
    if (!m_json)
        m_out << (serving ? tr("Main answers: %1.") : tr("Main is silent: %1."))
                     .arg(DrillText::mode(mode))
              << Qt::endl;
    DrillPlan plan = DrillPlanner::plan(m_site, mode);
    if (serving)
        plan.decisions.append(
            tr("Main still answered its probes; the failover was forced by naming the site."));
    const int code = runPlan(std::move(plan));
    if (code >= 0)
        finish(code);
}

bool DrillRunCommand::confirmed(const DrillPlan& plan)
{
    if (m_yes || plan.mode == DrillMode::Rehearsal)
        return true;
    if (!isatty(STDIN_FILENO)) {
        m_err << tr("A %1 changes production: add --yes to run it without a terminal.")
                     .arg(DrillText::mode(plan.mode))
              << Qt::endl;
        return false;
    }
    m_out << tr("Type yes to run this %1: ").arg(DrillText::mode(plan.mode)) << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed();
    if (answer == QStringLiteral("yes") || answer == tr("yes"))
        return true;
    m_err << tr("Not confirmed; nothing was done.") << Qt::endl;
    return false;
}

void DrillRunCommand::printPlan(const DrillPlan& plan)
{
    if (m_json)
        return;
    m_out << tr("%1 of %2: %n step(s)", nullptr, int(plan.steps.size()))
                 .arg(DrillText::mode(plan.mode), m_site.name)
          << Qt::endl;
    for (int i = 0; i < plan.steps.size(); ++i)
        m_out << QStringLiteral("%1. [%2] %3")
                     .arg(i + 1, 2)
                     .arg(plan.steps.at(i).group, DrillText::title(plan.steps.at(i)))
              << Qt::endl;
    for (const QString& decision : plan.decisions)
        m_out << QStringLiteral("* ") << decision << Qt::endl;
}

int DrillRunCommand::runPlan(DrillPlan plan)
{
    printPlan(plan);
    if (!confirmed(plan))
        return ExitCode::Error;
    if (const int code = prepareRunner(); code >= 0)
        return code;
    m_runner->start(plan);
    return -1;
}

int DrillRunCommand::prepareRunner()
{
    m_vault = SshCommand::openVault(m_vaultPath, m_passphraseFile, m_err);
    if (!m_vault)
        return ExitCode::Error;
    m_connections = std::make_unique<SiteConnections>(m_site, *m_vault, &m_verifier);
    m_factory = std::make_unique<SiteStepJobFactory>(
        *m_connections, SystemClock::instance(), m_database.get(), m_siteKey,
        [this](const QString& message) {
            if (!m_json)
                m_out << QStringLiteral("           ") << tr("Notice: %1").arg(message) << Qt::endl;
        });
    m_notifier = std::make_unique<Notifier>(Notifier::fromVault(m_site.notifications, *m_vault));
    m_factory->setChannels(m_notifier.get());
    m_runner = std::make_unique<DrillRunner>(*m_factory, SystemClock::instance());
    m_runner->setJournal(m_journal.get());
    m_runner->setSite(m_siteKey);
    connect(m_runner.get(), &DrillRunner::stepStarted, this, &DrillRunCommand::onStepStarted);
    connect(m_runner.get(), &DrillRunner::stepOutput, this, &DrillRunCommand::onStepOutput);
    connect(m_runner.get(), &DrillRunner::stepFinished, this, &DrillRunCommand::onStepFinished);
    connect(m_runner.get(), &DrillRunner::confirmationNeeded, this,
            &DrillRunCommand::onConfirmationNeeded);
    connect(m_runner.get(), &DrillRunner::finished, this, &DrillRunCommand::onFinished);
    return -1;
}

int DrillRunCommand::startUnfinished(const QCommandLineParser& parser)
{
    const Result<QList<DrillRecord>> unfinished = m_journal->unfinished();
    if (!unfinished) {
        m_err << tr("Cannot read the drill journal: %1").arg(unfinished.error().message())
              << Qt::endl;
        return ExitCode::Error;
    }
    std::optional<DrillRecord> chosen;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        bool ok = false;
        const qint64 id = positional.first().toLongLong(&ok);
        for (const DrillRecord& record : *unfinished)
            if (ok && record.id == id)
                chosen = record;
        if (!chosen) {
            m_err << tr("No unfinished drill %1 for this site.").arg(positional.first())
                  << Qt::endl;
            return ExitCode::Error;
        }
    } else if (unfinished->size() == 1) {
        chosen = unfinished->first();
    } else if (unfinished->isEmpty()) {
        m_err << tr("No drill of this site was left unfinished; nothing to do.") << Qt::endl;
        return ExitCode::Error;
    } else {
        m_err << tr("%n drills were left unfinished: name one by its number.", nullptr,
                    int(unfinished->size()))
              << Qt::endl;
        return ExitCode::Error;
    }
    if (!m_json)
        m_out << (m_action == Action::Resume ? tr("Resuming drill #%1 (%2).")
                                             : tr("Cleaning up after drill #%1 (%2)."))
                     .arg(chosen->id)
                     .arg(DrillText::mode(chosen->mode))
              << Qt::endl;
    if (m_action == Action::Resume && chosen->mode != DrillMode::Rehearsal && !m_yes) {
        DrillPlan plan;
        plan.mode = chosen->mode;
        if (!confirmed(plan))
            return ExitCode::Error;
    }
    if (const int code = prepareRunner(); code >= 0)
        return code;
    if (m_action == Action::Resume)
        m_runner->resume(*chosen);
    else
        m_runner->cleanUp(*chosen);
    return -1;
}

void DrillRunCommand::interrupt()
{
    if (!m_runner || !m_runner->isRunning()) {
        if (!m_runner)
            finish(ExitCode::Failing);
        return;
    }
    if (!m_cancelling && !m_json)
        m_err << tr("Cancelling: the running step stops; what the drill created is still "
                    "cleaned up.")
              << Qt::endl;
    m_cancelling = true;
    m_runner->cancel();
}

void DrillRunCommand::onStepStarted(int index)
{
    if (m_json)
        return;
    const QList<DrillStepRecord>& steps = m_runner->record().steps;
    m_out << QStringLiteral("[%1] ").arg(clockTime())
          << tr("%1/%2 %3…")
                 .arg(index + 1)
                 .arg(steps.size())
                 .arg(DrillText::title(steps.at(index).step))
          << Qt::endl;
}

void DrillRunCommand::onStepOutput(int index, const QString& line)
{
    Q_UNUSED(index);
    if (!m_json)
        m_out << QStringLiteral("           ") << line << Qt::endl;
}

void DrillRunCommand::onStepFinished(int index)
{
    if (m_json)
        return;
    const DrillStepRecord& step = m_runner->record().steps.at(index);
    QString line = QStringLiteral("[%1] ").arg(clockTime()) +
                   tr("%1/%2 %3: %4")
                       .arg(index + 1)
                       .arg(m_runner->record().steps.size())
                       .arg(DrillText::title(step.step), DrillText::stepState(step.state));
    const QString took = stepDuration(step);
    if (!took.isEmpty())
        line += QLatin1Char(' ') + tr("in %1").arg(took);
    if (!step.message.isEmpty())
        line += QStringLiteral(": ") + step.message;
    m_out << line << Qt::endl;
}

void DrillRunCommand::onConfirmationNeeded(int index, const QStringList& lines)
{
    // With --json, stdout stays one JSON document: the review goes to stderr.
    QTextStream& shown = m_json ? m_err : m_out;
    const DrillStep& step = m_runner->record().steps.at(index).step;
    shown << tr("Review of %1:").arg(DrillText::title(step)) << Qt::endl;
    for (const QString& line : lines)
        shown << QStringLiteral("    ") << line << Qt::endl;
    if (m_yes) {
        shown << tr("Confirmed by --yes: copying these changes from backup to main.") << Qt::endl;
        m_runner->confirm();
        return;
    }
    if (!isatty(STDIN_FILENO)) {
        m_err << tr("Copying these changes from backup to main needs a confirmation: add --yes "
                    "to give it without a terminal. The drill is cancelled.")
              << Qt::endl;
        m_cancelling = true;
        m_runner->cancel();
        return;
    }
    shown << tr("Type yes to copy these changes from backup to main: ") << Qt::flush;
    // The runner waits; the answer is read when the terminal has a line.
    m_answer = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
    connect(m_answer.get(), &QSocketNotifier::activated, this, &DrillRunCommand::onAnswer);
}

void DrillRunCommand::onAnswer()
{
    m_answer->setEnabled(false);
    m_answer.release()->deleteLater();
    if (!m_runner || m_runner->waitingForConfirmation() < 0)
        return;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed();
    if (answer == QStringLiteral("yes") || answer == tr("yes")) {
        m_runner->confirm();
        return;
    }
    m_err << tr("Not confirmed: main is not changed; the drill is cancelled.") << Qt::endl;
    m_cancelling = true;
    m_runner->cancel();
}

void DrillRunCommand::onFinished(const DrillRecord& record)
{
    if (m_answer) {
        m_answer->setEnabled(false);
        m_answer.release()->deleteLater();
    }
    const Targets& targets = m_site.targets;
    const std::optional<bool> rtoMet = DrillReport::rtoMet(record, targets);
    const std::optional<bool> rpoMet = DrillReport::rpoMet(record, targets);
    if (m_json) {
        QJsonArray steps;
        for (const DrillStepRecord& step : record.steps) {
            steps.append(QJsonObject{
                {QStringLiteral("title"), DrillText::title(step.step)},
                {QStringLiteral("action"), drillActionName(step.step.action)},
                {QStringLiteral("state"), stepStateName(step.state)},
                {QStringLiteral("attempts"), step.attempts},
                {QStringLiteral("started_at"), isoTime(step.startedAt)},
                {QStringLiteral("ended_at"), isoTime(step.endedAt)},
                {QStringLiteral("duration_ms"),
                 step.startedAt.isValid() && step.endedAt.isValid()
                     ? QJsonValue(static_cast<double>(step.startedAt.msecsTo(step.endedAt)))
                     : QJsonValue()},
                {QStringLiteral("message"), step.message},
            });
        }
        m_out
            << QJsonDocument(
                   QJsonObject{
                       {QStringLiteral("id"), static_cast<double>(record.id)},
                       {QStringLiteral("mode"), drillModeName(record.mode)},
                       {QStringLiteral("succeeded"), record.state == DrillRecord::State::Succeeded},
                       {QStringLiteral("state"), runStateName(record.state)},
                       {QStringLiteral("started_at"), isoTime(record.startedAt)},
                       {QStringLiteral("ended_at"), isoTime(record.endedAt)},
                       {QStringLiteral("rto_ms"), optionalNumber(record.rtoMs)},
                       {QStringLiteral("rpo_seconds"), optionalNumber(record.rpoSeconds)},
                       {QStringLiteral("rto_met"), optionalBool(rtoMet)},
                       {QStringLiteral("rpo_met"), optionalBool(rpoMet)},
                       {QStringLiteral("message"), record.message},
                       {QStringLiteral("decisions"), QJsonArray::fromStringList(record.decisions)},
                       {QStringLiteral("steps"), steps},
                   })
                   .toJson(QJsonDocument::Indented);
    } else {
        const auto met = [](const std::optional<bool>& value) {
            return !value ? QString() : *value ? tr(", met") : tr(", MISSED");
        };
        const QString rto = record.rtoMs ? DrillText::duration(*record.rtoMs) : tr("not measured");
        const QString rpo =
            record.rpoSeconds ? DrillText::duration(*record.rpoSeconds * 1000) : tr("not measured");
        const qint64 total = record.startedAt.isValid() && record.endedAt.isValid()
                                 ? record.startedAt.msecsTo(record.endedAt)
                                 : -1;
        m_out << tr("Drill #%1 %2: %3 in %4.")
                     .arg(record.id)
                     .arg(DrillText::mode(record.mode), DrillText::runState(record.state),
                          total >= 0 ? DrillText::duration(total) : tr("unknown time"))
              << Qt::endl;
        if (!record.message.isEmpty())
            m_out << QStringLiteral("  ") << record.message << Qt::endl;
        m_out << tr("  RTO %1 (target %2 min%3), RPO %4 (target %5 min%6).")
                     .arg(rto)
                     .arg(targets.rtoMinutes)
                     .arg(met(rtoMet), rpo)
                     .arg(targets.rpoMinutes)
                     .arg(met(rpoMet))
              << Qt::endl;
        m_out << tr("  Report: relaisctl drill report --site %1 %2").arg(m_sitePath).arg(record.id)
              << Qt::endl;
    }
    const int code =
        record.state == DrillRecord::State::Succeeded ? ExitCode::Ok : ExitCode::Failing;
    // The site's notification channels hear how it ended, then relaisctl exits.
    if (!m_notifier || m_site.notifications.isEmpty()) {
        finish(code);
        return;
    }
    NotifyJob* job =
        m_notifier->send(DrillNotification::message(record, m_site.name, m_site.targets), this);
    connect(job, &NotifyJob::channelFinished, this, [this](const ChannelResult& sent) {
        QTextStream& stream = m_json ? m_err : m_out;
        if (sent.result)
            stream << tr("Told channel %1.").arg(sent.channel) << Qt::endl;
        else
            m_err << tr("Channel %1 was not told: %2").arg(sent.channel, sent.reason()) << Qt::endl;
    });
    connect(job, &NotifyJob::finished, this, [this, code] { finish(code); });
}

void DrillRunCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(code);
}

} // namespace relais
