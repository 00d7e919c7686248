#pragma once

#include "health/HealthState.h"
#include "health/SiteHealth.h"
#include "site/Host.h"

#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

class QAction;
class QMenu;

namespace relais {

/// Relais in the system tray: an icon that shows the site's worst state
/// (the application icon with the state's symbol, differing in shape as well
/// as colour), a tooltip that says both hosts' states in words, a menu
/// (Open Console, Run Drill, Quit) and a notification on each change of a
/// host's state ("Main is down: …", "Main recovered").
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    struct Message
    {
        QString title;
        QString body;
        QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    };

    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    /// Follows @p health (null: no site open).
    void setHealth(SiteHealth* health);

    void show();
    void hide();

    QSystemTrayIcon* systemTrayIcon() const { return m_tray; }
    QMenu* menu() const { return m_menu; }
    /// The state the icon shows.
    HealthState shownState() const { return m_shownState; }
    QString toolTip() const;
    /// The notifications shown, oldest first (the last 20).
    const QList<Message>& messages() const { return m_messages; }

public slots:
    /// Says once per run that Relais keeps watching from the tray.
    void windowHidden();
    /// Whether the open site has a recovery plan to rehearse.
    void setDrillAvailable(bool available);
    /// Shows a drill's news (a plan's notify step, the end of a drill).
    void showDrillMessage(const QString& title, const QString& body, bool good);

signals:
    void openConsoleRequested();
    /// "Run rehearsal now" was chosen.
    void rehearsalRequested();
    void quitRequested();
    void messageShown(const QString& title, const QString& body);

private:
    void refresh();
    void onHostStateChanged(HostRole role, HealthState from, HealthState to, const QString& reason);
    QString plainReason(HostRole role, const QString& reason) const;
    void notify(const QString& title, const QString& body, QSystemTrayIcon::MessageIcon icon);

    QSystemTrayIcon* m_tray;
    QMenu* m_menu;
    QAction* m_drill;
    QIcon m_baseIcon;
    QPointer<SiteHealth> m_health;
    QList<QMetaObject::Connection> m_connections;
    std::optional<HealthState> m_iconState;
    HealthState m_shownState = HealthState::Unknown;
    QList<Message> m_messages;
    bool m_hiddenSaid = false;
};

} // namespace relais
