#include "LxdCommand.h"

#include "ExitCode.h"
#include "LxdActionCommand.h"
#include "LxdReplicateCommand.h"
#include "LxdTrustCommand.h"
#include "SshCommand.h"
#include "common/Paths.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdHttpsAccess.h"
#include "lxd/LxdHttpsTransport.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdSshTransport.h"
#include "site/SiteDocument.h"
#include "ssh/SshError.h"
#include "ssh/SshSession.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QThread>

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

QJsonValue numberOrNull(qint64 n)
{
    return n >= 0 ? QJsonValue(static_cast<double>(n)) : QJsonValue();
}

QJsonObject instanceJson(const LxdInstance& i)
{
    QJsonArray addresses;
    for (const LxdAddress& a : i.addresses) {
        addresses.append(QJsonObject{{QStringLiteral("interface"), a.interface},
                                     {QStringLiteral("family"), a.family},
                                     {QStringLiteral("address"), a.address},
                                     {QStringLiteral("scope"), a.scope}});
    }
    QJsonArray snapshots;
    for (const LxdSnapshot& s : i.snapshots) {
        snapshots.append(QJsonObject{{QStringLiteral("name"), s.name},
                                     {QStringLiteral("created_at"), isoOrNull(s.createdAt)},
                                     {QStringLiteral("expires_at"), isoOrNull(s.expiresAt)}});
    }
    return {
        {QStringLiteral("name"), i.name},
        {QStringLiteral("type"), i.type},
        {QStringLiteral("status"), i.status},
        {QStringLiteral("running"), i.isRunning()},
        {QStringLiteral("addresses"), addresses},
        {QStringLiteral("memory_bytes"), numberOrNull(i.memoryUsage)},
        {QStringLiteral("disk_bytes"), numberOrNull(i.diskUsage)},
        {QStringLiteral("processes"), i.processes >= 0 ? QJsonValue(i.processes) : QJsonValue()},
        {QStringLiteral("snapshots"), snapshots}};
}

} // namespace

LxdCommand::LxdCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

LxdCommand::~LxdCommand()
{
    // Clients (with their tunnels) go before the sessions they use.
    for (auto& run : m_runs) {
        delete run->client;
        run->client = nullptr;
        run->session.reset();
    }
}

int LxdCommand::start(const QStringList& arguments)
{
    const QString usage =
        tr("Usage:\n  relaisctl lxd list --site FILE [--json] [HOST]\n%1\n"
           "Each takes --vault FILE and --passphrase-file FILE as \"relaisctl vault\" does; "
           "\"relaisctl lxd ACTION --help\" describes one. Exit status: 0 done, 1 the LXD "
           "operation failed, 2 usage or configuration error.")
            .arg(LxdActionCommand::usage() + QLatin1Char('\n') +
                 tr("  relaisctl lxd replicate --site FILE INSTANCE\n"
                    "  relaisctl lxd trust --site FILE HOST --token-file FILE"));
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help") ||
        command == QStringLiteral("help")) {
        m_out << usage << Qt::endl;
        return ExitCode::Ok;
    }
    if (command == QStringLiteral("list"))
        return startList(QStringList{program + QStringLiteral(" list")} + arguments.mid(2));
    if (command == QStringLiteral("trust")) {
        auto* trust = new LxdTrustCommand(m_out, m_err, this);
        connect(trust, &LxdTrustCommand::finished, this, &LxdCommand::finished);
        return trust->start(QStringList{program + QStringLiteral(" trust")} + arguments.mid(2));
    }
    if (command == QStringLiteral("replicate")) {
        auto* replicate = new LxdReplicateCommand(m_out, m_err, this);
        connect(replicate, &LxdReplicateCommand::finished, this, &LxdCommand::finished);
        return replicate->start(QStringList{program + QStringLiteral(" replicate")} +
                                arguments.mid(2));
    }
    if (LxdActionCommand::actions().contains(command)) {
        auto* action = new LxdActionCommand(m_out, m_err, this);
        connect(action, &LxdActionCommand::finished, this, &LxdCommand::finished);
        return action->start(arguments);
    }
    if (!command.isEmpty())
        m_err << tr("Unknown lxd command: %1").arg(command) << Qt::endl;
    m_err << usage << Qt::endl;
    return ExitCode::Error;
}

