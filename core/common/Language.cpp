#include "Language.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace relais {

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

QString Language::choose(const QString& requested)
{
    const QString wanted = requested.left(2).toLower();
    if (available().contains(wanted))
        return wanted;
    for (const QString& ui : QLocale::system().uiLanguages()) {
        const QString code = ui.left(2).toLower();
        if (available().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool Language::install(QCoreApplication& app, const QString& language)
{
    if (!available().contains(language))
        return false;
    QLocale::setDefault(QLocale(language));

    auto* relais = new QTranslator(&app);
    if (relais->load(QStringLiteral(":/i18n/relais_%1.qm").arg(language)))
        QCoreApplication::installTranslator(relais);
    else
        qCWarning(lcCommon) << "no Relais translation for" << language;

    // Qt's own strings (standard buttons, shortcuts), when installed.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return true;
}

} // namespace relais
