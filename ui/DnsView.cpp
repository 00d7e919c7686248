#include "DnsView.h"

#include "DnsHistoryModel.h"
#include "DnsServerModel.h"
#include "DnsSwitchDialog.h"
#include "UiLogging.h"
#include "dns/DnsApiError.h"
#include "dns/DnsClient.h"
#include "dns/DnsProviderFactory.h"
#include "dns/DnsSwitchError.h"
#include "dns/DnsSwitchHistory.h"
#include "health/SiteHealth.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace relais {

namespace {

QHostAddress sideAddress(const Host& host)
{
    return QHostAddress(host.publicAddress.isEmpty() ? host.address : host.publicAddress);
}

QString sideText(DnsSwitchRequest::Side side)
{
    return side == DnsSwitchRequest::Side::Main ? DnsView::tr("main") : DnsView::tr("backup");
}

QTableView* makeTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

DnsView::DnsView(QWidget* parent)
    : QWidget(parent)
    , m_service(new QComboBox(this))
    , m_record(new QLabel(this))
    , m_state(new QLabel(this))
    , m_failoverIp(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_toBackup(new QPushButton(tr("Switch to &backup"), this))
    , m_toMain(new QPushButton(tr("Switch to &main"), this))
    , m_cancel(new QPushButton(tr("&Cancel switch"), this))
    , m_serverModel(new DnsServerModel(this))
    , m_historyModel(new DnsHistoryModel(this))
{
    setObjectName(QStringLiteral("dnsView"));
    m_service->setObjectName(QStringLiteral("dnsService"));
    m_service->setAccessibleName(tr("Service"));
    m_record->setObjectName(QStringLiteral("dnsRecord"));
    m_state->setObjectName(QStringLiteral("dnsState"));
    m_failoverIp->setObjectName(QStringLiteral("dnsFailoverIp"));
    m_failoverIp->setWordWrap(true);
    m_failoverIp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("dnsProgress"));
    m_progress->setWordWrap(true);
    m_progress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refresh->setObjectName(QStringLiteral("dnsRefresh"));
    m_toBackup->setObjectName(QStringLiteral("switchToBackup"));
    m_toMain->setObjectName(QStringLiteral("switchToMain"));
    m_cancel->setObjectName(QStringLiteral("cancelSwitch"));
    m_serverView = makeTable(m_serverModel, QStringLiteral("dnsServers"), this);
    m_serverView->setAccessibleName(tr("Authoritative servers"));
    m_historyView = makeTable(m_historyModel, QStringLiteral("dnsHistory"), this);
    m_historyView->setAccessibleName(tr("Switch history"));

    auto* serviceLabel = new QLabel(tr("&Service:"), this);
    serviceLabel->setBuddy(m_service);
    auto* top = new QHBoxLayout;
    top->addWidget(serviceLabel);
    top->addWidget(m_service, 1);
    top->addWidget(m_refresh);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_toBackup);
    buttons->addWidget(m_toMain);
    buttons->addWidget(m_cancel);
    buttons->addStretch();

    auto* serversBox = new QGroupBox(tr("Authoritative servers"), this);
    auto* serversLayout = new QVBoxLayout(serversBox);
    serversLayout->addWidget(m_serverView);
    auto* historyBox = new QGroupBox(tr("Switch history"), this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_historyView);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_record);
    layout->addWidget(m_state);
    layout->addWidget(m_failoverIp);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(serversBox, 1);
    layout->addWidget(historyBox, 1);

    connect(m_service, &QComboBox::currentIndexChanged, this, [this] { showService(); });
    connect(m_refresh, &QPushButton::clicked, this, &DnsView::refresh);
    connect(m_toBackup, &QPushButton::clicked, this,
            [this] { requestSwitch(DnsSwitchRequest::Side::Backup); });
    connect(m_toMain, &QPushButton::clicked, this,
            [this] { requestSwitch(DnsSwitchRequest::Side::Main); });
    connect(m_cancel, &QPushButton::clicked, this, &DnsView::cancelSwitch);
    updateButtons();
}

DnsView::~DnsView()
{
    if (m_job)
        m_job->disconnect(this);
    if (m_move)
        m_move->disconnect(this);
}

