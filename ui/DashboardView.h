#pragma once

#include "RehearsalStatus.h"
#include "health/HealthEvent.h"
#include "health/SiteHealth.h"
#include "site/Site.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace relais {

class HealthEventModel;
class HostCard;
class ProbeTableModel;
class RehearsalBadge;

/// The console's home: the site at a glance, a card for main and one for
/// backup side by side, a row per service with where its DNS record points,
/// and below the state changes (events) and every probe.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(QWidget* parent = nullptr);

    /// The static description of the site: hosts, services, targets.
    void setSite(const Site& site);
    /// Follows @p health live (null: none). @p past seeds the event list,
    /// newest first (from HealthHistory::recent()).
    void setHealth(SiteHealth* health, const QList<HealthEvent>& past = {});
    SiteHealth* health() const { return m_health; }

    HostCard* mainCard() const { return m_main; }
    HostCard* backupCard() const { return m_backup; }
    HealthEventModel* eventModel() const { return m_eventModel; }
    ProbeTableModel* probeModel() const { return m_probeModel; }
    QTableView* eventView() const { return m_eventView; }
    QTableView* probeView() const { return m_probeView; }

    /// Where the DNS of @p service points, as shown ("www.example.test →
    /// main (10.231.0.10)").
    QString dnsSideText(const QString& service) const;

    /// Reads the health again now (the views also do so on their own, at
    /// most once per event-loop pass).
    void refresh();

    QPushButton* rehearsalButton() const { return m_rehearse; }
    /// The "last good rehearsal" badge.
    RehearsalBadge* rehearsalBadge() const { return m_rehearsalBadge; }
    /// Shows where the site stands with its rehearsals.
    void setRehearsalStatus(const RehearsalStatus& status);

signals:
    /// "Run rehearsal now" was clicked (enabled when the site has a plan).
    void rehearsalRequested();
    /// The rehearsal badge was clicked: show the drills.
    void drillsRequested();

private:
    struct ServiceRow
    {
        QString name;
        QString fqdn;
        QLabel* side;
    };

    void scheduleRefresh();
    QString sideSentence(const ServiceRow& row) const;

    QLabel* m_siteName;
    QGroupBox* m_servicesBox;
    QGridLayout* m_servicesLayout;
    QLabel* m_targets;
    QPushButton* m_rehearse;
    RehearsalBadge* m_rehearsalBadge;
    HostCard* m_main;
    HostCard* m_backup;
    QTabWidget* m_tabs;
    HealthEventModel* m_eventModel;
    ProbeTableModel* m_probeModel;
    QTableView* m_eventView;
    QTableView* m_probeView;
    QList<ServiceRow> m_serviceRows;
    QList<QWidget*> m_serviceWidgets;
    QPointer<SiteHealth> m_health;
    QList<QMetaObject::Connection> m_connections;
    QTimer m_refreshTimer;
};

} // namespace relais
