#include "DnsProbe.h"

#include "TcpProbe.h"
#include "dns/DnsClient.h"
#include "dns/DnsError.h"

#include <QSet>

namespace relais {

namespace {

QStringList addressTexts(const QList<QHostAddress>& addresses)
{
    QStringList texts;
    texts.reserve(addresses.size());
    for (const QHostAddress& address : addresses)
        texts.append(address.toString());
    return texts;
}

/// Whether every address answered is @p side (and there is one at least).
bool pointsOnlyTo(const QList<QHostAddress>& addresses, const QHostAddress& side)
{
    if (side.isNull() || addresses.isEmpty())
        return false;
    return std::all_of(addresses.begin(), addresses.end(),
                       [&](const QHostAddress& address) { return address == side; });
}

HealthError healthError(DnsError error)
{
    switch (error) {
    case DnsError::Timeout:
        return HealthError::Timeout;
    case DnsError::BadServer:
        return HealthError::HostNotFound;
    case DnsError::Network:
        return HealthError::Unreachable;
    case DnsError::Malformed:
        return HealthError::DnsFailed;
    case DnsError::Cancelled:
        return HealthError::Cancelled;
    case DnsError::BadName:
    case DnsError::Failed:
        break;
    }
    return HealthError::Failed;
}

} // namespace

DnsProbe::DnsProbe(QString server, quint16 port, QString name, DnsRecordType type,
                   QString mainAddress, QString backupAddress, int timeoutMs, QObject* parent)
    : Probe(parent)
    , m_server(std::move(server))
    , m_port(port)
    , m_name(std::move(name))
    , m_type(type)
    , m_mainText(std::move(mainAddress))
    , m_backupText(std::move(backupAddress))
    , m_main(m_mainText)
    , m_backup(m_backupText)
    , m_timeoutMs(timeoutMs)
    , m_client(new DnsClient(this))
{
    connect(m_client, &DnsClient::finished, this, &DnsProbe::onAnswered);
}

DnsProbe::~DnsProbe() = default;

bool DnsProbe::isRunning() const
{
    return m_client->isRunning();
}

QString DnsProbe::describe() const
{
    return QStringLiteral("DNS ") + m_name + QLatin1Char(' ') +
           QLatin1String(dnsRecordTypeName(m_type)) + QStringLiteral(" at ") +
           TcpProbe::endpoint(m_server, m_port);
}

void DnsProbe::start()
{
    if (m_client->isRunning())
        return;
    m_elapsed.start();
    DnsQuery query;
    query.server = m_server;
    query.port = m_port;
    query.name = m_name;
    query.type = m_type;
    query.timeoutMs = m_timeoutMs;
    m_client->query(query);
}

void DnsProbe::cancel()
{
    // The client reports Cancelled through onAnswered().
    m_client->cancel();
}

void DnsProbe::onAnswered(const Result<DnsAnswer>& result)
{
    const ProbeResult probeResult =
        result ? verdict(*result)
               : ProbeResult::failure(
                     healthError(result.error().code<DnsError>().value_or(DnsError::Failed)),
                     m_elapsed.elapsed(), result.error().message());
    // Nothing after the emit: a receiver may start the probe again or delete it.
    emit finished(probeResult);
}

ProbeResult DnsProbe::verdict(const DnsAnswer& answer) const
{
    const qint64 latency = m_elapsed.elapsed();
    const QString asked = m_name + QLatin1Char(' ') + QLatin1String(dnsRecordTypeName(m_type));
    const QString server = TcpProbe::endpoint(m_server, m_port);

    if (answer.rcode == DnsAnswer::NxDomain)
        return ProbeResult::failure(
            HealthError::DnsNoAnswer, latency,
            QStringLiteral("%1 answered NXDOMAIN for %2").arg(server, asked));
    if (answer.rcode != DnsAnswer::NoError)
        return ProbeResult::failure(
            HealthError::DnsFailed, latency,
            QStringLiteral("%1 answered %2 for %3").arg(server, answer.rcodeName, asked));
    if (answer.addresses.isEmpty())
        return ProbeResult::failure(
            HealthError::DnsNoAnswer, latency,
            QStringLiteral("%1 answered NOERROR without a record for %2").arg(server, asked));

    ProbeResult result;
    result.latencyMs = latency;
    result.answers = addressTexts(answer.addresses);
    const QString list = result.answers.join(QStringLiteral(", "));
    if (pointsOnlyTo(answer.addresses, m_main)) {
        result.ok = true;
        result.pointsTo = HostRole::Main;
        result.message = QStringLiteral("%1 points to %2 (main)").arg(asked, list);
    } else if (pointsOnlyTo(answer.addresses, m_backup)) {
        result.ok = true;
        result.pointsTo = HostRole::Backup;
        result.message = QStringLiteral("%1 points to %2 (backup)").arg(asked, list);
    } else {
        result.error = HealthError::DnsUnknownAddress;
        result.message = QStringLiteral("%1 points to %2, neither main (%3) nor backup (%4)")
                             .arg(asked, list, m_mainText, m_backupText);
    }
    return result;
}

} // namespace relais
