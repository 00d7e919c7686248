#include "ServiceCheckStepJob.h"

#include "DrillContext.h"
#include "PlanError.h"
#include "common/Clock.h"
#include "dns/DnsAnswer.h"
#include "dns/DnsClient.h"
#include "health/Probe.h"
#include "health/ProbeFactory.h"
#include "health/ProbeResult.h"

#include <QNetworkAccessManager>
#include <QUrl>
#include <algorithm>

namespace relais {

namespace {

QString addressText(const QList<QHostAddress>& addresses)
{
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts.append(address.toString());
    return texts.isEmpty() ? ServiceCheckStepJob::tr("no address")
                           : texts.join(QStringLiteral(", "));
}

QString endpoint(const QString& address, quint16 port)
{
    return (address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']')
                                               : address) +
           QLatin1Char(':') + QString::number(port);
}

} // namespace

ServiceCheckStepJob::ServiceCheckStepJob(const Site& site, QList<ProbeSpec> probes,
                                         std::optional<DnsSwitchRequest> record,
                                         DrillContext* context, const Clock& clock, QObject* parent)
    : StepJob(parent)
    , m_site(site)
    , m_specs(std::move(probes))
    , m_record(std::move(record))
    , m_context(context)
    , m_clock(clock)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ServiceCheckStepJob::round);
}

ServiceCheckStepJob::~ServiceCheckStepJob() = default;

QList<ProbeSpec> ServiceCheckStepJob::aimedAt(const QList<ProbeSpec>& probes, const Site& site,
                                              HostRole side)
{
    const Host& host = site.host(side);
    const QString address = host.publicAddress.isEmpty() ? host.address : host.publicAddress;
    QList<ProbeSpec> aimed;
    for (ProbeSpec probe : probes) {
        if (probe.kind == ProbeSpec::Kind::Tcp) {
            probe.host = side;
            aimed.append(probe);
        } else if (probe.kind == ProbeSpec::Kind::Http) {
            QUrl url(probe.url);
            if (url.scheme() == QLatin1String("http") && !address.isEmpty()) {
                url.setHost(address);
                probe.url = url.toString();
            }
            aimed.append(probe);
        }
    }
    return aimed;
}

void ServiceCheckStepJob::start()
{
    m_elapsed.start();
    m_backoff.reset();
    if (!m_network && !m_specs.isEmpty()) {
        m_network = new QNetworkAccessManager(this);
        for (const ProbeSpec& spec : std::as_const(m_specs)) {
            std::unique_ptr<Probe> probe =
                ProbeFactory::create(spec, nullptr, m_site, *m_network, this);
            const int index = int(m_probes.size());
            connect(probe.get(), &Probe::finished, this,
                    [this, index](const ProbeResult& result) { onProbe(index, result); });
            m_probes.append(probe.release());
        }
    }
    if (!m_record) {
        round();
        return;
    }
    const QString expected = m_record->address(m_record->to).toString();
    emit output(tr("Waiting for every authoritative server to answer %1 for %2.")
                    .arg(expected, m_record->name));
    for (const DnsServerAddress& server : std::as_const(m_record->verifyServers))
        addServer(server.address, server.port);
    if (!m_servers.isEmpty()) {
        round();
        return;
    }
    if (m_record->nsServer.isEmpty()) {
        finish(Error(PlanError::NotConfigured,
                     tr("No server to check %1 at: the site lists none (\"verify\") and the "
                        "provider has no server to ask for the zone's name servers.")
                         .arg(m_record->name)));
        return;
    }
    lookUpServers();
}

void ServiceCheckStepJob::addServer(const QString& address, quint16 port)
{
    Server server;
    server.address = address;
    server.port = port;
    server.client = new DnsClient(this);
    const int index = int(m_servers.size());
    connect(server.client, &DnsClient::finished, this,
            [this, index](const Result<DnsAnswer>& result) { onAnswer(index, result); });
    m_servers.append(server);
}

void ServiceCheckStepJob::lookUpServers()
{
    m_lookup = new DnsClient(this);
    connect(m_lookup, &DnsClient::finished, this, &ServiceCheckStepJob::onLookup);
    DnsQuery query;
    query.server = m_record->nsServer;
    query.port = m_record->nsPort;
    query.name = m_record->zone;
    query.type = DnsRecordType::NS;
    query.timeoutMs = m_record->queryTimeoutMs;
    m_nextNameServer = -1;
    m_pending = 1;
    m_lookup->query(query);
}

