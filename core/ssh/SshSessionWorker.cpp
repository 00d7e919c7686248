#include "SshSessionWorker.h"

#include "HostKeyQuestion.h"
#include "KnownHosts.h"
#include "SshError.h"
#include "SshSession.h"
#include "SshSessionLink.h"
#include "common/Logging.h"

#include <QFile>
#include <QMutexLocker>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive
#include <map>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace relais {

namespace {

struct SessionDeleter
{
    void operator()(ssh_session session) const
    {
        if (ssh_is_connected(session))
            ssh_disconnect(session);
        ssh_free(session);
    }
};
struct ChannelDeleter
{
    void operator()(ssh_channel channel) const
    {
        if (!ssh_channel_is_closed(channel))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
    }
};
struct KeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        bytes.detach();
        explicit_bzero(bytes.data(), static_cast<size_t>(bytes.size()));
    }
    bytes.clear();
}

QString endpoint(const SshTarget& target)
{
    return QStringLiteral("%1@%2:%3").arg(target.user, target.address).arg(target.port);
}

QString sshMessage(ssh_session session)
{
    return QString::fromUtf8(ssh_get_error(session));
}

/// Copies bytes between one end of a socketpair (the inner session's
/// socket) and a direct-tcpip channel of the jump session, on a thread of
/// its own. From start() on, only this thread touches the jump session.
class JumpBridge
{
public:
    JumpBridge(ssh_session jump, ChannelPtr channel, int fd)
        : m_jump(jump)
        , m_channel(std::move(channel))
        , m_fd(fd)
    {}
    ~JumpBridge()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        m_channel.reset();
        ::close(m_fd);
    }
    JumpBridge(const JumpBridge&) = delete;
    JumpBridge& operator=(const JumpBridge&) = delete;

    void start()
    {
        m_thread = std::thread([this] { run(); });
    }

private:
    static bool writeAll(int fd, const char* data, int size)
    {
        while (size > 0) {
            const ssize_t n = ::write(fd, data, static_cast<size_t>(size));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            data += n;
            size -= static_cast<int>(n);
        }
        return true;
    }

    void run()
    {
        std::vector<char> buffer(64 * 1024);
        ssh_channel channel = m_channel.get();
        while (!m_stop) {
            pollfd fds[2] = {{m_fd, POLLIN, 0}, {ssh_get_fd(m_jump), POLLIN, 0}};
            const int ready = ::poll(fds, 2, 50);
            if (ready < 0 && errno != EINTR)
                break;
            if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::read(m_fd, buffer.data(), buffer.size());
                if (n <= 0)
                    break; // the inner session closed its socket
                if (ssh_channel_write(channel, buffer.data(), static_cast<uint32_t>(n)) !=
                    static_cast<int>(n))
                    break;
            }
            bool open = true;
            for (;;) {
                const int n = ssh_channel_read_nonblocking(channel, buffer.data(),
                                                           static_cast<uint32_t>(buffer.size()), 0);
                if (n > 0) {
                    if (!writeAll(m_fd, buffer.data(), n)) {
                        open = false;
                        break;
                    }
                    continue;
                }
                if (n < 0)
                    open = false;
                break;
            }
            if (!open || ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel))
                break;
        }
        // Tell the inner session the path is gone.
        ::shutdown(m_fd, SHUT_RDWR);
        qCDebug(lcSsh) << "jump bridge ended";
    }

    ssh_session m_jump;
    ChannelPtr m_channel;
    int m_fd;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace

struct SshSessionWorker::Private
{
    SshSessionOptions options;
    std::shared_ptr<SshSessionLink> link;

    SessionPtr jump;
    std::unique_ptr<JumpBridge> bridge;
    SessionPtr target;
    bool onJump = false;       // the hop being set up is the jump host
    ssh_session hop = nullptr; // the session of the hop being set up
    HostKey hopKey;
    quint64 token = 0; // of the pending host-key question
    bool connecting = false;

