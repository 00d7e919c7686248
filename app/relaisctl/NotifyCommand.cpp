#include "NotifyCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/Paths.h"
#include "notify/Notifier.h"
#include "notify/NotifyJob.h"
#include "site/SiteDocument.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace relais {

namespace {

const QString Usage =
    QStringLiteral("relaisctl notify test --site FILE [--vault FILE] [--passphrase-file FILE] "
                   "[CHANNEL...]");

} // namespace

NotifyCommand::NotifyCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

int NotifyCommand::start(const QStringList& arguments)
{
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    if (command == QStringLiteral("test"))
        return startTest(QStringList{program + QStringLiteral(" test")} + arguments.mid(2));
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help")) {
        m_out << Usage << Qt::endl;
        return ExitCode::Ok;
    }
    if (!command.isEmpty())
        m_err << tr("Unknown notify command: %1").arg(command) << Qt::endl;
    m_err << Usage << Qt::endl;
    return ExitCode::Error;
}

int NotifyCommand::startTest(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Send a test message to each of the site's notification channels (or to those "
           "named) and print what each one answered."));
    parser.addHelpOption();
    parser.addOption(
        QCommandLineOption(QStringLiteral("site"), tr("The site document."), tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("vault"),
        tr("The vault with the channels' secrets (default: the site's \"vault\", else %1).")
            .arg(Paths::vaultFile()),
        tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("passphrase-file"),
        tr("Read the vault passphrase from FILE (its first line). Without it, the passphrase "
           "comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on "
           "the terminal."),
        tr("FILE")));
    parser.addPositionalArgument(QStringLiteral("CHANNEL"),
                                 tr("A channel's name (default: every channel)."));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    if (!parser.isSet(QStringLiteral("site"))) {
        m_err << tr("Missing --site FILE.") << Qt::endl << Usage << Qt::endl;
        return ExitCode::Error;
    }
    const QString sitePath = parser.value(QStringLiteral("site"));
    Result<Site> site = SiteDocument::load(sitePath);
    if (!site) {
        m_err << site.error().toString() << Qt::endl;
        return ExitCode::Error;
    }
    const QStringList names = parser.positionalArguments();
    QList<NotificationChannel> channels;
    for (const NotificationChannel& channel : site->notifications) {
        if (names.isEmpty() || names.contains(channel.name))
            channels.append(channel);
    }
    for (const QString& name : names) {
        if (std::none_of(channels.cbegin(), channels.cend(),
                         [&](const NotificationChannel& c) { return c.name == name; })) {
            m_err << tr("The site has no notification channel named \"%1\".").arg(name) << Qt::endl;
            return ExitCode::Error;
        }
    }
    if (channels.isEmpty()) {
        m_err << tr("The site has no notification channel (\"notifications\" in its document).")
              << Qt::endl;
        return ExitCode::Error;
    }

    Notifier notifier(channels, {});
    if (std::any_of(channels.cbegin(), channels.cend(),
                    [](const NotificationChannel& c) { return !c.credentials.isEmpty(); })) {
        const QString vaultPath = parser.isSet(QStringLiteral("vault"))
                                      ? parser.value(QStringLiteral("vault"))
                                      : SiteDocument::vaultPath(*site, sitePath);
        const std::optional<QString> passphraseFile =
            parser.isSet(QStringLiteral("passphrase-file"))
                ? std::optional<QString>(parser.value(QStringLiteral("passphrase-file")))
                : std::nullopt;
        std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
        if (!vault)
            return ExitCode::Error;
        notifier = Notifier::fromVault(channels, *vault);
    }

    NotifyMessage message;
    message.site = site->name;
    message.title = tr("Relais test message");
    message.body = tr("This is a test of the notification channels of site \"%1\". If you read "
                      "it, Relais can reach you here.")
                       .arg(site->name);
    message.severity = NotifyMessage::Severity::Info;
    message.time = QDateTime::currentDateTimeUtc();
    m_job = notifier.sendTo({}, message, this);
    connect(m_job, &NotifyJob::channelFinished, this, &NotifyCommand::onChannelFinished);
    connect(m_job, &NotifyJob::finished, this, &NotifyCommand::onFinished);
    return -1;
}

void NotifyCommand::onChannelFinished(const ChannelResult& result)
{
    if (result.result)
        m_out << tr("%1: sent").arg(result.channel) << Qt::endl;
    else
        m_out << tr("%1: FAILED: %2").arg(result.channel, result.reason()) << Qt::endl;
}

void NotifyCommand::onFinished(const QList<ChannelResult>& results)
{
    const bool allSent = std::all_of(results.cbegin(), results.cend(),
                                     [](const ChannelResult& r) { return r.result.ok(); });
    emit finished(allSent ? ExitCode::Ok : ExitCode::Failing);
}

} // namespace relais
