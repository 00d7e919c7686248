#pragma once

#include "LxdExchange.h"
#include "http/HttpResponseParser.h"

#include <QPointer>
#include <QTimer>

class QLocalSocket;

namespace relais {

class LxdSocketTransport;

/// One HTTP request to the daemon over one fresh connection to the
/// transport's Unix socket (`Connection: close`), read with
/// HttpResponseParser. Socket failures become LxdError::Unreachable, a
/// broken answer LxdError::ProtocolError, no answer in time
/// LxdError::Timeout.
class LxdSocketExchange : public LxdExchange
{
    Q_OBJECT

public:
    LxdSocketExchange(LxdSocketTransport* transport, HttpRequest request, int timeoutMs,
                      QObject* parent = nullptr);
    ~LxdSocketExchange() override;

    void start() override;
    void abort() override;

private:
    void run();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void finish(Result<HttpResponse> result);
    Error unreachable(const QString& why) const;

    QPointer<LxdSocketTransport> m_transport;
    int m_timeoutMs;
    QTimer m_timer;
    QLocalSocket* m_socket = nullptr;
    HttpResponseParser m_parser;
    QString m_path;
    bool m_connected = false;
    bool m_running = false;
};

} // namespace relais
