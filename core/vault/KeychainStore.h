#pragma once

#include "KeychainJob.h"
#include "SecretBytes.h"

#include <QObject>
#include <QString>

namespace relais {

/// "Remember on this computer": keeps a vault's key (never the passphrase)
/// in the OS keychain through QtKeychain, with no insecure fallback (no
/// plain-text file when no Secret Service answers).
///
/// Each call starts a KeychainJob and returns it; connect to its
/// finished() signal. No call blocks or runs a nested event loop.
class KeychainStore
{
public:
    /// @p service names the keychain items ("relais-vault"); tests use their
    /// own.
    explicit KeychainStore(QString service = QStringLiteral("relais-vault"));

    /// The keychain account of the vault at @p vaultPath (its absolute path).
    static QString accountFor(const QString& vaultPath);

    KeychainJob* remember(const QString& vaultPath, const SecretBytes& key,
                          QObject* parent = nullptr) const;
    KeychainJob* recall(const QString& vaultPath, QObject* parent = nullptr) const;
    KeychainJob* forget(const QString& vaultPath, QObject* parent = nullptr) const;

private:
    KeychainJob* start(KeychainJob::Operation operation, const QString& vaultPath, SecretBytes key,
                       QObject* parent) const;

    QString m_service;
};

} // namespace relais
