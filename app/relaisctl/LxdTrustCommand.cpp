#include "LxdTrustCommand.h"

#include "ExitCode.h"
#include "SshCommand.h"
#include "common/CertificatePin.h"
#include "common/Paths.h"
#include "lxd/LxdClientIdentity.h"
#include "lxd/LxdError.h"
#include "lxd/LxdOnboarding.h"
#include "lxd/LxdServerCertificates.h"
#include "lxd/LxdTrustToken.h"
#include "site/SiteDocument.h"

#include <QCommandLineParser>
#include <QFile>
#include <QUrl>
#include <cstdio>

namespace relais {

namespace {

constexpr qint64 MaxSecretBytes = 64 * 1024;
const char* const DefaultCertificateId = "lxd-client";

/// The first line of @p path ("-": standard input), bounded.
std::optional<SecretBytes> readSecret(const QString& path, QString& problem)
{
    QFile file;
    bool open = false;
    if (path == QLatin1String("-")) {
        open = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        open = file.open(QIODevice::ReadOnly);
    }
    if (!open) {
        problem = file.errorString();
        return std::nullopt;
    }
    QByteArray data = file.read(MaxSecretBytes + 1);
    if (data.size() > MaxSecretBytes) {
        SecretBytes::wipe(data);
        problem = QStringLiteral("longer than %1 bytes").arg(MaxSecretBytes);
        return std::nullopt;
    }
    const qsizetype newline = data.indexOf('\n');
    QByteArrayView line(data.constData(), newline < 0 ? data.size() : newline);
    while (!line.isEmpty() && QChar::isSpace(uchar(line.back())))
        line.chop(1);
    while (!line.isEmpty() && QChar::isSpace(uchar(line.front())))
        line = line.sliced(1);
    SecretBytes secret(line);
    SecretBytes::wipe(data);
    if (secret.isEmpty()) {
        problem = QStringLiteral("it is empty");
        return std::nullopt;
    }
    return secret;
}

} // namespace

LxdTrustCommand::LxdTrustCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

LxdTrustCommand::~LxdTrustCommand() = default;

int LxdTrustCommand::start(const QStringList& arguments)
{
    const QString usage =
        tr("Usage: relaisctl lxd trust --site FILE HOST (--token-file FILE | --password-file "
           "FILE) [--url https://ADDRESS:PORT] [--accept-certificate SHA256] "
           "[--certificate-id ID]");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Make the LXD daemon of HOST (main or backup) trust this console over HTTPS, with a "
           "trust token from \"lxc config trust add\" or the server's trust password. The "
           "client certificate is kept in the vault; the server's certificate is pinned; the "
           "site is set to reach LXD over HTTPS."));
    parser.addHelpOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), tr("The site document."),
                                        tr("FILE"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token-file"),
        tr("Read the trust token from FILE (its first line; - for standard input)."), tr("FILE"));
    const QCommandLineOption passwordOption(
        QStringLiteral("password-file"),
        tr("Read the server's trust password (core.trust_password, LXD 5.0) from FILE (its "
           "first line; - for standard input)."),
        tr("FILE"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        tr("The LXD address (default: the site's, else https://HOST-ADDRESS:8443)."), tr("URL"));
    const QCommandLineOption acceptOption(
        QStringLiteral("accept-certificate"),
        tr("Trust the server's certificate if it has this SHA-256 fingerprint (needed with a "
           "trust password, or a token that names no certificate)."),
        tr("SHA256"));
    const QCommandLineOption idOption(
        QStringLiteral("certificate-id"),
        tr("The vault id of the client certificate (default: the site's, else %1).")
            .arg(QLatin1String(DefaultCertificateId)),
        tr("ID"));
    const QCommandLineOption vaultOption(
        QStringLiteral("vault"),
        tr("The vault (default: the site's \"vault\", else %1).").arg(Paths::vaultFile()),
        tr("FILE"));
    const QCommandLineOption passphraseOption(
        QStringLiteral("passphrase-file"),
        tr("Read the vault passphrase from FILE (its first line). Without it, the passphrase "
           "comes from the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the "
           "terminal."),
        tr("FILE"));
    parser.addOptions({siteOption, tokenOption, passwordOption, urlOption, acceptOption, idOption,
                       vaultOption, passphraseOption});
    parser.addPositionalArgument(QStringLiteral("HOST"), tr("main or backup."));
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(siteOption) || positional.size() != 1 ||
        parser.isSet(tokenOption) == parser.isSet(passwordOption)) {
        m_err << usage << Qt::endl;
        return ExitCode::Error;
    }
    m_role = positional.first();
    if (m_role != QLatin1String("main") && m_role != QLatin1String("backup")) {
        m_err << tr("Unknown host \"%1\": use main or backup.").arg(m_role) << Qt::endl;
        return ExitCode::Error;
    }
    m_sitePath = parser.value(siteOption);
    Result<Site> site = SiteDocument::load(m_sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(m_sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    m_site = std::move(*site);
    const Host& host =
        m_site->host(m_role == QLatin1String("main") ? HostRole::Main : HostRole::Backup);
    const bool https = host.lxd && host.lxd->transport == LxdEndpoint::Transport::Https;

    m_url = parser.isSet(urlOption) ? parser.value(urlOption)
            : https                 ? host.lxd->url
                                    : QStringLiteral("https://%1:8443")
                          .arg(host.address.contains(QLatin1Char(':'))
                                   ? QStringLiteral("[%1]").arg(host.address)
                                   : host.address);
    const QUrl url(m_url, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        m_err << tr("The LXD address must look like https://ADDRESS:PORT, not \"%1\".").arg(m_url)
              << Qt::endl;
        return ExitCode::Error;
    }
    QStringList accepted;
    if (parser.isSet(acceptOption)) {
        for (const QString& fingerprint : parser.values(acceptOption)) {
            if (!CertificatePin::parse(fingerprint)) {
                m_err << tr("The certificate fingerprint must be 64 hexadecimal digits (pairs "
                            "may be separated by colons), as \"openssl x509 -fingerprint "
                            "-sha256\" prints it.")
                      << Qt::endl;
                return ExitCode::Error;
            }
            accepted.append(fingerprint);
        }
    }
    m_trust = std::make_unique<FingerprintTrust>(accepted);

    // The secret: a token, or a trust password.
    const bool withToken = parser.isSet(tokenOption);
    QString problem;
    const QString secretPath = parser.value(withToken ? tokenOption : passwordOption);
    std::optional<SecretBytes> secret = readSecret(secretPath, problem);
    if (!secret) {
        m_err << tr("Cannot read %1: %2").arg(secretPath, problem) << Qt::endl;
        return ExitCode::Error;
    }
    std::optional<LxdTrustToken> token;
    if (withToken) {
        auto decoded = LxdTrustToken::decode(QByteArray(secret->constData(), secret->size()),
                                             QDateTime::currentDateTimeUtc());
        if (!decoded) {
            m_err << tr("Cannot use the trust token: %1").arg(decoded.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        token = std::move(*decoded);
    }

    // The client certificate: the vault's, or a new one saved first.
    m_certificateId = parser.isSet(idOption) ? parser.value(idOption)
                      : https && !host.lxd->clientCertificateId.isEmpty()
                          ? host.lxd->clientCertificateId
                          : QLatin1String(DefaultCertificateId);
    if (!VaultEntry::isValidId(m_certificateId)) {
        m_err << tr("\"%1\" is not a vault id.").arg(m_certificateId) << Qt::endl;
        return ExitCode::Error;
    }
    const QString vaultPath = parser.isSet(vaultOption)
                                  ? parser.value(vaultOption)
                                  : SiteDocument::vaultPath(*m_site, m_sitePath);
    std::optional<QString> passphraseFile;
    if (parser.isSet(passphraseOption))
        passphraseFile = parser.value(passphraseOption);
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;
    std::optional<LxdClientIdentity> identity;
    if (Result<VaultEntry> entry = vault->entry(m_certificateId)) {
        if (entry->kind != VaultEntry::Kind::TlsClientCertificate) {
            m_err << tr("The vault entry %1 is not a TLS client certificate; choose another id "
                        "with --certificate-id.")
                         .arg(m_certificateId)
                  << Qt::endl;
            return ExitCode::Error;
        }
        auto read = LxdClientIdentity::fromPem(entry->secret);
        if (!read) {
            m_err << tr("Cannot use the vault entry %1: %2")
                         .arg(m_certificateId, read.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        identity = std::move(*read);
    } else {
        auto made = LxdClientIdentity::generate(LxdClientIdentity::defaultCommonName());
        if (!made) {
            m_err << made.error().message() << Qt::endl;
            return ExitCode::Error;
        }
        VaultEntry created;
        created.id = m_certificateId;
        created.kind = VaultEntry::Kind::TlsClientCertificate;
        created.label =
            tr("LXD client certificate (%1)").arg(LxdClientIdentity::defaultCommonName());
        created.secret = made->toPem();
        // Saved before LXD is asked: a certificate LXD trusts is never lost.
        Result<void> saved = vault->add(std::move(created));
        if (saved)
            saved = vault->save();
        if (!saved) {
            m_err << tr("Cannot save the new client certificate in the vault %1: %2")
                         .arg(vaultPath, saved.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        m_out << tr("New LXD client certificate %1 saved in the vault as %2.")
                     .arg(CertificatePin::format(made->fingerprint()), m_certificateId)
              << Qt::endl;
        identity = std::move(*made);
    }

    m_onboarding =
        new LxdOnboarding(url, std::move(*identity), LxdServerCertificates(), m_trust.get(), this);
    if (token)
        m_onboarding->setToken(*token);
    else
        m_onboarding->setTrustPassword(*secret);
    connect(m_onboarding, &LxdOnboarding::finished, this, &LxdTrustCommand::onFinished);
    m_onboarding->start();
    return -1;
}

void LxdTrustCommand::onFinished()
{
    const Result<void>& result = m_onboarding->result();
    if (!result) {
        const Error& error = result.error();
        if (error.is(LxdError::CertificateUnknown) && !m_trust->questions().isEmpty()) {
            const TlsQuestion& question = m_trust->questions().first();
            m_err << tr("The LXD certificate of %1 is not trusted yet: SHA-256 %2 (%3). Nothing "
                        "was sent. Check this fingerprint on the server (lxc info | grep "
                        "certificate_fingerprint) and, if it matches, run again with\n"
                        "  --accept-certificate %2")
                         .arg(m_url, question.fingerprint, question.subject)
                  << Qt::endl;
        } else {
            m_err << tr("LXD at %1 did not trust this console: %2").arg(m_url, error.toString())
                  << Qt::endl;
        }
        emit finished(ExitCode::Error);
        return;
    }
    if (m_onboarding->wasAlreadyTrusted())
        m_out << tr("LXD at %1 already trusts this console.").arg(m_url) << Qt::endl;
    else
        m_out << tr("LXD at %1 now trusts this console.").arg(m_url) << Qt::endl;
    m_out << tr("Server certificate pinned: SHA-256 %1 (in %2).")
                 .arg(CertificatePin::format(m_onboarding->serverFingerprint()),
                      LxdServerCertificates().path())
          << Qt::endl;

    Host& host = m_role == QLatin1String("main") ? m_site->main : m_site->backup;
    LxdEndpoint endpoint = host.lxd.value_or(LxdEndpoint());
    endpoint.transport = LxdEndpoint::Transport::Https;
    endpoint.url = m_url;
    endpoint.clientCertificateId = m_certificateId;
    if (!host.lxd || *host.lxd != endpoint) {
        host.lxd = endpoint;
        const Result<void> saved = SiteDocument::save(*m_site, m_sitePath);
        if (!saved) {
            m_err << tr("Cannot update the site %1: %2").arg(m_sitePath, saved.error().toString())
                  << Qt::endl;
            emit finished(ExitCode::Error);
            return;
        }
        m_out << tr("The site %1 now reaches the LXD of %2 over HTTPS.").arg(m_sitePath, m_role)
              << Qt::endl;
    }
    emit finished(ExitCode::Ok);
}

} // namespace relais