    std::map<quint64, ChannelPtr> commands;
    std::map<quint64, ChannelPtr> forwards;
    /// The ready shells, each waiting for a command line, oldest first.
    std::deque<ChannelPtr> ready;
    QSocketNotifier* notifier = nullptr;
    QTimer* pumpTimer = nullptr; // children of the worker: they move with it
    QTimer* keepaliveTimer = nullptr;

    const SshTarget& hopTarget() const { return onJump ? *options.jump : options.target; }

    /// Reads and drops what a ready shell printed (the host's startup
    /// files may print); false when it is gone.
    static bool drainReady(ssh_channel shell)
    {
        std::array<char, 4096> sink{};
        for (int stream = 0; stream < 2; ++stream) {
            while (ssh_channel_read_nonblocking(shell, sink.data(),
                                                static_cast<uint32_t>(sink.size()), stream) > 0) {
            }
        }
        return ssh_channel_is_open(shell) && !ssh_channel_is_eof(shell);
    }

    /// Drains every ready shell and drops those that ended; false when one
    /// did.
    bool drainAllReady()
    {
        const auto ended = std::remove_if(ready.begin(), ready.end(), [](const ChannelPtr& shell) {
            return !drainReady(shell.get());
        });
        const bool all = ended == ready.end();
        ready.erase(ended, ready.end());
        return all;
    }

    void closeAll()
    {
        delete notifier;
        notifier = nullptr;
        pumpTimer->stop();
        keepaliveTimer->stop();
        commands.clear();
        forwards.clear();
        ready.clear();
        target.reset(); // closes its end of the socketpair first
        bridge.reset();
        jump.reset();
        hop = nullptr;
        connecting = false;
    }
};

SshSessionWorker::SshSessionWorker(SshSessionOptions options, std::shared_ptr<SshSessionLink> link)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->link = std::move(link);
    d->pumpTimer = new QTimer(this);
    d->pumpTimer->setInterval(5);
    d->keepaliveTimer = new QTimer(this);
    connect(d->pumpTimer, &QTimer::timeout, this, [this] { pump(); });
    connect(d->keepaliveTimer, &QTimer::timeout, this, [this] { keepalive(); });
}

SshSessionWorker::~SshSessionWorker()
{
    d->closeAll();
    wipe(d->options.target.privateKey);
    if (d->options.jump)
        wipe(d->options.jump->privateKey);
}

void SshSessionWorker::post(std::function<void(SshSession*)> call)
{
    QMutexLocker locker(&d->link->mutex);
    SshSession* session = d->link->session;
    if (!session)
        return;
    QMetaObject::invokeMethod(
        session, [session, call = std::move(call)] { call(session); }, Qt::QueuedConnection);
}

void SshSessionWorker::fail(const Error& error)
{
    qCInfo(lcSsh) << "connection failed:" << error.message();
    d->closeAll();
    post([error](SshSession* s) { s->onConnectFailed(error); });
}

void SshSessionWorker::lose(const Error& error)
{
    qCInfo(lcSsh) << "connection lost:" << error.message();
    QList<quint64> ids;
    for (const auto& entry : d->commands)
        ids.append(entry.first);
    QList<quint64> forwardIds;
    for (const auto& entry : d->forwards)
        forwardIds.append(entry.first);
    d->closeAll();
    post([error, ids, forwardIds](SshSession* s) {
        for (quint64 id : ids)
            s->onCommandFinished(id, -1, error);
        for (quint64 id : forwardIds)
            s->onForwardClosed(id, error);
        s->onConnectionLost(error);
    });
}

void SshSessionWorker::connectHops()
{
    d->closeAll();
    d->connecting = true;
    d->onJump = d->options.jump.has_value();
    continueHop();
}

