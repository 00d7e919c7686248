#include "DrillRunCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "notify/Notifier.h"
#include "notify/NotifyJob.h"
#include "plan/DrillJournal.h"
#include "plan/DrillNotification.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillRunner.h"
#include "plan/DrillText.h"
#include "plan/SiteConnections.h"
#include "plan/SiteStepJobFactory.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace relais {

DrillRunCommand::DrillRunCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

DrillRunCommand::~DrillRunCommand() = default;

int DrillRunCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run a drill of the site's recovery plan now, step by step, and tell the site's "
           "notification channels how it went."));
    parser.addHelpOption();
    parser.addOption(
        QCommandLineOption(QStringLiteral("site"), tr("The site document."), tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("mode"),
        tr("rehearsal (default), planned-failover, emergency-failover or failback."), tr("MODE"),
        QStringLiteral("rehearsal")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("yes"), tr("Confirm a failover or failback (they touch production).")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("vault"),
        tr("The vault with the site's secrets (default: the site's \"vault\", else %1).")
            .arg(Paths::vaultFile()),
        tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("passphrase-file"),
        tr("Read the vault passphrase from FILE (its first line). Without it, the passphrase "
           "comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on "
           "the terminal."),
        tr("FILE")));
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
    const QString sitePath = parser.value(QStringLiteral("site"));
    Result<Site> site = SiteDocument::load(sitePath);
    if (!site) {
        m_err << site.error().toString() << Qt::endl;
        return ExitCode::Error;
    }
    m_site = std::move(site).value();
    const auto mode = drillModeFromName(parser.value(QStringLiteral("mode")));
    if (!mode) {
        m_err << tr("Unknown mode \"%1\": use rehearsal, planned-failover, emergency-failover or "
                    "failback.")
                     .arg(parser.value(QStringLiteral("mode")))
              << Qt::endl;
        return ExitCode::Error;
    }
    if (m_site.plan.isEmpty()) {
        m_err << tr("The site has no recovery plan (\"plan\" in its document).") << Qt::endl;
        return ExitCode::Error;
    }
    if (*mode != DrillMode::Rehearsal && !parser.isSet(QStringLiteral("yes"))) {
        m_err << tr("A %1 touches production: add --yes to run it.").arg(DrillText::mode(*mode))
              << Qt::endl;
        return ExitCode::Error;
    }

    const QString vaultPath = parser.isSet(QStringLiteral("vault"))
                                  ? parser.value(QStringLiteral("vault"))
                                  : SiteDocument::vaultPath(m_site, sitePath);
    const std::optional<QString> passphraseFile =
        parser.isSet(QStringLiteral("passphrase-file"))
            ? std::optional<QString>(parser.value(QStringLiteral("passphrase-file")))
            : std::nullopt;
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;
    m_vault = std::make_unique<Vault>(std::move(*vault));

    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (!database) {
        m_err << tr("Cannot open the drill journal: %1").arg(database.error().message())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_database = std::move(database).value();
    const QString siteKey = QFileInfo(sitePath).absoluteFilePath();
    m_journal = std::make_unique<DrillJournal>(*m_database, siteKey);
    m_notifier = std::make_unique<Notifier>(Notifier::fromVault(m_site.notifications, *m_vault));
    m_verifier = std::make_unique<RejectAllVerifier>();
    m_connections = std::make_unique<SiteConnections>(m_site, *m_vault, m_verifier.get());
    m_factory = std::make_unique<SiteStepJobFactory>(
        *m_connections, SystemClock::instance(), m_database.get(), siteKey,
        [this](const QString& message) { m_out << tr("  notify: %1").arg(message) << Qt::endl; });
    m_factory->setChannels(m_notifier.get());
    m_runner = std::make_unique<DrillRunner>(*m_factory, SystemClock::instance());
    m_runner->setJournal(m_journal.get());
    m_runner->setSite(siteKey);
    connect(m_runner.get(), &DrillRunner::stepStarted, this, &DrillRunCommand::onStepStarted);
    connect(m_runner.get(), &DrillRunner::stepFinished, this, &DrillRunCommand::onStepFinished);
    connect(m_runner.get(), &DrillRunner::finished, this, &DrillRunCommand::onDrillFinished);

    const DrillPlan plan = DrillPlanner::plan(m_site, *mode);
    m_out << tr("%1 of %2: %n steps", nullptr, int(plan.steps.size()))
                 .arg(DrillText::mode(plan.mode), m_site.name)
          << Qt::endl;
    for (const QString& decision : plan.decisions)
        m_out << QStringLiteral("* ") << decision << Qt::endl;
    m_runner->start(plan);
    return -1;
}

void DrillRunCommand::interrupt()
{
    if (m_runner && m_runner->isRunning()) {
        m_err << tr("Cancelling the drill; its cleanups still run…") << Qt::endl;
        m_runner->cancel();
    }
}

void DrillRunCommand::onStepStarted(int index)
{
    const DrillStepRecord& step = m_runner->record().steps.at(index);
    m_out << QStringLiteral("%1. %2…").arg(index + 1, 2).arg(DrillText::title(step.step))
          << Qt::endl;
}

void DrillRunCommand::onStepFinished(int index)
{
    const DrillStepRecord& step = m_runner->record().steps.at(index);
    const qint64 ms = step.startedAt.isValid() && step.endedAt.isValid()
                          ? step.startedAt.msecsTo(step.endedAt)
                          : 0;
    m_out << QStringLiteral("    %1 (%2)")
                 .arg(DrillText::stepState(step.state), DrillText::duration(ms));
    if (!step.message.isEmpty())
        m_out << QStringLiteral(": ") << step.message;
    m_out << Qt::endl;
}

void DrillRunCommand::onDrillFinished(const DrillRecord& record)
{
    const NotifyMessage message = DrillNotification::message(record, m_site.name, m_site.targets);
    m_out << message.title << Qt::endl << message.body << Qt::endl;
    const int code =
        record.state == DrillRecord::State::Succeeded ? ExitCode::Ok : ExitCode::Failing;
    NotifyJob* job = m_notifier->send(message, this);
    connect(job, &NotifyJob::channelFinished, this, [this](const ChannelResult& sent) {
        if (sent.result)
            m_out << tr("Told channel %1.").arg(sent.channel) << Qt::endl;
        else
            m_err << tr("Channel %1 was not told: %2").arg(sent.channel, sent.reason()) << Qt::endl;
    });
    connect(job, &NotifyJob::finished, this, [this, code] { emit finished(code); });
}

} // namespace relais
