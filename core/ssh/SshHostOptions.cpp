#include "SshHostOptions.h"

#include "site/Host.h"
#include "vault/Vault.h"

namespace relais {

namespace {

Result<QByteArray> privateKey(Vault& vault, const QString& id)
{
    Result<VaultEntry> entry = vault.entry(id);
    if (!entry)
        return entry.error();
    return QByteArray(entry->secret.constData(), entry->secret.size());
}

} // namespace

Result<SshSessionOptions> sshSessionOptions(Vault& vault, const Host& host)
{
    SshSessionOptions options;
    const Result<QByteArray> key = privateKey(vault, host.ssh.keyId);
    if (!key)
        return key.error();
    options.target.address = host.address;
    options.target.port = host.ssh.port;
    options.target.user = host.ssh.user;
    options.target.privateKey = *key;
    if (host.ssh.jump) {
        SshTarget jump;
        jump.address = host.ssh.jump->address;
        jump.port = host.ssh.jump->port;
        jump.user = host.ssh.jump->user;
        const Result<QByteArray> jumpKey = privateKey(vault, host.ssh.jump->keyId);
        if (!jumpKey)
            return jumpKey.error();
        jump.privateKey = *jumpKey;
        options.jump = jump;
    }
    options.knownHostsPath = KnownHosts::defaultPath();
    return options;
}

} // namespace relais
