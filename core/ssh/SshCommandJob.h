#pragma once

#include "common/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace relais {

class SshSession;

/// Runs one remote command over an SshSession (a job): start() never
/// blocks; stdout and stderr come as lines while the command runs;
/// finished() is emitted exactly once, also after cancel() or the timeout,
/// and result() then holds the exit status or the error. A non-zero exit
/// status is a result, not an error.
///
/// If the session is disconnected, start() connects it first.
class SshCommandJob : public QObject
{
    Q_OBJECT

public:
    /// @p timeoutMs 0 means no timeout.
    SshCommandJob(SshSession* session, QString command, int timeoutMs = 0,
                  QObject* parent = nullptr);
    ~SshCommandJob() override;

    const QString& command() const { return m_command; }
    /// Bytes written to the command's standard input, which is then closed
    /// (set before start()).
    void setStandardInput(QByteArray input) { m_input = std::move(input); }
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_result.has_value(); }

    /// The exit status, or why there is none; valid once finished.
    const Result<int>& result() const { return *m_result; }
    /// Everything the command printed (kept up to 16 MiB each).
    const QByteArray& standardOutput() const { return m_stdout; }
    const QByteArray& standardError() const { return m_stderr; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }

signals:
    /// Standard output as it arrives, before it is split into lines (for
    /// output that redraws a line with "\r", like a progress meter).
    void stdoutData(const QByteArray& data);
    void stdoutLine(const QString& line);
    void stderrLine(const QString& line);
    void finished();

private:
    friend class SshSession;

    void onOutput(const QByteArray& data, bool isStderr);
    void onFinished(int exitStatus, const std::optional<Error>& error);
    void sessionGone();
    void finish(Result<int> result, bool tellSession);
    void flushLines(QByteArray& partial, qsizetype& offset, bool isStderr, bool all);

    QPointer<SshSession> m_session;
    QString m_command;
    QByteArray m_input;
    int m_timeoutMs;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    quint64 m_id = 0;
    bool m_running = false;
    std::optional<Result<int>> m_result;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QByteArray m_stdoutPartial;
    QByteArray m_stderrPartial;
    qsizetype m_stdoutOffset = 0; ///< bytes of m_stdoutPartial already emitted
    qsizetype m_stderrOffset = 0;
};

} // namespace relais
