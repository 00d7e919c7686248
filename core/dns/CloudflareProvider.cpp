#include "CloudflareProvider.h"

#include "DnsApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace relais {

namespace {

QString absolute(const QString& name)
{
    QString fqdn = name.toLower();
    if (fqdn.endsWith(QLatin1Char('.')))
        fqdn.chop(1);
    return fqdn;
}

/// "Authentication error (10000); ..." from the envelope's errors.
QString errorsOf(const QJsonObject& envelope)
{
    QStringList texts;
    for (const QJsonValue& value : envelope.value(QLatin1String("errors")).toArray()) {
        const QJsonObject error = value.toObject();
        texts << QStringLiteral("%1 (%2)").arg(
            error.value(QLatin1String("message")).toString(),
            QString::number(error.value(QLatin1String("code")).toInteger()));
    }
    return texts.join(QStringLiteral("; "));
}

} // namespace

CloudflareProvider::CloudflareProvider(QUrl endpoint, QString zone, SecretBytes token,
                                       QObject* parent)
    : HttpDnsProvider(std::move(zone), parent)
    , m_endpoint(endpoint.isEmpty() ? QUrl(QLatin1String(DefaultEndpoint)) : std::move(endpoint))
    , m_token(std::move(token))
{}

std::optional<Error> CloudflareProvider::checkChange(const DnsRecordChange& change) const
{
    // 1 means "automatic"; otherwise 60 to 86400 seconds.
    if (!change.isDeletion() && change.ttl != 1 && (change.ttl < 60 || change.ttl > 86400))
        return Error(DnsApiError::BadRequest,
                     QStringLiteral("Cloudflare accepts a TTL of 60 to 86400 seconds, not %1")
                         .arg(change.ttl));
    return std::nullopt;
}

QUrl CloudflareProvider::url(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_endpoint;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    return url;
}

void CloudflareProvider::call(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                              ResultHandler handler)
{
    const QString scheme = m_endpoint.scheme();
    if (!m_endpoint.isValid() || m_endpoint.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        handler(Error(DnsApiError::BadUrl, QStringLiteral("invalid Cloudflare API endpoint \"%1\"")
                                               .arg(m_endpoint.toDisplayString())));
        return;
    }
    QByteArray authorization = QByteArrayLiteral("Bearer ") + m_token.view().toByteArray();
    client().send(verb, url, {{QByteArrayLiteral("Authorization"), authorization}}, body,
                  [this, handler](const HttpApiReply& reply) {
                      const QString what = QStringLiteral("Cloudflare, zone %1").arg(zone());
                      const QJsonObject envelope = QJsonDocument::fromJson(reply.body).object();
                      if (!reply.isSuccess() ||
                          !envelope.value(QLatin1String("success")).toBool()) {
                          Error error = replyError(reply, what, errorsOf(envelope));
                          if (reply.isSuccess())
                              error = Error(DnsApiError::Rejected, error.message());
                          handler(error);
                          return;
                      }
                      handler(envelope.value(QLatin1String("result")));
                  });
    SecretBytes::wipe(authorization);
}

void CloudflareProvider::withZoneId(std::function<void()> next)
{
    if (!m_zoneId.isEmpty()) {
        next();
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), zone());
    call("GET", url(QStringLiteral("/zones"), query), {},
         [this, next](const Result<QJsonValue>& result) {
             if (!result) {
                 fail(result.error());
                 return;
             }
             const QString id =
                 result->toArray().at(0).toObject().value(QLatin1String("id")).toString();
             if (id.isEmpty()) {
                 fail(Error(DnsApiError::NotFound,
                            QStringLiteral("Cloudflare: no zone %1 for this token").arg(zone())));
                 return;
             }
             m_zoneId = id;
             next();
         });
}

void CloudflareProvider::fetch(const QString& name, DnsRecordType type, RecordsHandler handler)
{
    withZoneId([this, name, type, handler] {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("type"), QLatin1String(dnsRecordTypeName(type)));
        query.addQueryItem(QStringLiteral("name"), absolute(name));
        call("GET", url(QStringLiteral("/zones/%1/dns_records").arg(m_zoneId), query), {},
             [this, handler](const Result<QJsonValue>& result) {
                 if (!result) {
                     handler(result.error());
                     return;
                 }
                 QList<Record> records;
                 for (const QJsonValue& value : result->toArray()) {
                     const QJsonObject object = value.toObject();
                     Record record;
                     record.id = object.value(QLatin1String("id")).toString();
                     record.content =
                         QHostAddress(object.value(QLatin1String("content")).toString());
                     record.ttl = object.value(QLatin1String("ttl")).toInteger(0);
                     record.proxied = object.value(QLatin1String("proxied")).toBool();
                     if (record.id.isEmpty() || record.content.isNull()) {
                         handler(Error(DnsApiError::Malformed,
                                       QStringLiteral("Cloudflare, zone %1: a record has no id or "
                                                      "no valid content")
                                           .arg(zone())));
                         return;
                     }
                     records << record;
                 }
                 handler(records);
             });
    });
}

DnsRecordState CloudflareProvider::stateOf(const QString& name, DnsRecordType type,
                                           const QList<Record>& records)
{
    DnsRecordState state;
    state.name = name;
    state.type = type;
    for (const Record& record : records) {
        state.addresses << record.content;
        state.ttl = record.ttl;
    }
    return state;
}

void CloudflareProvider::beginRead(const QString& name, DnsRecordType type)
{
    fetch(name, type, [this, name, type](const Result<QList<Record>>& records) {
        if (!records)
            finishRead(records.error());
        else
            finishRead(stateOf(name, type, *records));
    });
}

void CloudflareProvider::beginChange(const DnsRecordChange& change)
{
    fetch(change.name, change.type, [this, change](const Result<QList<Record>>& records) {
        if (!records) {
            finishChange(records.error());
            return;
        }
        if (const std::optional<Error> mismatch =
                compareExpected(stateOf(change.name, change.type, *records), change)) {
            finishChange(*mismatch);
            return;
        }
        const QString base = QStringLiteral("/zones/%1/dns_records").arg(m_zoneId);
        QList<Step> steps;
        for (qsizetype i = 0; i < qMax(records->size(), change.addresses.size()); ++i) {
            if (i >= change.addresses.size()) {
                steps << Step{"DELETE", url(base + QLatin1Char('/') + (*records)[i].id), {}};
                continue;
            }
            QJsonObject body{
                {QStringLiteral("type"), QLatin1String(dnsRecordTypeName(change.type))},
                {QStringLiteral("name"), absolute(change.name)},
                {QStringLiteral("content"), change.addresses[i].toString()},
                {QStringLiteral("ttl"), change.ttl},
            };
            if (i < records->size()) {
                body.insert(QStringLiteral("proxied"), (*records)[i].proxied);
                steps << Step{"PUT", url(base + QLatin1Char('/') + (*records)[i].id),
                              QJsonDocument(body).toJson(QJsonDocument::Compact)};
            } else {
                steps << Step{"POST", url(base),
                              QJsonDocument(body).toJson(QJsonDocument::Compact)};
            }
        }
        runSteps(steps);
    });
}

void CloudflareProvider::runSteps(QList<Step> steps)
{
    if (steps.isEmpty()) {
        DnsChangeResult result;
        result.latencyMs = elapsedMs();
        finishChange(result);
        return;
    }
    const Step step = steps.takeFirst();
    call(step.verb, step.url, step.body, [this, steps](const Result<QJsonValue>& result) {
        if (!result) {
            finishChange(result.error());
            return;
        }
        runSteps(steps);
    });
}

} // namespace relais
