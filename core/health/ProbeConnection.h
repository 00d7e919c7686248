#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSocketNotifier>
#include <QString>

namespace relais {

/// One TCP connection of a health check, on a bare non-blocking socket: the
/// lean path of TcpProbe and of plain http:// checks (HttpProbe).
///
/// A check opens a connection, maybe writes one request and reads one
/// answer, then drops it: none of QTcpSocket's buffering, proxy lookup,
/// socket engine or per-connection timer is needed, and each of them costs
/// on every check. Here a check is a socket(), a connect(), at most two
/// socket notifiers switched on and off, send()/recv() straight into the
/// caller's parser, and a close().
///
/// - connectToHost() takes an IP address (used as it is) or a name
///   (resolved by QHostInfo, whose cache answers repeated look-ups; the
///   addresses are tried in turn while they refuse or are unreachable).
/// - When the kernel completes the connection during connect() (a server
///   on this machine or behind a local bridge), connected() comes at once,
///   from inside connectToHost(); otherwise when the socket turns writable,
///   with the outcome read from SO_ERROR.
/// - abort() ends the connection with a reset (SO_LINGER {1, 0}): nothing
///   is left in TIME_WAIT and the server gets one RST instead of the FIN
///   exchange. HAProxy closes its health-check connections the same way. A
///   check never has data of its own in flight when it drops the
///   connection (its request was answered, or it gave up), so the reset
///   loses nothing; the server only sees its connection end at once.
/// - Errors are reported with QAbstractSocket's codes and texts close to
///   Qt's, so the probes map them as before (TcpProbe::healthError()).
///
/// Signals may come from inside connectToHost() and send(); a receiver may
/// abort() or start another connection from any of them.
class ProbeConnection : public QObject
{
    Q_OBJECT

public:
    explicit ProbeConnection(QObject* parent = nullptr);
    ~ProbeConnection() override;

    /// Drops any current connection and begins one to @p host:@p port.
    void connectToHost(const QString& host, quint16 port);
    /// Whether a connection is being set up or is up.
    bool isActive() const { return m_fd >= 0 || m_lookupPending; }
    bool isConnected() const { return m_connected; }

    /// Queues @p data for the connection: written at once as far as the
    /// socket takes it, the rest when it can take more.
    void send(const QByteArray& data);
    /// Reads up to @p max bytes into @p data: the count read; 0 when
    /// nothing more is there for now; -1 when the connection ended (the
    /// peer closed it, or an error: see error()).
    qint64 read(char* data, qint64 max);

    /// Ends the connection with a reset (or stops connecting); no signal
    /// follows.
    void abort();

    QAbstractSocket::SocketError error() const { return m_error; }
    const QString& errorString() const { return m_errorString; }

    /// The QAbstractSocket error and message for a socket errno.
    static QAbstractSocket::SocketError socketError(int errnoValue, QString* message = nullptr);

    /// Whether the connection, once up, watches for bytes to read (an
    /// answer): off by default, since a bare TCP check reads nothing.
    void setReading(bool on) { m_reading = on; }

    /// Whether connectToHost() checks at once if the connection completed
    /// during connect() (on by default); off, it always waits for the
    /// socket to turn writable.
    void setEarlyCompletion(bool on) { m_earlyCompletion = on; }

signals:
    void connected();
    /// Bytes to read(), or the end of the connection (read() says -1).
    void readyRead();
    /// The connection could not be made; error() says why.
    void errorOccurred(QAbstractSocket::SocketError error);

private:
    void connectToNext();
    void onLookedUp(quint64 generation, const QList<QHostAddress>& addresses,
                    const QString& lookupError);
    void onWritable();
    void onReadable();
    /// Connect failed with @p errnoValue: the next address, or errorOccurred().
    void failConnect(int errnoValue);
    void becomeConnected();
    bool flush();
    void closeSocket(bool reset);

    QSocketNotifier m_readNotifier;
    QSocketNotifier m_writeNotifier;
    int m_fd = -1;
    quint16 m_port = 0;
    QList<QHostAddress> m_addresses; ///< still to try
    quint64 m_generation = 0;        ///< tells a stale host look-up from the current one
    bool m_lookupPending = false;
    bool m_connected = false;
    bool m_earlyCompletion = true;
    bool m_reading = false;
    QByteArray m_pending; ///< request bytes not yet taken by the socket
    QAbstractSocket::SocketError m_error = QAbstractSocket::UnknownSocketError;
    QString m_errorString;
};

} // namespace relais
