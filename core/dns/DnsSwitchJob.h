#pragma once

#include "DnsProvider.h"
#include "DnsServerAnswer.h"
#include "DnsSwitchError.h"
#include "DnsSwitchReport.h"
#include "DnsSwitchRequest.h"
#include "common/Backoff.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace relais {

class DnsClient;
class DnsSwitchHistory;
struct Service;
struct Site;

/// Switches a service's record to one side through its DnsProvider, then
/// verifies the change at the zone's authoritative servers.
///
/// 1. Reads the record. Already on the side asked: nothing to do, a
///    success with alreadySwitched. On neither side: NeitherSide, nothing
///    changed.
/// 2. Planned: changes the TTL to lowTtl with the same addresses (skipped
///    when it is already that low), then waits the old TTL out, emitting
///    countdown() every second. Emergency: neither.
/// 3. Changes the address, with the addresses read as the expected state,
///    so the provider refuses when the record changed meanwhile.
/// 4. Finds the servers to verify at (the request's list, else the zone's
///    NS records) and asks each directly, in rounds (at once, then after
///    FirstPollMs, each wait doubled up to pollIntervalMs), until all answer the
///    new address (success, with the time to convergence) or the
///    propagation timeout passes (PropagationTimeout).
///
/// The request's operation may also create the record when it does not
/// exist (SwitchOrCreate: the change's expected state is "no record"), or
/// delete it (Remove: on the condition that it holds the request's side's
/// address; verified when every server answers no address).
///
/// cancel() stops at any step; the error says what was done ("TTL lowered
/// to 30 s; the address was not changed"). finished() comes exactly once
/// per start(). With a history set, each run is recorded there.
class DnsSwitchJob : public QObject
{
    Q_OBJECT

public:
    enum class Phase
    {
        Reading,
        LoweringTtl,
        WaitingOldTtl,
        Changing,
        FindingServers,
        Verifying,
    };
    Q_ENUM(Phase)

    /// The wait before the second verification round (the first is asked
    /// at once), doubled each round up to the request's pollIntervalMs.
    static constexpr int FirstPollMs = 100;

    /// Takes @p provider (made by DnsProviderFactory) as a child.
    explicit DnsSwitchJob(std::unique_ptr<DnsProvider> provider, QObject* parent = nullptr);
    ~DnsSwitchJob() override;

    /// The request switching @p service of @p site to @p to: its binding's
    /// record, TTL and verify servers, the sides' public_address (else
    /// address). BadRequest when the service has no usable binding.
    static Result<DnsSwitchRequest> requestFor(const Site& site, const Service& service,
                                               DnsSwitchRequest::Side to,
                                               DnsSwitchRequest::Mode mode);

    /// Records every finished run (not owned; may be null).
    void setHistory(DnsSwitchHistory* history) { m_history = history; }

    void start(const DnsSwitchRequest& request);
    void cancel();
    bool isRunning() const { return m_running; }
    Phase phase() const { return m_phase; }
    const DnsSwitchRequest& request() const { return m_request; }

signals:
    void phaseChanged(relais::DnsSwitchJob::Phase phase);
    /// WaitingOldTtl: seconds left before the address is changed.
    void countdown(qint64 secondsLeft);
    /// Verifying: the servers that will be asked.
    void serversFound(const QList<relais::DnsServerAnswer>& servers);
    /// Verifying: one server's answer (or its failure to answer).
    void serverAnswered(const relais::DnsServerAnswer& answer);
    /// Reading: what the provider holds (empty: no record), before anything
    /// is changed. A receiver connected directly runs before any change is
    /// sent (the rehearsal registers its cleanup there).
    void recordRead(const QList<QHostAddress>& addresses);
    void finished(const relais::Result<relais::DnsSwitchReport>& result);

private:
    enum class Lookup
    {
        None,
        NameServers,
        Addresses,
    };

    void setPhase(Phase phase);
    void onRead(const Result<DnsRecordState>& result);
    void onChanged(const Result<DnsChangeResult>& result);
    void onTick();
    void changeAddress();
    void findServers();
    void onLookup(const Result<DnsAnswer>& result);
    void lookUpNextAddress();
    void startVerifying();
    void askRound();
    void onServerAnswer(int index, const Result<DnsAnswer>& result);
    /// What was done so far, for messages.
    QString doneText() const;
    void fail(DnsSwitchError code, const QString& why);
    void succeed();
    void finish(const Result<DnsSwitchReport>& result);
    void stopClients();

    DnsProvider* m_provider = nullptr;
    DnsSwitchHistory* m_history = nullptr;
    DnsSwitchRequest m_request;
    DnsSwitchReport m_report;
    Phase m_phase = Phase::Reading;
    bool m_running = false;
    bool m_changed = false;
    bool m_fromKnown = false;
    QTimer m_timer;
    QDeadlineTimer m_deadline;
    /// The waits between verification rounds.
    Backoff m_pollBackoff{FirstPollMs, FirstPollMs};
    qint64 m_lastCountdown = -1; ///< the last second announced
    QElapsedTimer m_sinceChange;
    DnsClient* m_lookupClient = nullptr;
    Lookup m_lookup = Lookup::None;
    QStringList m_nameServers;
    int m_nextNameServer = 0;
    QList<DnsServerAnswer> m_servers;
    QList<DnsClient*> m_clients; ///< one per server, parallel to m_servers
    int m_pending = 0;
};

} // namespace relais
