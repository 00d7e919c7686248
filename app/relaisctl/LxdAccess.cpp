#include "LxdAccess.h"

#include "SshCommand.h"
#include "common/Database.h"
#include "common/DatabaseError.h"
#include "common/Paths.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdReplicationHistory.h"
#include "lxd/LxdSshTransport.h"
#include "site/Site.h"
#include "ssh/SshSession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QThread>

namespace relais {

LxdAccess::LxdAccess() = default;

LxdAccess::~LxdAccess()
{
    // Clients (with their tunnels) go before the sessions they use; each
    // session's worker thread then closes its connection: let it.
    QList<QPointer<QThread>> threads;
    for (int i = 0; i < 2; ++i) {
        delete m_clients[i];
        m_clients[i] = nullptr;
        if (m_sessions[i]) {
            threads.append(m_sessions[i]->workerThread());
            m_sessions[i].reset();
        }
    }
    for (const QPointer<QThread>& thread : threads) {
        if (thread)
            thread->wait(5000);
    }
}

bool LxdAccess::needed(const Site& site)
{
    for (const Service& service : site.services) {
        for (const ProbeSpec& probe : service.probes) {
            if (probe.kind == ProbeSpec::Kind::Lxd)
                return true;
        }
    }
    return false;
}

bool LxdAccess::open(const Site& site, const QString& sitePath, const QString& vaultPath,
                     const std::optional<QString>& passphraseFile, QTextStream& err)
{
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, err);
    if (!vault)
        return false;
    for (const HostRole role : {HostRole::Main, HostRole::Backup}) {
        const Host& host = site.host(role);
        if (!host.lxd || host.lxd->transport != LxdEndpoint::Transport::Ssh)
            continue;
        std::optional<SshSessionOptions> options =
            SshCommand::sessionOptions(*vault, host, vaultPath, err);
        if (!options)
            return false;
        const int i = role == HostRole::Main ? 0 : 1;
        m_sessions[i] = std::make_unique<SshSession>(std::move(*options), &m_verifier);
        m_clients[i] =
            new LxdClient(new LxdSshTransport(m_sessions[i].get(), host.lxd->socketPath));
    }
    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (database) {
        m_database = std::move(*database);
        m_history = std::make_unique<LxdReplicationHistory>(*m_database,
                                                            QFileInfo(sitePath).absoluteFilePath());
    } else {
        err << QCoreApplication::translate("LxdAccess",
                                           "Warning: no replication history (copy ages unknown): "
                                           "%1")
                   .arg(database.error().message())
            << Qt::endl;
    }
    m_context.client = [this](HostRole role) {
        return m_clients[role == HostRole::Main ? 0 : 1];
    };
    m_context.lastCopy = [this](const QString& instance) -> Result<std::optional<QDateTime>> {
        if (!m_history)
            return Error(DatabaseError::OpenFailed, QStringLiteral("relais.db is not open"));
        auto last = m_history->lastSuccess(instance);
        if (!last)
            return last.error();
        if (!last->has_value())
            return std::optional<QDateTime>();
        return std::optional<QDateTime>((**last).endedAt);
    };
    return true;
}

} // namespace relais