// Opens the TCP connection (or the tunnel) of the current hop and checks its host key.
void SshSessionWorker::continueHop()
{
    const SshTarget& t = d->hopTarget();
    SessionPtr session(ssh_new());
    if (!session) {
        fail(Error(SshError::ConnectFailed, QStringLiteral("libssh could not create a session")));
        return;
    }
    const QByteArray host = t.address.toUtf8();
    const QByteArray user = t.user.toUtf8();
    const unsigned int port = static_cast<unsigned int>(t.port);
    const long timeout = std::max(1, (d->options.connectTimeoutMs + 999) / 1000);
    const int noConfig = 0;
    ssh_options_set(session.get(), SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_PORT, &port);
    ssh_options_set(session.get(), SSH_OPTIONS_USER, user.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(session.get(), SSH_OPTIONS_PROCESS_CONFIG, &noConfig);
    // Without TCP_NODELAY every request/reply exchange (channel open, exec)
    // waits ~40 ms for Nagle's algorithm against the server's delayed ACK.
    const int noDelay = 1;
    ssh_options_set(session.get(), SSH_OPTIONS_NODELAY, &noDelay);
    // Relais keeps its own known_hosts; keep libssh away from ~/.ssh.
    ssh_options_set(session.get(), SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session.get(), SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");

    if (!d->onJump && d->jump) {
        // ProxyJump: a direct-tcpip channel on the jump session, bridged to a
        // socketpair whose other end is the inner session's socket.
        ChannelPtr channel(ssh_channel_new(d->jump.get()));
        if (!channel || ssh_channel_open_forward(channel.get(), host.constData(), t.port,
                                                 "127.0.0.1", 0) != SSH_OK) {
            fail(Error(SshError::ConnectFailed,
                       QStringLiteral("the jump host %1 could not open a connection to %2:%3: %4. "
                                      "Check that the target is reachable from the jump host and "
                                      "that TCP forwarding is allowed there.")
                           .arg(endpoint(*d->options.jump), t.address)
                           .arg(t.port)
                           .arg(sshMessage(d->jump.get()))));
            return;
        }
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
            fail(Error(SshError::ConnectFailed, QStringLiteral("socketpair failed: %1")
                                                    .arg(QString::fromLocal8Bit(strerror(errno)))));
            return;
        }
        ssh_options_set(session.get(), SSH_OPTIONS_FD, &fds[0]); // libssh closes it
        d->bridge = std::make_unique<JumpBridge>(d->jump.get(), std::move(channel), fds[1]);
        d->bridge->start();
    }

    d->hop = session.get();
    if (d->onJump)
        d->jump = std::move(session);
    else
        d->target = std::move(session);

    const int rc = ssh_connect(d->hop);
    if (rc != SSH_OK) {
        const QString what = sshMessage(d->hop);
        const bool timedOut = what.contains(QStringLiteral("imeout"));
        fail(Error(
            timedOut ? SshError::Timeout : SshError::ConnectFailed,
            QStringLiteral("cannot connect to %1%2: %3. Check that the host is up and that "
                           "sshd listens on that port.")
                .arg(endpoint(t), d->onJump ? QStringLiteral(" (jump host)") : QString(), what)));
        return;
    }

    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(d->hop, &rawKey) != SSH_OK || !rawKey) {
        fail(Error(SshError::ConnectFailed,
                   QStringLiteral("%1 sent no host key: %2").arg(endpoint(t), sshMessage(d->hop))));
        return;
    }
    KeyPtr key(rawKey);
    char* base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key.get(), &base64) != SSH_OK || !base64) {
        fail(Error(SshError::InvalidKey,
                   QStringLiteral("cannot read the host key of %1").arg(endpoint(t))));
        return;
    }
    const QString type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    d->hopKey = HostKey::fromOpenSsh(type, QString::fromLatin1(base64));
    ssh_string_free_char(base64);

    const KnownHosts knownHosts(d->options.knownHostsPath);
    const auto found = knownHosts.lookup(t.address, t.port, d->hopKey);
    if (!found) {
        fail(Error(
            SshError::HostKeyUnknown,
            QStringLiteral("cannot read the known hosts file: %1").arg(found.error().message())));
        return;
    }
    switch (found->status) {
    case HostKeyLookup::Status::Match:
        authenticateHop();
        return;
    case HostKeyLookup::Status::Changed:
        fail(Error(
            SshError::HostKeyChanged,
            QStringLiteral("the host key of %1 has CHANGED: it offers %2 %3 but %4 %5 is "
                           "trusted. This may be an attack (someone in the middle) or a "
                           "reinstalled server. Relais refuses to connect; if the change is "
                           "expected, remove the old key from %6 and trust the new one.")
                .arg(KnownHosts::hostPattern(t.address, t.port), d->hopKey.type,
                     d->hopKey.fingerprint(), found->storedType, found->storedFingerprint,
                     d->options.knownHostsPath),
            {QStringLiteral("offered: %1 %2").arg(d->hopKey.type, d->hopKey.fingerprint()),
             QStringLiteral("trusted: %1 %2").arg(found->storedType, found->storedFingerprint)}));
        return;
    case HostKeyLookup::Status::Unknown:
        break;
    }
    HostKeyQuestion question;
    question.host = t.address;
    question.port = t.port;
    question.keyType = d->hopKey.type;
    question.fingerprint = d->hopKey.fingerprint();
    question.viaJumpHost = !d->onJump && d->jump;
    const quint64 token = ++d->token;
    post([question, token](SshSession* s) { s->onHostKeyQuestion(question, token); });
}

