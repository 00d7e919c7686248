#pragma once

#include <QString>
#include <QStringList>

namespace relais {

/// @p argument quoted for a POSIX shell when it needs it ('…' with each '
/// written '\''); plain words stay as they are.
QString shellQuote(const QString& argument);

/// Each of @p words quoted, joined by spaces: a command line for a POSIX shell.
QString shellJoin(const QStringList& words);

} // namespace relais
