#include "HealthCommand.h"

#include "ExitCode.h"
#include "LxdAccess.h"
#include "common/SystemClock.h"
#include "health/HealthEvent.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"
#include "site/SiteDocument.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace relais {

namespace {

const char* roleName(HostRole role)
{
    return role == HostRole::Main ? "main" : "backup";
}

const char* kindName(ProbeSpec::Kind kind)
{
    switch (kind) {
    case ProbeSpec::Kind::Tcp:
        return "tcp";
    case ProbeSpec::Kind::Http:
        return "http";
    case ProbeSpec::Kind::Ssh:
        return "ssh";
    case ProbeSpec::Kind::Dns:
        return "dns";
    case ProbeSpec::Kind::Lxd:
        return "lxd";
    }
    return "tcp";
}

const char* errorName(HealthError error)
{
    switch (error) {
    case HealthError::Timeout:
        return "timeout";
    case HealthError::ConnectionRefused:
        return "connection-refused";
    case HealthError::Unreachable:
        return "unreachable";
    case HealthError::HostNotFound:
        return "host-not-found";
    case HealthError::TlsFailed:
        return "tls-failed";
    case HealthError::PinMismatch:
        return "pin-mismatch";
    case HealthError::HttpStatus:
        return "http-status";
    case HealthError::KeywordMissing:
        return "keyword-missing";
    case HealthError::NotSsh:
        return "not-ssh";
    case HealthError::DnsNoAnswer:
        return "dns-no-answer";
    case HealthError::DnsFailed:
        return "dns-failed";
    case HealthError::DnsUnknownAddress:
        return "dns-unknown-address";
    case HealthError::Cancelled:
        return "cancelled";
    case HealthError::Failed:
        return "failed";
    case HealthError::NotTrusted:
        return "not-trusted";
    }
    return "failed";
}

QJsonValue sideJson(std::optional<HostRole> side)
{
    return side ? QJsonValue(QLatin1String(roleName(*side))) : QJsonValue(QJsonValue::Null);
}

QString stateWord(HealthState state)
{
    return QLatin1String(healthStateName(state));
}

} // namespace

HealthCommand::HealthCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HealthCommand::onDeadline);
}

HealthCommand::~HealthCommand() = default;

int HealthCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check the health of a site's hosts and services.\n"
           "Exit status: 0 when both hosts are up, 1 when one is down or degraded, 2 on error."));
    parser.addHelpOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), tr("The site document."),
                                        tr("FILE"));
    const QCommandLineOption onceOption(QStringLiteral("once"),
                                        tr("Check every probe once and exit (the default)."));
    const QCommandLineOption watchOption(QStringLiteral("watch"),
                                         tr("Keep checking and print every change."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print JSON (see docs/health-json.md)."));
    const QCommandLineOption durationOption(
        QStringLiteral("duration"),
        tr("With --watch: stop after SECONDS, print a summary and exit with the hosts' status."),
        tr("SECONDS"));
    const QCommandLineOption vaultOption(
        QStringLiteral("vault"),
        tr("For lxd probes: the vault with the SSH keys (default: the site's \"vault\")."),
        tr("FILE"));
    const QCommandLineOption passphraseOption(
        QStringLiteral("passphrase-file"),
        tr("For lxd probes: read the vault passphrase from FILE (else from "
           "RELAIS_VAULT_PASSPHRASE; without either, lxd probes report the vault locked)."),
        tr("FILE"));
    parser.addOptions({siteOption, onceOption, watchOption, jsonOption, durationOption, vaultOption,
                       passphraseOption});
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    if (!parser.isSet(siteOption)) {
        m_err << tr("Usage: relaisctl health --site FILE [--once] [--json] [--watch]") << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(onceOption) && parser.isSet(watchOption)) {
        m_err << tr("--once and --watch exclude each other.") << Qt::endl;
        return ExitCode::Error;
    }
    m_json = parser.isSet(jsonOption);
    m_watch = parser.isSet(watchOption);
    int durationSeconds = 0;
    if (parser.isSet(durationOption)) {
        bool ok = false;
        durationSeconds = parser.value(durationOption).toInt(&ok);
        if (!ok || durationSeconds < 1 || !m_watch) {
            m_err << tr("--duration needs --watch and a whole number of seconds (1 or more).")
                  << Qt::endl;
            return ExitCode::Error;
        }
    }

    Result<Site> site = SiteDocument::load(parser.value(siteOption));
    if (!site) {
        m_err << tr("%1: invalid site document: %2")
                     .arg(parser.value(siteOption), site.error().message())
              << Qt::endl;
        for (const QString& problem : site.error().details())
            m_err << QStringLiteral("  ") << problem << Qt::endl;
        return ExitCode::Error;
    }

    const QString sitePath = parser.value(siteOption);
    if (LxdAccess::needed(*site) &&
        (parser.isSet(passphraseOption) || qEnvironmentVariableIsSet("RELAIS_VAULT_PASSPHRASE"))) {
        m_lxd = std::make_unique<LxdAccess>();
        std::optional<QString> passphraseFile;
        if (parser.isSet(passphraseOption))
            passphraseFile = parser.value(passphraseOption);
        const QString vaultPath = parser.isSet(vaultOption)
                                      ? parser.value(vaultOption)
                                      : SiteDocument::vaultPath(*site, sitePath);
        if (!m_lxd->open(*site, sitePath, vaultPath, passphraseFile, m_err))
            return ExitCode::Error;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_health = std::make_unique<SiteHealth>(
        std::move(site).value(), *m_network, SystemClock::instance(), nullptr,
        m_watch ? SiteHealth::Mode::Continuous : SiteHealth::Mode::SingleShot, nullptr,
        m_lxd ? &m_lxd->context() : nullptr);
    if (m_health->monitors().empty()) {
        m_err << tr("The site has no probe to run.") << Qt::endl;
        return ExitCode::Error;
    }

    if (m_watch) {
        connect(m_health.get(), &SiteHealth::eventRecorded, this, &HealthCommand::onEvent);
        if (durationSeconds > 0) {
            disconnect(&m_deadline, nullptr, this, nullptr);
            connect(&m_deadline, &QTimer::timeout, this, &HealthCommand::onWatchEnd);
            m_deadline.start(durationSeconds * 1000);
        }
    } else {
        connect(m_health.get(), &SiteHealth::updated, this, &HealthCommand::onUpdated);
        // Every probe answers within its timeout; the deadline is a safety net.
        int longest = 0;
        for (const ProbeMonitor* monitor : m_health->monitors())
            longest = std::max(longest, m_health->specOf(monitor)->timeoutSeconds * 1000);
        m_deadline.start(longest + 2000);
    }
    // --once checks everything at once; --watch spreads the probes over
    // their interval as the console does.
    if (m_watch)
        m_health->start();
    else
        m_health->checkAll();
    return -1;
}

void HealthCommand::onUpdated()
{
    if (m_done || !m_health->allChecked())
        return;
    m_done = true;
    m_health->stop();
    printReport();
    printTrustHints();
    emit finished(exitCode());
}

void HealthCommand::printTrustHints()
{
    if (!m_lxd)
        return;
    for (const QString& hint : m_lxd->trustHints())
        m_err << hint << Qt::endl;
}

void HealthCommand::onDeadline()
{
    if (m_done)
        return;
    m_done = true;
    m_health->stop();
    printReport();
    printTrustHints();
    m_err << tr("Some probes did not answer in time.") << Qt::endl;
    emit finished(ExitCode::Failing);
}

void HealthCommand::onWatchEnd()
{
    m_health->stop();
    int checks = 0;
    int skipped = 0;
    qint64 worstLag = 0;
    for (const ProbeMonitor* monitor : m_health->monitors()) {
        checks += monitor->checkCount();
        skipped += monitor->skippedChecks();
        worstLag = std::max(worstLag, monitor->worstTimerLagMs());
    }
    m_err << tr("watched %1 probes: %2 checks, %3 skipped (still running), worst "
                "timer lag %4 ms")
                 .arg(m_health->monitors().size())
                 .arg(checks)
                 .arg(skipped)
                 .arg(worstLag)
          << Qt::endl;
    printTrustHints();
    emit finished(exitCode());
}

int HealthCommand::exitCode() const
{
    return m_health->hostState(HostRole::Main) == HealthState::Up &&
                   m_health->hostState(HostRole::Backup) == HealthState::Up
               ? ExitCode::Ok
               : ExitCode::Failing;
}

QJsonObject HealthCommand::reportJson() const
{
    const Site& site = m_health->site();
    QJsonObject hosts;
    for (HostRole role : {HostRole::Main, HostRole::Backup}) {
        hosts.insert(QLatin1String(roleName(role)),
                     QJsonObject{{QStringLiteral("name"), site.host(role).name},
                                 {QStringLiteral("state"), stateWord(m_health->hostState(role))}});
    }
    QJsonArray services;
    for (const Service& service : site.services) {
        services.append(QJsonObject{
            {QStringLiteral("name"), service.name},
            {QStringLiteral("active_side"), sideJson(m_health->activeSide(service.name))}});
    }
    QJsonArray probes;
    for (const Service& service : site.services) {
        for (const ProbeMonitor* monitor : m_health->monitorsOf(service.name)) {
            const ProbeSpec& spec = *m_health->specOf(monitor);
            QJsonObject probe{{QStringLiteral("id"), monitor->id()},
                              {QStringLiteral("service"), service.name},
                              {QStringLiteral("kind"), QLatin1String(kindName(spec.kind))},
                              {QStringLiteral("target"), sideJson(monitor->target())},
                              {QStringLiteral("description"), monitor->description()},
                              {QStringLiteral("state"), stateWord(monitor->state())},
                              {QStringLiteral("flapping"), monitor->flapping()}};
            const std::optional<ProbeResult>& result = monitor->lastResult();
            probe.insert(QStringLiteral("ok"), result ? QJsonValue(result->ok) : QJsonValue());
            probe.insert(QStringLiteral("latency_ms"), result && result->latencyMs >= 0
                                                           ? QJsonValue(result->latencyMs)
                                                           : QJsonValue());
            probe.insert(QStringLiteral("error"),
                         result && result->error
                             ? QJsonValue(QLatin1String(errorName(*result->error)))
                             : QJsonValue());
            probe.insert(QStringLiteral("message"), result ? result->message : QString());
            if (spec.kind == ProbeSpec::Kind::Dns) {
                probe.insert(QStringLiteral("points_to"),
                             sideJson(result ? result->pointsTo : std::nullopt));
                probe.insert(QStringLiteral("answers"),
                             QJsonArray::fromStringList(result ? result->answers : QStringList()));
            }
            probes.append(probe);
        }
    }
    return QJsonObject{
        {QStringLiteral("version"), 1},
        {QStringLiteral("site"), site.name},
        {QStringLiteral("checked_at"), SystemClock::instance().now().toString(Qt::ISODateWithMs)},
        {QStringLiteral("state"), stateWord(m_health->siteState())},
        {QStringLiteral("hosts"), hosts},
        {QStringLiteral("services"), services},
        {QStringLiteral("probes"), probes},
    };
}

void HealthCommand::printReport()
{
    if (m_json) {
        m_out << QString::fromUtf8(QJsonDocument(reportJson()).toJson(QJsonDocument::Indented));
        m_out.flush();
        return;
    }
    const Site& site = m_health->site();
    m_out << tr("Site %1: %2").arg(site.name, stateWord(m_health->siteState())) << Qt::endl;
    for (HostRole role : {HostRole::Main, HostRole::Backup}) {
        m_out << QStringLiteral("  %1 %2 %3")
                     .arg(QString::fromLatin1(roleName(role)).leftJustified(7),
                          site.host(role).name.leftJustified(16),
                          stateWord(m_health->hostState(role)))
              << Qt::endl;
    }
    for (const Service& service : site.services) {
        if (!service.dns)
            continue;
        const std::optional<HostRole> side = m_health->activeSide(service.name);
        m_out << QStringLiteral("  ")
              << (side
                      ? tr("%1: DNS points to %2").arg(service.name, QLatin1String(roleName(*side)))
                      : tr("%1: DNS points to neither side (or is not checked)").arg(service.name))
              << Qt::endl;
    }
    for (const ProbeMonitor* monitor : m_health->monitors()) {
        const std::optional<ProbeResult>& result = monitor->lastResult();
        QString detail;
        if (result && result->ok)
            detail = tr("%1 ms").arg(result->latencyMs);
        else if (result)
            detail = result->message;
        m_out << QStringLiteral("  [%1] %2 %3 %4")
                     .arg(stateWord(monitor->state()).leftJustified(8),
                          monitor->id().leftJustified(10), monitor->description().leftJustified(40),
                          detail)
              << Qt::endl;
    }
}

void HealthCommand::onEvent(const HealthEvent& event)
{
    static const char* const scopes[] = {"probe", "host", "site"};
    const QString scope = QLatin1String(scopes[static_cast<int>(event.scope)]);
    if (m_json) {
        const QJsonObject line{{QStringLiteral("at"), event.at.toString(Qt::ISODateWithMs)},
                               {QStringLiteral("scope"), scope},
                               {QStringLiteral("target"), event.target},
                               {QStringLiteral("from"), stateWord(event.from)},
                               {QStringLiteral("to"), stateWord(event.to)},
                               {QStringLiteral("flapping"), event.flapping},
                               {QStringLiteral("reason"), event.reason}};
        m_out << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) << Qt::endl;
        return;
    }
    m_out << QStringLiteral("%1 %2 %3: %4 → %5%6 %7")
                 .arg(event.at.toLocalTime().toString(Qt::ISODate), scope, event.target,
                      stateWord(event.from), stateWord(event.to),
                      event.flapping ? tr(" (flapping)") : QString(), event.reason)
          << Qt::endl;
}

} // namespace relais