void SshSessionWorker::answerHostKey(quint64 token, bool accept)
{
    if (!d->connecting || token != d->token || !d->hop)
        return;
    const SshTarget& t = d->hopTarget();
    if (!accept) {
        fail(Error(
            SshError::HostKeyRejected,
            QStringLiteral("the host key of %1 (%2 %3) was not trusted; nothing was sent to "
                           "the host. Compare the fingerprint with the one the server "
                           "shows (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and try again.")
                .arg(KnownHosts::hostPattern(t.address, t.port), d->hopKey.type,
                     d->hopKey.fingerprint())));
        return;
    }
    const auto added = KnownHosts(d->options.knownHostsPath).add(t.address, t.port, d->hopKey);
    if (!added) {
        fail(added.error());
        return;
    }
    qCInfo(lcSsh) << "trusted" << d->hopKey.type << d->hopKey.fingerprint() << "for"
                  << KnownHosts::hostPattern(t.address, t.port);
    authenticateHop();
}

void SshSessionWorker::authenticateHop()
{
    const SshTarget& t = d->hopTarget();
    if (t.privateKey.isEmpty()) {
        // The ssh-agent option: the keys never enter Relais.
        if (!t.agentSocket.isEmpty()) {
            const QByteArray agent = QFile::encodeName(t.agentSocket);
            ssh_options_set(d->hop, SSH_OPTIONS_IDENTITY_AGENT, agent.constData());
        }
        if (ssh_userauth_agent(d->hop, nullptr) != SSH_AUTH_SUCCESS) {
            fail(Error(SshError::AuthFailed,
                       QStringLiteral("%1 accepted none of the ssh-agent's keys. Check that the "
                                      "agent runs (SSH_AUTH_SOCK) and holds the right key "
                                      "(ssh-add -l).")
                           .arg(endpoint(t))));
            return;
        }
        hopReady();
        return;
    }
    // ssh_pki_import_privkey_base64 wants the whole PEM text, NUL-terminated.
    std::vector<char> pem(static_cast<size_t>(t.privateKey.size()) + 1, '\0');
    std::copy(t.privateKey.cbegin(), t.privateKey.cend(), pem.begin());
    ssh_key rawKey = nullptr;
    const int rc = ssh_pki_import_privkey_base64(pem.data(), nullptr, nullptr, nullptr, &rawKey);
    explicit_bzero(pem.data(), pem.size());
    if (rc != SSH_OK || !rawKey) {
        fail(Error(SshError::InvalidKey,
                   QStringLiteral("the private key for %1 cannot be read (not an unencrypted "
                                  "OpenSSH or PEM private key?)")
                       .arg(endpoint(t))));
        return;
    }
    KeyPtr key(rawKey);
    const int auth = ssh_userauth_publickey(d->hop, nullptr, key.get());
    if (auth != SSH_AUTH_SUCCESS) {
        fail(Error(SshError::AuthFailed,
                   QStringLiteral("%1 refused the key: %2. Check that its public key is in "
                                  "~%3/.ssh/authorized_keys on the host.")
                       .arg(endpoint(t), sshMessage(d->hop), t.user)));
        return;
    }
    hopReady();
}

