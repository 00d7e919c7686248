#include "LxdAccess.h"

#include "SshCommand.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "lxd/LxdReplicationHistory.h"
#include "plan/SiteConnections.h"
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
    // The connections close their clients, then their sessions; each
    // session's worker thread then closes its connection: let it.
    QList<QPointer<QThread>> threads;
    if (SiteConnections* connections = m_access.connections()) {
        for (const HostRole role : {HostRole::Main, HostRole::Backup}) {
            if (SshSession* session = connections->existingSession(role))
                threads.append(session->workerThread());
        }
    }
    m_access.clear();
    for (const QPointer<QThread>& thread : threads) {
        if (thread)
            thread->wait(5000);
    }
}

bool LxdAccess::needed(const Site& site)
{
    return LxdHealthAccess::needed(site);
}

bool LxdAccess::open(const Site& site, const QString& sitePath, const QString& vaultPath,
                     const std::optional<QString>& passphraseFile, QTextStream& err)
{
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, err);
    if (!vault)
        return false;
    for (const HostRole role : {HostRole::Main, HostRole::Backup}) {
        const Host& host = site.host(role);
        // Says which key is missing, and where it was looked for.
        if (host.lxd && host.lxd->transport == LxdEndpoint::Transport::Ssh &&
            !SshCommand::sessionOptions(*vault, host, vaultPath, err))
            return false;
    }
    m_access.setConnections(std::make_unique<SiteConnections>(
        site, *vault, &m_verifier, nullptr, &m_tlsTrust, SiteConnections::Credentials::HostsOnly));
    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (database) {
        m_database = std::move(*database);
        m_access.setHistory(std::make_unique<LxdReplicationHistory>(
            *m_database, QFileInfo(sitePath).absoluteFilePath()));
    } else {
        err << QCoreApplication::translate("LxdAccess",
                                           "Warning: no replication history (copy ages unknown): "
                                           "%1")
                   .arg(database.error().message())
            << Qt::endl;
    }
    return true;
}

QStringList LxdAccess::trustHints() const
{
    QStringList hints;
    for (const HostKeyQuestion& question : m_verifier.questions()) {
        const QString hint =
            QCoreApplication::translate("LxdAccess",
                                        "The SSH host key of %1 is not trusted yet (%2); check it "
                                        "and run \"relaisctl ssh trust\".")
                .arg(question.host, question.fingerprint);
        if (!hints.contains(hint))
            hints.append(hint);
    }
    for (const TlsQuestion& question : m_tlsTrust.questions()) {
        const QString hint =
            QCoreApplication::translate("LxdAccess",
                                        "The LXD certificate of %1 is not trusted yet (SHA-256 "
                                        "%2); check it and run \"relaisctl lxd trust\".")
                .arg(question.host, question.fingerprint);
        if (!hints.contains(hint))
            hints.append(hint);
    }
    return hints;
}

} // namespace relais