void DnsView::setSite(const Site& site, DnsSwitchHistory* history)
{
    if (m_job && m_job->isRunning())
        m_job->cancel();
    if (m_move && m_move->isRunning())
        m_move->cancel();
    m_site = site;
    m_history = history;
    const QSignalBlocker blocker(m_service);
    m_service->clear();
    for (const Service& candidate : m_site->services) {
        if (candidate.dns || candidate.failoverIp)
            m_service->addItem(candidate.name);
    }
    m_serverModel->setSides(sideAddress(m_site->main), sideAddress(m_site->backup));
    loadHistory();
    showService();
}

void DnsView::setVault(Vault* vault)
{
    m_vault = vault;
    if (m_vault && m_waitingForVault) {
        const auto [side, mode] = *m_waitingForVault;
        m_waitingForVault.reset();
        startSwitch(side, mode);
    } else if (m_vault && !isSwitching()) {
        readFailoverIp();
    }
}

const Service* DnsView::service() const
{
    if (!m_site)
        return nullptr;
    for (const Service& candidate : m_site->services) {
        if (candidate.name == m_service->currentText() && (candidate.dns || candidate.failoverIp))
            return &candidate;
    }
    return nullptr;
}

QString DnsView::currentService() const
{
    return m_service->currentText();
}

void DnsView::setHealth(SiteHealth* health)
{
    m_health = health;
}

DnsSwitchDialog* DnsView::switchDialog() const
{
    return m_dialog;
}

QString DnsView::stateText() const
{
    return m_state->text();
}

QString DnsView::progressText() const
{
    return m_progress->text();
}

QString DnsView::failoverIpText() const
{
    return m_failoverIp->text();
}

bool DnsView::isSwitching() const
{
    return (m_job && m_job->isRunning()) || (m_move && m_move->isRunning());
}

std::unique_ptr<OvhFailoverIpMove> DnsView::makeMove(const FailoverIp& failoverIp,
                                                     QString* why) const
{
    Result<std::unique_ptr<OvhFailoverIpMove>> move =
        m_moveFactory ? m_moveFactory(failoverIp, m_vault)
                      : DnsProviderFactory::createFailoverIpMove(failoverIp, m_vault);
    if (!move) {
        *why = move.error().message();
        return nullptr;
    }
    return std::move(move).value();
}

void DnsView::readFailoverIp()
{
    const Service* current = service();
    if (!current || !current->failoverIp)
        return;
    const FailoverIp& failoverIp = *current->failoverIp;
    if (!m_vault && !m_moveFactory) {
        m_failoverIp->setText(
            tr("Failover IP %1: unlock the vault to see which server it is routed to.")
                .arg(failoverIp.ip));
        return;
    }
    QString why;
    m_ipReader = makeMove(failoverIp, &why);
    if (!m_ipReader) {
        m_failoverIp->setText(
            tr("Failover IP %1: cannot ask OVH where it is routed: %2").arg(failoverIp.ip, why));
        return;
    }
    m_failoverIp->setText(tr("Failover IP %1: asking OVH where it is routed…").arg(failoverIp.ip));
    connect(m_ipReader.get(), &OvhFailoverIpMove::readFinished, this,
            [this, failoverIp](const Result<QString>& routed) {
                if (!routed) {
                    m_failoverIp->setText(
                        tr("Failover IP %1: cannot ask OVH where it is routed: %2")
                            .arg(failoverIp.ip, routed.error().message()));
                    return;
                }
                const QString side = *routed == failoverIp.mainService     ? tr("main")
                                     : *routed == failoverIp.backupService ? tr("backup")
                                                                           : tr("neither side");
                m_failoverIp->setText(tr("Failover IP %1: routed to %2, points to %3.")
                                          .arg(failoverIp.ip, *routed, side));
            });
    m_ipReader->read(failoverIp.ip);
}

std::unique_ptr<DnsProvider> DnsView::makeProvider(const DnsBinding& binding, Vault* vault,
                                                   QString* why) const
{
    Result<std::unique_ptr<DnsProvider>> provider =
        m_factory ? m_factory(binding, vault) : DnsProviderFactory::create(binding, vault);
    if (!provider) {
        *why = provider.error().message();
        return nullptr;
    }
    return std::move(provider).value();
}

void DnsView::showService()
{
    m_serverModel->setServers({});
    m_state->clear();
    m_progress->clear();
    m_failoverIp->clear();
    m_lastTtl = -1;
    const Service* current = service();
    m_failoverIp->setVisible(current && current->failoverIp);
    if (!current) {
        m_record->setText(m_site ? tr("No service of this site has a DNS record or a failover IP.")
                                 : QString());
        updateButtons();
        return;
    }
    if (current->dns) {
        const DnsBinding& binding = *current->dns;
        m_record->setText(
            tr("Record: %1 %2").arg(DnsProviderFactory::recordName(binding), binding.type));
    } else {
        m_record->setText(
            tr("No DNS record: this service follows the active side by its "
               "failover IP (%1 for main, %2 for backup).")
                .arg(current->failoverIp->mainService, current->failoverIp->backupService));
    }
    updateButtons();
    refresh();
}

