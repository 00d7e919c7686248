#pragma once

#include "common/Result.h"
#include "site/Site.h"

#include <QMainWindow>
#include <optional>

class QMenu;
class QStackedWidget;
class QLabel;

namespace relais {

class DashboardView;
class RecentSites;

/// The console's main window: opens a site (command line, File › Open,
/// recent sites) and shows its dashboard.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(RecentSites& recent, QWidget* parent = nullptr);

    /// Loads the site at @p path and shows it. On failure the current site
    /// stays open and the user is told why, with every problem listed.
    Result<void> openSite(const QString& path);

    const std::optional<Site>& site() const { return m_site; }
    QString sitePath() const { return m_sitePath; }
    DashboardView* dashboard() const { return m_dashboard; }

public slots:
    void showOpenDialog();
    void showAbout();

signals:
    void siteOpened(const QString& path);

private:
    void buildMenus();
    void rebuildRecentMenu();
    void showError(const QString& title, const Error& error);

    RecentSites& m_recent;
    std::optional<Site> m_site;
    QString m_sitePath;
    QStackedWidget* m_stack;
    QWidget* m_welcome;
    DashboardView* m_dashboard;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_statusPath;
};

} // namespace relais