void SshSessionWorker::hopReady()
{
    if (d->onJump) {
        d->onJump = false;
        continueHop();
        return;
    }
    d->connecting = false;
    d->hop = nullptr;
    d->notifier = new QSocketNotifier(ssh_get_fd(d->target.get()), QSocketNotifier::Read, this);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] { pump(); });
    if (d->options.keepaliveIntervalMs > 0)
        d->keepaliveTimer->start(d->options.keepaliveIntervalMs);
    qCInfo(lcSsh) << "connected to" << endpoint(d->options.target);
    prepareShell();
    post([](SshSession* s) { s->onConnected(); });
}

namespace {

/// What a ready shell runs: it waits for one line, the command, and runs
/// it in the login shell sshd started, as `SHELL -c COMMAND` would.
constexpr char ReadyShellCommand[] = "IFS= read -r relais_command && eval \"$relais_command\"";

/// How many shells wait at once: a sync run with a hook sends three
/// commands in a row (the lock check, the hook, the transfer), each of which
/// finds a shell through its startup files. A shell taken is replaced when
/// its command ends.
constexpr std::size_t ReadyShells = 3;

} // namespace

void SshSessionWorker::prepareShell()
{
    if (!d->options.readyShell || !d->target || d->connecting)
        return;
    while (d->ready.size() < ReadyShells) {
        ChannelPtr channel(ssh_channel_new(d->target.get()));
        if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK ||
            ssh_channel_request_exec(channel.get(), ReadyShellCommand) != SSH_OK) {
            // Commands then start their own shell, as without the option.
            qCInfo(lcSsh) << "no ready shell on" << endpoint(d->options.target) << ":"
                          << sshMessage(d->target.get());
            return;
        }
        d->ready.push_back(std::move(channel));
    }
}

void SshSessionWorker::disconnectAll()
{
    QList<quint64> ids;
    for (const auto& entry : d->commands)
        ids.append(entry.first);
    QList<quint64> forwardIds;
    for (const auto& entry : d->forwards)
        forwardIds.append(entry.first);
    d->closeAll();
    const Error error(SshError::Disconnected, QStringLiteral("the session was closed"));
    post([error, ids, forwardIds](SshSession* s) {
        for (quint64 id : ids)
            s->onCommandFinished(id, -1, error);
        for (quint64 id : forwardIds)
            s->onForwardClosed(id, error);
    });
}

