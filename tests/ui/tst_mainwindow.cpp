#include "AboutDialog.h"
#include "DashboardView.h"
#include "HostCard.h"
#include "MainWindow.h"
#include "RecentSites.h"
#include "common/Language.h"
#include "site/SiteError.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace relais;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static QString data(const QString& relative)
    {
        return QStringLiteral(RELAIS_TEST_DATA_DIR "/") + relative;
    }

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settings()
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                           QSettings::IniFormat);
    }

private slots:
    void init()
    {
        auto s = settings();
        s->clear();
    }

    void opensASiteOnTheDashboard()
    {
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy opened(&window, &MainWindow::siteOpened);
        const QString path = data(QStringLiteral("site/good/lab.json"));
        QVERIFY(window.openSite(path).ok());
        QCOMPARE(opened.count(), 1);
        QCOMPARE(window.windowTitle(), QStringLiteral("Relais lab — Relais"));
        QCOMPARE(window.dashboard()->findChild<QLabel*>(QStringLiteral("siteName"))->text(),
                 QStringLiteral("Relais lab"));

        // Both cards show their host, and the state in words.
        HostCard* main = window.dashboard()->mainCard();
        HostCard* backup = window.dashboard()->backupCard();
        const auto texts = [](QWidget* w) {
            QStringList all;
            for (QLabel* label : w->findChildren<QLabel*>())
                all << label->text();
            return all.join(QLatin1Char('|'));
        };
        QVERIFY2(texts(main).contains(QStringLiteral("10.231.0.10")), qPrintable(texts(main)));
        QVERIFY2(texts(backup).contains(QStringLiteral("10.231.0.20")), qPrintable(texts(backup)));
        QVERIFY(main->stateText().startsWith(QStringLiteral("Unknown")));

        // The site is remembered, most recent first.
        QCOMPARE(recent.paths().value(0), QFileInfo(path).absoluteFilePath());
        const QString services =
            window.dashboard()->findChild<QLabel*>(QStringLiteral("services"))->text();
        QVERIFY2(services.contains(QStringLiteral("www.example.test")), qPrintable(services));
    }

    void aBrokenSiteIsExplainedAndTheOpenSiteStays()
    {
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        window.show();
        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());

        const Result<void> failed =
            window.openSite(data(QStringLiteral("site/bad/port-out-of-range.json")));
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().is(SiteError::Invalid));
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->detailedText().contains(
            QStringLiteral("hosts.backup.ssh.port: expected 1–65535, got 70000")));
        QVERIFY(!box->text().isEmpty());
        box->close();

        // The site that was open is still the one shown; the bad file is not remembered.
        QCOMPARE(window.site()->name, QStringLiteral("Relais lab"));
        QCOMPARE(recent.paths().size(), 1);
    }

    void recentMenuReopensSites()
    {
        auto s = settings();
        RecentSites recent(*s);
        recent.add(data(QStringLiteral("site/good/lab.json")));
        MainWindow window(recent);
        auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QAction* first = menu->actions().value(0);
        QVERIFY(first && first->isEnabled());
        first->trigger();
        QVERIFY(window.site().has_value());
        QCOMPARE(window.site()->name, QStringLiteral("Relais lab"));

        recent.clear();
        QCOMPARE(menu->actions().size(), 1);
        QVERIFY(!menu->actions().first()->isEnabled());
    }

    void recentListIsBounded()
    {
        auto s = settings();
        RecentSites recent(*s);
        for (int i = 0; i < RecentSites::MaxEntries + 3; ++i)
            recent.add(m_dir.filePath(QStringLiteral("site%1.json").arg(i)));
        QCOMPARE(recent.paths().size(), RecentSites::MaxEntries);
        QVERIFY(recent.paths().first().endsWith(
            QStringLiteral("site%1.json").arg(RecentSites::MaxEntries + 2)));
    }

    void builtInLabSiteOpens()
    {
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        QVERIFY(window.openSite(QStringLiteral(":/sites/lab.json")).ok());
        QCOMPARE(window.site()->main.address, QStringLiteral("10.231.0.10"));
        // The resource is not a file to remember.
        QVERIFY(recent.paths().isEmpty());
    }

    void aboutIsReachable()
    {
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        window.show();
        auto* about = window.findChild<QAction*>(QStringLiteral("actionAbout"));
        QVERIFY(about);
        about->trigger();
        auto* dialog = window.findChild<AboutDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("aboutText"))
                    ->text()
                    .contains(QStringLiteral(RELAIS_VERSION)));
        dialog->close();
    }

    void openShortcutIsStandard()
    {
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        auto* open = window.findChild<QAction*>(QStringLiteral("actionOpen"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
    }

    void speaksFrench()
    {
        QVERIFY(Language::install(*qApp, QStringLiteral("fr")));
        auto s = settings();
        RecentSites recent(*s);
        MainWindow window(recent);
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Fichier")), qPrintable(menus.join(u',')));
        QVERIFY(window.openSite(data(QStringLiteral("site/good/lab.json"))).ok());
        QVERIFY2(window.dashboard()->mainCard()->stateText().startsWith(QStringLiteral("Inconnu")),
                 qPrintable(window.dashboard()->mainCard()->stateText()));
        const Result<void> failed =
            window.openSite(data(QStringLiteral("site/bad/port-out-of-range.json")));
        QVERIFY(!failed.ok());
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("erreurs")), qPrintable(box->text()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
