#include "SshProbe.h"

#include "TcpProbe.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace relais {

namespace {

/// The line as printable ASCII: other bytes as \xNN; at most @p max bytes
/// of the line are shown, then "...".
QString printable(const QByteArray& line, qsizetype max = SshProbe::MaxLineLength)
{
    QString text;
    const qsizetype shown = std::min(line.size(), max);
    text.reserve(shown);
    for (qsizetype i = 0; i < shown; ++i) {
        const auto byte = static_cast<unsigned char>(line.at(i));
        if (byte >= 0x20 && byte < 0x7f)
            text += QLatin1Char(static_cast<char>(byte));
        else
            text += QStringLiteral("\\x") +
                    QString::number(byte, 16).rightJustified(2, QLatin1Char('0')).toUpper();
    }
    if (shown < line.size())
        text += QStringLiteral("...");
    return text;
}

/// Whether @p start may still grow into an identification line.
bool mayBecomeBanner(const QByteArray& start)
{
    const QByteArray prefix("SSH-");
    return prefix.startsWith(start) || start.startsWith(prefix);
}

} // namespace

SshProbe::SshProbe(QString host, quint16 port, int timeoutMs, QObject* parent)
    : TimedProbe(timeoutMs, parent)
    , m_host(std::move(host))
    , m_port(port)
{}

SshProbe::~SshProbe()
{
    TcpProbe::dropSocket(m_socket, this, false);
}

QString SshProbe::describe() const
{
    return QStringLiteral("SSH ") + TcpProbe::endpoint(m_host, m_port);
}

void SshProbe::begin()
{
    m_line.clear();
    m_firstLine.clear();
    m_skippedLines = 0;
    if (m_host.isEmpty() || m_port == 0) {
        finish(ProbeResult::failure(HealthError::Failed, 0,
                                    QStringLiteral("invalid target ") + describe()));
        return;
    }
    m_socket = new QTcpSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::readyRead, this, &SshProbe::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &SshProbe::onErrorOccurred);
    m_socket->connectToHost(m_host, m_port);
}

void SshProbe::onReadyRead()
{
    consume();
}

bool SshProbe::consume()
{
    constexpr qsizetype MaxRaw = MaxLineLength + 2; // the line and its CR LF
    while (isRunning() && m_socket && m_socket->bytesAvailable() > 0) {
        // Never hold more than one line: read only what the line may still take.
        m_line += m_socket->read(MaxRaw - m_line.size());

        qsizetype newline;
        while ((newline = m_line.indexOf('\n')) >= 0) {
            QByteArray line = m_line.left(newline);
            m_line.remove(0, newline + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            if (m_skippedLines == 0 && m_firstLine.isEmpty())
                m_firstLine = line;

            if (line.size() > MaxLineLength) {
                finish(notSsh(QStringLiteral("a line longer than %1 bytes").arg(MaxLineLength)));
                return true;
            }
            if (line.contains('\0')) {
                finish(notSsh(QStringLiteral("binary data")));
                return true;
            }
            if (line.startsWith("SSH-")) {
                if (line.startsWith("SSH-2.0-") || line.startsWith("SSH-1.99-")) {
                    finish(ProbeResult::success(elapsedMs(), printable(line)));
                } else {
                    m_firstLine = line;
                    finish(notSsh(QStringLiteral("an unsupported SSH protocol version")));
                }
                return true;
            }
            if (++m_skippedLines > MaxPreBannerLines) {
                finish(notSsh(QStringLiteral("no SSH identification in the first %1 lines")
                                  .arg(MaxPreBannerLines + 1)));
                return true;
            }
        }
        if (m_line.contains('\0')) {
            finish(notSsh(QStringLiteral("binary data")));
            return true;
        }
        if (m_line.size() >= MaxRaw) {
            finish(notSsh(QStringLiteral("a line longer than %1 bytes").arg(MaxLineLength)));
            return true;
        }
    }
    return !isRunning();
}

void SshProbe::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        // What arrived before the close may still be the identification.
        if (consume())
            return;
        finish(notSsh(QStringLiteral("the connection closed before an SSH identification")));
        return;
    }
    finish(
        ProbeResult::failure(TcpProbe::healthError(error), elapsedMs(), m_socket->errorString()));
}

ProbeResult SshProbe::timedOut()
{
    const QString why = QStringLiteral("no SSH identification within %1 ms").arg(timeoutMs());
    const bool nothingElse =
        m_skippedLines == 0 && m_firstLine.isEmpty() && mayBecomeBanner(m_line);
    if (nothingElse)
        return ProbeResult::failure(HealthError::Timeout, elapsedMs(), why);
    return notSsh(why);
}

ProbeResult SshProbe::notSsh(const QString& why) const
{
    const QByteArray& shown = m_firstLine.isEmpty() ? m_line : m_firstLine;
    QString message = QStringLiteral("not an SSH server: ") + why;
    if (!shown.isEmpty())
        message += QStringLiteral("; received \"") + printable(shown, 80) + QLatin1Char('"');
    return ProbeResult::failure(HealthError::NotSsh, elapsedMs(), message);
}

void SshProbe::release(bool ok)
{
    TcpProbe::dropSocket(m_socket, this, ok);
    m_line.clear();
}

} // namespace relais
