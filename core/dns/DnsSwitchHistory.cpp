#include "DnsSwitchHistory.h"

#include "DnsApiError.h"
#include "common/Database.h"
#include "common/DatabaseError.h"

#include <QSqlError>
#include <QSqlQuery>
#include <array>

namespace relais {

namespace {

constexpr std::array<const char*, 4> OutcomeNames = {"success", "already", "failed", "cancelled"};

DnsSwitchRecord::Outcome outcomeFromName(const QString& name)
{
    for (std::size_t i = 0; i < OutcomeNames.size(); ++i) {
        if (name == QLatin1String(OutcomeNames[i]))
            return static_cast<DnsSwitchRecord::Outcome>(i);
    }
    return DnsSwitchRecord::Outcome::Failed;
}

QString sideName(DnsSwitchRequest::Side side)
{
    return side == DnsSwitchRequest::Side::Main ? QStringLiteral("main") : QStringLiteral("backup");
}

DnsSwitchRequest::Side sideFromName(const QString& name)
{
    return name == QStringLiteral("main") ? DnsSwitchRequest::Side::Main
                                          : DnsSwitchRequest::Side::Backup;
}

} // namespace

DnsSwitchHistory::DnsSwitchHistory(Database& database, QString site)
    : m_database(database)
    , m_site(std::move(site))
{}

Result<void> DnsSwitchHistory::record(const DnsSwitchRecord& run)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO dns_switches(site, service, from_side, to_side, mode, started_at, ended_at, "
        "convergence_ms, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(m_site);
    query.addBindValue(run.service);
    query.addBindValue(run.from ? sideName(*run.from) : QStringLiteral("neither"));
    query.addBindValue(sideName(run.to));
    query.addBindValue(run.mode == DnsSwitchRequest::Mode::Planned ? QStringLiteral("planned")
                                                                   : QStringLiteral("emergency"));
    query.addBindValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(run.endedAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(run.convergenceMs);
    query.addBindValue(QLatin1String(OutcomeNames[static_cast<std::size_t>(run.outcome)]));
    query.addBindValue(run.message.isNull() ? QStringLiteral("") : run.message);
    if (!query.exec()) {
        return Error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot record a DNS switch: %1").arg(query.lastError().text()));
    }
    return Result<void>::success();
}

Result<QList<DnsSwitchRecord>> DnsSwitchHistory::recent(const QString& service, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT service, from_side, to_side, mode, started_at, ended_at, convergence_ms, outcome, "
        "message FROM dns_switches WHERE site = ? AND (? = '' OR service = ?) "
        "ORDER BY id DESC LIMIT ?"));
    const QString filter = service.isNull() ? QStringLiteral("") : service;
    query.addBindValue(m_site);
    query.addBindValue(filter);
    query.addBindValue(filter);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("cannot read DNS switches: %1").arg(query.lastError().text()));
    }
    QList<DnsSwitchRecord> runs;
    while (query.next()) {
        DnsSwitchRecord run;
        run.service = query.value(0).toString();
        const QString from = query.value(1).toString();
        if (from != QStringLiteral("neither"))
            run.from = sideFromName(from);
        run.to = sideFromName(query.value(2).toString());
        run.mode = query.value(3).toString() == QStringLiteral("emergency")
                       ? DnsSwitchRequest::Mode::Emergency
                       : DnsSwitchRequest::Mode::Planned;
        run.startedAt = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs);
        run.endedAt = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        run.convergenceMs = query.value(6).toLongLong();
        run.outcome = outcomeFromName(query.value(7).toString());
        run.message = query.value(8).toString();
        runs.append(run);
    }
    return runs;
}

Result<void> DnsSwitchHistory::recordMove(const QString& service, const FailoverIp& failoverIp,
                                          DnsSwitchRequest::Side to, DnsSwitchRequest::Mode mode,
                                          const QDateTime& startedAt,
                                          const Result<OvhFailoverIpMoveResult>& result)
{
    const bool toMain = to == DnsSwitchRequest::Side::Main;
    const QString target = toMain ? failoverIp.mainService : failoverIp.backupService;
    DnsSwitchRecord run;
    run.service = service;
    run.to = to;
    run.mode = mode;
    run.startedAt = startedAt;
    run.endedAt = QDateTime::currentDateTimeUtc();
    if (result) {
        if (result->previousService == failoverIp.mainService)
            run.from = DnsSwitchRequest::Side::Main;
        else if (result->previousService == failoverIp.backupService)
            run.from = DnsSwitchRequest::Side::Backup;
        run.outcome = result->alreadyThere ? DnsSwitchRecord::Outcome::AlreadySwitched
                                           : DnsSwitchRecord::Outcome::Success;
        run.convergenceMs = result->durationMs;
        run.message =
            result->alreadyThere
                ? QStringLiteral("failover IP %1 already routed to %2").arg(failoverIp.ip, target)
                : QStringLiteral("failover IP %1 routed to %2 (was %3)")
                      .arg(failoverIp.ip, target, result->previousService);
    } else {
        run.outcome = result.error().is(DnsApiError::Cancelled)
                          ? DnsSwitchRecord::Outcome::Cancelled
                          : DnsSwitchRecord::Outcome::Failed;
        run.message =
            QStringLiteral("failover IP %1: %2").arg(failoverIp.ip, result.error().message());
    }
    return record(run);
}

} // namespace relais
