#include "DnsCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/Paths.h"
#include "dns/DnsClient.h"
#include "dns/DnsUpdateError.h"
#include "dns/DnsUpdater.h"
#include "site/SiteDocument.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

#include <QCommandLineParser>

namespace relais {

namespace {

QString addressText(const QList<QHostAddress>& addresses)
{
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts.append(address.toString());
    return texts.isEmpty() ? DnsCommand::tr("no address") : texts.join(QStringLiteral(", "));
}

/// The address users reach on @p host: its public address, else its address.
QHostAddress sideAddress(const Host& host)
{
    return QHostAddress(host.publicAddress.isEmpty() ? host.address : host.publicAddress);
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("site"), DnsCommand::tr("The site document."), DnsCommand::tr("FILE")));
    parser.addOption(QCommandLineOption(QStringLiteral("timeout"),
                                        DnsCommand::tr("Give up after SECONDS (default: 5)."),
                                        DnsCommand::tr("SECONDS")));
    parser.addPositionalArgument(QStringLiteral("SERVICE"),
                                 DnsCommand::tr("The service whose record is read or switched."));
}

} // namespace

DnsCommand::DnsCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

DnsCommand::~DnsCommand() = default;

int DnsCommand::start(const QStringList& arguments)
{
    const QString usage = tr("Usage: relaisctl dns show|switch [OPTIONS]\n"
                             "  dns show --site FILE SERVICE\n"
                             "  dns switch --site FILE SERVICE --to main|backup\n"
                             "switch takes --vault FILE and --passphrase-file FILE as "
                             "\"relaisctl vault\" does.\n"
                             "\"relaisctl dns COMMAND --help\" describes each command.");
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help") ||
        command == QStringLiteral("help")) {
        m_out << usage << Qt::endl;
        return ExitCode::Ok;
    }
    const QStringList rest = QStringList{program + QLatin1Char(' ') + command} + arguments.mid(2);
    if (command == QStringLiteral("show"))
        return startShow(rest);
    if (command == QStringLiteral("switch"))
        return startSwitch(rest);
    if (!command.isEmpty())
        m_err << tr("Unknown dns command: %1").arg(command) << Qt::endl;
    m_err << usage << Qt::endl;
    return ExitCode::Error;
}

int DnsCommand::startShow(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Ask the DNS server of a service's record what it holds: the addresses, their TTL and "
           "the side (main or backup) they point to."));
    addCommonOptions(parser);
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(QStringLiteral("site"))) {
        m_err << tr("Usage: relaisctl dns show --site FILE SERVICE") << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || seconds <= 0 || seconds > 600) {
            m_err << tr("--timeout must be a whole number of seconds from 1 to 600.") << Qt::endl;
            return ExitCode::Error;
        }
        m_timeoutMs = seconds * 1000;
    }
    if (const int code = prepare(parser.value(QStringLiteral("site")), positional.first());
        code >= 0)
        return code;
    m_step = Step::Show;
    read();
    return -1;
}

