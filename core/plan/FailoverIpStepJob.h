#pragma once

#include "StepJob.h"
#include "dns/DnsSwitchRequest.h"
#include "dns/OvhFailoverIpMove.h"
#include "site/FailoverIp.h"

#include <QDateTime>
#include <memory>

namespace relais {

class DnsSwitchHistory;

/// A drill's switch of a service that follows the active side by an OVH
/// failover IP (seed 004): the IP routed to the target side's server
/// (OvhFailoverIpMove), each OVH task status in the output, the move kept
/// in the switch history when one is given. Already there is success.
/// A cancel stops following the task; one OVH started goes on.
class FailoverIpStepJob : public StepJob
{
    Q_OBJECT

public:
    /// @p history may be null; it is owned by the job.
    FailoverIpStepJob(std::unique_ptr<OvhFailoverIpMove> move, QString service,
                      FailoverIp failoverIp, DnsSwitchRequest::Side to,
                      std::unique_ptr<DnsSwitchHistory> history, QObject* parent = nullptr);
    ~FailoverIpStepJob() override;

    void start() override;
    void cancel() override;

private:
    void onMoved(const Result<OvhFailoverIpMoveResult>& result);

    std::unique_ptr<OvhFailoverIpMove> m_move;
    QString m_service;
    FailoverIp m_failoverIp;
    DnsSwitchRequest::Side m_to;
    std::unique_ptr<DnsSwitchHistory> m_history;
    QDateTime m_startedAt;
    QString m_lastStatus;
};

} // namespace relais
