#include "DnsSwitchJob.h"

#include "DnsClient.h"
#include "DnsProviderFactory.h"
#include "DnsSwitchHistory.h"
#include "DnsUpdateError.h"
#include "common/Logging.h"
#include "site/Site.h"

#include <algorithm>

namespace relais {

namespace {

QString addressList(const QList<QHostAddress>& addresses)
{
    if (addresses.isEmpty())
        return QStringLiteral("no address");
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts.append(address.toString());
    return texts.join(QStringLiteral(", "));
}

bool sameSet(QList<QHostAddress> a, QList<QHostAddress> b)
{
    const auto less = [](const QHostAddress& x, const QHostAddress& y) {
        return x.toString() < y.toString();
    };
    std::sort(a.begin(), a.end(), less);
    std::sort(b.begin(), b.end(), less);
    return a == b;
}

QString sideName(DnsSwitchRequest::Side side)
{
    return side == DnsSwitchRequest::Side::Main ? QStringLiteral("main") : QStringLiteral("backup");
}

QHostAddress sideAddress(const Host& host)
{
    return QHostAddress(host.publicAddress.isEmpty() ? host.address : host.publicAddress);
}

} // namespace

DnsSwitchJob::DnsSwitchJob(std::unique_ptr<DnsProvider> provider, QObject* parent)
    : QObject(parent)
    , m_provider(provider.release())
    , m_lookupClient(new DnsClient(this))
{
    m_provider->setParent(this);
    m_timer.setSingleShot(true);
    // A coarse timer may fire a little early: the countdown would repeat a second.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DnsSwitchJob::onTick);
    connect(m_provider, &DnsProvider::readFinished, this, &DnsSwitchJob::onRead);
    connect(m_provider, &DnsProvider::changeFinished, this, &DnsSwitchJob::onChanged);
    connect(m_lookupClient, &DnsClient::finished, this, &DnsSwitchJob::onLookup);
}

DnsSwitchJob::~DnsSwitchJob() = default;

Result<DnsSwitchRequest> DnsSwitchJob::requestFor(const Site& site, const Service& service,
                                                  DnsSwitchRequest::Side to,
                                                  DnsSwitchRequest::Mode mode)
{
    if (!service.dns) {
        return Error(DnsSwitchError::BadRequest,
                     QStringLiteral("the service \"%1\" has no DNS record").arg(service.name));
    }
    const DnsBinding& binding = *service.dns;
    if (binding.type != QStringLiteral("A") && binding.type != QStringLiteral("AAAA")) {
        return Error(DnsSwitchError::BadRequest,
                     QStringLiteral("the record of \"%1\" has type %2; only A and AAAA records "
                                    "are switched")
                         .arg(service.name, binding.type));
    }
    DnsSwitchRequest request;
    request.service = service.name;
    request.zone = binding.zone;
    if (request.zone.endsWith(QLatin1Char('.')))
        request.zone.chop(1);
    request.name = DnsProviderFactory::recordName(binding);
    request.type = DnsProviderFactory::recordType(binding);
    request.mainAddress = sideAddress(site.main);
    request.backupAddress = sideAddress(site.backup);
    request.to = to;
    request.mode = mode;
    request.ttl = binding.ttl;
    request.lowTtl = std::min<qint64>(request.lowTtl, binding.ttl);
    for (const QString& text : binding.verifyServers) {
        if (const std::optional<DnsServerAddress> server = DnsServerAddress::parse(text))
            request.verifyServers.append(*server);
    }
    if (binding.provider == DnsBinding::Provider::Rfc2136) {
        request.nsServer = binding.server;
        request.nsPort = quint16(binding.port);
    }
    if (request.address(to).isNull()) {
        return Error(DnsSwitchError::BadRequest,
                     QStringLiteral("the %1 host has no IP address (address or public_address) "
                                    "to point the record to")
                         .arg(sideName(to)));
    }
    return request;
}

void DnsSwitchJob::setPhase(Phase phase)
{
    m_phase = phase;
    qCDebug(lcDns) << "switch of" << m_request.name << "now" << phase;
    emit phaseChanged(phase);
}

void DnsSwitchJob::start(const DnsSwitchRequest& request)
{
    if (m_running) {
        QTimer::singleShot(0, this, [this] {
            emit finished(Error(DnsSwitchError::Busy, QStringLiteral("a switch is running")));
        });
        return;
    }
    m_request = request;
    m_report = DnsSwitchReport();
    m_report.to = request.to;
    m_report.mode = request.mode;
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_changed = false;
    m_fromKnown = false;
    m_servers.clear();
    m_nameServers.clear();
    m_lookup = Lookup::None;
    m_running = true;
    qCInfo(lcDns) << "switching" << request.name << "to" << sideName(request.to)
                  << (request.mode == DnsSwitchRequest::Mode::Planned ? "planned" : "emergency");
    if (request.address(request.to).isNull()) {
        fail(DnsSwitchError::BadRequest,
             QStringLiteral("no address for the %1 side").arg(sideName(request.to)));
        return;
    }
    setPhase(Phase::Reading);
    m_provider->read(request.name, request.type);
}

void DnsSwitchJob::onRead(const Result<DnsRecordState>& result)
{
    if (!m_running || m_phase != Phase::Reading)
        return;
    if (!result) {
        fail(DnsSwitchError::ReadFailed,
             QStringLiteral("cannot read %1 from %2: %3")
                 .arg(m_request.name, m_provider->displayName(), result.error().message()));
        return;
    }
    m_report.oldAddresses = result->addresses;
    m_report.oldTtl = result->ttl;
    const QHostAddress target = m_request.address(m_request.to);
    const DnsSwitchRequest::Side other = m_request.to == DnsSwitchRequest::Side::Main
                                             ? DnsSwitchRequest::Side::Backup
                                             : DnsSwitchRequest::Side::Main;
    const bool absent = result->addresses.isEmpty();
    using Operation = DnsSwitchRequest::Operation;

    if (m_request.operation == Operation::Remove) {
        if (absent) {
            m_report.alreadySwitched = true;
            qCInfo(lcDns) << m_request.name << "does not exist: nothing to remove";
            succeed();
            return;
        }
        if (!sameSet(result->addresses, {target})) {
            fail(DnsSwitchError::NeitherSide,
                 QStringLiteral("%1 holds %2, not %3 (%4): it is not the record Relais made, so "
                                "it is left as it is")
                     .arg(m_request.name, addressList(result->addresses), sideName(m_request.to),
                          target.toString()));
            return;
        }
        m_report.from = m_request.to;
        m_fromKnown = true;
        emit recordRead(result->addresses);
        if (!m_running)
            return;
        setPhase(Phase::Changing);
        DnsRecordChange change;
        change.name = m_request.name;
        change.type = m_request.type;
        change.expected = result->addresses;
        change.ttl = m_request.ttl;
        m_provider->change(change);
        return;
    }

    if (!absent && sameSet(result->addresses, {target})) {
        m_report.alreadySwitched = true;
        m_report.from = m_request.to;
        m_fromKnown = true;
        emit recordRead(result->addresses);
        if (!m_running)
            return;
        qCInfo(lcDns) << m_request.name << "already points to" << sideName(m_request.to);
        succeed();
        return;
    }
    if (absent && m_request.operation == Operation::SwitchOrCreate) {
        m_report.created = true;
        emit recordRead(result->addresses);
        if (!m_running)
            return;
        changeAddress();
        return;
    }
    if (!sameSet(result->addresses, {m_request.address(other)})) {
        fail(DnsSwitchError::NeitherSide,
             QStringLiteral("%1 holds %2, neither main (%3) nor backup (%4); check who changed it")
                 .arg(m_request.name, addressList(result->addresses),
                      m_request.mainAddress.toString(), m_request.backupAddress.toString()));
        return;
    }
    m_report.from = other;
    m_fromKnown = true;
    emit recordRead(result->addresses);
    if (!m_running)
        return;
    if (m_request.mode == DnsSwitchRequest::Mode::Planned && result->ttl > m_request.lowTtl) {
        setPhase(Phase::LoweringTtl);
        DnsRecordChange change;
        change.name = m_request.name;
        change.type = m_request.type;
        change.expected = result->addresses;
        change.addresses = result->addresses;
        change.ttl = m_request.lowTtl;
        m_provider->change(change);
        return;
    }
    changeAddress();
}

void DnsSwitchJob::changeAddress()
{
    setPhase(Phase::Changing);
    DnsRecordChange change;
    change.name = m_request.name;
    change.type = m_request.type;
    change.expected = m_report.oldAddresses;
    change.addresses = {m_request.address(m_request.to)};
    change.ttl = m_request.ttl;
    m_provider->change(change);
}

void DnsSwitchJob::onChanged(const Result<DnsChangeResult>& result)
{
    if (!m_running || (m_phase != Phase::LoweringTtl && m_phase != Phase::Changing))
        return;
    if (!result) {
        const bool behind = result.error().is(DnsUpdateError::PrerequisiteFailed);
        const QString what = m_phase == Phase::LoweringTtl
                                 ? QStringLiteral("lowering the TTL of %1 failed: %2")
                             : m_request.operation == DnsSwitchRequest::Operation::Remove
                                 ? QStringLiteral("removing %1 failed: %2")
                             : m_report.created ? QStringLiteral("creating %1 failed: %2")
                                                : QStringLiteral("changing %1 failed: %2");
        fail(behind ? DnsSwitchError::ChangedBehind : DnsSwitchError::ChangeFailed,
             what.arg(m_request.name, result.error().message()));
        return;
    }
    if (m_phase == Phase::LoweringTtl) {
        m_report.ttlLowered = true;
        setPhase(Phase::WaitingOldTtl);
        m_deadline = QDeadlineTimer(m_report.oldTtl * 1000);
        m_lastCountdown = -1;
        onTick();
        return;
    }
    m_changed = true;
    m_sinceChange.start();
    m_report.changeLatencyMs = result->latencyMs;
    m_report.removed = m_request.operation == DnsSwitchRequest::Operation::Remove;
    qCInfo(lcDns) << m_request.name
                  << (m_report.removed   ? "removed"
                      : m_report.created ? "created at"
                                         : "changed to")
                  << (m_report.removed ? QString() : sideName(m_request.to)) << "in"
                  << result->latencyMs << "ms";
    findServers();
}

void DnsSwitchJob::onTick()
{
    if (!m_running)
        return;
    if (m_phase == Phase::WaitingOldTtl) {
        const qint64 remaining = m_deadline.remainingTime();
        if (remaining <= 0) {
            emit countdown(0);
            changeAddress();
            return;
        }
        const qint64 seconds = (remaining + 999) / 1000;
        if (seconds != m_lastCountdown) {
            m_lastCountdown = seconds;
            emit countdown(seconds);
        }
        m_timer.start(int(std::min<qint64>(remaining, (remaining - 1) % 1000 + 1)));
        return;
    }
    if (m_phase == Phase::Verifying)
        askRound();
}

void DnsSwitchJob::findServers()
{
    if (!m_request.verifyServers.isEmpty()) {
        for (const DnsServerAddress& server : m_request.verifyServers) {
            DnsServerAnswer answer;
            answer.server = server;
            m_servers.append(answer);
        }
        startVerifying();
        return;
    }
    if (m_request.nsServer.isEmpty()) {
        fail(DnsSwitchError::NoServers,
             QStringLiteral("no server to verify at: the site lists none (\"verify\") and the "
                            "provider has no server to ask for the zone's NS records"));
        return;
    }
    setPhase(Phase::FindingServers);
    m_lookup = Lookup::NameServers;
    DnsQuery query;
    query.server = m_request.nsServer;
    query.port = m_request.nsPort;
    query.name = m_request.zone;
    query.type = DnsRecordType::NS;
    query.timeoutMs = m_request.queryTimeoutMs;
    m_lookupClient->query(query);
}

void DnsSwitchJob::onLookup(const Result<DnsAnswer>& result)
{
    if (!m_running || m_phase != Phase::FindingServers)
        return;
    if (m_lookup == Lookup::NameServers) {
        if (!result || result->rcode != DnsAnswer::NoError || result->nameServers.isEmpty()) {
            fail(DnsSwitchError::NoServers,
                 QStringLiteral("cannot find the name servers of %1 at %2: %3")
                     .arg(m_request.zone, m_request.nsServer,
                          !result                               ? result.error().message()
                          : result->rcode != DnsAnswer::NoError ? result->rcodeName
                                                                : QStringLiteral("no NS record")));
            return;
        }
        m_nameServers = result->nameServers;
        m_nextNameServer = 0;
        m_lookup = Lookup::Addresses;
        lookUpNextAddress();
        return;
    }
    const QString name = m_nameServers.value(m_nextNameServer - 1);
    if (result && result->rcode == DnsAnswer::NoError) {
        for (const QHostAddress& address : result->addresses) {
            DnsServerAnswer answer;
            answer.server.address = address.toString();
            answer.server.port = 53;
            answer.nameServer = name;
            m_servers.append(answer);
        }
    }
    if (!result || result->addresses.isEmpty())
        qCWarning(lcDns) << "no address found for the name server" << name;
    lookUpNextAddress();
}

void DnsSwitchJob::lookUpNextAddress()
{
    if (m_nextNameServer >= m_nameServers.size()) {
        m_lookup = Lookup::None;
        if (m_servers.isEmpty()) {
            fail(DnsSwitchError::NoServers,
                 QStringLiteral("no address found at %1 for the name servers of %2 (%3)")
                     .arg(m_request.nsServer, m_request.zone,
                          m_nameServers.join(QStringLiteral(", "))));
            return;
        }
        startVerifying();
        return;
    }
    DnsQuery query;
    query.server = m_request.nsServer;
    query.port = m_request.nsPort;
    query.name = m_nameServers.at(m_nextNameServer++);
    query.type = DnsRecordType::A;
    query.timeoutMs = m_request.queryTimeoutMs;
    m_lookupClient->query(query);
}

void DnsSwitchJob::startVerifying()
{
    setPhase(Phase::Verifying);
    stopClients();
    for (int i = 0; i < m_servers.size(); ++i) {
        auto* client = new DnsClient(this);
        connect(client, &DnsClient::finished, this,
                [this, i](const Result<DnsAnswer>& result) { onServerAnswer(i, result); });
        m_clients.append(client);
    }
    m_deadline = QDeadlineTimer(m_request.propagationTimeoutMs);
    m_pollBackoff =
        Backoff(std::min(FirstPollMs, m_request.pollIntervalMs), m_request.pollIntervalMs);
    emit serversFound(m_servers);
    askRound();
}

void DnsSwitchJob::askRound()
{
    m_pending = 0;
    for (int i = 0; i < m_servers.size(); ++i) {
        if (m_servers.at(i).converged)
            continue;
        DnsQuery query;
        query.server = m_servers.at(i).server.address;
        query.port = m_servers.at(i).server.port;
        query.name = m_request.name;
        query.type = m_request.type;
        query.timeoutMs =
            int(std::clamp<qint64>(m_deadline.remainingTime(), 200, m_request.queryTimeoutMs));
        ++m_pending;
        m_clients.at(i)->query(query);
    }
}

void DnsSwitchJob::onServerAnswer(int index, const Result<DnsAnswer>& result)
{
    if (!m_running || m_phase != Phase::Verifying || index >= m_servers.size())
        return;
    DnsServerAnswer& server = m_servers[index];
    if (!result) {
        server.error = result.error().message();
    } else if (m_request.operation == DnsSwitchRequest::Operation::Remove &&
               (result->rcode == DnsAnswer::NxDomain ||
                (result->rcode == DnsAnswer::NoError && result->addresses.isEmpty()))) {
        // Gone: no such name (NXDOMAIN), or no address of this type (NODATA).
        server.error.clear();
        server.addresses.clear();
        server.ttl = -1;
        server.converged = true;
        server.convergedAfterMs = m_sinceChange.elapsed();
    } else if (result->rcode != DnsAnswer::NoError) {
        server.error = result->rcodeName;
        server.addresses.clear();
        server.ttl = -1;
    } else if (m_request.operation == DnsSwitchRequest::Operation::Remove) {
        server.error.clear();
        server.addresses = result->addresses;
        server.ttl = result->ttl;
    } else {
        server.error.clear();
        server.addresses = result->addresses;
        server.ttl = result->ttl;
        if (sameSet(result->addresses, {m_request.address(m_request.to)})) {
            server.converged = true;
            server.convergedAfterMs = m_sinceChange.elapsed();
        }
    }
    emit serverAnswered(server);
    if (--m_pending > 0)
        return;

    const bool all = std::all_of(m_servers.cbegin(), m_servers.cend(),
                                 [](const DnsServerAnswer& answer) { return answer.converged; });
    if (all) {
        for (const DnsServerAnswer& answer : std::as_const(m_servers))
            m_report.convergenceMs = std::max(m_report.convergenceMs, answer.convergedAfterMs);
        succeed();
        return;
    }
    if (m_deadline.hasExpired()) {
        QStringList lagging;
        for (const DnsServerAnswer& answer : std::as_const(m_servers)) {
            if (!answer.converged)
                lagging.append(
                    answer.error.isEmpty()
                        ? QStringLiteral("%1 answers %2")
                              .arg(answer.server.toString(), addressList(answer.addresses))
                        : QStringLiteral("%1 gives no answer (%2)")
                              .arg(answer.server.toString(), answer.error));
        }
        fail(DnsSwitchError::PropagationTimeout,
             (m_request.operation == DnsSwitchRequest::Operation::Remove
                  ? QStringLiteral("after %1 s, %2 of %3 servers still answer the record: %4")
                  : QStringLiteral("after %1 s, %2 of %3 servers do not answer the new address: "
                                   "%4"))
                 .arg(QString::number(m_request.propagationTimeoutMs / 1000.0))
                 .arg(lagging.size())
                 .arg(m_servers.size())
                 .arg(lagging.join(QStringLiteral("; "))));
        return;
    }
    m_timer.start(int(std::min<qint64>(m_pollBackoff.next(), m_deadline.remainingTime())));
}

QString DnsSwitchJob::doneText() const
{
    if (m_changed && m_report.removed)
        return QStringLiteral("%1 was removed (it pointed to %2, %3)")
            .arg(m_request.name, sideName(m_request.to),
                 m_request.address(m_request.to).toString());
    if (m_changed && m_report.created) {
        return QStringLiteral("%1 was created pointing to %2 (%3), TTL %4 s")
            .arg(m_request.name, sideName(m_request.to), m_request.address(m_request.to).toString())
            .arg(m_request.ttl);
    }
    if (m_changed) {
        return QStringLiteral("%1 was changed to %2 (%3), TTL %4 s")
            .arg(m_request.name, sideName(m_request.to), m_request.address(m_request.to).toString())
            .arg(m_request.ttl);
    }
    if (m_report.ttlLowered) {
        return QStringLiteral("TTL lowered to %1 s; the address was not changed")
            .arg(m_request.lowTtl);
    }
    return QStringLiteral("nothing was changed");
}

void DnsSwitchJob::cancel()
{
    if (!m_running)
        return;
    fail(DnsSwitchError::Cancelled, QStringLiteral("cancelled"));
}

void DnsSwitchJob::fail(DnsSwitchError code, const QString& why)
{
    // A provider's change that was cancelled may still be applied.
    const QString maybe = code == DnsSwitchError::Cancelled &&
                                  (m_phase == Phase::LoweringTtl || m_phase == Phase::Changing) &&
                                  m_provider->isRunning()
                              ? QStringLiteral(" (the change sent may still be applied: read the "
                                               "record before trying again)")
                          : code == DnsSwitchError::Cancelled && m_changed
                              ? QStringLiteral("; its propagation was not verified")
                              : QString();
    finish(Error(code, QStringLiteral("%1; %2%3").arg(why, doneText(), maybe)));
}

void DnsSwitchJob::succeed()
{
    m_report.servers = m_servers;
    finish(m_report);
}

void DnsSwitchJob::finish(const Result<DnsSwitchReport>& result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    if (m_provider->isRunning())
        m_provider->cancel();
    if (m_lookupClient->isRunning())
        m_lookupClient->cancel();
    stopClients();
    const QDateTime endedAt = QDateTime::currentDateTimeUtc();
    Result<DnsSwitchReport> outcome = result;
    if (outcome)
        outcome->endedAt = endedAt;

    if (m_history) {
        DnsSwitchRecord record;
        record.service = m_request.service;
        if (m_fromKnown)
            record.from = m_report.from;
        record.to = m_request.to;
        record.mode = m_request.mode;
        record.startedAt = m_report.startedAt;
        record.endedAt = endedAt;
        record.convergenceMs = outcome ? outcome->convergenceMs : -1;
        if (outcome) {
            record.outcome = outcome->alreadySwitched ? DnsSwitchRecord::Outcome::AlreadySwitched
                                                      : DnsSwitchRecord::Outcome::Success;
            record.message =
                !outcome->alreadySwitched ? doneText()
                : m_request.operation == DnsSwitchRequest::Operation::Remove
                    ? QStringLiteral("%1 did not exist: nothing to remove").arg(m_request.name)
                    : QStringLiteral("already on %1").arg(sideName(m_request.to));
        } else {
            record.outcome = outcome.error().is(DnsSwitchError::Cancelled)
                                 ? DnsSwitchRecord::Outcome::Cancelled
                                 : DnsSwitchRecord::Outcome::Failed;
            record.message = outcome.error().message();
        }
        if (const Result<void> recorded = m_history->record(record); !recorded)
            qCWarning(lcDns) << "cannot record the switch:" << recorded.error().message();
    }
    if (!outcome)
        qCWarning(lcDns) << "switch of" << m_request.name << "failed:" << outcome.error().message();
    emit finished(outcome);
}

void DnsSwitchJob::stopClients()
{
    const QList<DnsClient*> clients = std::exchange(m_clients, {});
    for (DnsClient* client : clients) {
        client->disconnect(this);
        if (client->isRunning())
            client->cancel();
        client->deleteLater();
    }
}

} // namespace relais
