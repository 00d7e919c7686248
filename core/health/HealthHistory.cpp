#include "HealthHistory.h"

#include "common/Database.h"
#include "common/DatabaseError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

const char* scopeName(HealthEvent::Scope scope)
{
    switch (scope) {
    case HealthEvent::Scope::Probe:
        return "probe";
    case HealthEvent::Scope::Host:
        return "host";
    case HealthEvent::Scope::Site:
        return "site";
    }
    return "probe";
}

HealthEvent::Scope scopeFromName(const QString& name)
{
    if (name == QLatin1String("host"))
        return HealthEvent::Scope::Host;
    if (name == QLatin1String("site"))
        return HealthEvent::Scope::Site;
    return HealthEvent::Scope::Probe;
}

HealthState stateFromName(const QString& name)
{
    for (HealthState state :
         {HealthState::Unknown, HealthState::Up, HealthState::Degraded, HealthState::Down}) {
        if (name == QLatin1String(healthStateName(state)))
            return state;
    }
    return HealthState::Unknown;
}

} // namespace

HealthHistory::HealthHistory(Database& database, QString site)
    : m_database(database)
    , m_site(std::move(site))
{}

Result<void> HealthHistory::record(const HealthEvent& event)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO health_events(site, at, scope, target, from_state, to_state, flapping, "
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(m_site);
    query.addBindValue(event.at.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(QLatin1String(scopeName(event.scope)));
    query.addBindValue(event.target);
    query.addBindValue(QLatin1String(healthStateName(event.from)));
    query.addBindValue(QLatin1String(healthStateName(event.to)));
    query.addBindValue(event.flapping ? 1 : 0);
    query.addBindValue(event.reason.isNull() ? QStringLiteral("") : event.reason);
    if (!query.exec()) {
        return Error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot record a health event: %1").arg(query.lastError().text()));
    }
    return Result<void>::success();
}

Result<QList<HealthEvent>> HealthHistory::recent(int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT at, scope, target, from_state, to_state, flapping, reason "
                                 "FROM health_events WHERE site = ? ORDER BY id DESC LIMIT ?"));
    query.addBindValue(m_site);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Error(
            DatabaseError::QueryFailed,
            QStringLiteral("cannot read the health history: %1").arg(query.lastError().text()));
    }
    QList<HealthEvent> events;
    while (query.next()) {
        HealthEvent event;
        event.at = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
        event.scope = scopeFromName(query.value(1).toString());
        event.target = query.value(2).toString();
        event.from = stateFromName(query.value(3).toString());
        event.to = stateFromName(query.value(4).toString());
        event.flapping = query.value(5).toInt() != 0;
        event.reason = query.value(6).toString();
        events << event;
    }
    return events;
}

} // namespace relais
