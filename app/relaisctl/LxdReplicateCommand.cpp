#include "LxdReplicateCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdReplicationHistory.h"
#include "lxd/LxdReplicationJob.h"
#include "plan/SiteConnections.h"
#include "site/SiteDocument.h"
#include "ssh/SshError.h"
#include "ssh/SshSession.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QSocketNotifier>
#include <QThread>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace relais {

namespace {

/// The self-pipe of the SIGINT handler: the handler only writes one byte.
int s_interruptFds[2] = {-1, -1};

void onSigint(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_interruptFds[1], &byte, 1);
    // A second Ctrl-C ends the program at once.
    std::signal(SIGINT, SIG_DFL);
}

QString seconds(qint64 ms)
{
    return QLocale().toString(ms / 1000.0, 'f', 2);
}

} // namespace

LxdReplicateCommand::LxdReplicateCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

LxdReplicateCommand::~LxdReplicateCommand()
{
    unwatchInterrupt();
    delete m_job;
    m_connections.reset();
}

QList<SshSession*> LxdReplicateCommand::sessions() const
{
    QList<SshSession*> sessions;
    if (!m_connections)
        return sessions;
    for (const HostRole role : {HostRole::Main, HostRole::Backup}) {
        const Host& host = m_connections->site().host(role);
        if (!host.lxd || host.lxd->transport != LxdEndpoint::Transport::Ssh)
            continue;
        if (Result<SshSession*> session = m_connections->session(role))
            sessions.append(*session);
    }
    return sessions;
}

int LxdReplicateCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Replicate the container INSTANCE from main to backup: the backup's LXD pulls it from "
           "main's LXD (incrementally when the backup has a copy), and the backup keeps its "
           "current copy until the new one is complete. The copy stays stopped and does not "
           "start at boot. Ctrl-C cancels."));
    parser.addHelpOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), tr("The site document."),
                                        tr("FILE"));
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
    const QCommandLineOption sourceOption(
        QStringLiteral("source-url"),
        tr("Where the backup reaches main's LXD (default: the address main's LXD listens on, "
           "core.https_address)."),
        tr("URL"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           tr("Give up after SECONDS (default 3600)."),
                                           tr("SECONDS"), QStringLiteral("3600"));
    parser.addOptions({siteOption, vaultOption, passphraseOption, sourceOption, timeoutOption});
    parser.addPositionalArgument(QStringLiteral("INSTANCE"), tr("The container to replicate."));
    const QString usage = tr("Usage: relaisctl lxd replicate --site FILE INSTANCE");
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl << usage << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    bool timeoutOk = false;
    const int timeout = parser.value(timeoutOption).toInt(&timeoutOk);
    if (!parser.isSet(siteOption) || positional.size() != 1 || !timeoutOk || timeout <= 0) {
        m_err << usage << Qt::endl;
        return ExitCode::Error;
    }
    const QString instance = positional.first();
    const QString sitePath = parser.value(siteOption);
    const Result<Site> site = SiteDocument::load(sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    for (const HostRole role : {HostRole::Main, HostRole::Backup}) {
        if (!site->host(role).lxd) {
            m_err << tr("The %1 host has no LXD endpoint (\"lxd\" of the host).")
                         .arg(role == HostRole::Main ? tr("main") : tr("backup"))
                  << Qt::endl;
            return ExitCode::Error;
        }
    }
    const QString vaultPath = parser.isSet(vaultOption) ? parser.value(vaultOption)
                                                        : SiteDocument::vaultPath(*site, sitePath);
    std::optional<QString> passphraseFile;
    if (parser.isSet(passphraseOption))
        passphraseFile = parser.value(passphraseOption);
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;
    for (const HostRole role : {HostRole::Main, HostRole::Backup}) {
        // Says which key is missing, and where it was looked for.
        if (site->host(role).lxd->transport == LxdEndpoint::Transport::Ssh &&
            !SshCommand::sessionOptions(*vault, site->host(role), vaultPath, m_err))
            return ExitCode::Error;
    }
    m_connections = std::make_unique<SiteConnections>(
        *site, *vault, &m_verifier, nullptr, &m_tlsTrust, SiteConnections::Credentials::HostsOnly);
    for (const HostRole role : {HostRole::Main, HostRole::Backup}) {
        const Result<LxdClient*> client = m_connections->lxd(role);
        if (!client) {
            m_err << tr("Cannot reach the LXD of %1: %2")
                         .arg(site->host(role).name, client.error().toString())
                  << Qt::endl;
            return ExitCode::Error;
        }
        (role == HostRole::Main ? m_main : m_backup) = *client;
    }

    // The outcome is kept with the site it belongs to, as the console does.
    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (database) {
        m_database = std::move(*database);
        m_history = std::make_unique<LxdReplicationHistory>(*m_database,
                                                            QFileInfo(sitePath).absoluteFilePath());
    } else {
        m_err << tr("Warning: the replication will not be recorded: %1")
                     .arg(database.error().message())
              << Qt::endl;
    }

    m_job = new LxdReplicationJob(m_main, m_backup, instance);
    m_job->setTimeout(timeout * 1000);
    if (parser.isSet(sourceOption))
        m_job->setSourceUrl(parser.value(sourceOption));
    m_job->setHistory(m_history.get());
    connect(m_job, &LxdReplicationJob::stageChanged, this, [this](LxdReplicationJob::Stage stage) {
        QString text;
        switch (stage) {
        case LxdReplicationJob::Stage::Preparing:
            text = tr("Reading main and backup…");
            break;
        case LxdReplicationJob::Stage::Cloning:
            text = tr("Cloning the backup's copy into a staging instance…");
            break;
        case LxdReplicationJob::Stage::Transferring:
            text = tr("The backup pulls the instance from main…");
            break;
        case LxdReplicationJob::Stage::Verifying:
            text = tr("Checking the new copy…");
            break;
        case LxdReplicationJob::Stage::Swapping:
            text = tr("Putting the new copy in place…");
            break;
        case LxdReplicationJob::Stage::CleaningUp:
            text = tr("Removing the staging instance; the backup keeps its copy…");
            break;
        }
        m_err << text << Qt::endl;
    });
    connect(m_job, &LxdReplicationJob::progress, this, [this](const QString& text, int) {
        m_err << QStringLiteral("  ") << text << Qt::endl;
    });
    connect(m_job, &LxdReplicationJob::finished, this, &LxdReplicateCommand::onFinished);
    watchInterrupt();
    m_job->start();
    return -1;
}

void LxdReplicateCommand::watchInterrupt()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_interruptFds) != 0)
        return;
    m_interrupt = new QSocketNotifier(s_interruptFds[0], QSocketNotifier::Read, this);
    connect(m_interrupt, &QSocketNotifier::activated, this, &LxdReplicateCommand::onInterrupt);
    std::signal(SIGINT, onSigint);
}

