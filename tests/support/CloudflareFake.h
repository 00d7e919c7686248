#pragma once

#include "FakeHttpsServer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QUrlQuery>

namespace relais::test {

/// The Cloudflare API v4 as documented, for the calls Relais makes, on a
/// FakeHttpsServer under /client/v4: the bearer token, the paths, and each
/// body field's presence, type and range; answers in the {"success",
/// "errors", "messages", "result"} envelope.
class CloudflareFake
{
public:
    struct Record
    {
        QString id;
        QString type;
        QString name;
        QString content;
        qint64 ttl;
        bool proxied;
    };

    QByteArray token = "cf-token-0123456789";
    QString zoneName = QStringLiteral("example.test");
    QString zoneId = QStringLiteral("023e105f4ecef8ad9ca31a8372d0c353");
    QMap<QString, Record> records;
    int nextId = 1;

    FakeHttpsServer server{[this](const FakeRequest& request) {
        return handle(request);
    }};

    QString endpoint() const
    {
        return QString::fromLatin1(server.origin()) + QStringLiteral("/client/v4");
    }
    void addRecord(const QString& name, const QString& content, qint64 ttl, bool proxied = false)
    {
        const QString id = QStringLiteral("rec%1").arg(nextId++);
        records.insert(id, Record{id, QStringLiteral("A"), name, content, ttl, proxied});
    }
    QStringList contents(const QString& name) const
    {
        QStringList list;
        for (const Record& record : records)
            if (record.name == name)
                list << record.content;
        list.sort();
        return list;
    }

private:
    static FakeResponse envelope(int status, const QJsonValue& result,
                                 const QJsonArray& errors = {})
    {
        const QJsonObject body{{QStringLiteral("success"), errors.isEmpty()},
                               {QStringLiteral("errors"), errors},
                               {QStringLiteral("messages"), QJsonArray()},
                               {QStringLiteral("result"), result}};
        return {status, QJsonDocument(body).toJson(QJsonDocument::Compact)};
    }
    static FakeResponse error(int status, int code, const QString& message)
    {
        return envelope(
            status, QJsonValue::Null,
            {QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}});
    }
    static QJsonObject toJson(const Record& record)
    {
        return {{QStringLiteral("id"), record.id},     {QStringLiteral("type"), record.type},
                {QStringLiteral("name"), record.name}, {QStringLiteral("content"), record.content},
                {QStringLiteral("ttl"), record.ttl},   {QStringLiteral("proxied"), record.proxied},
                {QStringLiteral("proxiable"), true}};
    }

    /// The checks of a record body (PUT or POST); empty when valid.
    std::optional<FakeResponse> invalid(const QJsonObject& body) const
    {
        const QJsonValue type = body.value(QStringLiteral("type"));
        const QJsonValue name = body.value(QStringLiteral("name"));
        const QJsonValue content = body.value(QStringLiteral("content"));
        const QJsonValue ttl = body.value(QStringLiteral("ttl"));
        const QJsonValue proxied = body.value(QStringLiteral("proxied"));
        if (!type.isString() ||
            (type.toString() != QLatin1String("A") && type.toString() != QLatin1String("AAAA")))
            return error(400, 9004, QStringLiteral("This record type is not supported."));
        if (!name.isString() || name.toString().isEmpty())
            return error(400, 9007, QStringLiteral("Content for name is invalid."));
        const QHostAddress address(content.toString());
        if (!content.isString() || address.isNull() ||
            (type.toString() == QLatin1String("A")) !=
                (address.protocol() == QAbstractSocket::IPv4Protocol))
            return error(400, 9005,
                         QStringLiteral("Content for A record is invalid. Must be a valid IPv4 "
                                        "address"));
        const qint64 seconds = ttl.toInteger(-1);
        if (!ttl.isDouble() || ttl.toDouble() != double(seconds) ||
            (seconds != 1 && (seconds < 60 || seconds > 86400)))
            return error(400, 9021,
                         QStringLiteral("Invalid TTL. Must be between 60 and 86400 seconds, or 1 "
                                        "for Automatic."));
        if (!proxied.isUndefined() && !proxied.isBool())
            return error(400, 9003, QStringLiteral("Invalid 'proxied' value, must be a boolean"));
        return std::nullopt;
    }

    FakeResponse handle(const FakeRequest& request)
    {
        const QByteArray authorization = request.header("authorization");
        if (!authorization.startsWith("Bearer "))
            return error(400, 6003, QStringLiteral("Invalid request headers"));
        if (authorization.mid(7) != token)
            return error(403, 10000, QStringLiteral("Authentication error"));
        const QByteArray path = request.path();
        const QUrlQuery query(QString::fromLatin1(request.target.mid(path.size() + 1)));
        if (path == "/client/v4/zones" && request.method == "GET") {
            QJsonArray zones;
            if (query.queryItemValue(QStringLiteral("name")) == zoneName)
                zones.append(QJsonObject{{QStringLiteral("id"), zoneId},
                                         {QStringLiteral("name"), zoneName}});
            return envelope(200, zones);
        }
        const QByteArray recordsPath = "/client/v4/zones/" + zoneId.toLatin1() + "/dns_records";
        if (!path.startsWith(recordsPath))
            return error(404, 7003,
                         QStringLiteral("Could not route to %1, perhaps your object "
                                        "identifier is invalid?")
                             .arg(QString::fromLatin1(path)));
        const QString id = QString::fromLatin1(path.mid(recordsPath.size() + 1));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (id.isEmpty() && request.method == "GET") {
            QJsonArray list;
            for (const Record& record : records) {
                if (query.hasQueryItem(QStringLiteral("type")) &&
                    query.queryItemValue(QStringLiteral("type")) != record.type)
                    continue;
                if (query.hasQueryItem(QStringLiteral("name")) &&
                    query.queryItemValue(QStringLiteral("name")) != record.name)
                    continue;
                list.append(toJson(record));
            }
            return envelope(200, list);
        }
        if (id.isEmpty() && request.method == "POST") {
            if (const std::optional<FakeResponse> bad = invalid(body))
                return *bad;
            const QString newId = QStringLiteral("rec%1").arg(nextId++);
            const Record record{newId,
                                body.value(QStringLiteral("type")).toString(),
                                body.value(QStringLiteral("name")).toString(),
                                body.value(QStringLiteral("content")).toString(),
                                body.value(QStringLiteral("ttl")).toInteger(),
                                body.value(QStringLiteral("proxied")).toBool()};
            records.insert(newId, record);
            return envelope(200, toJson(record));
        }
        if (!records.contains(id))
            return error(404, 81044, QStringLiteral("Record does not exist."));
        if (request.method == "DELETE") {
            records.remove(id);
            return envelope(200, QJsonObject{{QStringLiteral("id"), id}});
        }
        if (request.method == "PUT") {
            if (const std::optional<FakeResponse> bad = invalid(body))
                return *bad;
            Record& record = records[id];
            record.type = body.value(QStringLiteral("type")).toString();
            record.name = body.value(QStringLiteral("name")).toString();
            record.content = body.value(QStringLiteral("content")).toString();
            record.ttl = body.value(QStringLiteral("ttl")).toInteger();
            record.proxied = body.value(QStringLiteral("proxied")).toBool();
            return envelope(200, toJson(record));
        }
        return error(405, 10405, QStringLiteral("Method not allowed"));
    }
};

} // namespace relais::test
