#include "Rfc2136Provider.h"

#include "DnsClient.h"
#include "DnsProviderError.h"
#include "DnsUpdater.h"
#include "common/Logging.h"

#include <QTimer>

namespace relais {

Rfc2136Provider::Rfc2136Provider(QString server, quint16 port, QString zone,
                                 std::optional<TsigKey> key, QObject* parent)
    : DnsProvider(parent)
    , m_server(std::move(server))
    , m_port(port)
    , m_zone(std::move(zone))
    , m_key(std::move(key))
    , m_client(new DnsClient(this))
    , m_updater(new DnsUpdater(this))
{
    connect(m_client, &DnsClient::finished, this, &Rfc2136Provider::onAnswer);
    connect(m_updater, &DnsUpdater::finished, this, &Rfc2136Provider::onUpdated);
}

Rfc2136Provider::~Rfc2136Provider() = default;

QString Rfc2136Provider::displayName() const
{
    return tr("RFC 2136");
}

bool Rfc2136Provider::isRunning() const
{
    return m_client->isRunning() || m_updater->isRunning();
}

void Rfc2136Provider::refuseRead(const Error& error)
{
    QTimer::singleShot(0, this, [this, error] { emit readFinished(error); });
}

void Rfc2136Provider::refuseChange(const Error& error)
{
    QTimer::singleShot(0, this, [this, error] { emit changeFinished(error); });
}

void Rfc2136Provider::read(const QString& name, DnsRecordType type)
{
    if (isRunning()) {
        refuseRead(Error(DnsProviderError::Busy,
                         QStringLiteral("a call to %1 is already running").arg(m_server)));
        return;
    }
    m_name = name;
    m_type = type;
    DnsQuery query;
    query.server = m_server;
    query.port = m_port;
    query.name = name;
    query.type = type;
    query.timeoutMs = m_timeoutMs;
    qCDebug(lcDns) << "reading" << name << dnsRecordTypeName(type) << "at" << m_server << m_port;
    m_client->query(query);
}

void Rfc2136Provider::onAnswer(const Result<DnsAnswer>& result)
{
    if (!result) {
        emit readFinished(result.error());
        return;
    }
    DnsRecordState state;
    state.name = m_name;
    state.type = m_type;
    if (result->rcode == DnsAnswer::NxDomain) {
        emit readFinished(state);
        return;
    }
    if (result->rcode != DnsAnswer::NoError) {
        emit readFinished(
            Error(DnsProviderError::Failed,
                  QStringLiteral("%1 port %2 answered %3 for %4 %5")
                      .arg(m_server)
                      .arg(m_port)
                      .arg(result->rcodeName, m_name, QLatin1String(dnsRecordTypeName(m_type)))));
        return;
    }
    state.addresses = result->addresses;
    state.ttl = result->addresses.isEmpty() ? -1 : result->ttl;
    emit readFinished(state);
}

void Rfc2136Provider::change(const DnsRecordChange& change)
{
    if (isRunning()) {
        refuseChange(Error(DnsProviderError::Busy,
                           QStringLiteral("a call to %1 is already running").arg(m_server)));
        return;
    }
    if (!m_key) {
        refuseChange(Error(DnsProviderError::MissingCredentials,
                           QStringLiteral("the record has no TSIG key: Relais only sends signed "
                                          "updates")));
        return;
    }
    if (change.type == DnsRecordType::NS) {
        refuseChange(Error(DnsProviderError::BadRequest,
                           QStringLiteral("only A and AAAA records are changed")));
        return;
    }
    DnsUpdate update;
    update.server = m_server;
    update.port = m_port;
    update.zone = m_zone;
    update.name = change.name;
    update.type = change.type;
    update.expected = change.expected;
    update.addresses = change.addresses;
    update.ttl = change.ttl;
    update.timeoutMs = m_timeoutMs;
    m_updater->start(update, *m_key);
}

void Rfc2136Provider::onUpdated(const Result<DnsUpdateResult>& result)
{
    if (!result) {
        emit changeFinished(result.error());
        return;
    }
    DnsChangeResult changed;
    changed.latencyMs = result->latencyMs;
    emit changeFinished(changed);
}

void Rfc2136Provider::cancel()
{
    if (m_client->isRunning())
        m_client->cancel();
    if (m_updater->isRunning())
        m_updater->cancel();
}

} // namespace relais
