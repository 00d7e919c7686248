#include "VaultCommand.h"

#include "ExitCode.h"
#include "PassphraseSource.h"
#include "common/Error.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "vault/KdfParams.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"
#include "vault/VaultError.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <algorithm>
#include <unistd.h>

namespace relais {

namespace {

/// Testing aid: scrypt's log2 N for `vault init` (see its help).
const char TestKdfVariable[] = "RELAIS_VAULT_TEST_KDF_LOG2N";

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

int VaultCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QString usage =
        tr("Usage: relaisctl vault init|list|add|remove [OPTIONS]\n"
           "  vault init [--vault FILE] [--passphrase-file FILE]\n"
           "  vault list [--json] [--vault FILE] [--passphrase-file FILE]\n"
           "  vault add ID --kind KIND --label LABEL [--file FILE] [--vault FILE] "
           "[--passphrase-file FILE]\n"
           "  vault remove ID [--vault FILE] [--passphrase-file FILE]\n"
           "  vault passphrase [--new-passphrase-file FILE] [--vault FILE] "
           "[--passphrase-file FILE]\n"
           "The passphrase comes from --passphrase-file, else from the "
           "environment variable RELAIS_VAULT_PASSPHRASE, else from a prompt.\n"
           "\"relaisctl vault COMMAND --help\" describes each command.");
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help") ||
        command == QStringLiteral("help")) {
        out << usage << Qt::endl;
        return ExitCode::Ok;
    }
    const QStringList rest = QStringList{program + QLatin1Char(' ') + command} + arguments.mid(2);
    if (command == QStringLiteral("init"))
        return init(rest, out, err);
    if (command == QStringLiteral("list"))
        return list(rest, out, err);
    if (command == QStringLiteral("add"))
        return add(rest, out, err);
    if (command == QStringLiteral("remove"))
        return remove(rest, out, err);
    if (command == QStringLiteral("passphrase"))
        return changePassphrase(rest, out, err);
    if (!command.isEmpty())
        err << tr("Unknown vault command: %1").arg(command) << Qt::endl;
    err << usage << Qt::endl;
    return ExitCode::Error;
}

int VaultCommand::parse(QCommandLineParser& parser, const QStringList& arguments, QTextStream& out,
                        QTextStream& err)
{
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(QStringLiteral("vault"),
                                        tr("The vault file (default: %1).").arg(Paths::vaultFile()),
                                        tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("passphrase-file"),
        tr("Read the passphrase from FILE (its first line). Without it, the passphrase comes from "
           "the environment variable RELAIS_VAULT_PASSPHRASE, else it is asked on the terminal."),
        tr("FILE")));
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitCode::Ok;
    }
    return -1;
}

std::optional<QString> VaultCommand::passphraseFile(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("passphrase-file")))
        return std::nullopt;
    return parser.value(QStringLiteral("passphrase-file"));
}

QString VaultCommand::vaultPath(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("vault")) ? parser.value(QStringLiteral("vault"))
                                                 : Paths::vaultFile();
}

std::optional<Vault> VaultCommand::open(const QCommandLineParser& parser, const QString& path,
                                        QTextStream& err)
{
    const std::optional<SecretBytes> secret =
        PassphraseSource::read(passphraseFile(parser), false, err);
    if (!secret)
        return std::nullopt;
    Result<Vault> vault = Vault::open(path, *secret, SystemClock::instance());
    if (!vault) {
        err << describe(vault.error(), path) << Qt::endl;
        return std::nullopt;
    }
    return std::move(vault).value();
}

QString VaultCommand::describe(const Error& error, const QString& path, const QString& id)
{
    const std::optional<VaultError> code = error.code<VaultError>();
    if (!code)
        return tr("Vault error: %1").arg(error.message());
    switch (*code) {
    case VaultError::NotFound:
        return tr("There is no vault at %1. Create one with \"relaisctl vault init\", or choose "
                  "the file with --vault FILE.")
            .arg(path);
    case VaultError::ReadFailed:
        return tr("Cannot read the vault %1; check that it is a file you may read.").arg(path);
    case VaultError::WrongPassphrase:
        return tr("Wrong passphrase for the vault %1; nothing was changed. Try again with the "
                  "right passphrase.")
            .arg(path);
    case VaultError::Corrupt:
    case VaultError::Truncated:
        return tr("The vault %1 is damaged or was tampered with; nothing was changed. Restore "
                  "%1.bak or another copy.")
            .arg(path);
    case VaultError::NotAVault:
        return tr("%1 is not a Relais vault; choose the vault file with --vault FILE.").arg(path);
    case VaultError::UnsupportedVersion:
        return tr("The vault %1 was written by a newer Relais; update Relais to open it.")
            .arg(path);
    case VaultError::WriteFailed:
        return tr("Could not write the vault %1; it was not changed. Check the disk and the "
                  "directory's permissions, then try again.")
            .arg(path);
    case VaultError::EntryNotFound:
        return tr("There is no entry \"%1\" in the vault; \"relaisctl vault list\" shows the "
                  "ids.")
            .arg(id);
    case VaultError::DuplicateEntry:
        return tr("The vault already has an entry \"%1\"; choose another id, or first remove it "
                  "with \"relaisctl vault remove %1\".")
            .arg(id);
    case VaultError::InvalidEntry:
    case VaultError::Locked:
    case VaultError::KeychainUnavailable:
    case VaultError::CryptoFailed:
        break;
    }
    return tr("Vault error: %1").arg(error.message());
}