int LxdCommand::startList(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the LXD instances of the site's hosts (or of HOST: main or backup) with their "
           "status, addresses and snapshots, read through SSH."));
    parser.addHelpOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), tr("The site document."),
                                        tr("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
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
    parser.addOptions({siteOption, jsonOption, vaultOption, passphraseOption});
    parser.addPositionalArgument(QStringLiteral("HOST"), tr("main or backup (default: both)."));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(siteOption) || positional.size() > 1) {
        m_err << tr("Usage: relaisctl lxd list --site FILE [--json] [HOST]") << Qt::endl;
        return ExitCode::Error;
    }
    m_json = parser.isSet(jsonOption);
    QStringList roles{QStringLiteral("main"), QStringLiteral("backup")};
    if (!positional.isEmpty()) {
        if (!roles.contains(positional.first())) {
            m_err << tr("Unknown host \"%1\": use main or backup.").arg(positional.first())
                  << Qt::endl;
            return ExitCode::Error;
        }
        roles = positional;
    }
    const QString sitePath = parser.value(siteOption);
    const Result<Site> site = SiteDocument::load(sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    const QString vaultPath = parser.isSet(vaultOption) ? parser.value(vaultOption)
                                                        : SiteDocument::vaultPath(*site, sitePath);
    std::optional<QString> passphraseFile;
    if (parser.isSet(passphraseOption))
        passphraseFile = parser.value(passphraseOption);
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;

    for (const QString& role : roles) {
        const Host& host =
            site->host(role == QStringLiteral("main") ? HostRole::Main : HostRole::Backup);
        auto run = std::make_unique<HostRun>();
        run->role = role;
        run->address = host.address;
        if (!host.lxd) {
            run->error = tr("the site gives this host no LXD endpoint");
            run->done = true;
            m_runs.push_back(std::move(run));
            continue;
        }
        if (host.lxd->transport == LxdEndpoint::Transport::Https) {
            auto transport = httpsTransport(*vault, *host.lxd);
            if (!transport) {
                run->error = transport.error().message();
                run->done = true;
                m_runs.push_back(std::move(run));
                continue;
            }
            run->client = new LxdClient(*transport);
            run->list = run->client->listInstances();
            HostRun* raw = run.get();
            connect(run->list, &LxdOperation::finished, this, [this, raw] { onListed(*raw); });
            m_runs.push_back(std::move(run));
            continue;
        }
        std::optional<SshSessionOptions> options =
            SshCommand::sessionOptions(*vault, host, vaultPath, m_err);
        if (!options)
            return ExitCode::Error;
        run->session = std::make_unique<SshSession>(std::move(*options), &m_verifier);
        run->client = new LxdClient(new LxdSshTransport(run->session.get(), host.lxd->socketPath));
        run->list = run->client->listInstances();
        HostRun* raw = run.get();
        connect(run->list, &LxdOperation::finished, this, [this, raw] { onListed(*raw); });
        m_runs.push_back(std::move(run));
    }
    bool waiting = false;
    for (auto& run : m_runs) {
        if (run->list) {
            run->list->start();
            waiting = true;
        }
    }
    if (!waiting) {
        m_json ? printJson() : printText();
        return ExitCode::Error;
    }
    return -1;
}

Result<LxdTransport*> LxdCommand::httpsTransport(Vault& vault, const LxdEndpoint& endpoint)
{
    const Result<LxdHttpsAccess> access = LxdHttpsAccess::read(vault, endpoint);
    if (!access) {
        if (access.error().is(LxdError::InvalidClientCertificate))
            return Error(LxdError::InvalidClientCertificate,
                         tr("%1; run \"relaisctl lxd trust\"").arg(access.error().message()));
        return access.error();
    }
    return static_cast<LxdTransport*>(access->transport(&m_tlsTrust));
}

