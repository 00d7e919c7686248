#include "PassphraseSource.h"

#include <QFile>
#include <QTextStream>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace relais {

namespace {

const char PassphraseVariable[] = "RELAIS_VAULT_PASSPHRASE";

/// The terminal settings to put back if a signal ends the program while
/// echo is off.
struct termios savedTerminal;
volatile sig_atomic_t savedTerminalFd = -1;

extern "C" void restoreTerminalAndDie(int number)
{
    if (savedTerminalFd >= 0)
        ::tcsetattr(savedTerminalFd, TCSAFLUSH, &savedTerminal);
    std::signal(number, SIG_DFL);
    std::raise(number);
}

void writeTo(int fd, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t count =
            ::write(fd, bytes.constData() + done, std::size_t(bytes.size() - done));
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            return;
        done += count;
    }
}

/// Asks @p prompt on the controlling terminal with echo off.
std::optional<SecretBytes> askOnTerminal(int tty, const QString& prompt)
{
    writeTo(tty, prompt);
    SecretBytes answer;
    PassphraseSource::ReadStatus status;
    {
        PassphraseSource::EchoOff echoOff(tty, true);
        status = PassphraseSource::readSecret(tty, true, answer);
    }
    if (status != PassphraseSource::ReadStatus::Ok)
        return std::nullopt;
    // A terminal in raw-ish modes may leave the carriage return.
    if (!answer.isEmpty() && answer.constData()[answer.size() - 1] == '\r')
        answer = SecretBytes(answer.view().first(answer.size() - 1));
    return answer;
}

} // namespace

PassphraseSource::ReadStatus PassphraseSource::readSecret(int fd, bool line, SecretBytes& secret)
{
    SecretBytes buffer = SecretBytes::zeroed(4096);
    qsizetype used = 0;
    for (;;) {
        if (used == buffer.size()) {
            if (buffer.size() > MaxSecretBytes)
                return ReadStatus::TooLarge;
            SecretBytes bigger = SecretBytes::zeroed(buffer.size() * 2);
            std::memcpy(bigger.data(), buffer.constData(), std::size_t(used));
            buffer = std::move(bigger); // wipes the smaller buffer
        }
        const ssize_t count =
            ::read(fd, buffer.data() + used, line ? 1 : std::size_t(buffer.size() - used));
        if (count < 0) {
            if (errno == EINTR)
                continue;
            return ReadStatus::Failed;
        }
        if (count == 0)
            break;
        if (line && buffer.constData()[used] == '\n')
            break;
        used += count;
    }
    if (used > MaxSecretBytes)
        return ReadStatus::TooLarge;
    secret = SecretBytes(buffer.view().first(used));
    return ReadStatus::Ok;
}

PassphraseSource::EchoOff::EchoOff(int fd, bool echoNewline)
    : m_fd(fd)
{
    if (::tcgetattr(fd, &savedTerminal) != 0)
        return;
    struct termios quiet = savedTerminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    if (echoNewline)
        quiet.c_lflag |= ECHONL;
    savedTerminalFd = fd;
    m_oldInt = std::signal(SIGINT, restoreTerminalAndDie);
    m_oldTerm = std::signal(SIGTERM, restoreTerminalAndDie);
    m_oldHup = std::signal(SIGHUP, restoreTerminalAndDie);
    m_changed = ::tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
}

PassphraseSource::EchoOff::~EchoOff()
{
    if (savedTerminalFd < 0)
        return;
    if (m_changed)
        ::tcsetattr(m_fd, TCSAFLUSH, &savedTerminal);
    savedTerminalFd = -1;
    std::signal(SIGINT, m_oldInt ? m_oldInt : SIG_DFL);
    std::signal(SIGTERM, m_oldTerm ? m_oldTerm : SIG_DFL);
    std::signal(SIGHUP, m_oldHup ? m_oldHup : SIG_DFL);
}

std::optional<SecretBytes> PassphraseSource::read(const std::optional<QString>& passphraseFile,
                                                  bool confirm, QTextStream& err,
                                                  bool useEnvironment)
{
    const auto emptyPassphrase = [&err] {
        err << tr("The passphrase is empty; give a passphrase.") << Qt::endl;
        return std::nullopt;
    };
    if (passphraseFile) {
        const QString& fileName = *passphraseFile;
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            err << tr("Cannot read the passphrase file %1: %2; check its name and permissions.")
                       .arg(fileName, file.errorString())
                << Qt::endl;
            return std::nullopt;
        }
        SecretBytes secret;
        if (readSecret(file.handle(), true, secret) != ReadStatus::Ok) {
            err << tr("Cannot read the passphrase file %1; check that it is a small text file.")
                       .arg(fileName)
                << Qt::endl;
            return std::nullopt;
        }
        if (!secret.isEmpty() && secret.constData()[secret.size() - 1] == '\r')
            secret = SecretBytes(secret.view().first(secret.size() - 1));
        if (secret.isEmpty())
            return emptyPassphrase();
        return secret;
    }

    if (useEnvironment && !qEnvironmentVariableIsEmpty(PassphraseVariable)) {
        QByteArray value = qgetenv(PassphraseVariable);
        return SecretBytes::takeFrom(value);
    }

    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0) {
        err << tr("No passphrase given and no terminal to ask it on. Give it with "
                  "--passphrase-file FILE or the environment variable RELAIS_VAULT_PASSPHRASE.")
            << Qt::endl;
        return std::nullopt;
    }
    std::optional<SecretBytes> first = askOnTerminal(tty, tr("Vault passphrase: "));
    std::optional<SecretBytes> second;
    if (first && !first->isEmpty() && confirm)
        second = askOnTerminal(tty, tr("Vault passphrase again: "));
    ::close(tty);
    if (!first) {
        err << tr("Could not read the passphrase from the terminal.") << Qt::endl;
        return std::nullopt;
    }
    if (first->isEmpty())
        return emptyPassphrase();
    if (confirm && (!second || !first->equals(*second))) {
        err << tr("The two passphrases differ; nothing was created. Run the command again.")
            << Qt::endl;
        return std::nullopt;
    }
    return first;
}

} // namespace relais
