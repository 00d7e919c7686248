#include "DashboardView.h"

#include "HostCard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace relais {

DashboardView::DashboardView(QWidget* parent)
    : QWidget(parent)
    , m_siteName(new QLabel(this))
    , m_services(new QLabel(this))
    , m_main(new HostCard(HostRole::Main, this))
    , m_backup(new HostCard(HostRole::Backup, this))
{
    setObjectName(QStringLiteral("dashboard"));
    m_siteName->setObjectName(QStringLiteral("siteName"));
    QFont font = m_siteName->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    m_siteName->setFont(font);
    m_services->setObjectName(QStringLiteral("services"));
    m_services->setWordWrap(true);
    m_services->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* cards = new QHBoxLayout;
    cards->addWidget(m_main);
    cards->addWidget(m_backup);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_siteName);
    layout->addLayout(cards);
    layout->addWidget(m_services);
    layout->addStretch();
}

void DashboardView::setSite(const Site& site)
{
    m_siteName->setText(site.name);
    m_main->setHost(site.main);
    m_backup->setHost(site.backup);

    QStringList lines;
    for (const Service& service : site.services) {
        QString line = tr("Service %1").arg(service.name);
        if (service.dns) {
            const QString fqdn = service.dns->record == QStringLiteral("@")
                                     ? service.dns->zone
                                     : service.dns->record + QLatin1Char('.') + service.dns->zone;
            line = tr("%1: DNS record %2 (%3, TTL %4 s)")
                       .arg(line, fqdn, service.dns->type)
                       .arg(service.dns->ttl);
        }
        if (!service.containers.isEmpty())
            line =
                tr("%1; containers: %2").arg(line, service.containers.join(QStringLiteral(", ")));
        lines << line;
    }
    lines << tr("Targets: data loss at most %n minute(s)", nullptr, site.targets.rpoMinutes)
          << tr("back in service within %n minute(s)", nullptr, site.targets.rtoMinutes);
    m_services->setText(lines.join(QLatin1Char('\n')));
}

} // namespace relais
