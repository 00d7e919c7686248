#include "LxdOperation.h"

#include "LxdClient.h"
#include "LxdError.h"
#include "LxdExchange.h"
#include "LxdResponse.h"
#include "common/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace relais {

namespace {
/// Time allowed to one plain request, and beyond N for a /wait?timeout=N.
constexpr int kRequestTimeoutMs = 30000;
} // namespace

LxdOperation::LxdOperation(LxdClient* client, QByteArray method, QString path, QJsonValue body,
                           QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_method(std::move(method))
    , m_path(std::move(path))
    , m_body(std::move(body))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(Error(
            LxdError::Timeout,
            QStringLiteral("%1 did not end within %2 s").arg(describe()).arg(m_timeoutMs / 1000.0),
            m_operationId.isEmpty()
                ? QStringList{}
                : QStringList{QStringLiteral("operation %1").arg(m_operationId)}));
    });
}

LxdOperation::~LxdOperation()
{
    if (m_exchange) {
        m_exchange->abort();
        delete m_exchange;
    }
}

QString LxdOperation::describe() const
{
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(m_method), m_path);
}

void LxdOperation::start()
{
    if (m_running || m_result)
        return;
    m_running = true;
    m_elapsed.start();
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    QByteArray body;
    if (!m_body.isUndefined() && !m_body.isNull()) {
        body = m_body.isArray() ? QJsonDocument(m_body.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(m_body.toObject()).toJson(QJsonDocument::Compact);
    }
    send(m_method, m_path, body, kRequestTimeoutMs);
}

void LxdOperation::send(const QByteArray& method, const QString& path, const QByteArray& body,
                        int timeoutMs)
{
    if (!m_client) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(Error(LxdError::Unreachable, QStringLiteral("the LXD client is gone"),
                             {describe()}));
            },
            Qt::QueuedConnection);
        return;
    }
    m_exchange = m_client->exchange(method, path, body, timeoutMs, this);
    connect(m_exchange, &LxdExchange::finished, this, &LxdOperation::onExchangeFinished);
    m_exchange->start();
}

void LxdOperation::onExchangeFinished()
{
    LxdExchange* exchange = std::exchange(m_exchange, nullptr);
    exchange->deleteLater();
    if (!m_running)
        return;
    const Result<HttpResponse>& http = exchange->result();
    if (!http) {
        finish(http.error());
        return;
    }
    auto answer = LxdResponse::fromHttp(*http, exchange->describe());
    if (!answer) {
        finish(answer.error());
        return;
    }
    if (m_waiting) {
        if (answer->type != LxdResponse::Type::Sync || !answer->metadata.isObject()) {
            finish(Error(LxdError::ProtocolError,
                         QStringLiteral("LXD's answer to a wait is not an operation"),
                         {exchange->describe()}));
            return;
        }
        onOperationState(LxdOperationState::fromJson(answer->metadata.toObject()));
        return;
    }
    onInitialAnswer(answer->metadata, answer->type == LxdResponse::Type::Async,
                    answer->operationId());
}

void LxdOperation::onInitialAnswer(const QJsonValue& metadata, bool async,
                                   const QString& operationId)
{
    if (!async) {
        finish(metadata);
        return;
    }
    m_operationId = operationId;
    qCDebug(lcLxd) << describe() << "is operation" << m_operationId;
    emit operationCreated(m_operationId);
    if (!m_running)
        return;
    onOperationState(LxdOperationState::fromJson(metadata.toObject()));
}

void LxdOperation::onOperationState(const LxdOperationState& state)
{
    m_state = state;
    switch (state.status) {
    case LxdOperationState::Status::Success:
        finish(QJsonValue(state.metadata));
        return;
    case LxdOperationState::Status::Failure:
        finish(Error(LxdError::OperationFailed,
                     state.err.isEmpty() ? QStringLiteral("the LXD operation failed") : state.err,
                     {describe(), QStringLiteral("operation %1").arg(m_operationId)}));
        return;
    case LxdOperationState::Status::Cancelled:
        finish(Error(LxdError::Cancelled,
                     state.err.isEmpty() ? QStringLiteral("the LXD operation was cancelled")
                                         : state.err,
                     {describe(), QStringLiteral("operation %1").arg(m_operationId)}));
        return;
    case LxdOperationState::Status::Running:
        break;
    }
    const QString text = state.progressText();
    if (!text.isEmpty() && text != m_lastProgress) {
        m_lastProgress = text;
        emit progress(text, state.percent().value_or(-1));
        if (!m_running)
            return;
    }
    waitAgain();
}

void LxdOperation::waitAgain()
{
    int seconds = m_waitSeconds;
    if (m_timeoutMs > 0 && m_timer.isActive())
        seconds = qBound(1, (m_timer.remainingTime() + 999) / 1000, m_waitSeconds);
    m_waiting = true;
    send("GET",
         QStringLiteral("/1.0/operations/%1/wait?timeout=%2")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_operationId)))
             .arg(seconds),
         {}, seconds * 1000 + kRequestTimeoutMs);
}

void LxdOperation::cancel()
{
    if (!m_running)
        return;
    if (m_client && !m_operationId.isEmpty())
        m_client->cancelOperation(m_operationId);
    else if (m_client && m_exchange && !m_waiting)
        m_client->cancelWhenCreated(m_exchange, describe());
    finish(Error(LxdError::Cancelled, QStringLiteral("cancelled: %1").arg(describe()),
                 m_operationId.isEmpty()
                     ? QStringList{}
                     : QStringList{QStringLiteral("operation %1").arg(m_operationId)}));
}

void LxdOperation::finish(Result<QJsonValue> result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    if (m_exchange) {
        LxdExchange* exchange = std::exchange(m_exchange, nullptr);
        if (exchange->parent() == this) {
            exchange->abort();
            exchange->deleteLater();
        }
    }
    if (!result)
        qCDebug(lcLxd) << describe() << "failed:" << result.error().message();
    m_result = std::move(result);
    emit finished();
}

} // namespace relais
