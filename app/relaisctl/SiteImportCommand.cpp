#include "SiteImportCommand.h"

#include "ExitCode.h"
#include "VaultCommand.h"
#include "common/AtomicFile.h"
#include "common/Paths.h"
#include "site/SiteDocument.h"
#include "ssh/SshConfigImport.h"
#include "ssh/SshConfigParser.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTextStream>

namespace relais {

namespace {

constexpr qint64 MaxKeyFileBytes = 64 * 1024;

/// Why the key file @p bytes cannot go into the vault as it is, or empty.
QString keyProblem(const QByteArray& bytes)
{
    if (!bytes.startsWith("-----BEGIN ") || !bytes.contains("PRIVATE KEY-----"))
        return SiteImportCommand::tr("it is not a private key file");
    if (bytes.contains("ENCRYPTED"))
        return SiteImportCommand::tr("it is protected by a passphrase");
    if (bytes.contains("BEGIN OPENSSH PRIVATE KEY")) {
        QByteArray body;
        for (const QByteArray& line : bytes.split('\n')) {
            if (!line.startsWith("-----"))
                body += line.trimmed();
        }
        const QByteArray blob = QByteArray::fromBase64(body);
        // "openssh-key-v1\0", then the cipher name as an SSH string.
        const qsizetype at = 15;
        if (blob.size() < at + 8 || blob.mid(at + 4, 4) != "none")
            return SiteImportCommand::tr("it is protected by a passphrase");
    }
    return QString();
}

} // namespace

int SiteImportCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Build a site's hosts from your SSH configuration and store their keys in the "
           "site's vault. A new SITE file is created; an existing one keeps its services, "
           "targets and LXD settings, and only its hosts' address and SSH settings change."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("SITE"), tr("The site document to write."));
    const QCommandLineOption mainOption(QStringLiteral("main"),
                                        tr("The \"Host\" alias of the main server."),
                                        QStringLiteral("ALIAS"));
    const QCommandLineOption backupOption(QStringLiteral("backup"),
                                          tr("The \"Host\" alias of the backup server."),
                                          QStringLiteral("ALIAS"));
    const QCommandLineOption configOption(
        QStringLiteral("ssh-config"), tr("The SSH configuration to read (default: ~/.ssh/config)."),
        QStringLiteral("FILE"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        tr("The name of a new site (default: the two aliases)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption vaultOption(
        QStringLiteral("vault"),
        tr("The vault that receives the keys (default: the site's \"vault\", else %1).")
            .arg(Paths::vaultFile()),
        QStringLiteral("FILE"));
    const QCommandLineOption passphraseOption(
        QStringLiteral("passphrase-file"),
        tr("Read the vault passphrase from FILE (its first line). Without it, the passphrase "
           "comes from RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal."),
        QStringLiteral("FILE"));
    const QCommandLineOption noKeysOption(
        QStringLiteral("no-keys"),
        tr("Do not store the key files in the vault (add them later with \"relaisctl vault "
           "add\")."));
    parser.addOptions({mainOption, backupOption, configOption, nameOption, vaultOption,
                       passphraseOption, noKeysOption});
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(mainOption) || !parser.isSet(backupOption)) {
        err << tr("Usage: relaisctl site import-ssh --main ALIAS --backup ALIAS SITE") << Qt::endl;
        return ExitCode::Error;
    }
    const QString sitePath = positional.first();
    const QString home = QDir::homePath();
    const QString configPath = parser.isSet(configOption) ? parser.value(configOption)
                                                          : home + QStringLiteral("/.ssh/config");

    SshConfigParser configParser(home);
    Result<QList<SshConfigHost>> hosts = configParser.parseFile(configPath);
    if (!hosts) {
        err << tr("Cannot read the SSH configuration %1: %2")
                   .arg(configPath, hosts.error().message())
            << Qt::endl;
        return ExitCode::Error;
    }
    const QString localUser = qEnvironmentVariable("USER", QStringLiteral("root"));
    SshConfigImport import(*hosts, home, localUser);

    // The site: the existing document, or a new one.
    Site site;
    const bool exists = QFile::exists(sitePath);
    if (exists) {
        Result<Site> loaded = SiteDocument::load(sitePath);
        if (!loaded) {
            err << tr("%1 exists but is not a valid site document (%2); nothing was changed. "
                      "Fix it, or choose another file.")
                       .arg(sitePath, loaded.error().message())
                << Qt::endl;
            return ExitCode::Error;
        }
        site = *loaded;
    } else {
        site.name = parser.isSet(nameOption)
                        ? parser.value(nameOption)
                        : tr("%1 and %2").arg(parser.value(mainOption), parser.value(backupOption));
    }

    QList<SshConfigImport::KeyFile> keys;
    for (const auto& [option, role] :
         {std::pair{&mainOption, HostRole::Main}, std::pair{&backupOption, HostRole::Backup}}) {
        const QString alias = parser.value(*option);
        Result<SshConfigImport::Imported> imported = import.importHost(alias, alias);
        if (!imported) {
            err << tr("Cannot import \"Host %1\" from %2: %3")
                       .arg(alias, configPath, imported.error().message())
                << Qt::endl;
            return ExitCode::Error;
        }
        Host& host = role == HostRole::Main ? site.main : site.backup;
        if (exists) {
            host.address = imported->host.address;
            host.ssh = imported->host.ssh;
        } else {
            host = imported->host;
        }
        for (const SshConfigImport::KeyFile& key : imported->keys) {
            const bool known = std::any_of(keys.cbegin(), keys.cend(),
                                           [&key](const auto& k) { return k.path == key.path; });
            if (known)
                continue;
            // The same id for another file (two hosts' keys both named id_ed25519 in
            // different directories) gets a suffix.
            SshConfigImport::KeyFile unique = key;
            for (int n = 2; std::any_of(keys.cbegin(), keys.cend(),
                                        [&unique](const auto& k) { return k.id == unique.id; });
                 ++n)
                unique.id = key.id + QLatin1Char('-') + QString::number(n);
            if (unique.id != key.id) {
                if (host.ssh.keyId == key.id)
                    host.ssh.keyId = unique.id;
                if (host.ssh.jump && host.ssh.jump->keyId == key.id)
                    host.ssh.jump->keyId = unique.id;
            }
            keys.append(unique);
        }
    }

    // The result must be a valid document before anything is written.
    const QByteArray json = SiteDocument::toJson(site);
    const Result<Site> check = SiteDocument::parse(json);
    if (!check) {
        err << tr("The imported site would not be valid; nothing was written:") << Qt::endl;
        for (const QString& problem : check.error().details())
            err << QStringLiteral("  ") << problem << Qt::endl;
        return ExitCode::Error;
    }

    if (!parser.isSet(noKeysOption)) {
        const QString vaultPath = parser.isSet(vaultOption)
                                      ? parser.value(vaultOption)
                                      : SiteDocument::vaultPath(site, sitePath);
        std::optional<Vault> vault = VaultCommand::open(parser, vaultPath, err);
        if (!vault)
            return ExitCode::Error;
        int added = 0;
        for (const SshConfigImport::KeyFile& key : std::as_const(keys)) {
            QFile file(key.path);
            if (!file.open(QIODevice::ReadOnly) || file.size() > MaxKeyFileBytes) {
                err << tr("Cannot read the key file %1: %2")
                           .arg(key.path,
                                file.isOpen() ? tr("it is too large") : file.errorString())
                    << Qt::endl;
                return ExitCode::Error;
            }
            QByteArray bytes = file.readAll();
            SecretBytes secret = SecretBytes::takeFrom(bytes);
            const QString problem = keyProblem(QByteArray(secret.constData(), secret.size()));
            if (!problem.isEmpty()) {
                err << tr("The key file %1 cannot be stored: %2. Relais keeps keys inside its "
                          "encrypted vault without a passphrase of their own: store a copy "
                          "without one (ssh-keygen -p -f COPY -N '') with \"relaisctl vault add "
                          "%3 --kind ssh-private-key --file COPY\", then run this import again "
                          "with --no-keys. Nothing was written.")
                           .arg(key.path, problem, key.id)
                    << Qt::endl;
                return ExitCode::Error;
            }
            Result<VaultEntry> existing = vault->entry(key.id);
            if (existing) {
                if (existing->kind == VaultEntry::Kind::SshPrivateKey &&
                    existing->secret.view() == secret.view()) {
                    out << tr("The vault already holds %1 as \"%2\".").arg(key.path, key.id)
                        << Qt::endl;
                    continue;
                }
                err << tr("The vault already has an entry \"%1\" that is not the key %2; "
                          "nothing was written. Remove or rename that entry first.")
                           .arg(key.id, key.path)
                    << Qt::endl;
                return ExitCode::Error;
            }
            VaultEntry entry;
            entry.id = key.id;
            entry.kind = VaultEntry::Kind::SshPrivateKey;
            entry.label = tr("SSH key %1 (imported)").arg(key.path);
            entry.secret = std::move(secret);
            if (Result<void> r = vault->add(std::move(entry)); !r) {
                err << VaultCommand::describe(r.error(), vaultPath, key.id) << Qt::endl;
                return ExitCode::Error;
            }
            ++added;
        }
        if (added > 0) {
            if (Result<void> saved = vault->save(); !saved) {
                err << VaultCommand::describe(saved.error(), vaultPath) << Qt::endl;
                return ExitCode::Error;
            }
            out << tr("Stored %n key(s) in the vault %1.", nullptr, added).arg(vaultPath)
                << Qt::endl;
        }
    }

    if (Result<void> saved = AtomicFile::write(sitePath, json); !saved) {
        err << tr("Cannot write %1: %2").arg(sitePath, saved.error().message()) << Qt::endl;
        return ExitCode::Error;
    }
    out << (exists ? tr("Updated the hosts of %1: main %2, backup %3.")
                   : tr("Wrote the new site %1: main %2, backup %3."))
               .arg(sitePath, site.main.address, site.backup.address)
        << Qt::endl;
    if (!exists) {
        out << tr("Next: trust each host key with \"relaisctl ssh trust\", then add services "
                  "and probes to the site.")
            << Qt::endl;
    }
    return ExitCode::Ok;
}

} // namespace relais
