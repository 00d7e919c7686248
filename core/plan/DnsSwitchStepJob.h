#pragma once

#include "StepJob.h"
#include "dns/DnsSwitchJob.h"
#include "dns/DnsSwitchRequest.h"

#include <memory>

namespace relais {

class DnsProvider;
class DnsSwitchHistory;

/// A drill's DNS switch: DnsSwitchJob run emergency style (the address is
/// changed at once, on the condition that the record still holds what was
/// read), then verified at the authoritative servers. A record already on
/// the side asked is a success. Used for the switch of a service's record
/// (failover, failback) and for the rehearsal's drill record (pointed at
/// backup, then put back at main by the cleanup). Each run is recorded in
/// the switch history when one is given.
class DnsSwitchStepJob : public StepJob
{
    Q_OBJECT

public:
    /// @p history may be null; it is owned by the job.
    DnsSwitchStepJob(std::unique_ptr<DnsProvider> provider, DnsSwitchRequest request,
                     std::unique_ptr<DnsSwitchHistory> history, QObject* parent = nullptr);
    ~DnsSwitchStepJob() override;

    /// The request pointing @p drillRecord (relative to the zone of
    /// @p service's record) at @p to: the service's own binding, servers
    /// and addresses, with the drill name instead of the record's.
    static Result<DnsSwitchRequest> drillRecordRequest(const Site& site, const Service& service,
                                                       const QString& drillRecord,
                                                       DnsSwitchRequest::Side to);

    void start() override;
    void cancel() override;

private:
    void onPhase(DnsSwitchJob::Phase phase);
    void onSwitched(const Result<DnsSwitchReport>& result);

    std::unique_ptr<DnsSwitchHistory> m_history;
    DnsSwitchJob* m_job = nullptr;
    DnsSwitchRequest m_request;
};

} // namespace relais
