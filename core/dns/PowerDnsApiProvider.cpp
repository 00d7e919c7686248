#include "PowerDnsApiProvider.h"

#include "DnsApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace relais {

namespace {

QString absolute(const QString& name)
{
    QString fqdn = name.toLower();
    if (!fqdn.endsWith(QLatin1Char('.')))
        fqdn += QLatin1Char('.');
    return fqdn;
}

} // namespace

PowerDnsApiProvider::PowerDnsApiProvider(QUrl apiUrl, QString zone, SecretBytes apiKey,
                                         QObject* parent)
    : HttpDnsProvider(std::move(zone), parent)
    , m_apiUrl(std::move(apiUrl))
    , m_apiKey(std::move(apiKey))
{}

QUrl PowerDnsApiProvider::zoneUrl() const
{
    QUrl url = m_apiUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/api/v1")))
        path += QStringLiteral("/api/v1");
    path += QStringLiteral("/servers/localhost/zones/") + zone() + QLatin1Char('.');
    url.setPath(path);
    url.setQuery(QString());
    return url;
}

HttpApiClient::Headers PowerDnsApiProvider::headers() const
{
    return {{QByteArrayLiteral("X-API-Key"), m_apiKey.view().toByteArray()}};
}

QString PowerDnsApiProvider::serviceMessage(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
}

void PowerDnsApiProvider::fetch(const QString& name, DnsRecordType type, Handler handler)
{
    const QString scheme = m_apiUrl.scheme();
    if (!m_apiUrl.isValid() || m_apiUrl.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        handler(Error(
            DnsApiError::BadUrl,
            QStringLiteral("invalid PowerDNS API URL \"%1\"").arg(m_apiUrl.toDisplayString())));
        return;
    }
    const QString fqdn = absolute(name);
    const QString typeName = QLatin1String(dnsRecordTypeName(type));
    QUrl url = zoneUrl();
    // PowerDNS answers with this RRset only (4.7 does); a version without
    // the filter sends the whole zone, and the RRset is picked below.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("rrset_name"), fqdn);
    query.addQueryItem(QStringLiteral("rrset_type"), typeName);
    url.setQuery(query);
    client().send(
        "GET", url, headers(), {},
        [this, fqdn, name, type, typeName, handler](const HttpApiReply& reply) {
            const QString what = QStringLiteral("PowerDNS API, zone %1").arg(zone());
            if (!reply.isSuccess()) {
                handler(replyError(reply, what, serviceMessage(reply.body)));
                return;
            }
            Result<QJsonDocument> json = parseJson(reply, what);
            if (!json) {
                handler(json.error());
                return;
            }
            const QJsonValue rrsets = json->object().value(QLatin1String("rrsets"));
            if (!rrsets.isArray()) {
                handler(Error(DnsApiError::Malformed,
                              QStringLiteral("%1: the answer has no rrsets").arg(what)));
                return;
            }
            DnsRecordState state;
            state.name = name;
            state.type = type;
            for (const QJsonValue& value : rrsets.toArray()) {
                const QJsonObject rrset = value.toObject();
                if (rrset.value(QLatin1String("name")).toString().toLower() != fqdn ||
                    rrset.value(QLatin1String("type")).toString() != typeName)
                    continue;
                for (const QJsonValue& record : rrset.value(QLatin1String("records")).toArray()) {
                    const QJsonObject object = record.toObject();
                    if (object.value(QLatin1String("disabled")).toBool())
                        continue;
                    const QHostAddress address(object.value(QLatin1String("content")).toString());
                    if (address.isNull()) {
                        handler(Error(
                            DnsApiError::Malformed,
                            QStringLiteral("%1: %2 holds an invalid address").arg(what, fqdn)));
                        return;
                    }
                    state.addresses << address;
                }
                if (!state.addresses.isEmpty())
                    state.ttl = rrset.value(QLatin1String("ttl")).toInteger(-1);
            }
            handler(state);
        });
}

void PowerDnsApiProvider::beginRead(const QString& name, DnsRecordType type)
{
    fetch(name, type, [this](const Result<DnsRecordState>& state) { finishRead(state); });
}

void PowerDnsApiProvider::beginChange(const DnsRecordChange& change)
{
    fetch(change.name, change.type, [this, change](const Result<DnsRecordState>& state) {
        if (!state) {
            finishChange(state.error());
            return;
        }
        if (const std::optional<Error> mismatch = compareExpected(*state, change)) {
            finishChange(*mismatch);
            return;
        }
        QJsonObject rrset{
            {QStringLiteral("name"), absolute(change.name)},
            {QStringLiteral("type"), QLatin1String(dnsRecordTypeName(change.type))},
        };
        if (change.isDeletion()) {
            // DELETE takes neither a TTL nor records.
            rrset.insert(QStringLiteral("changetype"), QStringLiteral("DELETE"));
        } else {
            // REPLACE creates the RRset as well as it replaces it.
            QJsonArray records;
            for (const QHostAddress& address : change.addresses)
                records.append(QJsonObject{{QStringLiteral("content"), address.toString()},
                                           {QStringLiteral("disabled"), false}});
            rrset.insert(QStringLiteral("ttl"), change.ttl);
            rrset.insert(QStringLiteral("changetype"), QStringLiteral("REPLACE"));
            rrset.insert(QStringLiteral("records"), records);
        }
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("rrsets"), QJsonArray{rrset}}})
                .toJson(QJsonDocument::Compact);
        client().send("PATCH", zoneUrl(), headers(), body, [this](const HttpApiReply& reply) {
            if (!reply.isSuccess()) {
                finishChange(replyError(reply, QStringLiteral("PowerDNS API, zone %1").arg(zone()),
                                        serviceMessage(reply.body)));
                return;
            }
            DnsChangeResult result;
            result.latencyMs = elapsedMs();
            finishChange(result);
        });
    });
}

} // namespace relais
