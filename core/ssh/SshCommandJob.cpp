#include "SshCommandJob.h"

#include "SshError.h"
#include "SshSession.h"

#include <utility>

namespace relais {

namespace {
constexpr qsizetype kKeepLimit = 16 * 1024 * 1024;
}

SshCommandJob::SshCommandJob(SshSession* session, QString command, int timeoutMs, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_command(std::move(command))
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(Error(SshError::Timeout,
                     QStringLiteral("the command did not finish within %1 ms and was stopped: %2")
                         .arg(m_timeoutMs)
                         .arg(m_command)),
               true);
    });
}

SshCommandJob::~SshCommandJob()
{
    if (m_running && m_session)
        m_session->cancelCommand(m_id);
}

void SshCommandJob::start()
{
    if (m_running || m_result)
        return;
    m_elapsed.start();
    m_running = true;
    if (!m_session) {
        // Deliver on the next pass: finished() never comes from start().
        QMetaObject::invokeMethod(
            this, [this] { sessionGone(); }, Qt::QueuedConnection);
        return;
    }
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    m_id = m_session->startCommand(this, m_command, std::exchange(m_input, {}));
}

void SshCommandJob::cancel()
{
    if (!m_running)
        return;
    finish(Error(SshError::Cancelled, QStringLiteral("cancelled: %1").arg(m_command)), true);
}

void SshCommandJob::sessionGone()
{
    if (!m_running)
        return;
    finish(Error(SshError::Disconnected, QStringLiteral("the SSH session was closed")), false);
}

void SshCommandJob::flushLines(QByteArray& partial, bool isStderr, bool all)
{
    // Each line leaves the buffer before it is emitted: a receiver may
    // cancel the job, which flushes again.
    for (;;) {
        const qsizetype end = partial.indexOf('\n');
        QByteArray line;
        if (end >= 0) {
            line = partial.left(end);
            partial.remove(0, end + 1);
            if (line.endsWith('\r'))
                line.chop(1);
        } else if (all && !partial.isEmpty()) {
            line = std::exchange(partial, {});
        } else {
            return;
        }
        if (isStderr)
            emit stderrLine(QString::fromUtf8(line));
        else
            emit stdoutLine(QString::fromUtf8(line));
    }
}

void SshCommandJob::onOutput(const QByteArray& data, bool isStderr)
{
    if (!m_running)
        return;
    QByteArray& kept = isStderr ? m_stderr : m_stdout;
    if (kept.size() < kKeepLimit)
        kept += data.left(kKeepLimit - kept.size());
    if (!isStderr) {
        emit stdoutData(data);
        if (!m_running)
            return;
    }
    QByteArray& partial = isStderr ? m_stderrPartial : m_stdoutPartial;
    partial += data;
    flushLines(partial, isStderr, false);
}

void SshCommandJob::onFinished(int exitStatus, const std::optional<Error>& error)
{
    if (!m_running)
        return;
    if (error)
        finish(*error, false);
    else
        finish(exitStatus, false);
}

void SshCommandJob::finish(Result<int> result, bool tellSession)
{
    if (!m_running)
        return;
    flushLines(m_stdoutPartial, false, true);
    flushLines(m_stderrPartial, true, true);
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    if (tellSession && m_session && m_id)
        m_session->cancelCommand(m_id);
    m_result = std::move(result);
    // Nothing after the emit: a receiver may delete the job.
    emit finished();
}

} // namespace relais
