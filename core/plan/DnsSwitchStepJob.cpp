#include "DnsSwitchStepJob.h"

#include "DrillContext.h"
#include "PlanError.h"
#include "dns/DnsProvider.h"
#include "dns/DnsProviderFactory.h"
#include "dns/DnsSwitchError.h"
#include "dns/DnsSwitchHistory.h"
#include "site/Site.h"

namespace relais {

namespace {

QString sideText(DnsSwitchRequest::Side side)
{
    return side == DnsSwitchRequest::Side::Main ? DnsSwitchStepJob::tr("main")
                                                : DnsSwitchStepJob::tr("backup");
}

} // namespace

DnsSwitchStepJob::DnsSwitchStepJob(std::unique_ptr<DnsProvider> provider, DnsSwitchRequest request,
                                   std::unique_ptr<DnsSwitchHistory> history, QObject* parent)
    : StepJob(parent)
    , m_history(std::move(history))
    , m_job(new DnsSwitchJob(std::move(provider), this))
    , m_request(std::move(request))
{
    m_job->setHistory(m_history.get());
    connect(m_job, &DnsSwitchJob::phaseChanged, this, &DnsSwitchStepJob::onPhase);
    connect(m_job, &DnsSwitchJob::recordRead, this, &DnsSwitchStepJob::onRecordRead);
    connect(m_job, &DnsSwitchJob::serverAnswered, this, [this](const DnsServerAnswer& answer) {
        if (!answer.converged)
            return;
        if (m_request.operation == DnsSwitchRequest::Operation::Remove)
            emit output(tr("%1 answers no address for %2 (after %3 ms).")
                            .arg(answer.server.toString(), m_request.name)
                            .arg(answer.convergedAfterMs));
        else
            emit output(
                tr("%1 answers %2 (after %3 ms).")
                    .arg(answer.server.toString(), m_request.address(m_request.to).toString())
                    .arg(answer.convergedAfterMs));
    });
    connect(m_job, &DnsSwitchJob::finished, this, &DnsSwitchStepJob::onSwitched);
}

DnsSwitchStepJob::~DnsSwitchStepJob()
{
    // The job records into the history: it goes first.
    delete m_job;
}

Result<DnsSwitchRequest> DnsSwitchStepJob::drillRecordRequest(const Site& site,
                                                              const Service& service,
                                                              const QString& drillRecord,
                                                              DnsSwitchRequest::Side to)
{
    if (drillRecord.isEmpty())
        return Error(PlanError::NotConfigured,
                     tr("The plan has no drill record (\"drill_record\")."));
    Result<DnsSwitchRequest> request =
        DnsSwitchJob::requestFor(site, service, to, DnsSwitchRequest::Mode::Emergency);
    if (!request)
        return request.error();
    QString name = drillRecord;
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name == QStringLiteral("@") || name.isEmpty())
        return Error(PlanError::NotConfigured,
                     tr("The drill record cannot be the zone's apex: production lives there."));
    request->name = name + QLatin1Char('.') + request->zone;
    for (const Service& other : site.services) {
        if (other.dns && DnsProviderFactory::recordName(*other.dns)
                                 .compare(request->name, Qt::CaseInsensitive) == 0)
            return Error(PlanError::NotConfigured,
                         tr("The drill record %1 is the record of the service \"%2\": a "
                            "rehearsal never touches production.")
                             .arg(request->name, other.name));
    }
    request->service = service.name + QStringLiteral(" (drill)");
    return request;
}

void DnsSwitchStepJob::registerDrillCleanup(DrillContext& context, DrillStep cleanup)
{
    m_context = &context;
    m_cleanup = std::move(cleanup);
}

void DnsSwitchStepJob::start()
{
    const QString address = m_request.address(m_request.to).toString();
    if (!m_drillRecord)
        emit output(
            tr("Pointing %1 at %2 (%3).").arg(m_request.name, sideText(m_request.to), address));
    else if (m_request.operation == DnsSwitchRequest::Operation::Remove)
        emit output(tr("Removing drill record %1 (this drill created it).").arg(m_request.name));
    else if (m_request.operation == DnsSwitchRequest::Operation::Switch)
        emit output(tr("Putting drill record %1 back at %2 (%3), as it was before the drill.")
                        .arg(m_request.name, sideText(m_request.to), address));
    else
        emit output(tr("Reading drill record %1.").arg(m_request.name));
    m_job->start(m_request);
}

void DnsSwitchStepJob::cancel()
{
    if (m_job->isRunning())
        m_job->cancel();
}

