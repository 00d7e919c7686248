#pragma once

#include "HealthEvent.h"
#include "HealthState.h"
#include "StateChange.h"
#include "site/Site.h"

#include <QObject>
#include <chrono>
#include <map>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace relais {

class Clock;
class HealthHistory;
struct LxdProbeContext;
class ProbeMonitor;

/// The live health of a site: one monitor per probe of its services, the
/// state of main and backup from the probes that speak for them, which side
/// each service's DNS points to, and the site's worst state. Every change is
/// reported (and kept in the history when one is given).
///
/// A host's state: Unknown while none of its probes has a verdict; Up when
/// every probe with a verdict is up; Down when all of them are down;
/// Degraded when some are down and others up.
///
/// The network manager given is set to use no proxy: health checks go
/// straight to the servers.
class SiteHealth : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        Continuous, ///< the site's thresholds: the console, relaisctl health --watch
        SingleShot, ///< every verdict from one check: relaisctl health --once
    };

    /// @p lxd (may be null, copied) gives LXD probes their clients and the
    /// replication history.
    SiteHealth(Site site, QNetworkAccessManager& network, const Clock& clock,
               HealthHistory* history = nullptr, Mode mode = Mode::Continuous,
               QObject* parent = nullptr, const LxdProbeContext* lxd = nullptr);
    ~SiteHealth() override;

    void start();
    void stop();
    /// Checks every probe now (those not already running).
    void checkAll();

    const Site& site() const { return m_site; }
    const std::vector<ProbeMonitor*>& monitors() const { return m_monitors; }
    /// The monitors of one service, in document order.
    std::vector<ProbeMonitor*> monitorsOf(const QString& service) const;
    /// The service a monitor watches for (empty for a foreign monitor).
    QString serviceOf(const ProbeMonitor* monitor) const;
    /// The site document's probe a monitor runs (null for a foreign monitor).
    const ProbeSpec* specOf(const ProbeMonitor* monitor) const;

    HealthState hostState(HostRole role) const;
    /// The worst of the two hosts' states.
    HealthState siteState() const;
    /// The side the service's DNS record points to, per its DNS probe.
    std::optional<HostRole> activeSide(const QString& service) const;
    /// True once every probe has answered at least once.
    bool allChecked() const;

    /// Probes starting within one slot share their timer wake-ups.
    static constexpr std::chrono::milliseconds StartSlot{25};
    /// When the probe @p index of @p count starts after start(): spread
    /// over @p interval, rounded down to a StartSlot boundary.
    static std::chrono::milliseconds startOffset(qint64 index, qint64 count,
                                                 std::chrono::milliseconds interval);
    /// Keeps an event raised outside the probes (a missed sync run: see
    /// SyncScheduler::missedRunEvent) in the history and reports it like
    /// the others (eventRecorded: the event list, the tray).
    void addEvent(const HealthEvent& event) { recordEvent(event); }

    /// The host a probe speaks for: tcp/ssh name it; http by its URL's host
    /// (a host's address or public address); none for dns.
    static std::optional<HostRole> targetOf(const ProbeSpec& spec, const Site& site);

signals:
    void hostStateChanged(relais::HostRole role, relais::HealthState from, relais::HealthState to,
                          const QString& reason);
    void probeStateChanged(relais::ProbeMonitor* monitor, const relais::StateChange& change);
    void activeSideChanged(const QString& service, std::optional<relais::HostRole> side);
    /// Something shown changed (a check answered): views refresh.
    void updated();
    /// An event was added to the history.
    void eventRecorded(const relais::HealthEvent& event);

private:
    void onProbeChanged(ProbeMonitor* monitor, const StateChange& change);
    void onChecked(ProbeMonitor* monitor);
    HealthState computeHostState(HostRole role) const;
    void recordEvent(const HealthEvent& event);

    Site m_site;
    const Clock& m_clock;
    HealthHistory* m_history;
    std::vector<ProbeMonitor*> m_monitors;
    struct Origin
    {
        qsizetype service; ///< index in m_site.services
        qsizetype probe;   ///< index in that service's probes
    };
    std::vector<Origin> m_origins; ///< per monitor
    std::size_t indexOf(const ProbeMonitor* monitor) const;
    HealthState m_main = HealthState::Unknown;
    HealthState m_backup = HealthState::Unknown;
    std::map<QString, std::optional<HostRole>> m_lastSide;
};

} // namespace relais
