#include "FailoverIpStepJob.h"

#include "PlanError.h"
#include "common/Logging.h"
#include "dns/DnsSwitchHistory.h"

namespace relais {

FailoverIpStepJob::FailoverIpStepJob(std::unique_ptr<OvhFailoverIpMove> move, QString service,
                                     FailoverIp failoverIp, DnsSwitchRequest::Side to,
                                     std::unique_ptr<DnsSwitchHistory> history, QObject* parent)
    : StepJob(parent)
    , m_move(std::move(move))
    , m_service(std::move(service))
    , m_failoverIp(std::move(failoverIp))
    , m_to(to)
    , m_history(std::move(history))
{
    connect(m_move.get(), &OvhFailoverIpMove::progress, this, [this](const QString& status) {
        if (status == m_lastStatus)
            return;
        m_lastStatus = status;
        emit output(tr("OVH task: %1").arg(status));
    });
    connect(m_move.get(), &OvhFailoverIpMove::finished, this, &FailoverIpStepJob::onMoved);
}

FailoverIpStepJob::~FailoverIpStepJob()
{
    m_move->disconnect(this);
}

void FailoverIpStepJob::start()
{
    const QString target = m_to == DnsSwitchRequest::Side::Main ? m_failoverIp.mainService
                                                                : m_failoverIp.backupService;
    m_startedAt = QDateTime::currentDateTimeUtc();
    emit output(tr("Moving the failover IP %1 to %2.").arg(m_failoverIp.ip, target));
    m_move->start(m_failoverIp.ip, target);
}

void FailoverIpStepJob::cancel()
{
    m_move->cancel();
}

void FailoverIpStepJob::onMoved(const Result<OvhFailoverIpMoveResult>& result)
{
    if (m_history) {
        if (const Result<void> recorded =
                m_history->recordMove(m_service, m_failoverIp, m_to,
                                      DnsSwitchRequest::Mode::Emergency, m_startedAt, result);
            !recorded)
            qCWarning(lcPlan) << "cannot record the move:" << recorded.error().message();
    }
    if (!result) {
        emit finished(
            Error(PlanError::StepFailed, tr("The failover IP %1 was not moved: %2")
                                             .arg(m_failoverIp.ip, result.error().message())));
        return;
    }
    const QString target = m_to == DnsSwitchRequest::Side::Main ? m_failoverIp.mainService
                                                                : m_failoverIp.backupService;
    emit output(
        result->alreadyThere
            ? tr("The failover IP %1 was already routed to %2.").arg(m_failoverIp.ip, target)
            : tr("The failover IP %1 is routed to %2 (was %3), in %4 ms.")
                  .arg(m_failoverIp.ip, target, result->previousService)
                  .arg(result->durationMs));
    emit finished(Result<void>::success());
}

} // namespace relais
