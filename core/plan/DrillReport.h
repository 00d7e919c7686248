#pragma once

#include "DrillRecord.h"
#include "site/Targets.h"

#include <QCoreApplication>
#include <QString>

namespace relais {

/// The evidence of one drill as a self-contained HTML document: outcome,
/// RTO and RPO against the site's targets, the decisions taken, a timeline
/// (Gantt-style) of the steps, each step's result and output. Plain HTML 4
/// with inline attributes only, so that QTextDocument renders it the same
/// way for PDF. Everything that comes from the site or the steps is escaped.
class DrillReport
{
    Q_DECLARE_TR_FUNCTIONS(DrillReport)

public:
    static QString html(const DrillRecord& record, const QString& siteName, const Targets& targets);

    /// Whether a measure met its target (minutes); nullopt when not measured.
    static std::optional<bool> rtoMet(const DrillRecord& record, const Targets& targets);
    static std::optional<bool> rpoMet(const DrillRecord& record, const Targets& targets);
};

} // namespace relais
