#include "SshCommand.h"

#include "ExitCode.h"
#include "PassphraseSource.h"
#include "common/Paths.h"
#include "common/ShellQuote.h"
#include "common/SystemClock.h"
#include "site/SiteDocument.h"
#include "ssh/KnownHosts.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshError.h"
#include "ssh/SshHostOptions.h"
#include "ssh/SshSession.h"
#include "ssh/SshSessionOptions.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

#include <QCommandLineParser>
#include <QFile>
#include <QPointer>
#include <QThread>

namespace relais {

namespace {

/// The private key of vault entry @p id, or an error sentence.
std::optional<QByteArray> privateKey(Vault& vault, const QString& id, const QString& vaultPath,
                                     QString& problem)
{
    Result<VaultEntry> entry = vault.entry(id);
    if (!entry) {
        problem = SshCommand::tr("The vault %1 has no SSH key \"%2\" (%3); add it with "
                                 "\"relaisctl vault add %2 --kind ssh-private-key\".")
                      .arg(vaultPath, id, entry.error().message());
        return std::nullopt;
    }
    return QByteArray(entry->secret.constData(), entry->secret.size());
}

} // namespace

SshCommand::SshCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

SshCommand::~SshCommand()
{
    // The job and the session go before the verifiers they use.
    m_job.reset();
    m_session.reset();
}

int SshCommand::start(const QStringList& arguments)
{
    const QString usage = tr("Usage: relaisctl ssh exec|trust [OPTIONS]\n"
                             "  ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...\n"
                             "  ssh trust --site FILE HOST --fingerprint SHA256:...\n"
                             "HOST is main or backup. Both take --vault FILE and "
                             "--passphrase-file FILE as \"relaisctl vault\" does.\n"
                             "\"relaisctl ssh COMMAND --help\" describes each command.");
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help") ||
        command == QStringLiteral("help")) {
        m_out << usage << Qt::endl;
        return ExitCode::Ok;
    }
    const QStringList rest = QStringList{program + QLatin1Char(' ') + command} + arguments.mid(2);
    if (command == QStringLiteral("exec"))
        return startExec(rest);
    if (command == QStringLiteral("trust"))
        return startTrust(rest);
    if (!command.isEmpty())
        m_err << tr("Unknown ssh command: %1").arg(command) << Qt::endl;
    m_err << usage << Qt::endl;
    return ExitCode::Error;
}

namespace {

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("site"), SshCommand::tr("The site document."), SshCommand::tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("vault"),
        SshCommand::tr("The vault with the SSH keys (default: the site's \"vault\", else %1).")
            .arg(Paths::vaultFile()),
        SshCommand::tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("passphrase-file"),
        SshCommand::tr("Read the vault passphrase from FILE (its first line). Without it, the "
                       "passphrase comes from the environment variable RELAIS_VAULT_PASSPHRASE, "
                       "else it is asked on the terminal."),
        SshCommand::tr("FILE")));
    parser.addPositionalArgument(QStringLiteral("HOST"), SshCommand::tr("main or backup."));
}

std::optional<QString> optionalValue(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return parser.value(name);
}

} // namespace

