#include "SshSession.h"

#include "HostKeyVerifier.h"
#include "SshCommandJob.h"
#include "SshError.h"
#include "SshSessionLink.h"
#include "SshSessionWorker.h"
#include "SshTunnel.h"
#include "common/Logging.h"

#include <QMutexLocker>
#include <QThread>

namespace relais {

namespace {
void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        bytes.detach();
        std::fill(bytes.begin(), bytes.end(), '\0');
    }
    bytes.clear();
}
} // namespace

SshSession::SshSession(SshSessionOptions options, HostKeyVerifier* verifier, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_verifier(verifier)
    , m_link(std::make_shared<SshSessionLink>())
{
    m_link->session = this;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("ssh %1").arg(m_options.target.address));
    m_worker = new SshSessionWorker(m_options, m_link);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

SshSession::~SshSession()
{
    {
        QMutexLocker locker(&m_link->mutex);
        m_link->session = nullptr;
    }
    for (const auto& job : std::as_const(m_jobs)) {
        if (job)
            job->sessionGone();
    }
    const auto tunnels = std::exchange(m_tunnels, {});
    for (auto it = tunnels.cbegin(); it != tunnels.cend(); ++it) {
        if (it.value())
            it.value()->onForwardClosed(
                it.key(),
                Error(SshError::Disconnected, QStringLiteral("the SSH session was closed")));
    }
    // The thread ends on its own once the worker has closed everything; it
    // and the worker delete themselves then. Nothing here waits.
    SshSessionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::QueuedConnection);
    wipe(m_options.target.privateKey);
    if (m_options.jump)
        wipe(m_options.jump->privateKey);
}

QString SshSession::describe() const
{
    QString text = QStringLiteral("%1@%2:%3")
                       .arg(m_options.target.user, m_options.target.address)
                       .arg(m_options.target.port);
    if (m_options.jump) {
        text += QStringLiteral(" via %1@%2:%3")
                    .arg(m_options.jump->user, m_options.jump->address)
                    .arg(m_options.jump->port);
    }
    return text;
}

void SshSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SshSession::connectToHost()
{
    if (m_state != State::Disconnected)
        return;
    setState(State::Connecting);
    SshSessionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->connectHops(); }, Qt::QueuedConnection);
}

void SshSession::disconnectFromHost()
{
    failPending(Error(SshError::Disconnected, QStringLiteral("the session was closed")));
    SshSessionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->disconnectAll(); }, Qt::QueuedConnection);
    setState(State::Disconnected);
}

quint64 SshSession::startCommand(SshCommandJob* job, const QString& command,
                                 const QByteArray& input)
{
    const quint64 id = m_nextId++;
    m_jobs.insert(id, job);
    const Pending pending{id, command, false, input};
    if (m_state == State::Connected) {
        send(pending);
    } else {
        m_pending.append(pending);
        connectToHost();
    }
    return id;
}

quint64 SshSession::openForward(SshTunnel* tunnel, const QString& remoteSocketPath)
{
    const quint64 id = m_nextId++;
    m_tunnels.insert(id, tunnel);
    const Pending pending{id, remoteSocketPath, true, {}};
    if (m_state == State::Connected) {
        send(pending);
    } else {
        m_pending.append(pending);
        connectToHost();
    }
    return id;
}

void SshSession::writeForward(quint64 id, const QByteArray& data)
{
    SshSessionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, data] { worker->writeForward(id, data); }, Qt::QueuedConnection);
}

void SshSession::closeForward(quint64 id)
{
    m_tunnels.remove(id);
    if (dropPending(id))
        return;
    SshSessionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id] { worker->closeForward(id); }, Qt::QueuedConnection);
}

void SshSession::send(const Pending& pending)
{
    SshSessionWorker* worker = m_worker;
    const quint64 id = pending.id;
    const QString text = pending.text;
    const QByteArray input = pending.input;
    if (pending.forward) {
        QMetaObject::invokeMethod(
            worker, [worker, id, text] { worker->openForward(id, text); }, Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(
            worker, [worker, id, text, input] { worker->startCommand(id, text, input); },
            Qt::QueuedConnection);
    }
}

void SshSession::cancelCommand(quint64 id)
{
    m_jobs.remove(id);
    if (dropPending(id))
        return;
    SshSessionWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id] { worker->cancelCommand(id); }, Qt::QueuedConnection);
}

bool SshSession::dropPending(quint64 id)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).id == id) {
            m_pending.removeAt(i);
            return true;
        }
    }
    return false;
}

void SshSession::failPending(const Error& error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending& p : pending) {
        if (p.forward)
            onForwardClosed(p.id, error);
        else
            onCommandFinished(p.id, -1, error);
    }
}

void SshSession::onHostKeyQuestion(const HostKeyQuestion& question, quint64 token)
{
    qCInfo(lcSsh) << "unknown host key" << question.keyType << question.fingerprint << "for"
                  << question.host << question.port;
    SshSessionWorker* worker = m_worker;
    const auto answer = [worker, link = m_link, token](bool accept) {
        QMutexLocker locker(&link->mutex);
        if (!link->session)
            return;
        QMetaObject::invokeMethod(
            worker, [worker, token, accept] { worker->answerHostKey(token, accept); },
            Qt::QueuedConnection);
    };
    if (!m_verifier) {
        answer(false);
        return;
    }
    m_verifier->verify(question, answer);
}

void SshSession::onConnected()
{
    if (m_state != State::Connecting)
        return; // disconnectFromHost() came first
    m_lastError.reset();
    setState(State::Connected);
    const auto pending = std::exchange(m_pending, {});
    for (const Pending& p : pending)
        send(p);
    emit connected();
}

void SshSession::onConnectFailed(const Error& error)
{
    if (m_state != State::Connecting)
        return;
    m_lastError = error;
    setState(State::Disconnected);
    failPending(error);
    emit connectFailed(error);
}

void SshSession::onConnectionLost(const Error& error)
{
    if (m_state != State::Connected)
        return;
    m_lastError = error;
    setState(State::Disconnected);
    emit connectionLost(error);
}

void SshSession::onCommandOutput(quint64 id, const QByteArray& data, bool isStderr)
{
    if (SshCommandJob* job = m_jobs.value(id))
        job->onOutput(data, isStderr);
}

void SshSession::onCommandFinished(quint64 id, int exitStatus, const std::optional<Error>& error)
{
    const QPointer<SshCommandJob> job = m_jobs.take(id);
    if (job)
        job->onFinished(exitStatus, error);
}

void SshSession::onForwardOpened(quint64 id)
{
    if (SshTunnel* tunnel = m_tunnels.value(id))
        tunnel->onForwardOpened(id);
}

void SshSession::onForwardData(quint64 id, const QByteArray& data)
{
    if (SshTunnel* tunnel = m_tunnels.value(id))
        tunnel->onForwardData(id, data);
}

void SshSession::onForwardClosed(quint64 id, const std::optional<Error>& error)
{
    const QPointer<SshTunnel> tunnel = m_tunnels.take(id);
    if (tunnel)
        tunnel->onForwardClosed(id, error);
}

} // namespace relais