int VaultCommand::init(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Create a new empty vault, asking the passphrase twice on the terminal unless "
           "--passphrase-file or RELAIS_VAULT_PASSPHRASE gives it. An existing vault is never "
           "overwritten.\n"
           "Testing aid: the environment variable RELAIS_VAULT_TEST_KDF_LOG2N (10 to 24) sets "
           "scrypt's log2 N for a fast, weaker vault; never use it for real secrets."));
    if (const int code = parse(parser, arguments, out, err); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("Usage: relaisctl vault init [--vault FILE] [--passphrase-file FILE]")
            << Qt::endl;
        return ExitCode::Error;
    }
    const QString path = vaultPath(parser);
    if (QFile::exists(path)) {
        err << tr("A vault already exists at %1; it was left as it is. Use it, remove it "
                  "yourself, or choose another file with --vault FILE.")
                   .arg(path)
            << Qt::endl;
        return ExitCode::Error;
    }
    KdfParams params;
    if (qEnvironmentVariableIsSet(TestKdfVariable)) {
        bool ok = false;
        const int logN = qEnvironmentVariableIntValue(TestKdfVariable, &ok);
        params.logN = quint8(std::clamp(logN, 0, 255));
        if (!ok || !params.isValid()) {
            err << tr("RELAIS_VAULT_TEST_KDF_LOG2N must be a whole number from %1 to %2.")
                       .arg(KdfParams::MinLogN)
                       .arg(KdfParams::MaxLogN)
                << Qt::endl;
            return ExitCode::Error;
        }
    }
    const std::optional<SecretBytes> secret =
        PassphraseSource::read(passphraseFile(parser), true, err);
    if (!secret)
        return ExitCode::Error;
    const Result<Vault> vault = Vault::create(path, *secret, params, SystemClock::instance());
    if (!vault) {
        err << describe(vault.error(), path) << Qt::endl;
        return ExitCode::Error;
    }
    out << tr("Created the vault %1.").arg(path) << Qt::endl;
    return ExitCode::Ok;
}

int VaultCommand::changePassphrase(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Change the vault's passphrase: the vault is opened with the current one, then "
           "encrypted again under the new one (new salt, new nonce); the previous file is kept "
           "as .bak. The new passphrase comes from --new-passphrase-file, else it is asked "
           "twice on the terminal (never from RELAIS_VAULT_PASSPHRASE). A key remembered on "
           "this computer no longer opens the vault afterwards."));
    const QCommandLineOption newOption(QStringLiteral("new-passphrase-file"),
                                       tr("Read the new passphrase from FILE (its first line)."),
                                       tr("FILE"));
    parser.addOption(newOption);
    if (const int code = parse(parser, arguments, out, err); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("Usage: relaisctl vault passphrase [--new-passphrase-file FILE] [--vault "
                  "FILE] [--passphrase-file FILE]")
            << Qt::endl;
        return ExitCode::Error;
    }
    const QString path = vaultPath(parser);
    std::optional<Vault> vault = open(parser, path, err);
    if (!vault)
        return ExitCode::Error;
    std::optional<QString> newFile;
    if (parser.isSet(newOption))
        newFile = parser.value(newOption);
    const std::optional<SecretBytes> secret = PassphraseSource::read(newFile, true, err, false);
    if (!secret)
        return ExitCode::Error;
    if (Result<void> changed = vault->changePassphrase(*secret); !changed) {
        err << describe(changed.error(), path) << Qt::endl;
        return ExitCode::Error;
    }
    out << tr("Changed the passphrase of the vault %1 (the previous file is %1.bak).").arg(path)
        << Qt::endl;
    return ExitCode::Ok;
}

