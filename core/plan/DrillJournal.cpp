#include "DrillJournal.h"

#include "common/Database.h"
#include "common/DatabaseError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <array>

namespace relais {

namespace {

constexpr std::array RunStateNames = {"running", "succeeded", "failed", "cancelled"};
constexpr std::array StepStateNames = {"pending", "running",   "succeeded",
                                       "failed",  "cancelled", "skipped"};

template <typename Enum, std::size_t N>
Enum fromName(const std::array<const char*, N>& names, const QString& name, Enum fallback)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return static_cast<Enum>(i);
    }
    return fallback;
}

QString time(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QDateTime parseTime(const QVariant& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString compact(const QJsonValue& value)
{
    return QString::fromUtf8(value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QVariant optional(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

Error queryError(const QSqlQuery& query, const char* what)
{
    return Error(
        DatabaseError::QueryFailed,
        QStringLiteral("cannot %1: %2").arg(QLatin1String(what), query.lastError().text()));
}

} // namespace

DrillJournal::DrillJournal(Database& database, QString site)
    : m_database(database)
    , m_site(std::move(site))
{}

Result<void> DrillJournal::begin(DrillRecord& record)
{
    QSqlDatabase db = m_database.connection();
    if (!db.transaction())
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("cannot start a transaction: %1").arg(db.lastError().text()));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO drill_runs(site, mode, state, started_at, decisions) "
                                 "VALUES (?, ?, 'running', ?, ?)"));
    query.addBindValue(m_site);
    query.addBindValue(drillModeName(record.mode));
    query.addBindValue(time(record.startedAt));
    query.addBindValue(compact(QJsonArray::fromStringList(record.decisions)));
    if (!query.exec()) {
        db.rollback();
        return queryError(query, "record a drill");
    }
    const qint64 runId = query.lastInsertId().toLongLong();
    for (DrillStepRecord& step : record.steps) {
        if (auto added = addStep(runId, step); !added) {
            db.rollback();
            return added.error();
        }
    }
    if (!db.commit()) {
        db.rollback();
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("cannot record a drill: %1").arg(db.lastError().text()));
    }
    record.id = runId;
    record.site = m_site;
    record.state = DrillRecord::State::Running;
    return Result<void>::success();
}

Result<void> DrillJournal::addStep(qint64 runId, DrillStepRecord& step)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO drill_steps(run_id, position, step, state) VALUES (?, ?, ?, ?)"));
    query.addBindValue(runId);
    query.addBindValue(step.position);
    query.addBindValue(compact(step.step.toJson()));
    query.addBindValue(QLatin1String(StepStateNames[static_cast<std::size_t>(step.state)]));
    if (!query.exec())
        return queryError(query, "record a drill step");
    step.id = query.lastInsertId().toLongLong();
    return Result<void>::success();
}

Result<void> DrillJournal::updateStep(const DrillStepRecord& step)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE drill_steps SET state = ?, attempts = ?, started_at = ?, "
                                 "ended_at = ?, message = ?, output = ? WHERE id = ?"));
    query.addBindValue(QLatin1String(StepStateNames[static_cast<std::size_t>(step.state)]));
    query.addBindValue(step.attempts);
    query.addBindValue(time(step.startedAt));
    query.addBindValue(time(step.endedAt));
    query.addBindValue(step.message.isNull() ? QStringLiteral("") : step.message);
    query.addBindValue(compact(QJsonArray::fromStringList(step.output)));
    query.addBindValue(step.id);
    if (!query.exec())
        return queryError(query, "update a drill step");
    if (query.numRowsAffected() != 1)
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("drill step %1 is not in the journal").arg(step.id));
    return Result<void>::success();
}

