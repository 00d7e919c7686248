#pragma once

#include "common/Result.h"
#include "http/HttpRequest.h"
#include "http/HttpResponseParser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class QLocalSocket;

namespace relais {

class LxdTransport;

/// One HTTP request to the daemon over one fresh connection of the
/// transport (`Connection: close`), read with HttpResponseParser. start()
/// never blocks and finished() comes exactly once, never from start().
/// Socket failures become LxdError::Unreachable, a broken answer
/// LxdError::ProtocolError, no answer in time LxdError::Timeout.
class LxdExchange : public QObject
{
    Q_OBJECT

public:
    LxdExchange(LxdTransport* transport, HttpRequest request, int timeoutMs,
                QObject* parent = nullptr);
    ~LxdExchange() override;

    /// "GET /1.0/instances", for messages.
    QString describe() const;
    void start();
    /// Stops without finished().
    void abort();
    bool isFinished() const { return m_result.has_value(); }
    const Result<HttpResponse>& result() const { return *m_result; }

signals:
    void finished();

private:
    void run();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void finish(Result<HttpResponse> result);
    Error unreachable(const QString& why) const;

    QPointer<LxdTransport> m_transport;
    HttpRequest m_request;
    int m_timeoutMs;
    QTimer m_timer;
    QLocalSocket* m_socket = nullptr;
    HttpResponseParser m_parser;
    QString m_path;
    bool m_connected = false;
    bool m_running = false;
    std::optional<Result<HttpResponse>> m_result;
};

} // namespace relais
