#include "DashboardView.h"

#include "HealthEventModel.h"
#include "HealthText.h"
#include "HostCard.h"
#include "ProbeTableModel.h"
#include "RehearsalBadge.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace relais {

namespace {

QString fqdnOf(const DnsBinding& dns)
{
    return dns.record == QStringLiteral("@") ? dns.zone : dns.record + QLatin1Char('.') + dns.zone;
}

QTableView* makeTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    // Columns fit their contents as rows arrive (the header alone does not
    // re-measure on insertion); the last one takes the rest.
    const auto fit = [view, model] {
        for (int column = 0; column < model->columnCount() - 1; ++column)
            view->resizeColumnToContents(column);
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, fit);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, fit);
    QObject::connect(model, &QAbstractItemModel::dataChanged, view, fit);
    view->setFocusPolicy(Qt::StrongFocus);
    return view;
}

} // namespace

DashboardView::DashboardView(QWidget* parent)
    : QWidget(parent)
    , m_siteName(new QLabel(this))
    , m_servicesBox(new QGroupBox(tr("Services"), this))
    , m_servicesLayout(new QGridLayout(m_servicesBox))
    , m_targets(new QLabel(this))
    , m_rehearse(new QPushButton(tr("Run &rehearsal now"), this))
    , m_rehearsalBadge(new RehearsalBadge(this))
    , m_main(new HostCard(HostRole::Main, this))
    , m_backup(new HostCard(HostRole::Backup, this))
    , m_tabs(new QTabWidget(this))
    , m_eventModel(new HealthEventModel(this))
    , m_probeModel(new ProbeTableModel(this))
    , m_eventView(makeTable(m_eventModel, QStringLiteral("events"), this))
    , m_probeView(makeTable(m_probeModel, QStringLiteral("probeTable"), this))
{
    setObjectName(QStringLiteral("dashboard"));
    m_siteName->setObjectName(QStringLiteral("siteName"));
    QFont font = m_siteName->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    m_siteName->setFont(font);
    m_servicesBox->setObjectName(QStringLiteral("services"));
    m_servicesLayout->setColumnStretch(1, 1);
    m_servicesLayout->setColumnStretch(2, 1);
    m_targets->setObjectName(QStringLiteral("targets"));
    m_targets->setWordWrap(true);
    m_targets->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_eventView->setAccessibleName(tr("State changes"));
    m_probeView->setAccessibleName(tr("Probes"));
    m_tabs->setObjectName(QStringLiteral("healthTabs"));
    m_tabs->addTab(m_eventView, tr("&Events"));
    m_tabs->addTab(m_probeView, tr("&Probes"));

    auto* cards = new QHBoxLayout;
    cards->addWidget(m_main);
    cards->addWidget(m_backup);

    m_rehearse->setObjectName(QStringLiteral("runRehearsal"));
    m_rehearse->setEnabled(false);
    connect(m_rehearse, &QPushButton::clicked, this, &DashboardView::rehearsalRequested);
    auto* targets = new QHBoxLayout;
    targets->addWidget(m_targets, 1);
    targets->addWidget(m_rehearse);
    connect(m_rehearsalBadge, &RehearsalBadge::openRequested, this,
            &DashboardView::drillsRequested);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_siteName);
    layout->addLayout(targets);
    layout->addWidget(m_rehearsalBadge);
    layout->addLayout(cards);
    layout->addWidget(m_servicesBox);
    layout->addWidget(m_tabs, 1);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DashboardView::refresh);
}

