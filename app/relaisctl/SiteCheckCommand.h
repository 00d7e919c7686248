#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace relais {

/// `relaisctl site check FILE`: validates a site document and lists every
/// problem with its JSON path. Exit 0 when valid, 2 otherwise.
class SiteCheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(SiteCheckCommand)

public:
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace relais
