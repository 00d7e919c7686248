#include "DashboardView.h"

#include "HostCard.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace relais {

DashboardView::DashboardView(QWidget* parent)
    : QWidget(parent)
    , m_siteName(new QLabel(this))
    , m_services(new QLabel(this))
    , m_targets(new QLabel(this))
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
    m_targets->setObjectName(QStringLiteral("targets"));
    m_targets->setWordWrap(true);

    auto* cards = new QHBoxLayout;
    cards->addWidget(m_main);
    cards->addWidget(m_backup);

    auto* servicesBox = new QGroupBox(tr("Services"), this);
    auto* servicesLayout = new QVBoxLayout(servicesBox);
    servicesLayout->addWidget(m_services);
    auto* targetsBox = new QGroupBox(tr("Recovery targets"), this);
    auto* targetsLayout = new QVBoxLayout(targetsBox);
    targetsLayout->addWidget(m_targets);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_siteName);
    layout->addLayout(cards, 1);
    layout->addWidget(servicesBox);
    layout->addWidget(targetsBox);
    layout->addStretch();
}

void DashboardView::setSite(const Site& site)
{
    m_siteName->setText(site.name);
    m_main->setHost(site.main);
    m_backup->setHost(site.backup);

    QStringList lines;
    for (const Service& service : site.services) {
        QString line = service.name;
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
    if (lines.isEmpty())
        lines << tr("No service is described in this site.");
    m_services->setText(lines.join(QLatin1Char('\n')));
    m_targets->setText(
        tr("Data loss at most %n minute(s) (RPO)", nullptr, site.targets.rpoMinutes) +
        QLatin1Char('\n') +
        tr("Back in service within %n minute(s) (RTO)", nullptr, site.targets.rtoMinutes));
}

} // namespace relais