void DnsView::refresh()
{
    const Service* current = service();
    if (!current)
        return;
    if (!isSwitching())
        readFailoverIp();
    if (!current->dns)
        return;
    QString why;
    m_reader = makeProvider(*current->dns, nullptr, &why);
    if (!m_reader) {
        m_state->setText(tr("Cannot read the record: %1").arg(why));
        return;
    }
    connect(m_reader.get(), &DnsProvider::readFinished, this, &DnsView::onRead);
    m_state->setText(tr("Reading the record from %1…").arg(m_reader->displayName()));
    m_reader->read(DnsProviderFactory::recordName(*current->dns),
                   DnsProviderFactory::recordType(*current->dns));

    // Each server the switch is verified at (else the primary) answers too.
    QList<DnsServerAnswer> servers;
    for (const QString& text : current->dns->verifyServers) {
        if (const std::optional<DnsServerAddress> address = DnsServerAddress::parse(text)) {
            DnsServerAnswer answer;
            answer.server = *address;
            servers.append(answer);
        }
    }
    if (servers.isEmpty() && current->dns->provider == DnsBinding::Provider::Rfc2136) {
        if (const std::optional<DnsServerAddress> primary = DnsServerAddress::parse(
                current->dns->server + QLatin1Char(':') + QString::number(current->dns->port))) {
            DnsServerAnswer answer;
            answer.server = *primary;
            servers.append(answer);
        }
    }
    if (!isSwitching())
        askServers(servers);
}

void DnsView::askServers(const QList<DnsServerAnswer>& servers)
{
    for (DnsClient* client : std::as_const(m_clients))
        client->deleteLater();
    m_clients.clear();
    m_serverModel->setServers(servers);
    const Service* current = service();
    if (!current || !current->dns)
        return;
    for (const DnsServerAnswer& server : servers) {
        auto* client = new DnsClient(this);
        m_clients.append(client);
        connect(client, &DnsClient::finished, this,
                [this, server](const Result<DnsAnswer>& result) {
                    DnsServerAnswer answer = server;
                    if (!result)
                        answer.error = result.error().message();
                    else if (result->rcode != DnsAnswer::NoError)
                        answer.error = result->rcodeName;
                    else {
                        answer.addresses = result->addresses;
                        answer.ttl = result->ttl;
                    }
                    m_serverModel->updateServer(answer);
                });
        DnsQuery query;
        query.server = server.server.address;
        query.port = server.server.port;
        query.name = DnsProviderFactory::recordName(*current->dns);
        query.type = DnsProviderFactory::recordType(*current->dns);
        client->query(query);
    }
}

void DnsView::onRead(const Result<DnsRecordState>& result)
{
    if (!result) {
        m_state->setText(tr("Cannot read the record: %1").arg(result.error().message()));
        return;
    }
    m_lastTtl = result->ttl;
    if (result->addresses.isEmpty()) {
        m_state->setText(tr("The provider holds no such record."));
        return;
    }
    QStringList texts;
    for (const QHostAddress& address : result->addresses)
        texts.append(address.toString());
    m_state->setText(
        tr("Points to %1 (%2), TTL %3 s")
            .arg(m_serverModel->sideText(result->addresses), texts.join(QStringLiteral(", ")))
            .arg(result->ttl));
}

void DnsView::requestSwitch(DnsSwitchRequest::Side to)
{
    const Service* current = service();
    if (!current || isSwitching())
        return;
    const bool mainAnswers = !m_health || m_health->hostState(HostRole::Main) != HealthState::Down;
    if (m_dialog)
        m_dialog->deleteLater();
    const QString what = current->dns ? DnsProviderFactory::recordName(*current->dns)
                                      : tr("the failover IP %1").arg(current->failoverIp->ip);
    m_dialog = new DnsSwitchDialog(current->name, what, to, m_lastTtl, mainAnswers, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this,
            [this, dialog = m_dialog] { startSwitch(dialog->side(), dialog->mode()); });
    m_dialog->open();
}

