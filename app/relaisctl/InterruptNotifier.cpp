#include "InterruptNotifier.h"

#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace relais {

namespace {
int g_writeFd = -1;
}

InterruptNotifier::InterruptNotifier(QObject* parent)
    : QObject(parent)
{
    if (g_writeFd >= 0 ||
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, m_fds) != 0)
        return;
    g_writeFd = m_fds[0];
    m_notifier = new QSocketNotifier(m_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptNotifier::onReadable);
    struct sigaction action = {};
    action.sa_handler = &InterruptNotifier::onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    struct sigaction old = {};
    ::sigaction(SIGINT, &action, &old);
    m_oldHandler = old.sa_handler;
}

InterruptNotifier::~InterruptNotifier()
{
    if (!m_notifier)
        return;
    struct sigaction action = {};
    action.sa_handler = m_oldHandler ? m_oldHandler : SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    g_writeFd = -1;
    delete m_notifier;
    ::close(m_fds[0]);
    ::close(m_fds[1]);
}

void InterruptNotifier::onSignal(int)
{
    const char byte = 1;
    if (g_writeFd >= 0)
        (void)!::write(g_writeFd, &byte, 1);
}

void InterruptNotifier::onReadable()
{
    char buffer[16];
    while (::read(m_fds[1], buffer, sizeof buffer) > 0) {
    }
    emit interrupted();
}

} // namespace relais
