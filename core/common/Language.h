#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace relais {

/// The user interface languages of Relais (English and French) and the
/// loading of their translations, shared by the console and relaisctl.
class Language
{
public:
    /// Languages Relais is translated to, as two-letter codes.
    static QStringList available();

    /// The language to use: @p requested when it is available (e.g. from
    /// --lang), else the system locale's when available, else English.
    static QString choose(const QString& requested = {});

    /// Installs Relais' and Qt's own translations for @p language on
    /// @p app. Returns false when @p language is unknown.
    static bool install(QCoreApplication& app, const QString& language);
};

} // namespace relais