int DnsCommand::startSwitch(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Point a service's record to main or backup with an RFC 2136 update signed with the "
           "site's TSIG key. The record is read first: nothing is sent when it already points to "
           "that side, nothing is changed when it points to neither side, and the update fails "
           "if the record changes meanwhile."));
    addCommonOptions(parser);
    const QCommandLineOption toOption(QStringLiteral("to"), tr("main or backup."), tr("SIDE"));
    parser.addOption(toOption);
    parser.addOption(QCommandLineOption(
        QStringLiteral("vault"),
        tr("The vault with the TSIG key (default: the site's \"vault\", else %1).")
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
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(QStringLiteral("site")) ||
        !parser.isSet(toOption)) {
        m_err << tr("Usage: relaisctl dns switch --site FILE SERVICE --to main|backup") << Qt::endl;
        return ExitCode::Error;
    }
    m_to = parser.value(toOption);
    if (m_to != QStringLiteral("main") && m_to != QStringLiteral("backup")) {
        m_err << tr("Unknown side \"%1\": use main or backup.").arg(m_to) << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || seconds <= 0 || seconds > 600) {
            m_err << tr("--timeout must be a whole number of seconds from 1 to 600.") << Qt::endl;
            return ExitCode::Error;
        }
        m_timeoutMs = seconds * 1000;
    }
    const QString sitePath = parser.value(QStringLiteral("site"));
    if (const int code = prepare(sitePath, positional.first()); code >= 0)
        return code;
    if (m_binding.tsigId.isEmpty()) {
        m_err << tr("The DNS record of service \"%1\" has no TSIG key (\"tsig\") in the site: "
                    "Relais only sends signed updates.")
                     .arg(positional.first())
              << Qt::endl;
        return ExitCode::Error;
    }
    if ((m_to == QStringLiteral("main") ? m_mainAddress : m_backupAddress).isNull()) {
        m_err << tr("The %1 host has no IP address (address or public_address) to point the "
                    "record to.")
                     .arg(m_to)
              << Qt::endl;
        return ExitCode::Error;
    }

    const QString vaultPath = parser.isSet(QStringLiteral("vault"))
                                  ? parser.value(QStringLiteral("vault"))
                                  : SiteDocument::vaultPath(*m_site, sitePath);
    const std::optional<QString> passphraseFile =
        parser.isSet(QStringLiteral("passphrase-file"))
            ? std::optional<QString>(parser.value(QStringLiteral("passphrase-file")))
            : std::nullopt;
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;
    const Result<VaultEntry> entry = vault->entry(m_binding.tsigId);
    if (!entry) {
        m_err << tr("The vault %1 has no TSIG key \"%2\" (%3); add it with \"relaisctl vault add "
                    "%2 --kind tsig-key\".")
                     .arg(vaultPath, m_binding.tsigId, entry.error().message())
              << Qt::endl;
        return ExitCode::Error;
    }
    Result<TsigKey> key = TsigKey::parse(entry->secret);
    if (!key) {
        m_err << tr("The vault entry \"%1\" is not a usable TSIG key: %2")
                     .arg(m_binding.tsigId, key.error().message())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_key = *key;

    m_updater = std::make_unique<DnsUpdater>();
    connect(m_updater.get(), &DnsUpdater::finished, this, &DnsCommand::onUpdated);
    m_step = Step::ReadBeforeSwitch;
    read();
    return -1;
}

