#pragma once

#include "FakeHttpsServer.h"
#include "dns/OvhApi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QUrlQuery>

namespace relais::test {

/// The OVH API v1 as its documentation describes it, for the zone and
/// failover-IP calls Relais makes, on a FakeHttpsServer under /1.0. Every
/// call but GET /auth/time must carry the application key, a known consumer
/// key, a timestamp within AllowedSkew of the fake's clock and the
/// signature of exactly the method, URL, body and timestamp received; the
/// answers to a wrong one are OVH's (status, errorCode, message).
class OvhFake
{
public:
    static constexpr qint64 AllowedSkew = 30;

    struct Record
    {
        qint64 id;
        QString fieldType;
        QString subDomain;
        QString target;
        qint64 ttl;
    };

    QByteArray applicationKey = "AppKey1234";
    QByteArray applicationSecret = "AppSecret5678";
    QByteArray consumerKey = "ConsumerKey90";
    QString zone = QStringLiteral("example.test");
    QMap<qint64, Record> staged;    ///< the records as the API holds them
    QMap<qint64, Record> published; ///< what the last refresh published
    int refreshes = 0;
    int timeRequests = 0;
    qint64 nextId = 1000;

    // Failover IPs: ip -> service it is routed to; the move's task.
    QMap<QString, QString> routedTo;
    QString taskIp;
    QString taskTarget;
    int taskPollsLeft = 0;
    QString taskFinalStatus = QStringLiteral("done");

    FakeHttpsServer server{[this](const FakeRequest& request) {
        return handle(request);
    }};