int VaultCommand::list(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the entries of the vault: id, kind, label, created and updated (UTC). "
           "Never a secret."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(jsonOption);
    if (const int code = parse(parser, arguments, out, err); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("Usage: relaisctl vault list [--json] [--vault FILE] [--passphrase-file FILE]")
            << Qt::endl;
        return ExitCode::Error;
    }
    const QString path = vaultPath(parser);
    if (!QFile::exists(path)) {
        err << describe(Error(VaultError::NotFound), path) << Qt::endl;
        return ExitCode::Error;
    }
    std::optional<Vault> vault = open(parser, path, err);
    if (!vault)
        return ExitCode::Error;
    const Result<QList<VaultEntry>> entries = vault->entries();
    if (!entries) {
        err << describe(entries.error(), path) << Qt::endl;
        return ExitCode::Error;
    }

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const VaultEntry& entry : *entries) {
            array.append(QJsonObject{{QStringLiteral("id"), entry.id},
                                     {QStringLiteral("kind"), VaultEntry::kindName(entry.kind)},
                                     {QStringLiteral("label"), entry.label},
                                     {QStringLiteral("created"), isoUtc(entry.created)},
                                     {QStringLiteral("updated"), isoUtc(entry.updated)}});
        }
        const QJsonObject document{{QStringLiteral("version"), 1},
                                   {QStringLiteral("vault"), path},
                                   {QStringLiteral("entries"), array}};
        out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
        out.flush();
        return ExitCode::Ok;
    }

    if (entries->isEmpty()) {
        out << tr("The vault %1 has no entry; add one with \"relaisctl vault add\".").arg(path)
            << Qt::endl;
        return ExitCode::Ok;
    }
    const QString idHeader = tr("ID");
    const QString kindHeader = tr("KIND");
    const QString createdHeader = tr("CREATED");
    const QString updatedHeader = tr("UPDATED");
    const QString labelHeader = tr("LABEL");
    qsizetype idWidth = idHeader.size();
    qsizetype kindWidth = kindHeader.size();
    for (const VaultEntry& entry : *entries) {
        idWidth = std::max(idWidth, entry.id.size());
        kindWidth = std::max(kindWidth, VaultEntry::kindName(entry.kind).size());
    }
    const qsizetype timeWidth = 24; // 2026-01-01T00:00:00.000Z
    out << QStringLiteral("%1  %2  %3  %4  %5")
               .arg(idHeader.leftJustified(idWidth), kindHeader.leftJustified(kindWidth),
                    createdHeader.leftJustified(timeWidth), updatedHeader.leftJustified(timeWidth),
                    labelHeader)
        << Qt::endl;
    for (const VaultEntry& entry : *entries) {
        out << QStringLiteral("%1  %2  %3  %4  %5")
                   .arg(entry.id.leftJustified(idWidth),
                        VaultEntry::kindName(entry.kind).leftJustified(kindWidth),
                        isoUtc(entry.created).leftJustified(timeWidth),
                        isoUtc(entry.updated).leftJustified(timeWidth), entry.label)
            << Qt::endl;
    }
    return ExitCode::Ok;
}

