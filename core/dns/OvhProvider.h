#pragma once

#include "HttpDnsProvider.h"
#include "OvhApi.h"

#include <optional>

namespace relais {

/// A record in an OVH DNS zone, through the OVH API v1 (signed requests,
/// see OvhApi).
///
/// - Read: GET /domain/zone/ZONE/record?fieldType=A&subDomain=www gives
///   the record ids, then GET /domain/zone/ZONE/record/ID each.
/// - Change: after the same read and the comparison with the expected
///   addresses, PUT /domain/zone/ZONE/record/ID {"target", "ttl"} on the
///   existing records (POST a new one for an address more, DELETE one
///   less), then POST /domain/zone/ZONE/refresh, without which OVH does not
///   publish the change.
class OvhProvider final : public HttpDnsProvider
{
    Q_OBJECT

public:
    /// Built with create(), which checks the credentials' format.
    OvhProvider(OvhApi api, QString zone, QObject* parent = nullptr);

    /// @p endpoint: the site's api_url, empty for OVH Europe.
    static Result<std::unique_ptr<OvhProvider>> create(QUrl endpoint, QString zone,
                                                       const SecretBytes& credentials,
                                                       const Clock* clock = nullptr);

    QString displayName() const override { return QStringLiteral("OVH"); }
    const OvhApi& api() const { return m_api; }

protected:
    void beginRead(const QString& name, DnsRecordType type) override;
    void beginChange(const DnsRecordChange& change) override;

private:
    struct Record
    {
        qint64 id = 0;
        QHostAddress target;
        qint64 ttl = 0;
    };
    struct Step
    {
        QByteArray verb;
        QUrl url;
        QByteArray body;
    };
    using RecordsHandler = std::function<void(const Result<QList<Record>>&)>;

    void fetch(const QString& name, DnsRecordType type, RecordsHandler handler);
    void fetchEach(QList<qint64> ids, QList<Record> records, RecordsHandler handler);
    void runSteps(QList<Step> steps);
    static DnsRecordState stateOf(const QString& name, DnsRecordType type,
                                  const QList<Record>& records);
    QString what() const;

    OvhApi m_api;
};

} // namespace relais