void DnsView::startSwitch(DnsSwitchRequest::Side to, DnsSwitchRequest::Mode mode)
{
    const Service* current = service();
    if (!current || !m_site || isSwitching())
        return;
    m_switchText.clear();
    if (!m_vault && !m_factory && !m_moveFactory) {
        m_waitingForVault = std::make_pair(to, mode);
        m_progress->setText(
            tr("Unlock the vault to switch: the provider's credentials are in it."));
        emit vaultNeeded();
        return;
    }
    if (!current->dns) {
        startMove(to, mode);
        return;
    }
    Result<DnsSwitchRequest> request = DnsSwitchJob::requestFor(*m_site, *current, to, mode);
    if (!request) {
        m_progress->setText(tr("Cannot switch: %1").arg(request.error().message()));
        return;
    }
    QString why;
    std::unique_ptr<DnsProvider> provider = makeProvider(*current->dns, m_vault, &why);
    if (!provider) {
        m_progress->setText(tr("Cannot switch: %1").arg(why));
        return;
    }
    m_job = std::make_unique<DnsSwitchJob>(std::move(provider));
    m_job->setHistory(m_history);
    connect(m_job.get(), &DnsSwitchJob::phaseChanged, this, &DnsView::onPhase);
    connect(m_job.get(), &DnsSwitchJob::countdown, this, &DnsView::onCountdown);
    connect(m_job.get(), &DnsSwitchJob::serversFound, m_serverModel, &DnsServerModel::setServers);
    connect(m_job.get(), &DnsSwitchJob::serverAnswered, m_serverModel,
            &DnsServerModel::updateServer);
    connect(m_job.get(), &DnsSwitchJob::finished, this, &DnsView::onSwitched);
    qCInfo(lcUi) << "switching" << current->name << "to" << sideText(to);
    m_job->start(*request);
    updateButtons();
}

void DnsView::cancelSwitch()
{
    if (m_job && m_job->isRunning())
        m_job->cancel();
    if (m_move && m_move->isRunning())
        m_move->cancel();
}

void DnsView::startMove(DnsSwitchRequest::Side to, DnsSwitchRequest::Mode mode)
{
    const Service* current = service();
    if (!current || !current->failoverIp || (m_move && m_move->isRunning()))
        return;
    const FailoverIp failoverIp = *current->failoverIp;
    const QString prefix = m_switchText.isEmpty() ? QString() : m_switchText + QLatin1Char('\n');
    QString why;
    std::unique_ptr<OvhFailoverIpMove> move = makeMove(failoverIp, &why);
    if (!move) {
        m_progress->setText(prefix + tr("Cannot move the failover IP: %1").arg(why));
        updateButtons();
        return;
    }
    if (m_move)
        m_move.release()->deleteLater();
    m_move = std::move(move);
    m_moveTo = to;
    m_moveMode = mode;
    m_moveStarted = QDateTime::currentDateTimeUtc();
    const QString target =
        to == DnsSwitchRequest::Side::Main ? failoverIp.mainService : failoverIp.backupService;
    const QString moving =
        tr("Moving the failover IP %1 to %2's server %3…").arg(failoverIp.ip, sideText(to), target);
    m_progress->setText(prefix + moving);
    connect(m_move.get(), &OvhFailoverIpMove::progress, this,
            [this, prefix, moving](const QString& status) {
                m_progress->setText(prefix + moving + QLatin1Char(' ') +
                                    tr("(OVH task: %1)").arg(status));
            });
    connect(m_move.get(), &OvhFailoverIpMove::finished, this, &DnsView::onMoved);
    qCInfo(lcUi) << "moving the failover IP of" << current->name << "to" << sideText(to);
    m_move->start(failoverIp.ip, target);
    updateButtons();
}

void DnsView::onMoved(const Result<OvhFailoverIpMoveResult>& result)
{
    const Service* current = service();
    if (!current || !current->failoverIp)
        return;
    const FailoverIp& failoverIp = *current->failoverIp;
    if (m_history) {
        const Result<void> recorded = m_history->recordMove(current->name, failoverIp, m_moveTo,
                                                            m_moveMode, m_moveStarted, result);
        if (!recorded)
            qCWarning(lcUi) << "cannot record the move:" << recorded.error().message();
    }
    const QString prefix = m_switchText.isEmpty() ? QString() : m_switchText + QLatin1Char('\n');
    const QString target = m_moveTo == DnsSwitchRequest::Side::Main ? failoverIp.mainService
                                                                    : failoverIp.backupService;
    if (!result) {
        const QString headline = result.error().is(DnsApiError::Cancelled)
                                     ? tr("Move of the failover IP cancelled: %1")
                                     : tr("Move of the failover IP failed: %1");
        m_progress->setText(prefix + headline.arg(result.error().message()));
    } else if (result->alreadyThere) {
        m_progress->setText(prefix + tr("Already switched: the failover IP %1 is routed to %2 "
                                        "(%3); nothing to do.")
                                         .arg(failoverIp.ip, target, sideText(m_moveTo)));
    } else {
        m_progress->setText(prefix + tr("Moved the failover IP %1 to %2 (%3) in %4 s.")
                                         .arg(failoverIp.ip, target, sideText(m_moveTo))
                                         .arg(result->durationMs / 1000.0, 0, 'f', 1));
    }
    loadHistory();
    updateButtons();
    emit failoverIpMoved(result);
    readFailoverIp();
}

