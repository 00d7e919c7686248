#include "DnsCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "dns/DnsProviderFactory.h"
#include "dns/DnsSwitchError.h"
#include "dns/DnsSwitchHistory.h"
#include "dns/OvhFailoverIpMove.h"
#include "site/SiteDocument.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace relais {

namespace {

QString addressText(const QList<QHostAddress>& addresses)
{
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts.append(address.toString());
    return texts.isEmpty() ? DnsCommand::tr("no address") : texts.join(QStringLiteral(", "));
}

QString sideText(DnsSwitchRequest::Side side)
{
    return side == DnsSwitchRequest::Side::Main ? DnsCommand::tr("main") : DnsCommand::tr("backup");
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("site"), DnsCommand::tr("The site document."), DnsCommand::tr("FILE")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("timeout"),
                           DnsCommand::tr("Give up each request after SECONDS (default: 5)."),
                           DnsCommand::tr("SECONDS")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("vault"),
        DnsCommand::tr("The vault with the provider's credentials (default: the site's \"vault\", "
                       "else %1).")
            .arg(Paths::vaultFile()),
        DnsCommand::tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("passphrase-file"),
        DnsCommand::tr("Read the vault passphrase from FILE (its first line). Without it, the "
                       "passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, "
                       "else it is asked on the terminal."),
        DnsCommand::tr("FILE")));
    parser.addPositionalArgument(QStringLiteral("SERVICE"),
                                 DnsCommand::tr("The service whose record is read or switched."));
}