    QString endpoint() const
    {
        return QString::fromLatin1(server.origin()) + QStringLiteral("/1.0");
    }
    QByteArray credentials() const
    {
        return applicationKey + ':' + applicationSecret + ':' + consumerKey;
    }
    void addRecord(const QString& sub, const QString& target, qint64 ttl)
    {
        const Record record{nextId, QStringLiteral("A"), sub, target, ttl};
        staged.insert(nextId, record);
        published.insert(nextId, record);
        ++nextId;
    }
    QStringList publishedTargets(const QString& sub) const
    {
        QStringList targets;
        for (const Record& record : published)
            if (record.subDomain == sub)
                targets << record.target;
        targets.sort();
        return targets;
    }

private:
    static FakeResponse error(int status, const char* httpCode, const char* code,
                              const char* message)
    {
        QJsonObject body{{QStringLiteral("httpCode"), QLatin1String(httpCode)},
                         {QStringLiteral("message"), QLatin1String(message)}};
        if (code)
            body.insert(QStringLiteral("errorCode"), QLatin1String(code));
        return {status, QJsonDocument(body).toJson(QJsonDocument::Compact)};
    }
    static FakeResponse json(const QJsonValue& value)
    {
        if (value.isArray())
            return {200, QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)};
        if (value.isObject())
            return {200, QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)};
        return {200, "null"};
    }
    static QJsonObject recordJson(const Record& record, const QString& zone)
    {
        return {{QStringLiteral("id"), record.id},
                {QStringLiteral("fieldType"), record.fieldType},
                {QStringLiteral("subDomain"), record.subDomain},
                {QStringLiteral("target"), record.target},
                {QStringLiteral("ttl"), record.ttl},
                {QStringLiteral("zone"), zone}};
    }

    FakeResponse handle(const FakeRequest& request)
    {
        const QByteArray path = request.path();
        if (!path.startsWith("/1.0/"))
            return error(404, "404 Not Found", nullptr, "Got an invalid (or empty) URL");
        if (request.method == "GET" && path == "/1.0/auth/time") {
            ++timeRequests;
            return {200, QByteArray::number(QDateTime::currentSecsSinceEpoch())};
        }
        if (request.header("x-ovh-application") != applicationKey)
            return error(403, "403 Forbidden", "INVALID_KEY", "Invalid application key");
        if (request.header("x-ovh-consumer") != consumerKey)
            return error(403, "403 Forbidden", "INVALID_CREDENTIAL",
                         "This credential does not exist");
        bool ok = false;
        const qint64 timestamp = request.header("x-ovh-timestamp").toLongLong(&ok);
        if (!ok || qAbs(timestamp - QDateTime::currentSecsSinceEpoch()) > AllowedSkew)
            return error(400, "400 Bad Request", "QUERY_TIME_OUT", "Query out of time");
        const QByteArray expected = OvhApi::signature(
            applicationSecret, consumerKey, request.method,
            QByteArray(server.origin() + request.target), request.body, timestamp);
        if (request.header("x-ovh-signature") != expected)
            return error(400, "400 Bad Request", "INVALID_SIGNATURE", "Invalid signature");
        if (!request.body.isEmpty() &&
            !request.header("content-type").startsWith("application/json"))
            return error(400, "400 Bad Request", nullptr, "Invalid content type");
        return route(request, path);
    }

    FakeResponse route(const FakeRequest& request, const QByteArray& path)
    {
        const QByteArray zonePath = "/1.0/domain/zone/" + zone.toLatin1();
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (path == zonePath + "/record" && request.method == "GET") {
            const QUrlQuery query(QString::fromLatin1(request.target.mid(path.size() + 1)));
            QJsonArray ids;
            for (const Record& record : staged) {
                if (query.hasQueryItem(QStringLiteral("fieldType")) &&
                    query.queryItemValue(QStringLiteral("fieldType")) != record.fieldType)
                    continue;
                if (query.hasQueryItem(QStringLiteral("subDomain")) &&
                    query.queryItemValue(QStringLiteral("subDomain")) != record.subDomain)
                    continue;
                ids.append(record.id);
            }
            return json(ids);
        }
        if (path == zonePath + "/record" && request.method == "POST") {
            if (!body.value(QStringLiteral("fieldType")).isString() ||
                !body.value(QStringLiteral("target")).isString())
                return error(400, "400 Bad Request", nullptr,
                             "Missing parameter(s): fieldType, target");
            const Record record{nextId++, body.value(QStringLiteral("fieldType")).toString(),
                                body.value(QStringLiteral("subDomain")).toString(),
                                body.value(QStringLiteral("target")).toString(),
                                body.value(QStringLiteral("ttl")).toInteger(0)};
            staged.insert(record.id, record);
            return json(recordJson(record, zone));
        }
        if (path.startsWith(QByteArray(zonePath + "/record/"))) {
            const qint64 id = path.mid(zonePath.size() + 8).toLongLong();
            if (!staged.contains(id))
                return error(404, "404 Not Found", nullptr,
                             "The requested object (id = ...) does not exist");
            Record& record = staged[id];
            if (request.method == "GET")
                return json(recordJson(record, zone));
            if (request.method == "DELETE") {
                staged.remove(id);
                return json(QJsonValue());
            }
            if (request.method == "PUT") {
                for (auto it = body.begin(); it != body.end(); ++it) {
                    const QString key = it.key();
                    if (key != QLatin1String("target") && key != QLatin1String("ttl") &&
                        key != QLatin1String("subDomain"))
                        return error(400, "400 Bad Request", nullptr,
                                     "Invalid parameter in the body");
                }
                const QJsonValue target = body.value(QStringLiteral("target"));
                const QJsonValue ttl = body.value(QStringLiteral("ttl"));
                if ((!target.isUndefined() && !target.isString()) ||
                    (!ttl.isUndefined() && !ttl.isDouble()))
                    return error(400, "400 Bad Request", nullptr, "Invalid type of parameter");
                if (target.isString())
                    record.target = target.toString();
                if (ttl.isDouble())
                    record.ttl = ttl.toInteger();
                return json(QJsonValue());
            }
        }
        if (path == zonePath + "/refresh" && request.method == "POST") {
            ++refreshes;
            published = staged;
            return json(QJsonValue());
        }
        if (path.startsWith("/1.0/ip/"))
            return routeIp(request, path, body);
        return error(404, "404 Not Found", nullptr, "The requested object does not exist");
    }

    FakeResponse routeIp(const FakeRequest& request, const QByteArray& path,
                         const QJsonObject& body)
    {
        const QList<QByteArray> parts = path.mid(8).split('/');
        const QString ip = QUrl::fromPercentEncoding(parts.value(0));
        if (!routedTo.contains(ip))
            return error(404, "404 Not Found", nullptr, "The requested object (ip) does not exist");
        if (parts.size() == 1 && request.method == "GET")
            return json(
                QJsonObject{{QStringLiteral("ip"), ip},
                            {QStringLiteral("type"), QStringLiteral("failover")},
                            {QStringLiteral("routedTo"),
                             QJsonObject{{QStringLiteral("serviceName"), routedTo.value(ip)}}}});
        if (parts.size() == 2 && parts[1] == "move" && request.method == "POST") {
            if (!body.value(QStringLiteral("to")).isString())
                return error(400, "400 Bad Request", nullptr, "Missing parameter(s): to");
            taskIp = ip;
            taskTarget = body.value(QStringLiteral("to")).toString();
            return json(
                QJsonObject{{QStringLiteral("taskId"), 4242},
                            {QStringLiteral("function"), QStringLiteral("genericMoveFloatingIp")},
                            {QStringLiteral("status"), QStringLiteral("init")}});
        }
        if (parts.size() == 3 && parts[1] == "task" && request.method == "GET") {
            if (parts[2] != "4242" || taskIp != ip)
                return error(404, "404 Not Found", nullptr,
                             "The requested object (taskId) does not exist");
            QString status = QStringLiteral("doing");
            if (taskPollsLeft-- <= 0) {
                status = taskFinalStatus;
                if (status == QLatin1String("done"))
                    routedTo[ip] = taskTarget;
            }
            return json(
                QJsonObject{{QStringLiteral("taskId"), 4242},
                            {QStringLiteral("function"), QStringLiteral("genericMoveFloatingIp")},
                            {QStringLiteral("status"), status}});
        }
        return error(404, "404 Not Found", nullptr, "The requested object does not exist");
    }
};

} // namespace relais::test