void LxdReplicateCommand::unwatchInterrupt()
{
    if (!m_interrupt)
        return;
    std::signal(SIGINT, SIG_DFL);
    delete m_interrupt;
    m_interrupt = nullptr;
    ::close(s_interruptFds[0]);
    ::close(s_interruptFds[1]);
    s_interruptFds[0] = s_interruptFds[1] = -1;
}

void LxdReplicateCommand::onInterrupt()
{
    char byte = 0;
    [[maybe_unused]] const auto got = ::read(s_interruptFds[0], &byte, 1);
    if (m_cancelled || !m_job)
        return;
    m_cancelled = true;
    m_err << tr("Cancelling (Ctrl-C again to quit at once)…") << Qt::endl;
    m_job->cancel();
}

void LxdReplicateCommand::onFinished()
{
    const Result<LxdReplicationReport>& result = m_job->result();
    if (result) {
        const QString size = result->bytes >= 0 ? QLocale().formattedDataSize(result->bytes)
                                                : tr("size not reported by LXD");
        m_out << (result->incremental
                      ? tr("Refreshed the copy of %1 on backup in %2 s (transfer %3 s, %4).")
                      : tr("Copied %1 to backup in %2 s (transfer %3 s, %4)."))
                     .arg(result->instance, seconds(result->durationMs()),
                          seconds(result->transferMs), size)
              << Qt::endl;
        finish(ExitCode::Ok);
        return;
    }
    const Error& error = result.error();
    for (const SshSession* session : sessions()) {
        const std::optional<Error> ssh = session->lastError();
        if (ssh && ssh->is(SshError::HostKeyRejected)) {
            m_err << tr("The SSH host key of %1 is not trusted yet; check it and run \"relaisctl "
                        "ssh trust\".")
                         .arg(session->options().target.address)
                  << Qt::endl;
        }
    }
    if (error.is(LxdError::CertificateUnknown) && !m_tlsTrust.questions().isEmpty()) {
        const TlsQuestion& question = m_tlsTrust.questions().last();
        m_err << tr("The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run "
                    "\"relaisctl lxd trust\".")
                     .arg(question.host, question.fingerprint)
              << Qt::endl;
    }
    m_err << (error.is(LxdError::Cancelled)
                  ? tr("Replication of %1 cancelled; the backup keeps its previous copy.")
                        .arg(m_job->instance())
                  : tr("Replication of %1 failed; the backup keeps its previous copy: %2")
                        .arg(m_job->instance(), error.toString()))
          << Qt::endl;
    finish(ExitCode::Error);
}

void LxdReplicateCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    unwatchInterrupt();
    m_out.flush();
    m_err.flush();
    // Each session's worker thread still closes its connection after the
    // session is gone; exiting meanwhile would tear libssh down under it.
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    // The clients belong to the connections, which close them before
    // their sessions.
    m_main = nullptr;
    m_backup = nullptr;
    QList<QPointer<QThread>> threads;
    for (SshSession* session : sessions())
        threads.append(session->workerThread());
    if (m_connections)
        m_connections.release()->deleteLater();
    auto pending = std::make_shared<int>(static_cast<int>(threads.size()));
    for (const QPointer<QThread>& thread : threads) {
        if (!thread) {
            --*pending;
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
    if (*pending == 0)
        emit finished(code);
}

} // namespace relais