void DnsSwitchStepJob::onRecordRead(const QList<QHostAddress>& addresses)
{
    if (!m_drillRecord || m_request.operation != DnsSwitchRequest::Operation::SwitchOrCreate)
        return;
    const bool created = addresses.isEmpty();
    const bool atMain = !created && addresses == QList<QHostAddress>{m_request.mainAddress};
    if (m_context && m_cleanup) {
        // Before anything changes: a drill killed from here on still
        // deletes what it created, or puts back what was there.
        DrillStep cleanup = *m_cleanup;
        cleanup.drillRecordCreated = created;
        cleanup.target = created || !atMain ? HostRole::Backup : HostRole::Main;
        m_context->addCleanup(cleanup);
        m_cleanup.reset();
    }
    const QString backup = m_request.backupAddress.toString();
    if (created)
        emit output(tr("Creating drill record %1 → backup (%2).").arg(m_request.name, backup));
    else if (atMain)
        emit output(tr("Drill record %1 exists and points at main (%2): moving it to backup "
                       "(%3); it is put back at main afterwards.")
                        .arg(m_request.name, m_request.mainAddress.toString(), backup));
    else
        emit output(tr("Drill record %1 exists and already points at backup (%2); it is left "
                       "so afterwards.")
                        .arg(m_request.name, backup));
}

void DnsSwitchStepJob::onPhase(DnsSwitchJob::Phase phase)
{
    switch (phase) {
    case DnsSwitchJob::Phase::Changing:
        if (m_drillRecord)
            return; // said when the record was read
        emit output(tr("Changing %1 from %2.")
                        .arg(m_request.name, sideText(m_request.to == DnsSwitchRequest::Side::Main
                                                          ? DnsSwitchRequest::Side::Backup
                                                          : DnsSwitchRequest::Side::Main)));
        return;
    case DnsSwitchJob::Phase::FindingServers:
        emit output(tr("Looking up the authoritative servers of %1.").arg(m_request.zone));
        return;
    case DnsSwitchJob::Phase::Verifying:
        emit output(tr("Verifying at the authoritative servers."));
        return;
    case DnsSwitchJob::Phase::Reading:
    case DnsSwitchJob::Phase::LoweringTtl:
    case DnsSwitchJob::Phase::WaitingOldTtl:
        return;
    }
}

void DnsSwitchStepJob::onSwitched(const Result<DnsSwitchReport>& result)
{
    if (!result) {
        if (result.error().is(DnsSwitchError::Cancelled)) {
            emit finished(
                Error(PlanError::Cancelled, tr("Cancelled: %1").arg(result.error().message())));
            return;
        }
        if (m_drillRecord && result.error().is(DnsSwitchError::NeitherSide)) {
            emit finished(Error(DnsSwitchError::NeitherSide,
                                tr("The drill record %1 holds an address Relais did not put "
                                   "there; it is never overwritten: %2")
                                    .arg(m_request.name, result.error().message())));
            return;
        }
        emit finished(result.error());
        return;
    }
    if (result->alreadySwitched) {
        if (m_request.operation == DnsSwitchRequest::Operation::Remove)
            emit output(
                tr("Drill record %1 does not exist: nothing to remove.").arg(m_request.name));
        else
            emit output(tr("%1 already points at %2: nothing was changed.")
                            .arg(m_request.name, sideText(m_request.to)));
        emit finished(Result<void>::success());
        return;
    }
    if (result->removed) {
        emit output(tr("Drill record %1 removed: the provider confirmed in %2 ms; %n server(s) "
                       "no longer answer it, converged in %3 ms.",
                       nullptr, int(result->servers.size()))
                        .arg(m_request.name)
                        .arg(result->changeLatencyMs)
                        .arg(result->convergenceMs));
        emit finished(Result<void>::success());
        return;
    }
    if (result->created) {
        emit output(tr("Drill record %1 created, pointing at backup (%2): the provider confirmed "
                       "in %3 ms; %n server(s) answer it, converged in %4 ms.",
                       nullptr, int(result->servers.size()))
                        .arg(m_request.name, m_request.backupAddress.toString())
                        .arg(result->changeLatencyMs)
                        .arg(result->convergenceMs));
        emit finished(Result<void>::success());
        return;
    }
    emit output(
        tr("%1 points at %2 (%3): the provider confirmed in %4 ms; %n server(s) answer "
           "it, converged in %5 ms.",
           nullptr, int(result->servers.size()))
            .arg(m_request.name, sideText(m_request.to), m_request.address(m_request.to).toString())
            .arg(result->changeLatencyMs)
            .arg(result->convergenceMs));
    emit finished(Result<void>::success());
}

} // namespace relais
