#pragma once

#include "FakeHttpsServer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace relais::test {

/// Gandi's LiveDNS API v5 as documented, for the calls Relais makes, on a
/// FakeHttpsServer under /v5/livedns: "Authorization: Bearer PAT" or the
/// deprecated "Authorization: Apikey KEY", the record path, and the body's
/// rrset_ttl (integer, 300 to 2592000) and rrset_values (IP strings). On
/// /domains/ZONE/records/NAME/TYPE: GET reads the RRset, PUT replaces (or
/// creates) it, POST creates it (409 when it exists), DELETE removes it
/// (204; 404 when there is none).
class GandiFake
{
public:
    struct RrSet
    {
        qint64 ttl;
        QStringList values;
    };

    QByteArray token = "gandi-pat-abcdef";
    QByteArray apiKey = "gandi-legacy-key";
    QString zone = QStringLiteral("example.test");
    QMap<QString, RrSet> records; ///< "www/A" -> RRset

    FakeHttpsServer server{[this](const FakeRequest& request) {
        return handle(request);
    }};

    QString endpoint() const
    {
        return QString::fromLatin1(server.origin()) + QStringLiteral("/v5/livedns");
    }

private:
    static FakeResponse error(int status, const QString& object, const QString& cause,
                              const QString& message, const QJsonArray& errors = {})
    {
        QJsonObject body{{QStringLiteral("code"), status},
                         {QStringLiteral("object"), object},
                         {QStringLiteral("cause"), cause},
                         {QStringLiteral("message"), message}};
        if (!errors.isEmpty())
            body.insert(QStringLiteral("errors"), errors);
        return {status, QJsonDocument(body).toJson(QJsonDocument::Compact)};
    }
    static FakeResponse invalidField(const QString& name, const QString& description)
    {
        return error(400, QStringLiteral("dns-record"), QStringLiteral("Bad Request"),
                     QStringLiteral("Validation error"),
                     {QJsonObject{{QStringLiteral("location"), QStringLiteral("body")},
                                  {QStringLiteral("name"), name},
                                  {QStringLiteral("description"), description}}});
    }

    FakeResponse handle(const FakeRequest& request)
    {
        const QByteArray authorization = request.header("authorization");
        if (authorization != "Bearer " + token && authorization != "Apikey " + apiKey)
            return error(401, QStringLiteral("HTTPUnauthorized"), QStringLiteral("Unauthorized"),
                         QStringLiteral("The server could not verify that you authorized to "
                                        "access the document you requested."));
        const QByteArray prefix = "/v5/livedns/domains/" + zone.toLatin1() + "/records/";
        const QByteArray path = request.path();
        if (!path.startsWith(prefix))
            return error(404, QStringLiteral("domain"), QStringLiteral("Not Found"),
                         QStringLiteral("Unknown domain"));
        const QString key = QString::fromLatin1(path.mid(prefix.size()));
        if (request.method == "GET") {
            if (!records.contains(key))
                return error(404, QStringLiteral("dns-record"), QStringLiteral("Not Found"),
                             QStringLiteral("Can't find the DNS record %1 in the zone").arg(key));
            const RrSet& rrset = records[key];
            const QJsonObject body{
                {QStringLiteral("rrset_name"), key.section(QLatin1Char('/'), 0, 0)},
                {QStringLiteral("rrset_type"), key.section(QLatin1Char('/'), 1, 1)},
                {QStringLiteral("rrset_ttl"), rrset.ttl},
                {QStringLiteral("rrset_values"), QJsonArray::fromStringList(rrset.values)}};
            return {200, QJsonDocument(body).toJson(QJsonDocument::Compact)};
        }
        if (request.method == "DELETE") {
            // DELETE /domains/ZONE/records/NAME/TYPE: 204, no body.
            if (!request.body.isEmpty())
                return error(400, QStringLiteral("dns-record"), QStringLiteral("Bad Request"),
                             QStringLiteral("Unexpected body"));
            if (records.remove(key) == 0)
                return error(404, QStringLiteral("dns-record"), QStringLiteral("Not Found"),
                             QStringLiteral("Can't find the DNS record %1 in the zone").arg(key));
            return {204, {}};
        }
        if (request.method == "POST" && records.contains(key)) {
            // POST creates the RRset of the path; an existing one is a conflict.
            return error(409, QStringLiteral("HTTPConflict"), QStringLiteral("Conflict"),
                         QStringLiteral("A DNS Record already exists with same name and type"));
        }
        if (request.method == "PUT" || request.method == "POST") {
            if (!request.header("content-type").startsWith("application/json"))
                return error(415, QStringLiteral("HTTPUnsupportedMediaType"),
                             QStringLiteral("Unsupported Media Type"),
                             QStringLiteral("Expected application/json"));
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            const QJsonValue ttl = body.value(QStringLiteral("rrset_ttl"));
            const QJsonValue values = body.value(QStringLiteral("rrset_values"));
            const qint64 seconds = ttl.toInteger(-1);
            if (!ttl.isUndefined() && (!ttl.isDouble() || ttl.toDouble() != double(seconds) ||
                                       seconds < 300 || seconds > 2592000))
                return invalidField(QStringLiteral("rrset_ttl"),
                                    QStringLiteral("Must be between 300 and 2592000."));
            if (!values.isArray() || values.toArray().isEmpty())
                return invalidField(QStringLiteral("rrset_values"),
                                    QStringLiteral("Missing data for required field."));
            QStringList list;
            for (const QJsonValue& value : values.toArray()) {
                if (!value.isString() || QHostAddress(value.toString()).isNull())
                    return invalidField(QStringLiteral("rrset_values"),
                                        QStringLiteral("Not a valid address."));
                list << value.toString();
            }
            records[key] = RrSet{ttl.isUndefined() ? 10800 : seconds, list};
            return {201, R"({"message":"DNS Record Created"})"};
        }
        return error(405, QStringLiteral("HTTPMethodNotAllowed"),
                     QStringLiteral("Method Not Allowed"), QStringLiteral("Method not allowed"));
    }
};

} // namespace relais::test
