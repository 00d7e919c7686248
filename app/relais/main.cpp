#include "MainWindow.h"
#include "RecentSites.h"
#include "TrayIcon.h"
#include "common/Language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QSettings>
#include <QSystemTrayIcon>

using namespace relais;

namespace {
// The lab site described in tests/lab/, built in: what the console opens
// when it is given no site, has none to reopen and the lab is on this machine.
const QString BuiltInLabSite = QStringLiteral(":/sites/lab.json");

/// The lab of tests/lab runs (or ran) on this machine: its generated site
/// document exists, and labctl keeps guard routes for its addresses.
bool labIsHere()
{
    const QString state =
        qEnvironmentVariable("RELAIS_LAB_STATE", QStringLiteral("/var/tmp/relais-lab"));
    return QFile::exists(state + QStringLiteral("/site.json"));
}
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
    // A reminder to rehearse is given at most once a day, across restarts.
    window.setReminderSettings(&settings);

    // With a tray, Relais keeps watching when its window is closed, and
    // quits from the tray or File › Quit. Without one, closing quits (the
    // user is told so the first time).
    TrayIcon tray;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        QApplication::setQuitOnLastWindowClosed(false);
        window.setCloseAction(MainWindow::CloseAction::HideToTray);
        QObject::connect(&window, &MainWindow::healthChanged, &tray, &TrayIcon::setHealth);
        QObject::connect(&window, &MainWindow::hiddenToTray, &tray, &TrayIcon::windowHidden);
        QObject::connect(&tray, &TrayIcon::openConsoleRequested, &window, &MainWindow::showConsole);
        QObject::connect(&tray, &TrayIcon::rehearsalRequested, &window, &MainWindow::runRehearsal);
        QObject::connect(&window, &MainWindow::drillAvailable, &tray, &TrayIcon::setDrillAvailable);
        QObject::connect(&window, &MainWindow::drillMessage, &tray, &TrayIcon::showDrillMessage);
        QObject::connect(&window, &MainWindow::syncMessage, &tray,
                         [&tray](const QString& title, const QString& body) {
                             tray.showDrillMessage(title, body, false);
                         });
        QObject::connect(&tray, &TrayIcon::quitRequested, &window, &MainWindow::quit);
        tray.show();
    } else {
        window.setCloseAction(MainWindow::CloseAction::QuitAndExplainOnce, &settings);
    }
    window.show();

    if (parser.isSet(siteOption)) {
        (void)window.openSite(parser.value(siteOption));
    } else {
        const QStringList previous = recent.paths();
        if (!previous.isEmpty() && QFile::exists(previous.first()))
            (void)window.openSite(previous.first());
        else if (labIsHere())
            (void)window.openSite(BuiltInLabSite);
        // Otherwise the welcome page asks for a site: the built-in lab site
        // names private addresses that must not be probed on a machine
        // without the lab.
    }
    return app.exec();
}