void ServiceCheckStepJob::onLookup(const Result<DnsAnswer>& result)
{
    m_pending = 0;
    if (m_cancelled) {
        finish(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (m_nextNameServer < 0) {
        if (!result || result->rcode != DnsAnswer::NoError || result->nameServers.isEmpty()) {
            finish(Error(PlanError::StepFailed,
                         tr("Cannot find the name servers of %1 at %2: %3")
                             .arg(m_record->zone, m_record->nsServer,
                                  !result                               ? result.error().message()
                                  : result->rcode != DnsAnswer::NoError ? result->rcodeName
                                                                        : tr("no NS record"))));
            return;
        }
        m_nameServers = result->nameServers;
        m_nextNameServer = 0;
    } else if (result && result->rcode == DnsAnswer::NoError) {
        for (const QHostAddress& address : result->addresses)
            addServer(address.toString(), 53);
    }
    if (m_nextNameServer < m_nameServers.size()) {
        DnsQuery query;
        query.server = m_record->nsServer;
        query.port = m_record->nsPort;
        query.name = m_nameServers.at(m_nextNameServer++);
        query.type = DnsRecordType::A;
        query.timeoutMs = m_record->queryTimeoutMs;
        m_pending = 1;
        m_lookup->query(query);
        return;
    }
    if (m_servers.isEmpty()) {
        finish(Error(PlanError::StepFailed,
                     tr("No address found for the name servers of %1 (%2).")
                         .arg(m_record->zone, m_nameServers.join(QStringLiteral(", ")))));
        return;
    }
    round();
}

void ServiceCheckStepJob::round()
{
    if (m_cancelled) {
        finish(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    m_probeFailures.clear();
    m_pending = 0;
    const bool probing = !m_probesPassed;
    if (probing)
        m_pending += int(m_probes.size());
    for (const Server& server : std::as_const(m_servers)) {
        if (!server.converged)
            ++m_pending;
    }
    if (m_pending == 0) {
        settle();
        return;
    }
    // Count everything first: an answer may come back at once.
    if (probing) {
        for (Probe* probe : std::as_const(m_probes))
            probe->start();
    }
    for (const Server& server : std::as_const(m_servers)) {
        if (server.converged)
            continue;
        DnsQuery query;
        query.server = server.address;
        query.port = server.port;
        query.name = m_record->name;
        query.type = m_record->type;
        query.timeoutMs = m_record->queryTimeoutMs;
        server.client->query(query);
    }
}

void ServiceCheckStepJob::onProbe(int index, const ProbeResult& result)
{
    if (m_done)
        return;
    if (!result.ok)
        m_probeFailures.append(tr("%1: %2").arg(m_probes.at(index)->describe(), result.message));
    if (--m_pending == 0)
        settle();
}

void ServiceCheckStepJob::onAnswer(int index, const Result<DnsAnswer>& result)
{
    if (m_done)
        return;
    Server& server = m_servers[index];
    const QHostAddress expected = m_record->address(m_record->to);
    if (!result) {
        server.last = tr("%1 gives no answer (%2)")
                          .arg(endpoint(server.address, server.port), result.error().message());
    } else if (result->rcode != DnsAnswer::NoError) {
        server.last =
            tr("%1 answers %2").arg(endpoint(server.address, server.port), result->rcodeName);
    } else if (result->addresses == QList<QHostAddress>{expected}) {
        server.converged = true;
        emit output(tr("%1 answers %2 (after %3 ms).")
                        .arg(endpoint(server.address, server.port), expected.toString())
                        .arg(m_elapsed.elapsed()));
    } else {
        server.last =
            tr("%1 answers %2")
                .arg(endpoint(server.address, server.port), addressText(result->addresses));
    }
    if (--m_pending == 0)
        settle();
}

void ServiceCheckStepJob::settle()
{
    if (m_cancelled) {
        finish(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!m_probesPassed && m_probeFailures.isEmpty()) {
        m_probesPassed = true;
        if (!m_probes.isEmpty()) {
            if (m_context)
                m_context->markServiceUp(m_clock.now());
            emit output(tr("The service answers its %n probe(s) (after %1 ms).", nullptr,
                           int(m_probes.size()))
                            .arg(m_elapsed.elapsed()));
        }
    }
    QStringList waiting = m_probeFailures;
    for (const Server& server : std::as_const(m_servers)) {
        if (!server.converged)
            waiting.append(server.last);
    }
    if (waiting.isEmpty()) {
        if (m_record) {
            m_convergedMs = m_elapsed.elapsed();
            emit output(tr("Every authoritative server (%n) answers %1 for %2: converged in %3 "
                           "ms.",
                           nullptr, int(m_servers.size()))
                            .arg(m_record->address(m_record->to).toString(), m_record->name)
                            .arg(m_convergedMs));
        }
        finish(Result<void>::success());
        return;
    }
    const QString why = tr("Waiting: %1").arg(waiting.join(QStringLiteral("; ")));
    if (why != m_lastWhy)
        emit output(why);
    m_lastWhy = why;
    m_retry.start(m_backoff.next());
}

void ServiceCheckStepJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    m_retry.stop();
    if (m_pending == 0) {
        finish(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    // Each cancelled check still reports; the last one ends the job.
    for (Probe* probe : std::as_const(m_probes)) {
        if (probe->isRunning())
            probe->cancel();
    }
    for (const Server& server : std::as_const(m_servers)) {
        if (server.client->isRunning())
            server.client->cancel();
    }
    if (m_lookup && m_lookup->isRunning())
        m_lookup->cancel();
}

void ServiceCheckStepJob::finish(const Result<void>& result)
{
    if (m_done)
        return;
    m_done = true;
    m_retry.stop();
    emit finished(result);
}

} // namespace relais
