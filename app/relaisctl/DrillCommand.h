#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace relais {

/// `relaisctl drill plan|history|report`: what a drill of the site's plan
/// would do, the drills run so far with their RTO and RPO, and one drill's
/// report as HTML. The journal is the user's relais.db (RELAIS data
/// directory), keyed by the site document's absolute path as the console
/// keys it.
class DrillCommand
{
    Q_DECLARE_TR_FUNCTIONS(DrillCommand)

public:
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

private:
    static int plan(const QStringList& arguments, QTextStream& out, QTextStream& err);
    static int history(const QStringList& arguments, QTextStream& out, QTextStream& err);
    static int report(const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace relais
