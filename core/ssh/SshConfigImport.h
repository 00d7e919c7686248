#pragma once

#include "SshConfigHost.h"
#include "common/Result.h"
#include "site/Host.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace relais {

/// Turns hosts of an OpenSSH client configuration (SshConfigParser) into
/// site hosts: HostName → address, Port, User (else the local user, as ssh
/// does), the first IdentityFile that exists (else ssh's default keys) →
/// a vault key id, ProxyJump (one hop: an alias of the same configuration,
/// or "[user@]host[:port]") → the jump host. The key files themselves are
/// listed for the caller to store in the vault; nothing is read here.
class SshConfigImport
{
    Q_DECLARE_TR_FUNCTIONS(SshConfigImport)

public:
    /// A private key file to store in the vault under @c id.
    struct KeyFile
    {
        QString id;
        QString path;
        bool operator==(const KeyFile&) const = default;
    };

    struct Imported
    {
        Host host;
        QList<KeyFile> keys; ///< the target's key, then the jump host's if another
    };

    /// @p exists tells whether a key file is there (QFile::exists by default).
    SshConfigImport(QList<SshConfigHost> hosts, QString homeDir, QString localUser,
                    std::function<bool(const QString&)> exists = {});

    /// The host of alias @p alias, named @p name in the site. Errors:
    /// SshError::ConfigHostUnknown (no such alias), ConfigUnsupported (a
    /// chain of jump hosts, or no key file at all).
    Result<Imported> importHost(const QString& alias, const QString& name) const;

    /// A vault id for a key file: its file name, lower case, characters
    /// outside [a-z0-9._-] replaced by '-' ("~/.ssh/id_ed25519" → "id_ed25519").
    static QString keyIdFor(const QString& path);

private:
    const SshConfigHost* find(const QString& alias) const;
    std::optional<QString> keyFile(const SshConfigHost& host) const;
    QString idFor(const QString& path, const QList<KeyFile>& taken) const;

    QList<SshConfigHost> m_hosts;
    QString m_home;
    QString m_localUser;
    std::function<bool(const QString&)> m_exists;
};

} // namespace relais
