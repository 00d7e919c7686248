#include "MainWindow.h"
#include "RecentSites.h"
#include "common/Language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QSettings>

using namespace relais;

namespace {
// The lab site described in tests/lab/, built in: what the console opens
// when it is given no site and has none to reopen.
const QString BuiltInLabSite = QStringLiteral(":/sites/lab.json");
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("relais"));
    QApplication::setApplicationDisplayName(QStringLiteral("Relais"));
    QApplication::setOrganizationName(QStringLiteral("relais"));
    QApplication::setApplicationVersion(QStringLiteral(RELAIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.relais.Relais"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/relais.svg")));

    // The language is read before the parser so that --help is translated.
    QString requestedLanguage;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--lang") && i + 1 < args.size())
            requestedLanguage = args[i + 1];
        else if (args[i].startsWith(QStringLiteral("--lang=")))
            requestedLanguage = args[i].mid(7);
    }
    Language::install(app, Language::choose(requestedLanguage));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Relais, the disaster-recovery console for small sites."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption siteOption(
        QStringLiteral("site"), QApplication::translate("main", "Open the site document FILE."),
        QApplication::translate("main", "FILE"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main", "Use the language CODE (en or fr) instead of the "
                                        "system's."),
        QApplication::translate("main", "CODE"));
    parser.addOption(siteOption);
    parser.addOption(langOption);
    parser.process(app);

    QSettings settings;
    RecentSites recent(settings);
    MainWindow window(recent);
    window.show();

    if (parser.isSet(siteOption)) {
        (void)window.openSite(parser.value(siteOption));
    } else {
        const QStringList previous = recent.paths();
        if (!previous.isEmpty() && QFile::exists(previous.first()))
            (void)window.openSite(previous.first());
        else
            (void)window.openSite(BuiltInLabSite);
    }
    return app.exec();
}
