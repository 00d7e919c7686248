#include "LxdClient.h"

#include "LxdExchange.h"
#include "LxdExecJob.h"
#include "LxdOperation.h"
#include "LxdResponse.h"
#include "LxdSocketExchange.h"
#include "LxdTransport.h"
#include "common/Logging.h"

#include <QJsonObject>
#include <QUrl>

namespace relais {

namespace {
constexpr int kCancelTimeoutMs = 30000;
}

LxdClient::LxdClient(LxdTransport* transport, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
{
    if (transport)
        transport->setParent(this);
}

LxdClient::~LxdClient() = default;

LxdTransport* LxdClient::transport() const
{
    return m_transport;
}

QString LxdClient::instancePath(const QString& name)
{
    return QStringLiteral("/1.0/instances/%1")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(name)));
}

LxdExchange* LxdClient::exchange(const QByteArray& method, const QString& path,
                                 const QByteArray& body, int timeoutMs, QObject* parent)
{
    HttpRequest request;
    request.method = method;
    request.target = path.toUtf8();
    request.host = "lxd";
    request.headers = {{"User-Agent", "Relais"}, {"Accept", "application/json"}};
    if (!body.isEmpty())
        request.headers.append(HttpHeader("Content-Type", "application/json"));
    request.body = body;
    if (!m_transport) // answers "the LXD transport is gone"
        return new LxdSocketExchange(nullptr, std::move(request), timeoutMs, parent);
    return m_transport->createExchange(std::move(request), timeoutMs, parent);
}

LxdOperation* LxdClient::request(const QByteArray& method, const QString& path, QJsonValue body)
{
    return new LxdOperation(this, method, path, std::move(body), this);
}

LxdOperation* LxdClient::listInstances()
{
    return request("GET", QStringLiteral("/1.0/instances?recursion=2"));
}

LxdOperation* LxdClient::listInstancesBrief()
{
    return request("GET", QStringLiteral("/1.0/instances?recursion=1"));
}

LxdOperation* LxdClient::createInstance(const QString& name, const QString& imageAlias)
{
    const QJsonObject body{
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), QStringLiteral("container")},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                               {QStringLiteral("alias"), imageAlias}}},
    };
    return request("POST", QStringLiteral("/1.0/instances"), body);
}

LxdOperation* LxdClient::deleteInstance(const QString& name)
{
    return request("DELETE", instancePath(name));
}

LxdOperation* LxdClient::startInstance(const QString& name)
{
    return request("PUT", instancePath(name) + QStringLiteral("/state"),
                   QJsonObject{{QStringLiteral("action"), QStringLiteral("start")}});
}

LxdOperation* LxdClient::stopInstance(const QString& name, int timeoutSeconds, bool force)
{
    return request("PUT", instancePath(name) + QStringLiteral("/state"),
                   QJsonObject{{QStringLiteral("action"), QStringLiteral("stop")},
                               {QStringLiteral("timeout"), force ? -1 : timeoutSeconds},
                               {QStringLiteral("force"), force}});
}

LxdOperation* LxdClient::restartInstance(const QString& name, int timeoutSeconds, bool force)
{
    return request("PUT", instancePath(name) + QStringLiteral("/state"),
                   QJsonObject{{QStringLiteral("action"), QStringLiteral("restart")},
                               {QStringLiteral("timeout"), force ? -1 : timeoutSeconds},
                               {QStringLiteral("force"), force}});
}

LxdOperation* LxdClient::createSnapshot(const QString& instance, const QString& snapshot,
                                        const QDateTime& expiresAt)
{
    QJsonObject body{{QStringLiteral("name"), snapshot}};
    if (expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"), expiresAt.toUTC().toString(Qt::ISODate));
    return request("POST", instancePath(instance) + QStringLiteral("/snapshots"), body);
}

LxdOperation* LxdClient::listSnapshots(const QString& instance)
{
    return request("GET", instancePath(instance) + QStringLiteral("/snapshots?recursion=1"));
}

LxdOperation* LxdClient::deleteSnapshot(const QString& instance, const QString& snapshot)
{
    return request("DELETE", instancePath(instance) + QStringLiteral("/snapshots/") +
                                 QString::fromLatin1(QUrl::toPercentEncoding(snapshot)));
}

LxdOperation* LxdClient::restoreSnapshot(const QString& instance, const QString& snapshot)
{
    return request("PUT", instancePath(instance),
                   QJsonObject{{QStringLiteral("restore"), snapshot}});
}

LxdOperation* LxdClient::instance(const QString& name)
{
    return request("GET", instancePath(name));
}

LxdOperation* LxdClient::setSnapshotSettings(const QString& instance,
                                             const LxdSnapshotSettings& settings)
{
    return patchConfig(instance, settings.toConfig());
}

LxdOperation* LxdClient::patchConfig(const QString& instance, const QJsonObject& config)
{
    return request("PATCH", instancePath(instance),
                   QJsonObject{{QStringLiteral("config"), config}});
}

LxdExecJob* LxdClient::exec(const QString& instance, const QStringList& command)
{
    return new LxdExecJob(this, instance, command, this);
}

void LxdClient::cancelOperation(const QString& id)
{
    const QString path =
        QStringLiteral("/1.0/operations/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
    LxdExchange* del = exchange("DELETE", path, {}, kCancelTimeoutMs, this);
    connect(del, &LxdExchange::finished, this, [this, del, id] {
        del->deleteLater();
        const Result<HttpResponse>& http = del->result();
        std::optional<Error> error;
        if (!http) {
            error = http.error();
        } else if (auto answer = LxdResponse::fromHttp(*http, del->describe()); !answer) {
            error = answer.error();
        }
        if (error) {
            qCInfo(lcLxd) << "LXD did not cancel operation" << id << ":" << error->message();
            emit cancelFailed(id, *error);
        }
    });
    del->start();
}

void LxdClient::cancelWhenCreated(LxdExchange* exchange, const QString& what)
{
    exchange->disconnect();
    exchange->setParent(this);
    connect(exchange, &LxdExchange::finished, this, [this, exchange, what] {
        exchange->deleteLater();
        const Result<HttpResponse>& http = exchange->result();
        if (!http)
            return;
        auto answer = LxdResponse::fromHttp(*http, what);
        if (answer && answer->type == LxdResponse::Type::Async)
            cancelOperation(answer->operationId());
    });
}

} // namespace relais
