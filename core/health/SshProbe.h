#pragma once

#include "TimedProbe.h"

#include <QAbstractSocket>
#include <QByteArray>

class QTcpSocket;

namespace relais {

/// Checks that an SSH server answers: connects and reads the server's
/// identification line (RFC 4253 §4.2), without authenticating.
///
/// - ok when the line starts with "SSH-2.0-" or "SSH-1.99-"; the message is
///   the line ("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"), with any byte that
///   is not printable ASCII escaped as \xNN;
/// - up to MaxPreBannerLines other lines before it are skipped, as the RFC
///   allows; a line is at most 255 bytes plus CR LF;
/// - NotSsh when the server sends something else: another SSH version, a
///   line too long, a NUL byte, too many lines, or closes the connection
///   first; also on timeout when what arrived cannot be the start of a
///   banner;
/// - Timeout when nothing (or only the beginning of a banner) arrived in
///   time; connection errors as TcpProbe.
///
/// The connection is direct (no proxy) and closed once the line is read.
class SshProbe final : public TimedProbe
{
    Q_OBJECT

public:
    /// Lines before the identification that are skipped.
    static constexpr int MaxPreBannerLines = 8;
    /// Longest line accepted, CR LF excluded.
    static constexpr int MaxLineLength = 255;

    SshProbe(QString host, quint16 port, int timeoutMs, QObject* parent = nullptr);
    ~SshProbe() override;

    /// "SSH 10.231.0.10:22".
    QString describe() const override;

    const QString& host() const { return m_host; }
    quint16 port() const { return m_port; }

protected:
    void begin() override;
    void release(bool ok) override;
    ProbeResult timedOut() override;

private:
    void onReadyRead();
    void onErrorOccurred(QAbstractSocket::SocketError error);
    /// Reads what the socket holds, line by line; true when finished.
    bool consume();
    ProbeResult notSsh(const QString& why) const;

    QString m_host;
    quint16 m_port;
    QTcpSocket* m_socket = nullptr;
    QByteArray m_line;      ///< the line being read
    QByteArray m_firstLine; ///< the first complete line, for messages
    int m_skippedLines = 0;
};

} // namespace relais
