#pragma once

#include "HostKeyQuestion.h"
#include "SshSessionOptions.h"
#include "common/Error.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <memory>

class QThread;

namespace relais {

class HostKeyVerifier;
class SshCommandJob;
class SshSessionWorker;
class SshTunnel;
struct SshSessionLink;

/// One SSH connection to one host (optionally through a jump host), for
/// any number of commands. libssh is blocking, so the connection lives in a
/// worker thread of its own; this object lives on its owner's thread (the
/// GUI thread), never blocks it, and reports through signals.
///
/// Host keys: a key in known_hosts is accepted; an unknown key is put to
/// the injected HostKeyVerifier (on this object's thread) and, if accepted,
/// saved; a changed key fails with SshError::HostKeyChanged showing both
/// fingerprints, without asking anyone. The jump host's key is checked the
/// same way, first.
///
/// connectToHost() connects (or reconnects after a loss); a command started
/// while disconnected connects first ("reconnect on demand").
class SshSession : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
    };
    Q_ENUM(State)

    /// @p verifier must outlive the session.
    SshSession(SshSessionOptions options, HostKeyVerifier* verifier, QObject* parent = nullptr);
    ~SshSession() override;

    State state() const { return m_state; }
    const SshSessionOptions& options() const { return m_options; }
    /// "user@host:port" (and " via user@jump:port").
    QString describe() const;

    /// Connects when disconnected; no-op while connecting or connected.
    void connectToHost();
    /// Closes the connection; running commands fail with Disconnected.
    void disconnectFromHost();

    /// The worker thread. It outlives the session: after the session is
    /// deleted it closes everything, then ends and deletes itself (watch it
    /// with a QPointer; a command-line program waits for its finished()
    /// before it exits).
    QThread* workerThread() const { return m_thread; }

    /// The last connection failure or loss (valid after connectFailed/connectionLost).
    const std::optional<Error>& lastError() const { return m_lastError; }

signals:
    void stateChanged(relais::SshSession::State state);
    void connected();
    void connectFailed(const relais::Error& error);
    /// The connection broke (keepalive failed, server closed it).
    void connectionLost(const relais::Error& error);

private:
    friend class SshCommandJob;
    friend class SshTunnel;
    friend class SshSessionWorker;

    // Called by SshCommandJob.
    quint64 startCommand(SshCommandJob* job, const QString& command, const QByteArray& input);
    void cancelCommand(quint64 id);
    // Called by SshTunnel.
    quint64 openForward(SshTunnel* tunnel, const QString& remoteSocketPath);
    void writeForward(quint64 id, const QByteArray& data);
    void closeForward(quint64 id);

    // Called (queued) from the worker.
    void onHostKeyQuestion(const HostKeyQuestion& question, quint64 token);
    void onConnected();
    void onConnectFailed(const Error& error);
    void onConnectionLost(const Error& error);
    void onCommandOutput(quint64 id, const QByteArray& data, bool isStderr);
    void onCommandFinished(quint64 id, int exitStatus, const std::optional<Error>& error);
    void onForwardOpened(quint64 id);
    void onForwardData(quint64 id, const QByteArray& data);
    void onForwardClosed(quint64 id, const std::optional<Error>& error);

    void setState(State state);
    struct Pending
    {
        quint64 id;
        QString text; ///< the command, or the remote socket path
        bool forward;
        QByteArray input; ///< a command's standard input
    };

    void send(const Pending& pending);
    /// Forgets a request not yet sent to the worker; false when it was sent.
    bool dropPending(quint64 id);
    void failPending(const Error& error);

    SshSessionOptions m_options;
    HostKeyVerifier* m_verifier;
    State m_state = State::Disconnected;
    std::optional<Error> m_lastError;
    QThread* m_thread = nullptr;
    SshSessionWorker* m_worker = nullptr;
    std::shared_ptr<SshSessionLink> m_link;
    quint64 m_nextId = 1;
    QHash<quint64, QPointer<SshCommandJob>> m_jobs;
    QHash<quint64, QPointer<SshTunnel>> m_tunnels;
    QList<Pending> m_pending; ///< commands and forwards waiting for the connection
};

} // namespace relais