int DnsCommand::prepare(const QString& sitePath, const QString& serviceName)
{
    Result<Site> site = SiteDocument::load(sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_site = *site;
    const Service* service = nullptr;
    for (const Service& candidate : m_site->services) {
        if (candidate.name == serviceName)
            service = &candidate;
    }
    if (!service) {
        QStringList names;
        for (const Service& candidate : m_site->services)
            names.append(candidate.name);
        m_err << tr("The site has no service \"%1\" (it has: %2).")
                     .arg(serviceName, names.join(QStringLiteral(", ")))
              << Qt::endl;
        return ExitCode::Error;
    }
    if (!service->dns) {
        m_err << tr("The service \"%1\" has no DNS record in the site.").arg(serviceName)
              << Qt::endl;
        return ExitCode::Error;
    }
    m_binding = *service->dns;
    if (m_binding.provider != DnsBinding::Provider::Rfc2136) {
        m_err << tr("The DNS record of service \"%1\" is not switched by RFC 2136; relaisctl "
                    "dns only handles RFC 2136 servers for now.")
                     .arg(serviceName)
              << Qt::endl;
        return ExitCode::Error;
    }
    if (m_binding.type != QStringLiteral("A") && m_binding.type != QStringLiteral("AAAA")) {
        m_err << tr("The DNS record of service \"%1\" has type %2; only A and AAAA records are "
                    "switched.")
                     .arg(serviceName, m_binding.type)
              << Qt::endl;
        return ExitCode::Error;
    }
    QString zone = m_binding.zone;
    if (zone.endsWith(QLatin1Char('.')))
        zone.chop(1);
    m_name = m_binding.record == QStringLiteral("@") || m_binding.record.isEmpty()
                 ? zone
                 : m_binding.record + QLatin1Char('.') + zone;
    m_mainAddress = sideAddress(m_site->main);
    m_backupAddress = sideAddress(m_site->backup);
    m_client = std::make_unique<DnsClient>();
    connect(m_client.get(), &DnsClient::finished, this, &DnsCommand::onAnswer);
    return -1;
}

void DnsCommand::read()
{
    DnsQuery query;
    query.server = m_binding.server;
    query.port = quint16(m_binding.port);
    query.name = m_name;
    query.type = m_binding.type == QStringLiteral("AAAA") ? DnsRecordType::AAAA : DnsRecordType::A;
    query.timeoutMs = m_timeoutMs;
    m_client->query(query);
}

QString DnsCommand::sideOf(const QList<QHostAddress>& addresses) const
{
    if (addresses == QList<QHostAddress>{m_mainAddress})
        return QStringLiteral("main");
    if (addresses == QList<QHostAddress>{m_backupAddress})
        return QStringLiteral("backup");
    return QStringLiteral("neither");
}

QString DnsCommand::describe(const DnsAnswer& answer) const
{
    const QString side = sideOf(answer.addresses);
    const QString sideText = side == QStringLiteral("main")     ? tr("main")
                             : side == QStringLiteral("backup") ? tr("backup")
                                                                : tr("neither side");
    return tr("%1 %2 at %3 port %4: %5, TTL %6, points to %7")
        .arg(m_name, m_binding.type, m_binding.server)
        .arg(m_binding.port)
        .arg(addressText(answer.addresses))
        .arg(answer.ttl)
        .arg(sideText);
}

void DnsCommand::onAnswer(const Result<DnsAnswer>& result)
{
    if (!result || result->rcode != DnsAnswer::NoError) {
        m_err << tr("Cannot read %1 %2 at %3 port %4: %5")
                     .arg(m_name, m_binding.type, m_binding.server)
                     .arg(m_binding.port)
                     .arg(result ? result->rcodeName : result.error().message())
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    const DnsAnswer& answer = *result;
    switch (m_step) {
    case Step::Show:
        m_out << describe(answer) << Qt::endl;
        finish(ExitCode::Ok);
        return;
    case Step::ReadBeforeSwitch: {
        const QString side = sideOf(answer.addresses);
        if (side == m_to) {
            m_out << tr("Already switched: %1").arg(describe(answer)) << Qt::endl;
            finish(ExitCode::Ok);
            return;
        }
        if (side != QStringLiteral("main") && side != QStringLiteral("backup")) {
            m_err << tr("Nothing changed: %1, neither main (%2) nor backup (%3). Check who "
                        "changed it.")
                         .arg(describe(answer), m_mainAddress.toString(),
                              m_backupAddress.toString())
                  << Qt::endl;
            finish(ExitCode::Error);
            return;
        }
        DnsUpdate update;
        update.server = m_binding.server;
        update.port = quint16(m_binding.port);
        update.zone = m_binding.zone;
        update.name = m_name;
        update.type =
            m_binding.type == QStringLiteral("AAAA") ? DnsRecordType::AAAA : DnsRecordType::A;
        update.expected = answer.addresses;
        update.addresses = {m_to == QStringLiteral("main") ? m_mainAddress : m_backupAddress};
        update.ttl = m_binding.ttl;
        update.timeoutMs = m_timeoutMs;
        m_step = Step::Update;
        m_updater->start(update, m_key);
        return;
    }
    case Step::ReadAfterSwitch:
        m_out << tr("Now: %1").arg(describe(answer)) << Qt::endl;
        finish(sideOf(answer.addresses) == m_to ? ExitCode::Ok : ExitCode::Error);
        return;
    case Step::Update:
        return;
    }
}

void DnsCommand::onUpdated(const Result<DnsUpdateResult>& result)
{
    if (!result) {
        m_err << tr("The switch of %1 to %2 failed: %3").arg(m_name, m_to, result.error().message())
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    m_out << tr("Switched %1 %2 to %3 (%4), TTL %5: the server's signed answer came in %6 ms.")
                 .arg(m_name, m_binding.type, m_to,
                      (m_to == QStringLiteral("main") ? m_mainAddress : m_backupAddress).toString())
                 .arg(m_binding.ttl)
                 .arg(result->latencyMs)
          << Qt::endl;
    m_step = Step::ReadAfterSwitch;
    read();
}

void DnsCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(code);
}

} // namespace relais