void DashboardView::setSite(const Site& site)
{
    m_siteName->setText(site.name);
    m_main->setHost(site.main);
    m_backup->setHost(site.backup);

    qDeleteAll(m_serviceWidgets);
    m_serviceWidgets.clear();
    m_serviceRows.clear();
    int line = 0;
    for (const Service& service : site.services) {
        auto* name = new QLabel(service.name, m_servicesBox);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);

        QStringList details;
        QString fqdn;
        if (service.dns) {
            fqdn = fqdnOf(*service.dns);
            details << tr("DNS record %1 (%2, TTL %3 s)")
                           .arg(fqdn, service.dns->type)
                           .arg(service.dns->ttl);
        }
        if (!service.containers.isEmpty())
            details << tr("containers: %1").arg(service.containers.join(QStringLiteral(", ")));
        if (details.isEmpty())
            details << tr("no DNS record or container described");
        auto* detailLabel = new QLabel(details.join(QStringLiteral("; ")), m_servicesBox);
        detailLabel->setObjectName(QStringLiteral("service"));
        detailLabel->setWordWrap(true);
        detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                             Qt::TextSelectableByKeyboard);

        auto* side = new QLabel(m_servicesBox);
        side->setObjectName(QStringLiteral("dnsSide"));
        side->setWordWrap(true);
        side->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

        m_servicesLayout->addWidget(name, line, 0, Qt::AlignTop);
        m_servicesLayout->addWidget(detailLabel, line, 1);
        m_servicesLayout->addWidget(side, line, 2);
        m_serviceWidgets << name << detailLabel << side;
        m_serviceRows << ServiceRow{service.name, fqdn, side};
        ++line;
    }
    if (site.services.isEmpty()) {
        auto* none = new QLabel(tr("No service is described in this site."), m_servicesBox);
        none->setObjectName(QStringLiteral("service"));
        m_servicesLayout->addWidget(none, 0, 0, 1, 3);
        m_serviceWidgets << none;
    }
    m_rehearse->setEnabled(!site.plan.isEmpty());
    m_rehearse->setToolTip(site.plan.isEmpty()
                               ? tr("This site has no recovery plan (\"plan\" in its document).")
                               : tr("Rehearse the recovery plan on isolated clones on backup; "
                                    "production is not touched."));
    m_targets->setText(
        tr("Data loss at most %n minute(s) (RPO)", nullptr, site.targets.rpoMinutes) +
        QStringLiteral("  ·  ") +
        tr("Back in service within %n minute(s) (RTO)", nullptr, site.targets.rtoMinutes));
    refresh();
}

void DashboardView::setRehearsalStatus(const RehearsalStatus& status)
{
    m_rehearsalBadge->setStatus(status);
}

void DashboardView::setHealth(SiteHealth* health, const QList<HealthEvent>& past)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_health = health;
    m_main->setHealth(health);
    m_backup->setHealth(health);
    m_probeModel->setHealth(health);
    m_eventModel->setHealth(health, past);
    if (health) {
        m_connections << connect(health, &SiteHealth::updated, this,
                                 &DashboardView::scheduleRefresh);
        m_connections << connect(health, &SiteHealth::probeStateChanged, this,
                                 &DashboardView::scheduleRefresh);
        m_connections << connect(health, &SiteHealth::hostStateChanged, this,
                                 &DashboardView::scheduleRefresh);
        m_connections << connect(health, &SiteHealth::activeSideChanged, this,
                                 &DashboardView::scheduleRefresh);
        // A health that goes leaves the events it reported on the list.
        m_connections << connect(health, &QObject::destroyed, this,
                                 [this] { setHealth(nullptr, m_eventModel->events()); });
    }
    refresh();
}

void DashboardView::scheduleRefresh()
{
    // Many probes answering together give one refresh.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void DashboardView::refresh()
{
    m_refreshTimer.stop();
    m_main->refresh();
    m_backup->refresh();
    for (const ServiceRow& row : std::as_const(m_serviceRows))
        row.side->setText(sideSentence(row));
}

QString DashboardView::sideSentence(const ServiceRow& row) const
{
    const ProbeMonitor* dnsMonitor = nullptr;
    QString name = row.fqdn;
    if (m_health) {
        for (const ProbeMonitor* monitor : m_health->monitorsOf(row.name)) {
            const ProbeSpec* spec = m_health->specOf(monitor);
            if (spec && spec->kind == ProbeSpec::Kind::Dns) {
                dnsMonitor = monitor;
                if (!spec->name.isEmpty())
                    name = spec->name;
                break;
            }
        }
    }
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty())
        return tr("No DNS record is described for this service.");
    if (!m_health)
        return tr("%1 → not checked").arg(name);
    if (!dnsMonitor)
        return tr("%1 → not checked: the service has no DNS probe").arg(name);
    const std::optional<ProbeResult>& result = dnsMonitor->lastResult();
    if (!result)
        return tr("%1 → not checked yet").arg(name);
    const QString answers = result->answers.join(QStringLiteral(", "));
    const std::optional<HostRole> side = m_health->activeSide(row.name);
    if (side == HostRole::Main)
        return tr("%1 → main (%2)").arg(name, answers);
    if (side == HostRole::Backup)
        return tr("%1 → backup (%2)").arg(name, answers);
    if (!result->answers.isEmpty())
        return tr("%1 → neither side (%2)").arg(name, answers);
    return tr("%1 → unknown: %2").arg(name, HealthText::lastFailure(*m_health, *dnsMonitor));
}

QString DashboardView::dnsSideText(const QString& service) const
{
    for (const ServiceRow& row : m_serviceRows) {
        if (row.name == service)
            return row.side->text();
    }
    return {};
}

} // namespace relais
