#include "SiteHealth.h"

#include "HealthHistory.h"
#include "LxdProbeContext.h"
#include "ProbeFactory.h"
#include "ProbeMonitor.h"
#include "common/Clock.h"
#include "common/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QUrl>
#include <algorithm>

namespace relais {

namespace {
const char* roleName(HostRole role)
{
    return role == HostRole::Main ? "main" : "backup";
}
} // namespace

SiteHealth::SiteHealth(Site site, QNetworkAccessManager& network, const Clock& clock,
                       HealthHistory* history, Mode mode, QObject* parent,
                       const LxdProbeContext* lxd)
    : QObject(parent)
    , m_site(std::move(site))
    , m_clock(clock)
    , m_history(history)
{
    // Checks go straight to the servers: a check through a proxy would
    // measure the proxy, and asking the system for a proxy on every request
    // (libproxy) costs more than the check itself.
    network.setProxy(QNetworkProxy::NoProxy);
    for (qsizetype s = 0; s < m_site.services.size(); ++s) {
        const Service& service = m_site.services[s];
        for (qsizetype i = 0; i < service.probes.size(); ++i) {
            const ProbeSpec& spec = service.probes[i];
            std::unique_ptr<Probe> probe = ProbeFactory::create(
                spec, ProbeFactory::serviceOf(spec, m_site), m_site, network, lxd);
            if (!probe)
                continue;
            HysteresisPolicy policy;
            const bool single = mode == Mode::SingleShot;
            policy.failThreshold = single ? 1 : spec.failThreshold;
            policy.recoverThreshold = single ? 1 : spec.recoverThreshold;
            const QString id = QStringLiteral("%1/%2").arg(service.name).arg(i);
            auto* monitor =
                new ProbeMonitor(id, std::move(probe), std::chrono::seconds(spec.intervalSeconds),
                                 policy, targetOf(spec, m_site), m_clock, this);
            connect(
                monitor, &ProbeMonitor::stateChanged, this,
                [this, monitor](const StateChange& change) { onProbeChanged(monitor, change); });
            connect(monitor, &ProbeMonitor::checked, this,
                    [this, monitor](const ProbeResult&) { onChecked(monitor); });
            m_monitors.push_back(monitor);
            m_origins.push_back({s, i});
        }
    }
}

SiteHealth::~SiteHealth()
{
    stop();
}

void SiteHealth::start()
{
    // Spread the probes over the shortest interval, as monitoring systems
    // interleave their checks, so that many probes do not fire together at
    // one server (and at the event loop). The first round still completes
    // within one interval.
    std::chrono::milliseconds shortest = std::chrono::hours(1);
    for (const ProbeMonitor* monitor : m_monitors)
        shortest = std::min(shortest, monitor->interval());
    const auto count = qint64(m_monitors.size());
    for (qint64 i = 0; i < count; ++i)
        m_monitors[std::size_t(i)]->start(startOffset(i, count, shortest));
}

std::chrono::milliseconds SiteHealth::startOffset(qint64 index, qint64 count,
                                                  std::chrono::milliseconds interval)
{
    // Precise timers due at the same millisecond fire in one pass of the
    // event loop: probes in one slot cost one wake-up instead of one each
    // (200 probes at 1 s: 40 wake-ups a second, not 200), and their timers
    // stay together since a periodic precise timer keeps its schedule.
    if (count <= 0)
        return std::chrono::milliseconds(0);
    const qint64 spread = interval.count() * index / count;
    return std::chrono::milliseconds(spread - spread % StartSlot.count());
}

void SiteHealth::stop()
{
    for (ProbeMonitor* monitor : m_monitors)
        monitor->stop();
}

void SiteHealth::checkAll()
{
    for (ProbeMonitor* monitor : m_monitors)
        monitor->checkNow();
}

std::vector<ProbeMonitor*> SiteHealth::monitorsOf(const QString& service) const
{
    std::vector<ProbeMonitor*> list;
    for (ProbeMonitor* monitor : m_monitors) {
        if (serviceOf(monitor) == service)
            list.push_back(monitor);
    }
    return list;
}

std::size_t SiteHealth::indexOf(const ProbeMonitor* monitor) const
{
    return std::size_t(std::find(m_monitors.begin(), m_monitors.end(), monitor) -
                       m_monitors.begin());
}

QString SiteHealth::serviceOf(const ProbeMonitor* monitor) const
{
    const std::size_t i = indexOf(monitor);
    return i < m_origins.size() ? m_site.services[m_origins[i].service].name : QString();
}

const ProbeSpec* SiteHealth::specOf(const ProbeMonitor* monitor) const
{
    const std::size_t i = indexOf(monitor);
    if (i >= m_origins.size())
        return nullptr;
    return &m_site.services[m_origins[i].service].probes[m_origins[i].probe];
}

HealthState SiteHealth::hostState(HostRole role) const
{
    return role == HostRole::Main ? m_main : m_backup;
}

HealthState SiteHealth::siteState() const
{
    return worst(m_main, m_backup);
}

std::optional<HostRole> SiteHealth::activeSide(const QString& service) const
{
    for (const ProbeMonitor* monitor : m_monitors) {
        if (serviceOf(monitor) != service || !monitor->lastResult())
            continue;
        if (monitor->lastResult()->pointsTo)
            return monitor->lastResult()->pointsTo;
    }
    return std::nullopt;
}

bool SiteHealth::allChecked() const
{
    for (const ProbeMonitor* monitor : m_monitors) {
        if (!monitor->lastResult())
            return false;
    }
    return true;
}

std::optional<HostRole> SiteHealth::targetOf(const ProbeSpec& spec, const Site& site)
{
    switch (spec.kind) {
    case ProbeSpec::Kind::Tcp:
    case ProbeSpec::Kind::Ssh:
    case ProbeSpec::Kind::Lxd:
        return spec.host;
    case ProbeSpec::Kind::Http: {
        const QString host = QUrl(spec.url).host();
        for (HostRole role : {HostRole::Main, HostRole::Backup}) {
            const Host& h = site.host(role);
            if (!host.isEmpty() && (host == h.address || host == h.publicAddress))
                return role;
        }
        return std::nullopt;
    }
    case ProbeSpec::Kind::Dns:
        return std::nullopt;
    }
    return std::nullopt;
}

HealthState SiteHealth::computeHostState(HostRole role) const
{
    int up = 0;
    int down = 0;
    for (const ProbeMonitor* monitor : m_monitors) {
        if (monitor->target() != role)
            continue;
        if (monitor->state() == HealthState::Up)
            ++up;
        else if (monitor->state() == HealthState::Down)
            ++down;
    }
    if (up == 0 && down == 0)
        return HealthState::Unknown;
    if (down == 0)
        return HealthState::Up;
    if (up == 0)
        return HealthState::Down;
    return HealthState::Degraded;
}

void SiteHealth::onProbeChanged(ProbeMonitor* monitor, const StateChange& change)
{
    recordEvent({change.at, HealthEvent::Scope::Probe, monitor->id(), change.from, change.to,
                 change.flapping, change.reason});
    emit probeStateChanged(monitor, change);

    for (HostRole role : {HostRole::Main, HostRole::Backup}) {
        HealthState& current = role == HostRole::Main ? m_main : m_backup;
        const HealthState next = computeHostState(role);
        if (next == current)
            continue;
        const HealthState before = siteState();
        const HealthState from = current;
        current = next;
        const QString reason =
            monitor->target() == role
                ? QStringLiteral("%1: %2").arg(monitor->description(), change.reason)
                : QString();
        qCInfo(lcHealth).noquote() << "host" << roleName(role) << healthStateName(from) << "→"
                                   << healthStateName(next) << reason;
        recordEvent({change.at, HealthEvent::Scope::Host, QLatin1String(roleName(role)), from, next,
                     false, reason});
        emit hostStateChanged(role, from, next, reason);
        if (siteState() != before) {
            recordEvent({change.at, HealthEvent::Scope::Site, m_site.name, before, siteState(),
                         false, reason});
        }
    }
}

void SiteHealth::onChecked(ProbeMonitor* monitor)
{
    const std::optional<ProbeResult>& result = monitor->lastResult();
    if (result && result->error != HealthError::Timeout && !result->answers.isEmpty()) {
        // Report a change of the side the DNS points to once.
        const QString service = serviceOf(monitor);
        const auto it = m_lastSide.find(service);
        if (it == m_lastSide.end() || it->second != result->pointsTo) {
            m_lastSide[service] = result->pointsTo;
            emit activeSideChanged(service, result->pointsTo);
        }
    }
    emit updated();
}

void SiteHealth::recordEvent(const HealthEvent& event)
{
    if (m_history) {
        if (auto recorded = m_history->record(event); !recorded)
            qCWarning(lcHealth).noquote() << recorded.error().message();
    }
    emit eventRecorded(event);
}

} // namespace relais
