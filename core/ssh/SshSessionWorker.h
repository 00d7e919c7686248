#pragma once

#include "SshSessionOptions.h"
#include "common/Error.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace relais {

class SshSession;
struct SshSessionLink;

/// The libssh side of an SshSession, living in the session's worker thread.
/// Its methods are invoked (queued) by SshSession and may block; it answers
/// through the link. libssh types stay in the .cpp file.
class SshSessionWorker : public QObject
{
public:
    SshSessionWorker(SshSessionOptions options, std::shared_ptr<SshSessionLink> link);
    ~SshSessionWorker() override;

    void connectHops();
    void answerHostKey(quint64 token, bool accept);
    void disconnectAll();
    /// Runs @p command; @p input is written to its standard input, which is
    /// then closed (always: a command never waits on an open stdin).
    void startCommand(quint64 id, const QString& command, QByteArray input);
    void cancelCommand(quint64 id);
    /// Opens a direct-streamlocal channel to a Unix socket on the host.
    void openForward(quint64 id, const QString& remoteSocketPath);
    void writeForward(quint64 id, const QByteArray& data);
    void closeForward(quint64 id);
    /// Frees everything and quits the thread.
    void shutdown();

private:
    struct Private;

    void post(std::function<void(SshSession*)> call);
    void continueHop();
    void authenticateHop();
    void hopReady();
    void fail(const Error& error);
    void lose(const Error& error);
    void pump();
    void keepalive();
    /// Opens the ready shell (SshSessionOptions::readyShell) if none waits.
    void prepareShell();

    std::unique_ptr<Private> d;
};

} // namespace relais