int VaultCommand::add(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add a secret to the vault. The secret is read byte for byte from --file FILE, else "
           "from all of standard input (a final newline is kept: use printf, not echo, for a "
           "password); it is never printed."));
    parser.addPositionalArgument(QStringLiteral("ID"),
                                 tr("The entry's id: 1 to 64 of a-z, 0-9, '.', '_', '-', starting "
                                    "with a letter or digit."));
    const QCommandLineOption kindOption(
        QStringLiteral("kind"),
        tr("The kind of secret: ssh-private-key, password, api-token, tsig-key or "
           "tls-client-certificate."),
        tr("KIND"));
    const QCommandLineOption labelOption(QStringLiteral("label"), tr("A description for people."),
                                         tr("LABEL"));
    const QCommandLineOption fileOption(QStringLiteral("file"),
                                        tr("Read the secret from FILE instead of standard input."),
                                        tr("FILE"));
    parser.addOptions({kindOption, labelOption, fileOption});
    if (const int code = parse(parser, arguments, out, err); code >= 0)
        return code;
    const QStringList ids = parser.positionalArguments();
    if (ids.size() != 1 || !parser.isSet(kindOption) || !parser.isSet(labelOption)) {
        err << tr("Usage: relaisctl vault add ID --kind KIND --label LABEL [--file FILE]")
            << Qt::endl;
        return ExitCode::Error;
    }
    VaultEntry entry;
    entry.id = ids.first();
    if (!VaultEntry::isValidId(entry.id)) {
        err << tr("Invalid id \"%1\": use 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a "
                  "letter or digit.")
                   .arg(entry.id)
            << Qt::endl;
        return ExitCode::Error;
    }
    const std::optional<VaultEntry::Kind> kind = VaultEntry::kindFromName(parser.value(kindOption));
    if (!kind) {
        err << tr("Unknown kind \"%1\": use ssh-private-key, password, api-token, tsig-key or "
                  "tls-client-certificate.")
                   .arg(parser.value(kindOption))
            << Qt::endl;
        return ExitCode::Error;
    }
    entry.kind = *kind;
    entry.label = parser.value(labelOption);

    const QString path = vaultPath(parser);
    if (!QFile::exists(path)) {
        err << describe(Error(VaultError::NotFound), path) << Qt::endl;
        return ExitCode::Error;
    }

    PassphraseSource::ReadStatus status = PassphraseSource::ReadStatus::Failed;
    QString source;
    if (parser.isSet(fileOption)) {
        source = parser.value(fileOption);
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            err << tr("Cannot read the secret file %1: %2; check its name and permissions.")
                       .arg(source, file.errorString())
                << Qt::endl;
            return ExitCode::Error;
        }
        status = PassphraseSource::readSecret(file.handle(), false, entry.secret);
    } else {
        source = tr("standard input");
        if (::isatty(STDIN_FILENO)) {
            err << tr("Type the secret, then Ctrl-D on a line of its own:") << Qt::endl;
            PassphraseSource::EchoOff echoOff(STDIN_FILENO, false);
            status = PassphraseSource::readSecret(STDIN_FILENO, false, entry.secret);
        } else {
            status = PassphraseSource::readSecret(STDIN_FILENO, false, entry.secret);
        }
    }
    if (status == PassphraseSource::ReadStatus::TooLarge) {
        err << tr("The secret from %1 is larger than %2 bytes; nothing was added.")
                   .arg(source)
                   .arg(PassphraseSource::MaxSecretBytes)
            << Qt::endl;
        return ExitCode::Error;
    }
    if (status != PassphraseSource::ReadStatus::Ok) {
        err << tr("Cannot read the secret from %1; nothing was added.").arg(source) << Qt::endl;
        return ExitCode::Error;
    }
    if (entry.secret.isEmpty()) {
        err << tr("The secret from %1 is empty; nothing was added.").arg(source) << Qt::endl;
        return ExitCode::Error;
    }

    std::optional<Vault> vault = open(parser, path, err);
    if (!vault)
        return ExitCode::Error;
    const QString id = entry.id;
    const QString kindName = VaultEntry::kindName(entry.kind);
    if (const Result<void> added = vault->add(std::move(entry)); !added) {
        err << describe(added.error(), path, id) << Qt::endl;
        return ExitCode::Error;
    }
    if (const Result<void> saved = vault->save(); !saved) {
        err << describe(saved.error(), path) << Qt::endl;
        return ExitCode::Error;
    }
    out << tr("Added \"%1\" (%2) to the vault %3.").arg(id, kindName, path) << Qt::endl;
    return ExitCode::Ok;
}

int VaultCommand::remove(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Remove an entry from the vault."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The id of the entry to remove."));
    if (const int code = parse(parser, arguments, out, err); code >= 0)
        return code;
    const QStringList ids = parser.positionalArguments();
    if (ids.size() != 1) {
        err << tr("Usage: relaisctl vault remove ID [--vault FILE] [--passphrase-file FILE]")
            << Qt::endl;
        return ExitCode::Error;
    }
    const QString id = ids.first();
    if (!VaultEntry::isValidId(id)) {
        err << tr("Invalid id \"%1\": use 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a "
                  "letter or digit.")
                   .arg(id)
            << Qt::endl;
        return ExitCode::Error;
    }
    const QString path = vaultPath(parser);
    if (!QFile::exists(path)) {
        err << describe(Error(VaultError::NotFound), path) << Qt::endl;
        return ExitCode::Error;
    }
    std::optional<Vault> vault = open(parser, path, err);
    if (!vault)
        return ExitCode::Error;
    if (const Result<void> removed = vault->remove(id); !removed) {
        err << describe(removed.error(), path, id) << Qt::endl;
        return ExitCode::Error;
    }
    if (const Result<void> saved = vault->save(); !saved) {
        err << describe(saved.error(), path) << Qt::endl;
        return ExitCode::Error;
    }
    out << tr("Removed \"%1\" from the vault %2.").arg(id, path) << Qt::endl;
    return ExitCode::Ok;
}

} // namespace relais
