#pragma once

#include "DrillRecord.h"
#include "common/Result.h"

#include <QList>
#include <QString>

namespace relais {

class Database;

/// The drills of a site in relais.db: written before and after every step
/// so that a drill interrupted by a crash or a kill is found again at the
/// next start (unfinished()) and can be resumed or cleaned up.
class DrillJournal
{
public:
    DrillJournal(Database& database, QString site);

    /// Records a new drill with its steps (all pending); sets the ids.
    Result<void> begin(DrillRecord& record);
    /// Adds a step (a cleanup registered during the drill); sets its id.
    Result<void> addStep(qint64 runId, DrillStepRecord& step);
    /// Writes a step's state, attempts, times, message and output.
    Result<void> updateStep(const DrillStepRecord& step);
    /// Writes the drill's state, end, measures and message.
    Result<void> finish(const DrillRecord& record);

    /// The drill with its steps.
    Result<DrillRecord> load(qint64 id) const;
    /// Drills still marked running: Relais stopped in the middle of them.
    Result<QList<DrillRecord>> unfinished() const;
    /// The newest @p limit drills (with their steps), newest first.
    Result<QList<DrillRecord>> recent(int limit = 50) const;

private:
    Result<QList<DrillRecord>> recentWhere(const QString& where, int limit) const;

    Database& m_database;
    QString m_site;
};

} // namespace relais
