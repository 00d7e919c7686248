#pragma once

#include "DrillRecord.h"

#include <QCoreApplication>
#include <QString>

namespace relais {

/// Drill words for people: what a step does, its state, the mode.
class DrillText
{
    Q_DECLARE_TR_FUNCTIONS(DrillText)

public:
    /// "Start web, db on backup", "Switch www to backup"…
    static QString title(const DrillStep& step);
    static QString stepState(DrillStepRecord::State state);
    static QString runState(DrillRecord::State state);
    static QString mode(DrillMode mode);
    /// "1 min 05 s", "850 ms", "2 h 03 min".
    static QString duration(qint64 ms);
};

} // namespace relais
