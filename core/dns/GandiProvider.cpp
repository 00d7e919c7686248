#include "GandiProvider.h"

#include "DnsApiError.h"

#include <QJsonArray>
#include <QJsonObject>

namespace relais {

GandiProvider::GandiProvider(QUrl endpoint, QString zone, SecretBytes credential, QObject* parent)
    : HttpDnsProvider(std::move(zone), parent)
    , m_endpoint(endpoint.isEmpty() ? QUrl(QLatin1String(DefaultEndpoint)) : std::move(endpoint))
    , m_credential(std::move(credential))
{}

std::optional<Error> GandiProvider::checkChange(const DnsRecordChange& change) const
{
    if (!change.isDeletion() && (change.ttl < MinTtl || change.ttl > MaxTtl))
        return Error(DnsApiError::BadRequest,
                     QStringLiteral("Gandi LiveDNS accepts a TTL of %1 to %2 seconds, not %3")
                         .arg(MinTtl)
                         .arg(MaxTtl)
                         .arg(change.ttl));
    return std::nullopt;
}

QUrl GandiProvider::recordUrl(const QString& name, DnsRecordType type) const
{
    QUrl url = m_endpoint;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/domains/%1/records/%2/%3")
                           .arg(zone(), relativeName(name, zone()),
                                QLatin1String(dnsRecordTypeName(type))));
    url.setQuery(QString());
    return url;
}

HttpApiClient::Headers GandiProvider::headers() const
{
    const QByteArrayView text = m_credential.view().trimmed();
    QByteArray value = text.startsWith("apikey:")
                           ? QByteArrayLiteral("Apikey ") + text.sliced(7).toByteArray()
                           : QByteArrayLiteral("Bearer ") + text.toByteArray();
    return {{QByteArrayLiteral("Authorization"), value}};
}

QString GandiProvider::serviceMessage(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString message = object.value(QLatin1String("message")).toString();
    // Validation errors list each field's problem.
    for (const QJsonValue& value : object.value(QLatin1String("errors")).toArray()) {
        const QJsonObject error = value.toObject();
        message += QStringLiteral("; %1: %2")
                       .arg(error.value(QLatin1String("name")).toString(),
                            error.value(QLatin1String("description")).toString());
    }
    return message;
}

void GandiProvider::fetch(const QString& name, DnsRecordType type, StateHandler handler)
{
    const QString scheme = m_endpoint.scheme();
    if (!m_endpoint.isValid() || m_endpoint.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        handler(Error(
            DnsApiError::BadUrl,
            QStringLiteral("invalid Gandi API endpoint \"%1\"").arg(m_endpoint.toDisplayString())));
        return;
    }
    HttpApiClient::Headers auth = headers();
    client().send("GET", recordUrl(name, type), auth, {},
                  [this, name, type, handler](const HttpApiReply& reply) {
                      const QString what = QStringLiteral("Gandi LiveDNS, zone %1").arg(zone());
                      DnsRecordState state;
                      state.name = name;
                      state.type = type;
                      const QJsonObject object = QJsonDocument::fromJson(reply.body).object();
                      if (!reply.failure && reply.status == 404 &&
                          object.value(QLatin1String("object")).toString() ==
                              QLatin1String("dns-record")) {
                          handler(state); // no such record
                          return;
                      }
                      if (!reply.isSuccess()) {
                          handler(replyError(reply, what, serviceMessage(reply.body)));
                          return;
                      }
                      const QJsonValue values = object.value(QLatin1String("rrset_values"));
                      if (!values.isArray()) {
                          handler(Error(DnsApiError::Malformed,
                                        QStringLiteral("%1: no rrset_values").arg(what)));
                          return;
                      }
                      for (const QJsonValue& value : values.toArray()) {
                          const QHostAddress address(value.toString());
                          if (address.isNull()) {
                              handler(Error(DnsApiError::Malformed,
                                            QStringLiteral("%1: an invalid address").arg(what)));
                              return;
                          }
                          state.addresses << address;
                      }
                      if (!state.addresses.isEmpty())
                          state.ttl = object.value(QLatin1String("rrset_ttl")).toInteger(-1);
                      handler(state);
                  });
    SecretBytes::wipe(auth.first().second);
}

void GandiProvider::beginRead(const QString& name, DnsRecordType type)
{
    fetch(name, type, [this](const Result<DnsRecordState>& state) { finishRead(state); });
}

void GandiProvider::beginChange(const DnsRecordChange& change)
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
        QByteArray body;
        if (!change.isDeletion()) {
            QJsonArray values;
            for (const QHostAddress& address : change.addresses)
                values.append(address.toString());
            body = QJsonDocument(QJsonObject{{QStringLiteral("rrset_ttl"), change.ttl},
                                             {QStringLiteral("rrset_values"), values}})
                       .toJson(QJsonDocument::Compact);
        }
        // POST creates the RRset (Gandi refuses it when it exists), PUT
        // replaces it, DELETE removes it.
        const QByteArray verb = change.isCreation()   ? QByteArrayLiteral("POST")
                                : change.isDeletion() ? QByteArrayLiteral("DELETE")
                                                      : QByteArrayLiteral("PUT");
        HttpApiClient::Headers auth = headers();
        client().send(verb, recordUrl(change.name, change.type), auth, body,
                      [this](const HttpApiReply& reply) {
                          if (!reply.isSuccess()) {
                              finishChange(replyError(
                                  reply, QStringLiteral("Gandi LiveDNS, zone %1").arg(zone()),
                                  serviceMessage(reply.body)));
                              return;
                          }
                          DnsChangeResult result;
                          result.latencyMs = elapsedMs();
                          finishChange(result);
                      });
        SecretBytes::wipe(auth.first().second);
    });
}

} // namespace relais
