#pragma once

#include "LxdOperationState.h"
#include "common/Result.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace relais {

class LxdClient;
class LxdExchange;

/// One request to LXD as a job, waited on to its real end: a sync answer
/// finishes it at once; an async answer (a background operation) is
/// followed with GET /1.0/operations/ID/wait?timeout=N in a loop, each
/// return reporting progress when LXD gives it, until the operation
/// succeeds, fails or is cancelled.
///
/// start() never blocks; finished() is emitted exactly once, never from
/// start(), also after cancel() or the timeout; result() then holds the
/// answer's metadata (sync) or the operation's metadata (async), or the
/// error with LXD's own text. cancel() stops at once with
/// LxdError::Cancelled and asks LXD to cancel the operation
/// (DELETE /1.0/operations/ID); LXD refuses for operations it cannot stop
/// (may_cancel false), which is logged, and the operation then runs on.
class LxdOperation : public QObject
{
    Q_OBJECT

public:
    /// @p body is sent as JSON when not undefined.
    LxdOperation(LxdClient* client, QByteArray method, QString path, QJsonValue body = {},
                 QObject* parent = nullptr);
    ~LxdOperation() override;

    /// "PUT /1.0/instances/web/state", for messages.
    QString describe() const;
    /// The whole job's limit (0: none); each HTTP exchange has its own too.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// How long each /wait may last before it returns with progress (seconds).
    void setWaitSeconds(int seconds) { m_waitSeconds = qMax(1, seconds); }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_result.has_value(); }
    const Result<QJsonValue>& result() const { return *m_result; }
    /// The background operation's id, once LXD created one.
    const QString& operationId() const { return m_operationId; }
    /// The operation's last known state (async only).
    const std::optional<LxdOperationState>& operationState() const { return m_state; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }

signals:
    /// LXD created a background operation.
    void operationCreated(const QString& id);
    /// @p percent is -1 when LXD gives only a text (or nothing numeric).
    void progress(const QString& text, int percent);
    void finished();

private:
    void send(const QByteArray& method, const QString& path, const QByteArray& body, int timeoutMs);
    void onExchangeFinished();
    void onInitialAnswer(const QJsonValue& metadata, bool async, const QString& operationId);
    void onOperationState(const LxdOperationState& state);
    void waitAgain();
    void finish(Result<QJsonValue> result);

    QPointer<LxdClient> m_client;
    QByteArray m_method;
    QString m_path;
    QJsonValue m_body;
    int m_timeoutMs = 0;
    int m_waitSeconds = 5;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    LxdExchange* m_exchange = nullptr;
    bool m_waiting = false; ///< the exchange is a /wait
    bool m_running = false;
    QString m_operationId;
    QString m_lastProgress;
    std::optional<LxdOperationState> m_state;
    std::optional<Result<QJsonValue>> m_result;
};

} // namespace relais
