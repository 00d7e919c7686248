#include "TrayIcon.h"

#include "HealthIcon.h"
#include "HealthText.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QAction>
#include <QMenu>

namespace relais {

TrayIcon::TrayIcon(QObject* parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_baseIcon(QStringLiteral(":/icons/relais.svg"))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_menu->setToolTipsVisible(true);
    QAction* open = m_menu->addAction(tr("&Open Console"), this, &TrayIcon::openConsoleRequested);
    open->setObjectName(QStringLiteral("trayOpenConsole"));
    m_drill = m_menu->addAction(tr("Run &Rehearsal Now"), this, &TrayIcon::rehearsalRequested);
    m_drill->setObjectName(QStringLiteral("trayRunDrill"));
    setDrillAvailable(false);
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuit"));
    m_tray->setContextMenu(m_menu);

    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit openConsoleRequested();
            });
    refresh();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::hide()
{
    m_tray->hide();
}

void TrayIcon::setHealth(SiteHealth* health)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_health = health;
    if (health) {
        m_connections << connect(health, &SiteHealth::hostStateChanged, this,
                                 &TrayIcon::onHostStateChanged);
        m_connections << connect(health, &QObject::destroyed, this, [this] { refresh(); });
    }
    refresh();
}

QString TrayIcon::toolTip() const
{
    if (!m_health)
        return tr("Relais — no site open");
    return tr("%1 — main: %2, backup: %3")
        .arg(m_health->site().name, HealthText::stateAdjective(m_health->hostState(HostRole::Main)),
             HealthText::stateAdjective(m_health->hostState(HostRole::Backup)));
}

void TrayIcon::refresh()
{
    m_shownState = m_health ? m_health->siteState() : HealthState::Unknown;
    if (m_iconState != m_shownState) {
        m_iconState = m_shownState;
        m_tray->setIcon(HealthIcon::overlay(m_baseIcon, m_shownState));
    }
    m_tray->setToolTip(toolTip());
}

QString TrayIcon::plainReason(HostRole role, const QString& reason) const
{
    if (m_health) {
        // The first of the host's probes that fails, said plainly, then
        // which probe it is on a line of its own.
        for (const ProbeMonitor* monitor : m_health->monitors()) {
            if (monitor->target() != role || monitor->state() != HealthState::Down)
                continue;
            const QString sentence = HealthText::lastFailure(*m_health, *monitor);
            if (!sentence.isEmpty())
                return sentence + QLatin1Char('\n') + monitor->description();
        }
    }
    return reason;
}

void TrayIcon::onHostStateChanged(HostRole role, HealthState from, HealthState to,
                                  const QString& reason)
{
    refresh();
    const QString host = HealthText::roleName(role);
    const QString title = m_health ? m_health->site().name : tr("Relais");
    switch (to) {
    case HealthState::Down:
        notify(title, tr("%1 is down: %2").arg(host, plainReason(role, reason)),
               QSystemTrayIcon::Critical);
        break;
    case HealthState::Degraded:
        notify(title, tr("%1 is degraded: %2").arg(host, plainReason(role, reason)),
               QSystemTrayIcon::Warning);
        break;
    case HealthState::Up:
        // The first verdict of a fresh start is not news; a recovery is.
        if (from != HealthState::Unknown)
            notify(title, tr("%1 recovered").arg(host), QSystemTrayIcon::Information);
        break;
    case HealthState::Unknown:
        notify(title, tr("%1: state unknown").arg(host), QSystemTrayIcon::Warning);
        break;
    }
}

void TrayIcon::notify(const QString& title, const QString& body, QSystemTrayIcon::MessageIcon icon)
{
    m_messages << Message{title, body, icon};
    while (m_messages.size() > 20)
        m_messages.removeFirst();
    m_tray->showMessage(title, body, icon);
    emit messageShown(title, body);
}

void TrayIcon::setDrillAvailable(bool available)
{
    m_drill->setEnabled(available);
    m_drill->setToolTip(available ? tr("Rehearse the site's recovery plan on isolated clones; "
                                       "production is not touched.")
                                  : tr("The open site has no recovery plan (\"plan\" in its "
                                       "document) to rehearse."));
}

void TrayIcon::showDrillMessage(const QString& title, const QString& body, bool good)
{
    notify(title, body, good ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
}

void TrayIcon::windowHidden()
{
    if (m_hiddenSaid || !m_tray->isVisible())
        return;
    m_hiddenSaid = true;
    notify(tr("Relais"),
           tr("Relais keeps watching the site from here. Use Quit in this menu to stop it."),
           QSystemTrayIcon::Information);
}

} // namespace relais
