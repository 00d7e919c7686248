#pragma once

#include "common/Result.h"
#include "plan/DrillRecord.h"
#include "site/Targets.h"

#include <QCoreApplication>
#include <QString>

namespace relais {

/// Writes a drill report (core/plan DrillReport) as evidence: HTML as it
/// is, PDF through QTextDocument and QPdfWriter (A4). Both written
/// atomically: an existing file is replaced only by a complete report.
class DrillReportFile
{
    Q_DECLARE_TR_FUNCTIONS(DrillReportFile)

public:
    static Result<void> writeHtml(const QString& path, const DrillRecord& record,
                                  const QString& siteName, const Targets& targets);
    static Result<void> writePdf(const QString& path, const DrillRecord& record,
                                 const QString& siteName, const Targets& targets);
    /// The PDF bytes (for writePdf and tests).
    static QByteArray pdf(const DrillRecord& record, const QString& siteName,
                          const Targets& targets);
};

} // namespace relais