Result<void> DrillJournal::finish(const DrillRecord& record)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE drill_runs SET state = ?, ended_at = ?, rto_ms = ?, "
                                 "rpo_seconds = ?, message = ?, decisions = ? WHERE id = ?"));
    query.addBindValue(QLatin1String(RunStateNames[static_cast<std::size_t>(record.state)]));
    query.addBindValue(time(record.endedAt));
    query.addBindValue(optional(record.rtoMs));
    query.addBindValue(optional(record.rpoSeconds));
    query.addBindValue(record.message.isNull() ? QStringLiteral("") : record.message);
    query.addBindValue(compact(QJsonArray::fromStringList(record.decisions)));
    query.addBindValue(record.id);
    if (!query.exec())
        return queryError(query, "finish a drill");
    return Result<void>::success();
}

Result<DrillRecord> DrillJournal::load(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT site, mode, state, started_at, ended_at, rto_ms, "
                                 "rpo_seconds, message, decisions FROM drill_runs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return queryError(query, "read a drill");
    if (!query.next())
        return Error(DatabaseError::QueryFailed,
                     QStringLiteral("drill %1 is not in the journal").arg(id));
    DrillRecord record;
    record.id = id;
    record.site = query.value(0).toString();
    const auto mode = drillModeFromName(query.value(1).toString());
    if (!mode)
        return Error(DatabaseError::QueryFailed, QStringLiteral("drill %1 has an unknown mode %2")
                                                     .arg(id)
                                                     .arg(query.value(1).toString()));
    record.mode = *mode;
    record.state = fromName(RunStateNames, query.value(2).toString(), DrillRecord::State::Failed);
    record.startedAt = parseTime(query.value(3));
    record.endedAt = parseTime(query.value(4));
    if (!query.value(5).isNull())
        record.rtoMs = query.value(5).toLongLong();
    if (!query.value(6).isNull())
        record.rpoSeconds = query.value(6).toLongLong();
    record.message = query.value(7).toString();
    for (const QJsonValue& line :
         QJsonDocument::fromJson(query.value(8).toString().toUtf8()).array())
        record.decisions.append(line.toString());

    QSqlQuery steps(m_database.connection());
    steps.prepare(QStringLiteral("SELECT id, position, step, state, attempts, started_at, "
                                 "ended_at, message, output FROM drill_steps WHERE run_id = ? "
                                 "ORDER BY position, id"));
    steps.addBindValue(id);
    if (!steps.exec())
        return queryError(steps, "read drill steps");
    while (steps.next()) {
        DrillStepRecord step;
        step.id = steps.value(0).toLongLong();
        step.position = steps.value(1).toInt();
        const auto parsed = DrillStep::fromJson(
            QJsonDocument::fromJson(steps.value(2).toString().toUtf8()).object());
        if (!parsed)
            return Error(DatabaseError::QueryFailed,
                         QStringLiteral("step %1 of drill %2 cannot be read").arg(step.id).arg(id));
        step.step = *parsed;
        step.state =
            fromName(StepStateNames, steps.value(3).toString(), DrillStepRecord::State::Failed);
        step.attempts = steps.value(4).toInt();
        step.startedAt = parseTime(steps.value(5));
        step.endedAt = parseTime(steps.value(6));
        step.message = steps.value(7).toString();
        for (const QJsonValue& line :
             QJsonDocument::fromJson(steps.value(8).toString().toUtf8()).array())
            step.output.append(line.toString());
        record.steps.append(step);
    }
    return record;
}

Result<QList<DrillRecord>> DrillJournal::recentWhere(const QString& where, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM drill_runs WHERE site = ? %1 ORDER BY id DESC "
                                 "LIMIT ?")
                      .arg(where));
    query.addBindValue(m_site);
    query.addBindValue(limit);
    if (!query.exec())
        return queryError(query, "list drills");
    QList<qint64> found;
    while (query.next())
        found.append(query.value(0).toLongLong());
    QList<DrillRecord> records;
    for (const qint64 id : found) {
        auto record = load(id);
        if (!record)
            return record.error();
        records.append(std::move(record).value());
    }
    return records;
}

Result<QList<DrillRecord>> DrillJournal::unfinished() const
{
    return recentWhere(QStringLiteral("AND state = 'running'"), 100);
}

Result<QList<DrillRecord>> DrillJournal::recent(int limit) const
{
    return recentWhere(QString(), limit);
}

} // namespace relais