int SshCommand::startExec(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run COMMAND on a host of the site over SSH. Its standard output and error come to "
           "ours, and its exit status is ours. An unknown host key is refused: check its "
           "fingerprint and trust it with \"relaisctl ssh trust\"."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("COMMAND"),
                                 tr("The command and its arguments, after --."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), tr("Stop the command after SECONDS (default: no limit)."),
        tr("SECONDS"));
    parser.addOption(timeoutOption);
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || !parser.isSet(QStringLiteral("site"))) {
        m_err << tr("Usage: relaisctl ssh exec --site FILE [--timeout SECONDS] HOST -- "
                    "COMMAND...")
              << Qt::endl;
        return ExitCode::Error;
    }
    int timeoutMs = 0;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        const int seconds = parser.value(timeoutOption).toInt(&ok);
        if (!ok || seconds <= 0 || seconds > 86400) {
            m_err << tr("--timeout must be a whole number of seconds from 1 to 86400.") << Qt::endl;
            return ExitCode::Error;
        }
        timeoutMs = seconds * 1000;
    }
    SshSessionOptions options;
    if (const int code =
            prepare(arguments.value(0), positional, parser.value(QStringLiteral("site")),
                    optionalValue(parser, QStringLiteral("vault")),
                    optionalValue(parser, QStringLiteral("passphrase-file")), options);
        code >= 0)
        return code;

    QStringList words;
    for (const QString& word : positional.mid(1))
        words.append(shellQuote(word));

    m_session = std::make_unique<SshSession>(std::move(options), &m_recorder);
    m_job =
        std::make_unique<SshCommandJob>(m_session.get(), words.join(QLatin1Char(' ')), timeoutMs);
    connect(m_job.get(), &SshCommandJob::stdoutLine, this,
            [this](const QString& line) { m_out << line << Qt::endl; });
    connect(m_job.get(), &SshCommandJob::stderrLine, this,
            [this](const QString& line) { m_err << line << Qt::endl; });
    connect(m_job.get(), &SshCommandJob::finished, this, [this] {
        const Result<int>& result = m_job->result();
        if (result) {
            finish(*result);
            return;
        }
        reportError(result.error(), m_recorder.questions);
        finish(ExitCode::Error);
    });
    m_job->start();
    return -1;
}

int SshCommand::startTrust(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Connect to a host of the site and trust its SSH host key, only if its fingerprint is "
           "the one given (compare with ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the "
           "host). A key that differs from the trusted one is always refused."));
    addCommonOptions(parser);
    const QCommandLineOption fingerprintOption(QStringLiteral("fingerprint"),
                                               tr("The host key's fingerprint, SHA256:..."),
                                               tr("FINGERPRINT"));
    parser.addOption(fingerprintOption);
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
        !parser.isSet(fingerprintOption)) {
        m_err << tr("Usage: relaisctl ssh trust --site FILE HOST --fingerprint SHA256:...")
              << Qt::endl;
        return ExitCode::Error;
    }
    m_expected = parser.value(fingerprintOption).trimmed();
    if (!m_expected.startsWith(QStringLiteral("SHA256:")) || m_expected.size() < 8) {
        m_err << tr("The fingerprint must look like SHA256:... as ssh-keygen -l prints it.")
              << Qt::endl;
        return ExitCode::Error;
    }
    SshSessionOptions options;
    if (const int code =
            prepare(arguments.value(0), positional, parser.value(QStringLiteral("site")),
                    optionalValue(parser, QStringLiteral("vault")),
                    optionalValue(parser, QStringLiteral("passphrase-file")), options);
        code >= 0)
        return code;

    m_fingerprintVerifier = std::make_unique<FingerprintVerifier>(QStringList{m_expected});
    m_session = std::make_unique<SshSession>(std::move(options), m_fingerprintVerifier.get());
    connect(m_session.get(), &SshSession::connected, this, [this] {
        const QString where = m_session->describe();
        if (m_fingerprintVerifier->questionsAsked() == 0)
            m_out << tr("The host key of %1 was already trusted.").arg(where) << Qt::endl;
        else
            m_out << tr("Trusted the host key %1 of %2 in %3.")
                         .arg(m_expected, where, m_session->options().knownHostsPath)
                  << Qt::endl;
        m_session->disconnectFromHost();
        finish(ExitCode::Ok);
    });
    connect(m_session.get(), &SshSession::connectFailed, this, [this](const Error& error) {
        reportError(error, m_fingerprintVerifier->questions());
        finish(ExitCode::Error);
    });
    m_session->connectToHost();
    return -1;
}