void SshSessionWorker::startCommand(quint64 id, const QString& command, QByteArray input)
{
    if (!d->target || d->connecting) {
        const Error error(SshError::Disconnected,
                          QStringLiteral("not connected to %1").arg(endpoint(d->options.target)));
        post([id, error](SshSession* s) { s->onCommandFinished(id, -1, error); });
        return;
    }
    const QByteArray utf8 = command.toUtf8();
    if (!d->ready.empty() && input.isEmpty() && !utf8.contains('\n')) {
        // The oldest: the likeliest to be through its startup files.
        ChannelPtr shell = std::move(d->ready.front());
        d->ready.pop_front();
        const bool waiting = Private::drainReady(shell.get());
        const QByteArray line = utf8 + '\n';
        if (waiting && ssh_channel_write(shell.get(), line.constData(),
                                         static_cast<uint32_t>(line.size())) == int(line.size())) {
            ssh_channel_send_eof(shell.get());
            qCDebug(lcSsh) << "command" << id << "runs in the ready shell";
            d->commands.emplace(id, std::move(shell));
            // Its replacement starts when it ends (pump()), not while it
            // runs: a login shell's start takes the host's CPU from the
            // command. Commands sent meanwhile take the other shells.
            d->pumpTimer->start();
            pump();
            return;
        }
        // Gone (or cannot be written to): the command starts its own shell.
    }
    ChannelPtr channel(ssh_channel_new(d->target.get()));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK) {
        const Error error(SshError::ChannelFailed,
                          QStringLiteral("cannot open a channel on %1: %2")
                              .arg(endpoint(d->options.target), sshMessage(d->target.get())));
        post([id, error](SshSession* s) { s->onCommandFinished(id, -1, error); });
        if (!ssh_is_connected(d->target.get()))
            lose(Error(SshError::Disconnected, QStringLiteral("the connection was lost")));
        return;
    }
    if (ssh_channel_request_exec(channel.get(), utf8.constData()) != SSH_OK) {
        const Error error(SshError::CommandFailed,
                          QStringLiteral("%1 refused to run the command: %2")
                              .arg(endpoint(d->options.target), sshMessage(d->target.get())));
        post([id, error](SshSession* s) { s->onCommandFinished(id, -1, error); });
        return;
    }
    // Standard input: written at once (small: keys, files of a few kB), then
    // closed.
    qsizetype written = 0;
    while (written < input.size()) {
        const int n = ssh_channel_write(channel.get(), input.constData() + written,
                                        static_cast<uint32_t>(input.size() - written));
        if (n <= 0)
            break;
        written += n;
    }
    if (written != input.size()) {
        const Error error(SshError::CommandFailed,
                          QStringLiteral("cannot write the command's input on %1: %2")
                              .arg(endpoint(d->options.target), sshMessage(d->target.get())));
        post([id, error](SshSession* s) { s->onCommandFinished(id, -1, error); });
        return;
    }
    ssh_channel_send_eof(channel.get());
    d->commands.emplace(id, std::move(channel));
    d->pumpTimer->start();
    pump();
}

void SshSessionWorker::cancelCommand(quint64 id)
{
    auto it = d->commands.find(id);
    if (it == d->commands.end())
        return;
    ssh_channel_request_send_signal(it->second.get(), "TERM");
    d->commands.erase(it); // closes and frees the channel
    if (d->commands.empty() && d->forwards.empty())
        d->pumpTimer->stop();
    prepareShell();
}

void SshSessionWorker::openForward(quint64 id, const QString& remoteSocketPath)
{
    if (!d->target || d->connecting) {
        const Error error(SshError::Disconnected,
                          QStringLiteral("not connected to %1").arg(endpoint(d->options.target)));
        post([id, error](SshSession* s) { s->onForwardClosed(id, error); });
        return;
    }
    const QByteArray path = remoteSocketPath.toUtf8();
    ChannelPtr channel(ssh_channel_new(d->target.get()));
    if (!channel ||
        ssh_channel_open_forward_unix(channel.get(), path.constData(), "127.0.0.1", 0) != SSH_OK) {
        const Error error(
            SshError::ChannelFailed,
            QStringLiteral("%1 refused to forward to %2: %3. Check that the socket exists and "
                           "that sshd allows it (AllowStreamLocalForwarding yes).")
                .arg(endpoint(d->options.target), remoteSocketPath, sshMessage(d->target.get())));
        post([id, error](SshSession* s) { s->onForwardClosed(id, error); });
        return;
    }
    d->forwards.emplace(id, std::move(channel));
    post([id](SshSession* s) { s->onForwardOpened(id); });
    d->pumpTimer->start();
    pump();
}

void SshSessionWorker::writeForward(quint64 id, const QByteArray& data)
{
    auto it = d->forwards.find(id);
    if (it == d->forwards.end())
        return;
    if (ssh_channel_write(it->second.get(), data.constData(), static_cast<uint32_t>(data.size())) !=
        static_cast<int>(data.size())) {
        const Error error(SshError::ChannelFailed,
                          QStringLiteral("cannot write to the forwarded socket: %1")
                              .arg(sshMessage(d->target.get())));
        d->forwards.erase(it);
        post([id, error](SshSession* s) { s->onForwardClosed(id, error); });
    }
}