void DnsView::onPhase(DnsSwitchJob::Phase phase)
{
    const DnsSwitchRequest& request = m_job->request();
    switch (phase) {
    case DnsSwitchJob::Phase::Reading:
        m_progress->setText(tr("Reading the record…"));
        break;
    case DnsSwitchJob::Phase::LoweringTtl:
        m_progress->setText(tr("Lowering the TTL to %1 s…").arg(request.lowTtl));
        break;
    case DnsSwitchJob::Phase::WaitingOldTtl:
        m_progress->setText(
            tr("TTL lowered to %1 s; waiting for the old TTL to run out…").arg(request.lowTtl));
        break;
    case DnsSwitchJob::Phase::Changing:
        m_progress->setText(
            tr("Pointing %1 to %2 (%3)…")
                .arg(request.name, sideText(request.to), request.address(request.to).toString()));
        break;
    case DnsSwitchJob::Phase::FindingServers:
        m_progress->setText(tr("Looking up the authoritative servers…"));
        break;
    case DnsSwitchJob::Phase::Verifying:
        m_progress->setText(tr("Waiting for every authoritative server to answer %1…")
                                .arg(request.address(request.to).toString()));
        break;
    }
}

void DnsView::onCountdown(qint64 secondsLeft)
{
    m_progress->setText(
        tr("TTL lowered to %1 s; the address changes in %n second(s).", nullptr, int(secondsLeft))
            .arg(m_job->request().lowTtl));
}

void DnsView::onSwitched(const Result<DnsSwitchReport>& result)
{
    const DnsSwitchRequest request = m_job->request();
    if (!result) {
        const QString headline = result.error().is(DnsSwitchError::Cancelled)
                                     ? tr("Switch cancelled: %1")
                                     : tr("Switch failed: %1");
        m_progress->setText(headline.arg(result.error().message()));
    } else if (result->alreadySwitched) {
        m_progress->setText(tr("Already switched: %1 points to %2; nothing to do.")
                                .arg(request.name, sideText(request.to)));
    } else {
        m_progress->setText(tr("Switched to %1: %n server(s) answer %2, converged in %3 s.",
                               nullptr, int(result->servers.size()))
                                .arg(sideText(request.to), request.address(request.to).toString())
                                .arg(result->convergenceMs / 1000.0, 0, 'f', 1));
    }
    loadHistory();
    updateButtons();
    emit switchFinished(result);
    const Service* moving = service();
    if (result && moving && moving->failoverIp) {
        // The record is on the side: the failover IP follows it.
        m_switchText = m_progress->text();
        startMove(request.to, request.mode);
    }
    // The record as it is now; the servers' answers stay as the switch saw them.
    if (const Service* current = service(); current && current->dns) {
        QString why;
        m_reader = makeProvider(*current->dns, nullptr, &why);
        if (m_reader) {
            connect(m_reader.get(), &DnsProvider::readFinished, this, &DnsView::onRead);
            m_reader->read(request.name, request.type);
        }
    }
}

void DnsView::loadHistory()
{
    if (!m_history) {
        m_historyModel->setRecords({});
        return;
    }
    const Result<QList<DnsSwitchRecord>> recent = m_history->recent({}, DnsHistoryModel::MaxRows);
    if (recent)
        m_historyModel->setRecords(*recent);
    else
        qCWarning(lcUi) << "cannot read the switch history:" << recent.error().message();
}

void DnsView::updateButtons()
{
    const bool running = isSwitching();
    const bool usable = service() != nullptr;
    m_refresh->setEnabled(usable);
    m_toBackup->setEnabled(usable && !running);
    m_toMain->setEnabled(usable && !running);
    m_cancel->setEnabled(running);
}

} // namespace relais
