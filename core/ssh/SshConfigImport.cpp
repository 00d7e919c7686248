#include "SshConfigImport.h"

#include "SshError.h"

#include <QFile>
#include <QFileInfo>

namespace relais {

namespace {

/// "[user@]host[:port]" (also "ssh://…" and "[v6]:port") of a ProxyJump.
struct JumpSpec
{
    QString user;
    QString host;
    int port = 22;
};

std::optional<JumpSpec> parseJump(QString text)
{
    JumpSpec spec;
    if (text.startsWith(QStringLiteral("ssh://")))
        text = text.mid(6);
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        spec.user = text.left(at);
        text = text.mid(at + 1);
    }
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        spec.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (rest.startsWith(QLatin1Char(':')))
            portText = rest.mid(1);
        else if (!rest.isEmpty())
            return std::nullopt;
    } else if (text.count(QLatin1Char(':')) == 1) {
        spec.host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    } else {
        spec.host = text;
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        spec.port = portText.toInt(&ok);
        if (!ok || spec.port < 1 || spec.port > 65535)
            return std::nullopt;
    }
    if (spec.host.isEmpty())
        return std::nullopt;
    return spec;
}

} // namespace

SshConfigImport::SshConfigImport(QList<SshConfigHost> hosts, QString homeDir, QString localUser,
                                 std::function<bool(const QString&)> exists)
    : m_hosts(std::move(hosts))
    , m_home(std::move(homeDir))
    , m_localUser(std::move(localUser))
    , m_exists(exists ? std::move(exists) : [](const QString& path) { return QFile::exists(path); })
{}

const SshConfigHost* SshConfigImport::find(const QString& alias) const
{
    for (const SshConfigHost& host : m_hosts) {
        if (host.alias == alias)
            return &host;
    }
    return nullptr;
}

std::optional<QString> SshConfigImport::keyFile(const SshConfigHost& host) const
{
    QStringList candidates = host.identityFiles;
    if (candidates.isEmpty()) {
        // What ssh tries when no IdentityFile is given.
        for (const char* name : {"id_ed25519", "id_ecdsa", "id_rsa"})
            candidates.append(m_home + QStringLiteral("/.ssh/") + QLatin1String(name));
    }
    for (const QString& path : std::as_const(candidates)) {
        if (m_exists(path))
            return path;
    }
    return std::nullopt;
}

QString SshConfigImport::keyIdFor(const QString& path)
{
    QString id;
    for (const QChar c : QFileInfo(path).fileName().toLower()) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
                        c == QLatin1Char('_') || c == QLatin1Char('-');
        id.append(ok ? c : QLatin1Char('-'));
    }
    while (!id.isEmpty() && !id.front().isLetterOrNumber())
        id.remove(0, 1);
    if (id.isEmpty())
        id = QStringLiteral("ssh-key");
    return id.left(60);
}

QString SshConfigImport::idFor(const QString& path, const QList<KeyFile>& taken) const
{
    for (const KeyFile& key : taken) {
        if (key.path == path)
            return key.id;
    }
    const QString base = keyIdFor(path);
    QString id = base;
    for (int n = 2;; ++n) {
        const bool used = std::any_of(taken.cbegin(), taken.cend(),
                                      [&id](const KeyFile& key) { return key.id == id; });
        if (!used)
            return id;
        id = base + QLatin1Char('-') + QString::number(n);
    }
}

Result<SshConfigImport::Imported> SshConfigImport::importHost(const QString& alias,
                                                              const QString& name) const
{
    const SshConfigHost* config = find(alias);
    if (!config) {
        return Error(SshError::ConfigHostUnknown,
                     QStringLiteral("the SSH configuration has no \"Host %1\"").arg(alias));
    }
    Imported imported;
    Host& host = imported.host;
    host.name = name;
    host.address = config->hostName.isEmpty() ? config->alias : config->hostName;
    host.ssh.port = config->port;
    host.ssh.user = config->user.isEmpty() ? m_localUser : config->user;

    const std::optional<QString> key = keyFile(*config);
    if (!key) {
        return Error(SshError::ConfigUnsupported,
                     QStringLiteral("no private key file found for \"Host %1\" (IdentityFile %2)")
                         .arg(alias, config->identityFiles.isEmpty()
                                         ? QStringLiteral("not set, and no ~/.ssh/id_* key")
                                         : config->identityFiles.join(QStringLiteral(", "))));
    }
    imported.keys.append({idFor(*key, imported.keys), *key});
    host.ssh.keyId = imported.keys.back().id;

    const QString proxy = config->proxyJump.trimmed();
    if (proxy.isEmpty() || proxy.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        return imported;
    if (proxy.contains(QLatin1Char(','))) {
        return Error(SshError::ConfigUnsupported,
                     QStringLiteral("\"Host %1\" goes through a chain of jump hosts (ProxyJump "
                                    "%2); Relais supports one jump host")
                         .arg(alias, proxy));
    }
    JumpHost jump;
    if (const SshConfigHost* via = find(proxy)) {
        if (!via->proxyJump.trimmed().isEmpty() &&
            via->proxyJump.trimmed().compare(QStringLiteral("none"), Qt::CaseInsensitive) != 0) {
            return Error(SshError::ConfigUnsupported,
                         QStringLiteral("the jump host \"%1\" of \"Host %2\" has a jump host "
                                        "itself; Relais supports one jump host")
                             .arg(proxy, alias));
        }
        jump.address = via->hostName.isEmpty() ? via->alias : via->hostName;
        jump.port = via->port;
        jump.user = via->user.isEmpty() ? m_localUser : via->user;
        const std::optional<QString> viaKey = keyFile(*via);
        const QString path = viaKey.value_or(*key);
        jump.keyId = idFor(path, imported.keys);
        if (!std::any_of(imported.keys.cbegin(), imported.keys.cend(),
                         [&path](const KeyFile& k) { return k.path == path; }))
            imported.keys.append({jump.keyId, path});
    } else {
        const std::optional<JumpSpec> spec = parseJump(proxy);
        if (!spec) {
            return Error(
                SshError::ConfigUnsupported,
                QStringLiteral("cannot read ProxyJump %1 of \"Host %2\"").arg(proxy, alias));
        }
        jump.address = spec->host;
        jump.port = spec->port;
        jump.user = spec->user.isEmpty() ? m_localUser : spec->user;
        jump.keyId = host.ssh.keyId; // ssh would offer the same keys
    }
    host.ssh.jump = jump;
    return imported;
}

} // namespace relais
