#include "OvhProvider.h"

#include "DnsApiError.h"

#include <QJsonArray>
#include <QJsonObject>

namespace relais {

OvhProvider::OvhProvider(OvhApi api, QString zone, QObject* parent)
    : HttpDnsProvider(std::move(zone), parent)
    , m_api(std::move(api))
{}

Result<std::unique_ptr<OvhProvider>>
OvhProvider::create(QUrl endpoint, QString zone, const SecretBytes& credentials, const Clock* clock)
{
    Result<OvhApi> api = OvhApi::create(std::move(endpoint), credentials, clock);
    if (!api)
        return api.error();
    return std::make_unique<OvhProvider>(std::move(api).value(), std::move(zone));
}

QString OvhProvider::what() const
{
    return QStringLiteral("OVH, zone %1").arg(zone());
}

void OvhProvider::fetch(const QString& name, DnsRecordType type, RecordsHandler handler)
{
    QString sub = relativeName(name, zone());
    if (sub == QLatin1String("@"))
        sub.clear();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fieldType"), QLatin1String(dnsRecordTypeName(type)));
    query.addQueryItem(QStringLiteral("subDomain"), sub);
    const QUrl url = m_api.url(QStringLiteral("/domain/zone/%1/record").arg(zone()), query);
    m_api.send(client(), "GET", url, {}, [this, handler](const HttpApiReply& reply) {
        if (!reply.isSuccess()) {
            handler(OvhApi::replyError(reply, what()));
            return;
        }
        Result<QJsonDocument> json = parseJson(reply, what());
        if (!json) {
            handler(json.error());
            return;
        }
        if (!json->isArray()) {
            handler(Error(DnsApiError::Malformed,
                          QStringLiteral("%1: the record list is not an array").arg(what())));
            return;
        }
        QList<qint64> ids;
        for (const QJsonValue& value : json->array()) {
            if (!value.isDouble()) {
                handler(Error(DnsApiError::Malformed,
                              QStringLiteral("%1: a record id is not a number").arg(what())));
                return;
            }
            ids << value.toInteger();
        }
        fetchEach(ids, {}, handler);
    });
}

void OvhProvider::fetchEach(QList<qint64> ids, QList<Record> records, RecordsHandler handler)
{
    if (ids.isEmpty()) {
        handler(records);
        return;
    }
    const qint64 id = ids.takeFirst();
    const QUrl url = m_api.url(QStringLiteral("/domain/zone/%1/record/%2").arg(zone()).arg(id));
    m_api.send(
        client(), "GET", url, {},
        [this, id, ids, records, handler](const HttpApiReply& reply) mutable {
            if (!reply.isSuccess()) {
                handler(OvhApi::replyError(reply, what()));
                return;
            }
            const QJsonObject object = QJsonDocument::fromJson(reply.body).object();
            Record record;
            record.id = id;
            record.target = QHostAddress(object.value(QLatin1String("target")).toString());
            record.ttl = object.value(QLatin1String("ttl")).toInteger(0);
            if (record.target.isNull()) {
                handler(
                    Error(DnsApiError::Malformed,
                          QStringLiteral("%1: record %2 has no valid target").arg(what()).arg(id)));
                return;
            }
            records << record;
            fetchEach(ids, records, handler);
        });
}

DnsRecordState OvhProvider::stateOf(const QString& name, DnsRecordType type,
                                    const QList<Record>& records)
{
    DnsRecordState state;
    state.name = name;
    state.type = type;
    for (const Record& record : records) {
        state.addresses << record.target;
        state.ttl = record.ttl;
    }
    return state;
}

void OvhProvider::beginRead(const QString& name, DnsRecordType type)
{
    fetch(name, type, [this, name, type](const Result<QList<Record>>& records) {
        if (!records)
            finishRead(records.error());
        else
            finishRead(stateOf(name, type, *records));
    });
}

void OvhProvider::beginChange(const DnsRecordChange& change)
{
    fetch(change.name, change.type, [this, change](const Result<QList<Record>>& records) {
        if (!records) {
            finishChange(records.error());
            return;
        }
        const DnsRecordState state = stateOf(change.name, change.type, *records);
        if (const std::optional<Error> mismatch = compareExpected(state, change)) {
            finishChange(*mismatch);
            return;
        }
        QString sub = relativeName(change.name, zone());
        if (sub == QLatin1String("@"))
            sub.clear();
        QList<Step> steps;
        const QString base = QStringLiteral("/domain/zone/%1/record").arg(zone());
        for (qsizetype i = 0; i < qMax(records->size(), change.addresses.size()); ++i) {
            if (i < records->size() && i < change.addresses.size()) {
                const QJsonObject body{{QStringLiteral("target"), change.addresses[i].toString()},
                                       {QStringLiteral("ttl"), change.ttl}};
                steps << Step{"PUT", m_api.url(base + QStringLiteral("/%1").arg((*records)[i].id)),
                              QJsonDocument(body).toJson(QJsonDocument::Compact)};
            } else if (i < change.addresses.size()) {
                const QJsonObject body{
                    {QStringLiteral("fieldType"), QLatin1String(dnsRecordTypeName(change.type))},
                    {QStringLiteral("subDomain"), sub},
                    {QStringLiteral("target"), change.addresses[i].toString()},
                    {QStringLiteral("ttl"), change.ttl}};
                steps << Step{"POST", m_api.url(base),
                              QJsonDocument(body).toJson(QJsonDocument::Compact)};
            } else {
                steps << Step{
                    "DELETE", m_api.url(base + QStringLiteral("/%1").arg((*records)[i].id)), {}};
            }
        }
        steps << Step{"POST", m_api.url(QStringLiteral("/domain/zone/%1/refresh").arg(zone())), {}};
        runSteps(steps);
    });
}

void OvhProvider::runSteps(QList<Step> steps)
{
    if (steps.isEmpty()) {
        DnsChangeResult result;
        result.latencyMs = elapsedMs();
        finishChange(result);
        return;
    }
    const Step step = steps.takeFirst();
    m_api.send(client(), step.verb, step.url, step.body, [this, steps](const HttpApiReply& reply) {
        if (!reply.isSuccess()) {
            finishChange(OvhApi::replyError(reply, what()));
            return;
        }
        runSteps(steps);
    });
}

} // namespace relais
