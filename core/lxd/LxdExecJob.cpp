#include "LxdExecJob.h"

#include "LxdClient.h"
#include "LxdError.h"
#include "LxdExchange.h"
#include "LxdOperation.h"
#include "LxdResponse.h"
#include "common/Logging.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace relais {

namespace {
constexpr int kFetchTimeoutMs = 30000;
}

LxdExecJob::LxdExecJob(LxdClient* client, QString instance, QStringList command, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_instance(std::move(instance))
    , m_command(std::move(command))
{}

LxdExecJob::~LxdExecJob()
{
    delete m_op;
    for (LxdExchange* exchange : std::as_const(m_fetches)) {
        exchange->abort();
        delete exchange;
    }
}

void LxdExecJob::start()
{
    if (m_running || m_result)
        return;
    m_running = true;
    if (!m_client) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(Error(LxdError::Unreachable, QStringLiteral("the LXD client is gone")));
            },
            Qt::QueuedConnection);
        return;
    }
    QJsonObject environment;
    for (auto it = m_environment.cbegin(); it != m_environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    const QJsonObject body{{QStringLiteral("command"), QJsonArray::fromStringList(m_command)},
                           {QStringLiteral("environment"), environment},
                           {QStringLiteral("wait-for-websocket"), false},
                           {QStringLiteral("record-output"), true},
                           {QStringLiteral("interactive"), false}};
    m_op = m_client->request("POST",
                             QStringLiteral("/1.0/instances/%1/exec")
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_instance))),
                             body);
    m_op->setParent(this);
    if (m_timeoutMs > 0)
        m_op->setTimeout(m_timeoutMs);
    connect(m_op, &LxdOperation::finished, this, &LxdExecJob::onExecuted);
    m_op->start();
}

void LxdExecJob::onExecuted()
{
    LxdOperation* op = std::exchange(m_op, nullptr);
    op->deleteLater();
    const Result<QJsonValue>& result = op->result();
    if (!result) {
        finish(result.error());
        return;
    }
    const QJsonObject metadata = result->toObject();
    const QJsonValue exitCode = metadata.value(QStringLiteral("return"));
    if (!exitCode.isDouble()) {
        finish(Error(LxdError::ProtocolError,
                     QStringLiteral("LXD's exec result has no exit status"), {op->describe()}));
        return;
    }
    m_output.exitCode = exitCode.toInt();
    const QJsonObject output = metadata.value(QStringLiteral("output")).toObject();
    const QString out = output.value(QStringLiteral("1")).toString();
    const QString err = output.value(QStringLiteral("2")).toString();
    if (!out.isEmpty())
        fetch(out, &LxdExecResult::standardOutput);
    if (!err.isEmpty())
        fetch(err, &LxdExecResult::standardError);
    if (m_fetches.isEmpty())
        finish(m_output);
}

void LxdExecJob::fetch(const QString& path, QByteArray LxdExecResult::*target)
{
    m_logs << path;
    LxdExchange* exchange = m_client->exchange("GET", path, {}, kFetchTimeoutMs, this);
    m_fetches << exchange;
    connect(exchange, &LxdExchange::finished, this,
            [this, exchange, target] { onFetched(exchange, target); });
    exchange->start();
}

void LxdExecJob::onFetched(LxdExchange* exchange, QByteArray LxdExecResult::*target)
{
    m_fetches.removeOne(exchange);
    exchange->deleteLater();
    if (!m_running)
        return;
    const Result<HttpResponse>& http = exchange->result();
    if (!http) {
        finish(http.error());
        return;
    }
    if (http->status != 200) {
        // An error answer is LXD's JSON envelope: its text and code.
        auto answer = LxdResponse::fromHttp(*http, exchange->describe());
        finish(answer ? Error(LxdError::ProtocolError,
                              QStringLiteral("LXD did not give the command's output"),
                              {exchange->describe()})
                      : answer.error());
        return;
    }
    m_output.*target = http->body;
    if (m_fetches.isEmpty())
        finish(m_output);
}

void LxdExecJob::removeLogs()
{
    if (!m_client)
        return;
    for (const QString& path : std::as_const(m_logs)) {
        LxdExchange* del = m_client->exchange("DELETE", path, {}, kFetchTimeoutMs, m_client);
        connect(del, &LxdExchange::finished, del, &QObject::deleteLater);
        del->start();
    }
    m_logs.clear();
}

void LxdExecJob::cancel()
{
    if (!m_running)
        return;
    if (m_op) {
        LxdOperation* op = std::exchange(m_op, nullptr);
        op->disconnect(this);
        op->cancel();
        op->deleteLater();
    }
    finish(Error(LxdError::Cancelled, QStringLiteral("cancelled: exec in %1: %2")
                                          .arg(m_instance, m_command.join(QLatin1Char(' ')))));
}

void LxdExecJob::finish(Result<LxdExecResult> result)
{
    if (!m_running)
        return;
    m_running = false;
    for (LxdExchange* exchange : std::as_const(m_fetches)) {
        exchange->abort();
        exchange->deleteLater();
    }
    m_fetches.clear();
    removeLogs();
    if (!result)
        qCDebug(lcLxd) << "exec in" << m_instance << "failed:" << result.error().message();
    m_result = std::move(result);
    emit finished();
}

} // namespace relais
