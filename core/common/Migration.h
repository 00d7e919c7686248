#pragma once

#include <QStringList>

namespace relais {

/// One step of the database schema: applied once, in a transaction, when
/// the database's version is below `version`. Steps are never edited once
/// released; a change is a new step.
struct Migration
{
    int version;
    const char* description;
    QStringList statements;
};

} // namespace relais