void LxdCommand::onListed(HostRun& run)
{
    const Result<QJsonValue>& result = run.list->result();
    if (result) {
        auto instances = LxdInstance::listFromJson(*result);
        if (instances)
            run.instances = std::move(*instances);
        else
            run.error = instances.error().toString();
    } else {
        const Error& error = result.error();
        const std::optional<Error> ssh =
            run.session ? run.session->lastError() : std::optional<Error>();
        if (error.is(LxdError::CertificateUnknown) && !m_tlsTrust.questions().isEmpty())
            run.error = tr("the LXD certificate of %1 is not trusted yet (SHA-256 %2); check it "
                           "and run \"relaisctl lxd trust\"")
                            .arg(m_tlsTrust.questions().last().host,
                                 m_tlsTrust.questions().last().fingerprint);
        else if (ssh && ssh->is(SshError::HostKeyRejected))
            run.error = tr("the SSH host key of %1 is not trusted yet; check it and run "
                           "\"relaisctl ssh trust\"")
                            .arg(run.address);
        else if (ssh && error.is(LxdError::Unreachable))
            run.error = tr("%1 (SSH: %2)").arg(error.message(), ssh->message());
        else
            run.error = error.toString();
    }
    run.done = true;
    for (const auto& r : m_runs) {
        if (!r->done)
            return;
    }
    m_json ? printJson() : printText();
    bool allListed = true;
    for (const auto& r : m_runs)
        allListed = allListed && r->instances.has_value();
    finish(allListed ? ExitCode::Ok : ExitCode::Error);
}

void LxdCommand::printText()
{
    const QLocale locale;
    for (const auto& run : m_runs) {
        m_out << tr("%1 (%2)").arg(run->role, run->address) << Qt::endl;
        if (!run->instances) {
            m_err << tr("%1: cannot list the instances: %2").arg(run->role, run->error) << Qt::endl;
            continue;
        }
        if (run->instances->isEmpty()) {
            m_out << QStringLiteral("  ") << tr("no instances") << Qt::endl;
            continue;
        }
        for (const LxdInstance& i : *run->instances) {
            QStringList addresses;
            for (const LxdAddress& a : i.addresses) {
                if (a.scope == QLatin1String("global"))
                    addresses << a.address;
            }
            const LxdSnapshot* newest = i.newestSnapshot();
            const QString snapshots =
                newest ? tr("%n snapshot(s), newest %1 at %2", nullptr, int(i.snapshots.size()))
                             .arg(newest->name, isoTime(newest->createdAt))
                       : tr("no snapshot");
            const QString memory =
                i.memoryUsage >= 0 ? locale.formattedDataSize(i.memoryUsage) : QStringLiteral("-");
            m_out << QStringLiteral("  %1  %2  %3  %4  %5")
                         .arg(i.name.leftJustified(20), i.status.leftJustified(8),
                              (addresses.isEmpty() ? QStringLiteral("-")
                                                   : addresses.join(QLatin1Char(',')))
                                  .leftJustified(16),
                              memory.leftJustified(9), snapshots)
                  << Qt::endl;
        }
    }
}

void LxdCommand::printJson()
{
    QJsonObject hosts;
    for (const auto& run : m_runs) {
        QJsonObject host{{QStringLiteral("address"), run->address}};
        if (run->instances) {
            QJsonArray list;
            for (const LxdInstance& i : *run->instances)
                list.append(instanceJson(i));
            host.insert(QStringLiteral("instances"), list);
            host.insert(QStringLiteral("error"), QJsonValue());
        } else {
            host.insert(QStringLiteral("instances"), QJsonValue());
            host.insert(QStringLiteral("error"), run->error);
        }
        hosts.insert(run->role, host);
    }
    m_out << QJsonDocument(QJsonObject{{QStringLiteral("hosts"), hosts}})
                 .toJson(QJsonDocument::Indented);
}

void LxdCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_out.flush();
    m_err.flush();
    // Each session's worker thread still closes its connection after the
    // session is gone; exiting meanwhile would tear libssh down under it.
    QList<QPointer<QThread>> threads;
    for (auto& run : m_runs) {
        if (run->client) {
            run->client->deleteLater();
            run->client = nullptr;
        }
        if (run->session) {
            threads.append(run->session->workerThread());
            run->session.release()->deleteLater();
        }
    }
    auto pending = std::make_shared<int>(static_cast<int>(threads.size()));
    if (*pending == 0) {
        emit finished(code);
        return;
    }
    for (const QPointer<QThread>& thread : threads) {
        if (!thread) {
            if (--*pending == 0)
                emit finished(code);
            continue;
        }
        connect(
            thread, &QThread::finished, this,
            [this, thread, code, pending] {
                if (thread)
                    thread->wait(5000);
                if (--*pending == 0)
                    emit finished(code);
            },
            Qt::QueuedConnection);
    }
}

} // namespace relais
