#pragma once

#include "RsyncCommand.h"
#include "common/Result.h"
#include "site/SyncJob.h"
#include "ssh/KnownHostsEntry.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

namespace relais {

class SshCommandJob;
class SshSession;

/// Sets up a sync job's dedicated replication key (a job: start() never
/// blocks, finished() exactly once): checks that rrsync exists on the other
/// host, makes a new ed25519 key, installs its private half on the
/// initiating host (mode 0600, written through the command's standard
/// input, never on a command line) with a known_hosts file holding the
/// other host's key as Relais trusts it, and puts the public half in the
/// other host's authorized_keys restricted to rrsync on the job's paths
/// (replacing the job's previous line, leaving every other line as it is).
class ReplicationKeySetup : public QObject
{
    Q_OBJECT

public:
    /// @p initiating runs rsync (main for a push), @p other receives the
    /// key's restricted line; @p otherHostKeys are the other host's keys as
    /// Relais trusts them, written to the initiating host's known_hosts for
    /// the job as @p otherAddress:@p otherPort (how the initiating host
    /// reaches it). Sessions must outlive the job.
    ReplicationKeySetup(SyncJob job, SshSession* initiating, SshSession* other,
                        QString otherAddress, int otherPort, QList<HostKey> otherHostKeys,
                        QObject* parent = nullptr);
    ~ReplicationKeySetup() override;

    static QString defaultKeyDirectory() { return QStringLiteral("~/.ssh/relais-sync"); }
    static QString defaultAuthorizedKeysPath() { return QStringLiteral("~/.ssh/authorized_keys"); }

    /// Where the key files go on the initiating host (default
    /// "~/.ssh/relais-sync"; "~/" is the login's home).
    void setKeyDirectory(const QString& directory) { m_keyDir = directory; }
    /// The key for the reverse flow (failback, backup → main): its own file
    /// ("JOB.reverse") and its own restricted line. Default: forward.
    void setFlow(RsyncCommand::Flow flow) { m_flow = flow; }
    RsyncCommand::Flow flow() const { return m_flow; }
    /// The other host's authorized_keys (default "~/.ssh/authorized_keys").
    void setAuthorizedKeysPath(const QString& path) { m_authorizedKeys = path; }
    const QString& authorizedKeysPath() const { return m_authorizedKeys; }
    /// Reads the other host's keys from this known_hosts file (Relais' own,
    /// the one the sessions check) once the other host has been reached,
    /// instead of taking those given to the constructor: a key the user
    /// trusts when asked on that first connection is the one written.
    void setTrustedKeysFile(const QString& knownHostsPath) { m_trustedKeysFile = knownHostsPath; }
    /// The private key's path on the initiating host ("DIR/JOB" or
    /// "DIR/JOB.reverse").
    QString keyPath() const;

    void start();
    /// Stops the step that runs; finished() comes with SyncError::Cancelled.
    /// A step already done on a host stays done: set the key up again.
    void cancel();
    bool isFinished() const { return m_result.has_value(); }
    const Result<void>& result() const { return *m_result; }

    /// The rsync peer for the job's runs once set up.
    RsyncCommand::Peer peer(const QString& user = QStringLiteral("root")) const;
    /// The public line installed on the other host (valid after success).
    const QString& publicLine() const { return m_publicLine; }
    /// The new key's fingerprint ("SHA256:…", valid after success).
    QString fingerprint() const;

signals:
    /// What is being done now, in a sentence for the user.
    void progress(const QString& text);
    void finished();

private:
    void checkRrsync();
    void installPrivateKey();
    void authorize();
    void run(SshSession* session, const QString& command, const QByteArray& input,
             std::function<void(const QByteArray& out, const QByteArray& err, int status)> next);
    void finish(Result<void> result);
    /// The other host's keys from m_trustedKeysFile, if set.
    void readTrustedKeys();
    /// @p path for a POSIX shell: "~/x" as "$HOME"/'x', else quoted.
    static QString shellPath(const QString& path);

    SyncJob m_job;
    QPointer<SshSession> m_initiating;
    QPointer<SshSession> m_other;
    QString m_otherAddress;
    int m_otherPort;
    QList<HostKey> m_otherKeys;
    RsyncCommand::Flow m_flow = RsyncCommand::Flow::Forward;
    QString m_keyDir = defaultKeyDirectory();
    QString m_authorizedKeys = defaultAuthorizedKeysPath();
    QString m_trustedKeysFile;
    QByteArray m_privateKey;
    QString m_publicLine;
    QPointer<SshCommandJob> m_command;
    std::optional<Result<void>> m_result;
};

} // namespace relais