int SshCommand::prepare(const QString& program, const QStringList& positional,
                        const QString& sitePath, const std::optional<QString>& vaultOption,
                        const std::optional<QString>& passphraseFile, SshSessionOptions& options)
{
    Q_UNUSED(program);
    m_site = sitePath;
    m_host = positional.first();
    if (m_host != QStringLiteral("main") && m_host != QStringLiteral("backup")) {
        m_err << tr("Unknown host \"%1\": use main or backup.").arg(m_host) << Qt::endl;
        return ExitCode::Error;
    }
    const Result<Site> site = SiteDocument::load(sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    const Host& host =
        site->host(m_host == QStringLiteral("main") ? HostRole::Main : HostRole::Backup);
    const QString vaultPath = vaultOption.value_or(SiteDocument::vaultPath(*site, sitePath));
    std::optional<Vault> vault = openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;
    std::optional<SshSessionOptions> built = sessionOptions(*vault, host, vaultPath, m_err);
    if (!built)
        return ExitCode::Error;
    options = std::move(*built);
    return -1;
}

std::optional<Vault> SshCommand::openVault(const QString& vaultPath,
                                           const std::optional<QString>& passphraseFile,
                                           QTextStream& err)
{
    if (!QFile::exists(vaultPath)) {
        err << tr("There is no vault at %1. Create one with \"relaisctl vault init\", or "
                  "choose the file with --vault FILE.")
                   .arg(vaultPath)
            << Qt::endl;
        return std::nullopt;
    }
    const std::optional<SecretBytes> passphrase =
        PassphraseSource::read(passphraseFile, false, err);
    if (!passphrase)
        return std::nullopt;
    Result<Vault> vault = Vault::open(vaultPath, *passphrase, SystemClock::instance());
    if (!vault) {
        err << tr("Cannot open the vault %1: %2").arg(vaultPath, vault.error().message())
            << Qt::endl;
        return std::nullopt;
    }
    return std::move(*vault);
}

std::optional<SshSessionOptions> SshCommand::sessionOptions(Vault& vault, const Host& host,
                                                            const QString& vaultPath,
                                                            QTextStream& err)
{
    // Each key the host needs, checked first for a message naming it.
    QStringList ids{host.ssh.keyId};
    if (host.ssh.jump)
        ids.append(host.ssh.jump->keyId);
    for (const QString& id : std::as_const(ids)) {
        QString problem;
        if (!privateKey(vault, id, vaultPath, problem)) {
            err << problem << Qt::endl;
            return std::nullopt;
        }
    }
    Result<SshSessionOptions> options = sshSessionOptions(vault, host);
    if (!options) {
        err << options.error().message() << Qt::endl;
        return std::nullopt;
    }
    return std::move(options).value();
}

void SshCommand::reportError(const Error& error, const QList<HostKeyQuestion>& offered)
{
    const std::optional<SshError> code = error.code<SshError>();
    if (code == SshError::HostKeyRejected && !offered.isEmpty()) {
        const HostKeyQuestion& question = offered.last();
        const QString where = KnownHosts::hostPattern(question.host, question.port);
        if (m_expected.isEmpty()) {
            m_err << tr("The host key of %1 is not trusted yet: %2 %3. Nothing was run. Check "
                        "this fingerprint on the host (ssh-keygen -lf "
                        "/etc/ssh/ssh_host_ed25519_key.pub), then run:\n"
                        "  relaisctl ssh trust --site %4 %5 --fingerprint %3")
                         .arg(where, question.keyType, question.fingerprint, m_site, m_host)
                  << Qt::endl;
        } else {
            m_err << tr("The host key of %1 is %2 %3, not %4; it was NOT trusted. Check the "
                        "fingerprint on the host and try again.")
                         .arg(where, question.keyType, question.fingerprint, m_expected)
                  << Qt::endl;
        }
        return;
    }
    if (code == SshError::HostKeyChanged) {
        m_err << tr("Refused: %1").arg(error.message()) << Qt::endl;
        return;
    }
    m_err << tr("SSH error on %1: %2").arg(m_host, error.toString()) << Qt::endl;
}

void SshCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_out.flush();
    m_err.flush();
    // The session's worker thread still closes the connection after the
    // session is gone; exiting meanwhile would tear libssh down under it.
    QPointer<QThread> thread = m_session ? m_session->workerThread() : nullptr;
    if (m_job)
        m_job.release()->deleteLater();
    if (m_session)
        m_session.release()->deleteLater();
    if (!thread) {
        emit finished(code);
        return;
    }
    connect(
        thread, &QThread::finished, this,
        [this, thread, code] {
            if (thread)
                thread->wait(5000);
            emit finished(code);
        },
        Qt::QueuedConnection);
}

} // namespace relais
