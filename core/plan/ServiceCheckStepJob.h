#pragma once

#include "StepJob.h"
#include "common/Backoff.h"
#include "dns/DnsSwitchRequest.h"
#include "site/ProbeSpec.h"
#include "site/Site.h"

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <optional>

class QNetworkAccessManager;

namespace relais {

class Clock;
class DnsClient;
class DrillContext;
class Probe;
struct DnsAnswer;
struct ProbeResult;

/// Waits until a service is reached on one side, in rounds until everything
/// passes or the step's timeout cancels it: the first round at once, the
/// next after FirstRetryMs, each wait then doubled up to MaxRetryMs, so that
/// a service that comes up soon is seen soon (the RTO is not rounded up to a
/// long tick):
/// - its probes from the console, aimed at that side (aimedAt()); the
///   first round where all pass is the service's first good probe on the
///   new side, marked in the drill context (RTO) when one is given;
/// - optionally its DNS record: every authoritative server (the binding's
///   "verify" list, else the zone's NS records found at the primary) must
///   answer the side's address; the time from the step's start to the last
///   server converging is said in the output.
/// Used for Verify (probes and record), VerifyDrillRecord (the drill
/// record only) and the wait after starting containers (probes only).
class ServiceCheckStepJob : public StepJob
{
    Q_OBJECT

public:
    /// @p probes already aimed at the side; @p record the record and the
    /// address expected (request.address(request.to)); @p context may be
    /// null (nothing marked). @p site, @p context and @p clock must outlive
    /// the job.
    ServiceCheckStepJob(const Site& site, QList<ProbeSpec> probes,
                        std::optional<DnsSwitchRequest> record, DrillContext* context,
                        const Clock& clock, QObject* parent = nullptr);
    ~ServiceCheckStepJob() override;

    /// The HTTP and TCP probes of @p probes, aimed at @p side: a TCP probe
    /// at that host; a plain http:// URL with that host's address (its
    /// public address, else its address) in place of its host; an https://
    /// URL kept (its name is verified, and reached through DNS). Other
    /// kinds (SSH, DNS, LXD) do not say whether the service answers there
    /// and are left out.
    static QList<ProbeSpec> aimedAt(const QList<ProbeSpec>& probes, const Site& site,
                                    HostRole side);

    /// The wait before the second round, and the longest wait between two.
    static constexpr int FirstRetryMs = 100;
    static constexpr int MaxRetryMs = 1000;

    void start() override;
    void cancel() override;

private:
    struct Server
    {
        QString address;
        quint16 port = 53;
        DnsClient* client = nullptr;
        bool converged = false;
        QString last; ///< what it answered last, for the output
    };

    void lookUpServers();
    void onLookup(const Result<DnsAnswer>& result);
    void addServer(const QString& address, quint16 port);
    void round();
    void onProbe(int index, const ProbeResult& result);
    void onAnswer(int index, const Result<DnsAnswer>& result);
    void settle();
    void finish(const Result<void>& result);

    const Site& m_site;
    QList<ProbeSpec> m_specs;
    std::optional<DnsSwitchRequest> m_record;
    DrillContext* m_context;
    const Clock& m_clock;
    QNetworkAccessManager* m_network = nullptr;
    QList<Probe*> m_probes;
    QStringList m_probeFailures; ///< this round's
    bool m_probesPassed = false;
    QList<Server> m_servers;
    DnsClient* m_lookup = nullptr;
    QStringList m_nameServers;
    int m_nextNameServer = -1; ///< -1: asking for the NS records
    QElapsedTimer m_elapsed;
    qint64 m_convergedMs = -1;
    QTimer m_retry;
    Backoff m_backoff{FirstRetryMs, MaxRetryMs};
    QString m_lastWhy;
    int m_pending = 0;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace relais
