#pragma once

#include "DrillStep.h"
#include "StepJob.h"
#include "dns/DnsSwitchJob.h"
#include "dns/DnsSwitchRequest.h"

#include <memory>
#include <optional>

namespace relais {

class DnsProvider;
class DnsSwitchHistory;
class DrillContext;

/// A drill's DNS switch: DnsSwitchJob run emergency style (the address is
/// changed at once, on the condition that the record still holds what was
/// read), then verified at the authoritative servers. A record already on
/// the side asked is a success. Each run is recorded in the switch history
/// when one is given.
///
/// Used for the switch of a service's record (failover, failback) and for
/// the rehearsal's drill record:
///
/// - pointed at backup (SwitchOrCreate): a drill record that does not exist
///   is created; one that points at main is moved; one that already points
///   at backup is left; one holding anything else is refused, nothing
///   changed (Relais never overwrites a record it did not make). Once the
///   record is read and before anything changes, the cleanup given to
///   registerDrillCleanup() is registered, saying which it was;
/// - removed afterwards (the cleanup): the record the drill created is
///   deleted, and verified gone at every server (Remove); one that existed
///   is put back at the side it pointed at (Switch).
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

    /// The job works on the rehearsal's drill record: its output says so.
    void setDrillRecord(bool drillRecord) { m_drillRecord = drillRecord; }
    /// Pointing the drill record at backup: once the record is read, and
    /// before anything is changed, @p cleanup (a RemoveDrillRecord step) is
    /// registered in @p context (which must outlive the job) with
    /// drillRecordCreated set when the record does not exist (it is
    /// created: the cleanup deletes it), else with the side it points at
    /// as its target (the cleanup puts it back there).
    void registerDrillCleanup(DrillContext& context, DrillStep cleanup);

    void start() override;
    void cancel() override;

private:
    void onPhase(DnsSwitchJob::Phase phase);
    void onRecordRead(const QList<QHostAddress>& addresses);
    void onSwitched(const Result<DnsSwitchReport>& result);

    std::unique_ptr<DnsSwitchHistory> m_history;
    DnsSwitchJob* m_job = nullptr;
    DnsSwitchRequest m_request;
    bool m_drillRecord = false;
    DrillContext* m_context = nullptr;
    std::optional<DrillStep> m_cleanup;
};

} // namespace relais