/// Reads a whole number of seconds from 1 to @p max; nullopt (and a message) otherwise.
std::optional<int> seconds(const QCommandLineParser& parser, const QString& option, int min,
                           int max, QTextStream& err)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max) {
        err << DnsCommand::tr("--%1 must be a whole number of seconds from %2 to %3.")
                   .arg(option)
                   .arg(min)
                   .arg(max)
            << Qt::endl;
        return std::nullopt;
    }
    return value;
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
    const QString usage =
        tr("Usage: relaisctl dns show|switch [OPTIONS]\n"
           "  dns show --site FILE SERVICE\n"
           "  dns switch --site FILE SERVICE --to main|backup [--emergency]\n"
           "Both take --vault FILE and --passphrase-file FILE as \"relaisctl vault\" does (show "
           "needs the vault only for a failover IP).\n"
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
        tr("Ask the DNS provider of a service's record what it holds: the addresses, their TTL "
           "and the side (main or backup) they point to."));
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
        const std::optional<int> value = seconds(parser, QStringLiteral("timeout"), 1, 600, m_err);
        if (!value)
            return ExitCode::Error;
        m_timeoutMs = *value * 1000;
    }
    if (const int code = prepare(parser.value(QStringLiteral("site")), positional.first());
        code >= 0)
        return code;
    if (m_service->failoverIp) {
        if (const int code = openVault(parser); code >= 0)
            return code;
        Result<std::unique_ptr<OvhFailoverIpMove>> move = DnsProviderFactory::createFailoverIpMove(
            *m_service->failoverIp, &*m_vault, m_timeoutMs);
        if (!move) {
            m_err << tr("Cannot read where the failover IP of \"%1\" is routed: %2")
                         .arg(m_service->name, move.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        m_move = std::move(move).value();
    }
    if (m_service->dns) {
        Result<std::unique_ptr<DnsProvider>> provider =
            DnsProviderFactory::create(m_binding, nullptr, m_timeoutMs);
        if (!provider) {
            m_err << tr("Cannot read the record of \"%1\": %2")
                         .arg(m_service->name, provider.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        m_provider = std::move(provider).value();
        connect(m_provider.get(), &DnsProvider::readFinished, this, &DnsCommand::onRead);
        ++m_pending;
    }
    if (m_move) {
        connect(m_move.get(), &OvhFailoverIpMove::readFinished, this,
                &DnsCommand::onFailoverIpRead);
        ++m_pending;
    }
    if (m_provider)
        m_provider->read(m_request.name, m_request.type);
    if (m_move)
        m_move->read(m_service->failoverIp->ip);
    return -1;
}

int DnsCommand::startSwitch(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Point a service's record to main or backup through its DNS provider. The record is "
           "read first: nothing is sent when it already points to that side, nothing is changed "
           "when it points to neither side. A planned switch lowers the TTL, waits the old TTL "
           "out, then changes the address; --emergency changes it at once. The change fails if "
           "the record changes meanwhile. Then each authoritative server (the site's \"verify\" "
           "list, else the zone's NS records) is asked until all answer the new address."));
    addCommonOptions(parser);
    const QCommandLineOption toOption(QStringLiteral("to"), tr("main or backup."), tr("SIDE"));
    parser.addOption(toOption);
    parser.addOption(QCommandLineOption(QStringLiteral("emergency"),
                                        tr("Change the address at once, without lowering the "
                                           "TTL and waiting the old one out.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("low-ttl"),
        tr("The TTL a planned switch sets first (default: 30, or the record's TTL if lower)."),
        tr("SECONDS")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("verify-timeout"),
        tr("Give up verifying the authoritative servers after SECONDS (default: 120)."),
        tr("SECONDS")));
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
    const QString to = parser.value(toOption);
    if (to != QStringLiteral("main") && to != QStringLiteral("backup")) {
        m_err << tr("Unknown side \"%1\": use main or backup.").arg(to) << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        const std::optional<int> value = seconds(parser, QStringLiteral("timeout"), 1, 600, m_err);
        if (!value)
            return ExitCode::Error;
        m_timeoutMs = *value * 1000;
    }
    const QString sitePath = parser.value(QStringLiteral("site"));
    if (const int code = prepare(sitePath, positional.first()); code >= 0)
        return code;
    m_to = to == QStringLiteral("main") ? DnsSwitchRequest::Side::Main
                                        : DnsSwitchRequest::Side::Backup;
    m_mode = parser.isSet(QStringLiteral("emergency")) ? DnsSwitchRequest::Mode::Emergency
                                                       : DnsSwitchRequest::Mode::Planned;
    if (m_service->dns) {
        Result<DnsSwitchRequest> request =
            DnsSwitchJob::requestFor(*m_site, *m_service, m_to, m_mode);
        if (!request) {
            m_err << tr("Cannot switch \"%1\": %2").arg(m_service->name, request.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        m_request = *request;
        m_request.queryTimeoutMs = std::min(m_timeoutMs, m_request.queryTimeoutMs);
        if (parser.isSet(QStringLiteral("low-ttl"))) {
            const std::optional<int> value =
                seconds(parser, QStringLiteral("low-ttl"), 1, 86400, m_err);
            if (!value)
                return ExitCode::Error;
            m_request.lowTtl = *value;
        }
        if (parser.isSet(QStringLiteral("verify-timeout"))) {
            const std::optional<int> value =
                seconds(parser, QStringLiteral("verify-timeout"), 1, 3600, m_err);
            if (!value)
                return ExitCode::Error;
            m_request.propagationTimeoutMs = *value * 1000;
        }
        if (m_binding.provider == DnsBinding::Provider::Rfc2136 && m_binding.tsigId.isEmpty()) {
            m_err << tr("The DNS record of service \"%1\" has no TSIG key (\"tsig\") in the "
                        "site: Relais only sends signed updates.")
                         .arg(m_service->name)
                  << Qt::endl;
            return ExitCode::Error;
        }
    }

    if (const int code = openVault(parser); code >= 0)
        return code;
    std::unique_ptr<DnsProvider> dnsProvider;
    if (m_service->dns) {
        Result<std::unique_ptr<DnsProvider>> provider =
            DnsProviderFactory::create(m_binding, &*m_vault, m_timeoutMs);
        if (!provider) {
            m_err << tr("Cannot switch \"%1\": %2").arg(m_service->name, provider.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        dnsProvider = std::move(provider).value();
    }
    // Both credentials are checked before anything changes.
    if (m_service->failoverIp) {
        Result<std::unique_ptr<OvhFailoverIpMove>> move = DnsProviderFactory::createFailoverIpMove(
            *m_service->failoverIp, &*m_vault, m_timeoutMs);
        if (!move) {
            m_err << tr("Cannot move the failover IP of \"%1\": %2")
                         .arg(m_service->name, move.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        m_move = std::move(move).value();
    }
    openHistory();

    if (!dnsProvider) {
        startMove();
        return -1;
    }
    m_job = std::make_unique<DnsSwitchJob>(std::move(dnsProvider));
    m_job->setHistory(m_history.get());
    connect(m_job.get(), &DnsSwitchJob::phaseChanged, this, &DnsCommand::onPhase);
    connect(m_job.get(), &DnsSwitchJob::countdown, this, &DnsCommand::onCountdown);
    connect(m_job.get(), &DnsSwitchJob::serverAnswered, this, &DnsCommand::onServerAnswered);
    connect(m_job.get(), &DnsSwitchJob::finished, this, &DnsCommand::onSwitched);
    m_job->start(m_request);
    return -1;
}

int DnsCommand::openVault(const QCommandLineParser& parser)
{
    const QString vaultPath = parser.isSet(QStringLiteral("vault"))
                                  ? parser.value(QStringLiteral("vault"))
                                  : SiteDocument::vaultPath(*m_site, m_sitePath);
    const std::optional<QString> passphraseFile =
        parser.isSet(QStringLiteral("passphrase-file"))
            ? std::optional<QString>(parser.value(QStringLiteral("passphrase-file")))
            : std::nullopt;
    m_vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    return m_vault ? -1 : ExitCode::Error;
}

void DnsCommand::openHistory()
{
    // The switch is recorded in relais.db; without it the switch still runs.
    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (database) {
        m_database = std::move(database).value();
        m_history = std::make_unique<DnsSwitchHistory>(*m_database,
                                                       QFileInfo(m_sitePath).absoluteFilePath());
    } else {
        m_err << tr("Warning: this switch is not recorded in the history: %1")
                     .arg(database.error().message())
              << Qt::endl;
    }
}

void DnsCommand::startMove()
{
    if (!m_move) {
        finish(ExitCode::Ok);
        return;
    }
    const FailoverIp& failoverIp = *m_service->failoverIp;
    const QString target =
        m_to == DnsSwitchRequest::Side::Main ? failoverIp.mainService : failoverIp.backupService;
    m_out << tr("Moving the failover IP %1 to %2's server %3 through the OVH API.")
                 .arg(failoverIp.ip, sideText(m_to), target)
          << Qt::endl;
    m_moveStarted = QDateTime::currentDateTimeUtc();
    connect(m_move.get(), &OvhFailoverIpMove::progress, this,
            [this, last = QString()](const QString& status) mutable {
                if (status == last)
                    return;
                last = status;
                m_out << tr("  OVH task: %1").arg(status) << Qt::endl;
            });
    connect(m_move.get(), &OvhFailoverIpMove::finished, this, &DnsCommand::onMoved);
    m_move->start(failoverIp.ip, target);
}

void DnsCommand::onMoved(const Result<OvhFailoverIpMoveResult>& result)
{
    const FailoverIp& failoverIp = *m_service->failoverIp;
    if (m_history) {
        if (const Result<void> recorded = m_history->recordMove(m_service->name, failoverIp, m_to,
                                                                m_mode, m_moveStarted, result);
            !recorded)
            m_err << tr("Warning: this move is not recorded in the history: %1")
                         .arg(recorded.error().message())
                  << Qt::endl;
    }
    if (!result) {
        m_err << tr("The move of the failover IP %1 to %2 failed: %3")
                     .arg(failoverIp.ip, sideText(m_to), result.error().message())
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    const QString target =
        m_to == DnsSwitchRequest::Side::Main ? failoverIp.mainService : failoverIp.backupService;
    if (result->alreadyThere)
        m_out << tr("Already switched: the failover IP %1 is routed to %2 (%3); nothing was "
                    "asked.")
                     .arg(failoverIp.ip, target, sideText(m_to))
              << Qt::endl;
    else
        m_out << tr("Moved the failover IP %1 from %2 to %3 (%4) in %5 ms.")
                     .arg(failoverIp.ip, result->previousService, target, sideText(m_to))
                     .arg(result->durationMs)
              << Qt::endl;
    finish(ExitCode::Ok);
}

void DnsCommand::onFailoverIpRead(const Result<QString>& service)
{
    const FailoverIp& failoverIp = *m_service->failoverIp;
    if (!service) {
        m_err << tr("Cannot read where the failover IP %1 is routed: %2")
                     .arg(failoverIp.ip, service.error().message())
              << Qt::endl;
        doneOne(ExitCode::Error);
        return;
    }
    m_out << tr("Failover IP %1: routed to %2, points to %3")
                 .arg(failoverIp.ip, *service, sideOfService(*service))
          << Qt::endl;
    doneOne(ExitCode::Ok);
}

QString DnsCommand::sideOfService(const QString& service) const
{
    if (service == m_service->failoverIp->mainService)
        return tr("main");
    if (service == m_service->failoverIp->backupService)
        return tr("backup");
    return tr("neither side");
}

void DnsCommand::doneOne(int code)
{
    m_worst = std::max(m_worst, code);
    if (--m_pending <= 0)
        finish(m_worst);
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
    m_sitePath = sitePath;
    for (const Service& candidate : m_site->services) {
        if (candidate.name == serviceName)
            m_service = &candidate;
    }
    if (!m_service) {
        QStringList names;
        for (const Service& candidate : m_site->services)
            names.append(candidate.name);
        m_err << tr("The site has no service \"%1\" (it has: %2).")
                     .arg(serviceName, names.join(QStringLiteral(", ")))
              << Qt::endl;
        return ExitCode::Error;
    }
    if (!m_service->dns && !m_service->failoverIp) {
        m_err << tr("The service \"%1\" has neither a DNS record nor a failover IP in the site.")
                     .arg(serviceName)
              << Qt::endl;
        return ExitCode::Error;
    }
    if (!m_service->dns)
        return -1;
    m_binding = *m_service->dns;
    if (m_binding.type != QStringLiteral("A") && m_binding.type != QStringLiteral("AAAA")) {
        m_err << tr("The DNS record of service \"%1\" has type %2; only A and AAAA records are "
                    "switched.")
                     .arg(serviceName, m_binding.type)
              << Qt::endl;
        return ExitCode::Error;
    }
    m_request.name = DnsProviderFactory::recordName(m_binding);
    m_request.type = DnsProviderFactory::recordType(m_binding);
    m_request.mainAddress = QHostAddress(
        m_site->main.publicAddress.isEmpty() ? m_site->main.address : m_site->main.publicAddress);
    m_request.backupAddress =
        QHostAddress(m_site->backup.publicAddress.isEmpty() ? m_site->backup.address
                                                            : m_site->backup.publicAddress);
    return -1;
}

QString DnsCommand::sideOf(const QList<QHostAddress>& addresses) const
{
    if (addresses == QList<QHostAddress>{m_request.mainAddress})
        return tr("main");
    if (addresses == QList<QHostAddress>{m_request.backupAddress})
        return tr("backup");
    return tr("neither side");
}

QString DnsCommand::describe(const DnsRecordState& state) const
{
    const QString where = m_binding.provider == DnsBinding::Provider::Rfc2136
                              ? tr("%1 port %2").arg(m_binding.server).arg(m_binding.port)
                              : (m_provider ? m_provider->displayName() : QString());
    return tr("%1 %2 at %3: %4, TTL %5, points to %6")
        .arg(m_request.name, m_binding.type, where, addressText(state.addresses))
        .arg(state.ttl)
        .arg(sideOf(state.addresses));
}

void DnsCommand::onRead(const Result<DnsRecordState>& result)
{
    if (!result) {
        m_err << tr("Cannot read %1 %2: %3")
                     .arg(m_request.name, m_binding.type, result.error().message())
              << Qt::endl;
        doneOne(ExitCode::Error);
        return;
    }
    m_out << describe(*result) << Qt::endl;
    doneOne(ExitCode::Ok);
}

void DnsCommand::onPhase(DnsSwitchJob::Phase phase)
{
    switch (phase) {
    case DnsSwitchJob::Phase::Reading:
        return;
    case DnsSwitchJob::Phase::LoweringTtl:
        m_out << tr("Lowering the TTL of %1 to %2 s first.")
                     .arg(m_request.name)
                     .arg(m_job->request().lowTtl)
              << Qt::endl;
        return;
    case DnsSwitchJob::Phase::WaitingOldTtl:
        m_out << tr("TTL lowered; waiting for the old TTL to run out in caches.") << Qt::endl;
        return;
    case DnsSwitchJob::Phase::Changing:
        m_out << tr("Pointing %1 to %2 (%3).")
                     .arg(m_request.name, sideText(m_request.to),
                          m_request.address(m_request.to).toString())
              << Qt::endl;
        return;
    case DnsSwitchJob::Phase::FindingServers:
        m_out << tr("Looking up the authoritative servers of %1.").arg(m_request.zone) << Qt::endl;
        return;
    case DnsSwitchJob::Phase::Verifying:
        m_out << tr("Verifying at the authoritative servers.") << Qt::endl;
        return;
    }
}

void DnsCommand::onCountdown(qint64 secondsLeft)
{
    if (secondsLeft > 0 && (secondsLeft % 10 == 0 || secondsLeft <= 5))
        m_out << tr("%n second(s) left before the address is changed.", nullptr, int(secondsLeft))
              << Qt::endl;
}

void DnsCommand::onServerAnswered(const DnsServerAnswer& answer)
{
    if (answer.converged) {
        m_out << tr("  %1 answers %2 (after %3 ms)")
                     .arg(answer.server.toString(), addressText(answer.addresses))
                     .arg(answer.convergedAfterMs)
              << Qt::endl;
    }
}

void DnsCommand::onSwitched(const Result<DnsSwitchReport>& result)
{
    if (!result) {
        const QString headline = result.error().is(DnsSwitchError::NeitherSide)
                                     ? tr("Nothing changed: %1")
                                     : tr("The switch of %2 to %3 failed: %1");
        m_err << headline.arg(result.error().message(), m_request.name, sideText(m_request.to))
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    const DnsSwitchReport& report = *result;
    if (report.alreadySwitched) {
        m_out << tr("Already switched: %1 %2 holds %3 (TTL %4), it points to %5; nothing was "
                    "sent.")
                     .arg(m_request.name, m_binding.type, addressText(report.oldAddresses))
                     .arg(report.oldTtl)
                     .arg(sideText(m_request.to))
              << Qt::endl;
        startMove();
        return;
    }
    m_out << tr("Switched %1 %2 to %3 (%4), TTL %5: the provider confirmed in %6 ms.")
                 .arg(m_request.name, m_binding.type, sideText(m_request.to),
                      m_request.address(m_request.to).toString())
                 .arg(m_request.ttl)
                 .arg(report.changeLatencyMs)
          << Qt::endl;
    m_out << tr("Verified: %n server(s) answer the new address; converged in %1 ms.", nullptr,
                int(report.servers.size()))
                 .arg(report.convergenceMs)
          << Qt::endl;
    startMove();
}

void DnsCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(code);
}

} // namespace relais
