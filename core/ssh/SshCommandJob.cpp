#include "SshCommandJob.h"

#include "SshError.h"
#include "SshSession.h"

#include <QMetaMethod>
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

void SshCommandJob::flushLines(QByteArray& partial, qsizetype& offset, bool isStderr, bool all)
{
    // Each line leaves the buffer (the offset moves past it) before it is
    // emitted: a receiver may cancel the job, which flushes again. The
    // buffer is compacted once at the end, not once per line, and with no
    // receiver there is nothing to split.
    const bool wanted =
        isStderr ? isSignalConnected(QMetaMethod::fromSignal(&SshCommandJob::stderrLine))
                 : isSignalConnected(QMetaMethod::fromSignal(&SshCommandJob::stdoutLine));
    if (!wanted) {
        if (all) {
            partial.clear();
            offset = 0;
        } else {
            const qsizetype end = partial.lastIndexOf('\n');
            if (end >= 0) {
                partial.remove(0, end + 1);
                offset = 0;
            }
        }
        return;
    }
    for (;;) {
        const qsizetype end = partial.indexOf('\n', offset);
        QByteArrayView line;
        if (end >= 0) {
            line = QByteArrayView(partial).sliced(offset, end - offset);
            offset = end + 1;
            if (line.endsWith('\r'))
                line.chop(1);
        } else if (all && offset < partial.size()) {
            line = QByteArrayView(partial).sliced(offset);
            offset = partial.size();
        } else {
            break;
        }
        const QString text = QString::fromUtf8(line);
        if (isStderr)
            emit stderrLine(text);
        else
            emit stdoutLine(text);
    }
    if (offset > 0) {
        partial.remove(0, offset);
        offset = 0;
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
    if (isStderr) {
        m_stderrPartial += data;
        flushLines(m_stderrPartial, m_stderrOffset, true, false);
    } else {
        m_stdoutPartial += data;
        flushLines(m_stdoutPartial, m_stdoutOffset, false, false);
    }
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
    flushLines(m_stdoutPartial, m_stdoutOffset, false, true);
    flushLines(m_stderrPartial, m_stderrOffset, true, true);
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
