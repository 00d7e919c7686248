#pragma once

#include "vault/SecretBytes.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

class QCommandLineParser;
class QTextStream;

namespace relais {

class Error;

/// `relaisctl vault init|list|add|remove`: the credentials vault on the
/// command line. The passphrase comes from --passphrase-file, else from
/// RELAIS_VAULT_PASSPHRASE, else from a prompt on the terminal (echo off,
/// asked twice by init). No secret and no passphrase is ever printed.
/// Exit 0 on success, 2 on any error (the vault file is then untouched).
class VaultCommand
{
    Q_DECLARE_TR_FUNCTIONS(VaultCommand)

public:
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

    /// A translated sentence for a vault error, saying what to do.
    static QString describe(const Error& error, const QString& path, const QString& id = QString());
    /// Reads the passphrase (--passphrase-file of @p parser, else the
    /// environment or terminal) and opens the vault at @p path; on failure
    /// the reason is already written to @p err.
    static std::optional<Vault> open(const QCommandLineParser& parser, const QString& path,
                                     QTextStream& err);

private:
    static int init(const QStringList& arguments, QTextStream& out, QTextStream& err);
    static int list(const QStringList& arguments, QTextStream& out, QTextStream& err);
    static int add(const QStringList& arguments, QTextStream& out, QTextStream& err);
    static int remove(const QStringList& arguments, QTextStream& out, QTextStream& err);
    static int changePassphrase(const QStringList& arguments, QTextStream& out, QTextStream& err);

    /// Adds --vault, --passphrase-file and --help; parses; prints help or
    /// the error. Returns an exit code when done, -1 to go on.
    static int parse(QCommandLineParser& parser, const QStringList& arguments, QTextStream& out,
                     QTextStream& err);
    static QString vaultPath(const QCommandLineParser& parser);
    /// The value of --passphrase-file, if given.
    static std::optional<QString> passphraseFile(const QCommandLineParser& parser);
};

} // namespace relais
