#include "MainWindow.h"

#include "AboutDialog.h"
#include "DashboardView.h"
#include "ErrorText.h"
#include "RecentSites.h"
#include "site/SiteDocument.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace relais {

MainWindow::MainWindow(RecentSites& recent, QWidget* parent)
    : QMainWindow(parent)
    , m_recent(recent)
    , m_stack(new QStackedWidget(this))
    , m_welcome(new QWidget(this))
    , m_dashboard(new DashboardView(this))
    , m_statusPath(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Relais"));
    resize(900, 560);

    auto* welcomeText = new QLabel(tr("No site is open. Open a site document to see its "
                                      "main and backup hosts."),
                                   m_welcome);
    welcomeText->setWordWrap(true);
    welcomeText->setAlignment(Qt::AlignCenter);
    auto* openButton = new QPushButton(tr("&Open a site…"), m_welcome);
    openButton->setObjectName(QStringLiteral("welcomeOpen"));
    connect(openButton, &QPushButton::clicked, this, &MainWindow::showOpenDialog);
    auto* welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->addStretch();
    welcomeLayout->addWidget(welcomeText);
    welcomeLayout->addWidget(openButton, 0, Qt::AlignHCenter);
    welcomeLayout->addStretch();

    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_dashboard);
    setCentralWidget(m_stack);
    statusBar()->addPermanentWidget(m_statusPath);

    buildMenus();
    connect(&m_recent, &RecentSites::changed, this, &MainWindow::rebuildRecentMenu);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Site…"), this, &MainWindow::showOpenDialog);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Relais"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = m_recent.paths();
    int index = 1;
    for (const QString& path : paths) {
        const QString label = index < 10 ? QStringLiteral("&%1 %2").arg(index).arg(path) : path;
        QAction* action = m_recentMenu->addAction(label);
        connect(action, &QAction::triggered, this, [this, path] { (void)openSite(path); });
        ++index;
    }
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("No recent sites"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), &m_recent, &RecentSites::clear);
}

Result<void> MainWindow::openSite(const QString& path)
{
    Result<Site> loaded = SiteDocument::load(path);
    if (!loaded) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), loaded.error());
        return loaded.error();
    }
    m_site = std::move(loaded).value();
    m_sitePath = path;
    m_dashboard->setSite(*m_site);
    m_stack->setCurrentWidget(m_dashboard);
    setWindowTitle(tr("%1 — Relais").arg(m_site->name));
    m_statusPath->setText(path.startsWith(QLatin1Char(':')) ? tr("built-in lab site") : path);
    m_recent.add(path);
    emit siteOpened(path);
    return Result<void>::success();
}

void MainWindow::showOpenDialog()
{
    auto* dialog = new QFileDialog(this, tr("Open Site"), QFileInfo(m_sitePath).absolutePath(),
                                   tr("Site documents (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("openDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& file) { (void)openSite(file); });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showError(const QString& title, const Error& error)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, ErrorText::summary(error),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The first problems are shown at once; the full list is one click away.
    constexpr qsizetype Shown = 8;
    QStringList lines{error.message()};
    lines += error.details().mid(0, Shown);
    if (error.details().size() > Shown)
        lines << tr("…and %n more (see the details).", nullptr,
                    int(error.details().size() - Shown));
    box->setInformativeText(lines.join(QLatin1Char('\n')));
    if (!error.details().isEmpty())
        box->setDetailedText(error.details().join(QLatin1Char('\n')));
    box->open();
}

} // namespace relais
