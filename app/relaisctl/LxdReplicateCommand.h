#pragma once

#include "common/FingerprintTrust.h"
#include "ssh/HostKeyVerifier.h"

#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>

class QSocketNotifier;

namespace relais {

class Database;
class LxdClient;
class LxdReplicationHistory;
class LxdReplicationJob;
class SiteConnections;
class SshSession;

/// `relaisctl lxd replicate --site FILE INSTANCE`: copies a container from
/// main to backup (LxdReplicationJob: the backup's LXD pulls from main's,
/// a refresh when the backup has a copy, the copy kept until the new one is
/// in place), reaching each host's LXD as the site says (through SSH, or
/// over HTTPS with the client certificate from the vault and the server
/// certificate pinned; an unknown one is refused).
/// Progress goes to standard error; Ctrl-C cancels (the backup keeps its
/// copy); the outcome is recorded in relais.db. Exit 0 on success, 2
/// otherwise.
class LxdReplicateCommand : public QObject
{
    Q_OBJECT

public:
    LxdReplicateCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~LxdReplicateCommand() override;

    /// Parses @p arguments and starts; returns an exit code when already
    /// done, or -1 when the answer will come with finished().
    int start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    class RefuseUnknown : public HostKeyVerifier
    {
    public:
        void verify(const HostKeyQuestion&, std::function<void(bool accept)> answer) override
        {
            answer(false);
        }
    };

    void onFinished();
    void onInterrupt();
    void finish(int code);
    void watchInterrupt();
    void unwatchInterrupt();

    QTextStream& m_out;
    QTextStream& m_err;
    /// The hosts' SSH sessions the connections opened (none for HTTPS).
    QList<SshSession*> sessions() const;

    RefuseUnknown m_verifier;
    FingerprintTrust m_tlsTrust; ///< refuses every unknown LXD certificate, keeps the question
    std::unique_ptr<SiteConnections> m_connections;
    LxdClient* m_main = nullptr;
    LxdClient* m_backup = nullptr;
    LxdReplicationJob* m_job = nullptr;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LxdReplicationHistory> m_history;
    QSocketNotifier* m_interrupt = nullptr;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace relais