void SshSessionWorker::closeForward(quint64 id)
{
    auto it = d->forwards.find(id);
    if (it == d->forwards.end())
        return;
    ssh_channel_send_eof(it->second.get());
    d->forwards.erase(it);
    if (d->commands.empty() && d->forwards.empty())
        d->pumpTimer->stop();
}

void SshSessionWorker::pump()
{
    if (!d->target || d->connecting)
        return;
    std::vector<char> buffer(32 * 1024);
    QList<quint64> done;
    bool broken = false;
    for (auto it = d->commands.begin(); it != d->commands.end(); ++it) {
        ssh_channel channel = it->second.get();
        const quint64 id = it->first;
        for (int stream = 0; stream < 2; ++stream) {
            for (;;) {
                const int n = ssh_channel_read_nonblocking(
                    channel, buffer.data(), static_cast<uint32_t>(buffer.size()), stream);
                if (n > 0) {
                    QByteArray data(buffer.data(), n);
                    const bool isStderr = stream == 1;
                    post([id, data, isStderr](SshSession* s) {
                        s->onCommandOutput(id, data, isStderr);
                    });
                    continue;
                }
                if (n < 0 && n != SSH_EOF)
                    broken = true;
                break;
            }
        }
        // sshd sends EOF, the exit status and CLOSE together; after EOF libssh
        // reads no more packets for this channel on its own, so
        // ssh_channel_get_exit_status() fetches the rest (it returns at once
        // once CLOSE came, else waits for it within the session's timeout).
        if (ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel)) {
            if (ssh_channel_poll(channel, 0) > 0 || ssh_channel_poll(channel, 1) > 0)
                continue;
            const int status = ssh_channel_get_exit_status(channel);
            std::optional<Error> error;
            if (status < 0) {
                error = Error(SshError::CommandFailed,
                              QStringLiteral("the command ended without an exit status (killed "
                                             "by a signal, or the connection broke)"));
            }
            post([id, status, error](SshSession* s) { s->onCommandFinished(id, status, error); });
            done.append(id);
        }
    }
    for (quint64 id : done)
        d->commands.erase(id);
    const bool commandEnded = !done.isEmpty();
    done.clear();
    if (!d->drainAllReady())
        qCInfo(lcSsh) << "a ready shell on" << endpoint(d->options.target) << "ended";
    for (auto it = d->forwards.begin(); it != d->forwards.end(); ++it) {
        ssh_channel channel = it->second.get();
        const quint64 id = it->first;
        for (;;) {
            const int n = ssh_channel_read_nonblocking(channel, buffer.data(),
                                                       static_cast<uint32_t>(buffer.size()), 0);
            if (n > 0) {
                QByteArray data(buffer.data(), n);
                post([id, data](SshSession* s) { s->onForwardData(id, data); });
                continue;
            }
            if (n < 0 && n != SSH_EOF)
                broken = true;
            break;
        }
        if ((ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel)) &&
            ssh_channel_poll(channel, 0) <= 0) {
            post([id](SshSession* s) { s->onForwardClosed(id, std::nullopt); });
            done.append(id);
        }
    }
    for (quint64 id : done)
        d->forwards.erase(id);
    if (d->commands.empty() && d->forwards.empty())
        d->pumpTimer->stop();
    if (broken || !ssh_is_connected(d->target.get())) {
        lose(Error(SshError::Disconnected,
                   QStringLiteral("the connection to %1 was lost: %2")
                       .arg(endpoint(d->options.target), sshMessage(d->target.get()))));
        return;
    }
    // A command ended: the ready shells taken (or ended) are replaced now.
    if (commandEnded)
        prepareShell();
}

void SshSessionWorker::keepalive()
{
    if (!d->target || d->connecting)
        return;
    if (ssh_send_keepalive(d->target.get()) != SSH_OK || !ssh_is_connected(d->target.get())) {
        lose(Error(SshError::Disconnected,
                   QStringLiteral("%1 stopped answering keepalives: %2")
                       .arg(endpoint(d->options.target), sshMessage(d->target.get()))));
        return;
    }
    pump();
}

void SshSessionWorker::shutdown()
{
    d->closeAll();
    thread()->quit();
}

} // namespace relais
