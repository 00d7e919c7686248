#pragma once

#include "site/Site.h"

#include <QWidget>

class QLabel;

namespace relais {

class HostCard;

/// The console's home: the site at a glance, a card for main and one for
/// backup side by side, and the services with where their DNS record lives.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(QWidget* parent = nullptr);

    void setSite(const Site& site);

    HostCard* mainCard() const { return m_main; }
    HostCard* backupCard() const { return m_backup; }

private:
    QLabel* m_siteName;
    QLabel* m_services;
    QLabel* m_targets;
    HostCard* m_main;
    HostCard* m_backup;
};

} // namespace relais
