#pragma once

#include "dns/DnsProvider.h"
#include "dns/DnsSwitchJob.h"
#include "dns/OvhFailoverIpMove.h"
#include "site/Site.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace relais {

class DnsClient;
class DnsHistoryModel;
class DnsServerModel;
class DnsSwitchDialog;
class DnsSwitchHistory;
class SiteHealth;
class Vault;

/// The DNS of the open site: per service its bound record, what each
/// authoritative server answers (the side, the TTL), buttons to switch to
/// backup or main (confirmed in a DnsSwitchDialog: planned or emergency),
/// the live progress of a switch (phase, countdown, each server's
/// convergence) with a cancel button, and the switch history. A service
/// with a failover IP shows where the IP is routed, and its switch moves
/// the IP to the side's server (after the record, when it has both).
class DnsView : public QWidget
{
    Q_OBJECT

public:
    /// Makes the provider of a binding (@p vault null while locked).
    using ProviderFactory =
        std::function<Result<std::unique_ptr<DnsProvider>>(const DnsBinding&, Vault*)>;

    explicit DnsView(QWidget* parent = nullptr);
    ~DnsView() override;

    /// Shows @p site; @p history (may be null) keeps and gives the switches.
    void setSite(const Site& site, DnsSwitchHistory* history);
    /// The unlocked vault, null while locked. A switch waiting for it starts.
    void setVault(Vault* vault);
    /// Follows @p health (may be null) to choose a planned switch when main
    /// answers, an emergency one when it is down.
    void setHealth(SiteHealth* health);
    /// Makes the move job of a failover IP (@p vault null while locked).
    using MoveFactory =
        std::function<Result<std::unique_ptr<OvhFailoverIpMove>>(const FailoverIp&, Vault*)>;

    /// Replaces how providers are made (tests); empty: DnsProviderFactory.
    void setProviderFactory(ProviderFactory factory) { m_factory = std::move(factory); }
    /// Replaces how failover-IP moves are made (tests); empty: DnsProviderFactory.
    void setMoveFactory(MoveFactory factory) { m_moveFactory = std::move(factory); }

    /// Reads the selected service's record and asks each server again.
    void refresh();
    /// Asks to confirm switching the selected service to @p to.
    void requestSwitch(DnsSwitchRequest::Side to);
    /// Switches the selected service without asking.
    void startSwitch(DnsSwitchRequest::Side to, DnsSwitchRequest::Mode mode);
    void cancelSwitch();

    QString currentService() const;
    DnsServerModel* serverModel() const { return m_serverModel; }
    DnsHistoryModel* historyModel() const { return m_historyModel; }
    QString stateText() const;
    QString progressText() const;
    QString failoverIpText() const;
    DnsSwitchJob* job() const { return m_job.get(); }
    OvhFailoverIpMove* move() const { return m_move.get(); }
    DnsSwitchDialog* switchDialog() const;

signals:
    /// A switch needs the vault's credentials: unlock it, then setVault().
    void vaultNeeded();
    void switchFinished(const relais::Result<relais::DnsSwitchReport>& result);
    void failoverIpMoved(const relais::Result<relais::OvhFailoverIpMoveResult>& result);

private:
    const Service* service() const;
    DnsSwitchRequest::Side sideFor(bool backup) const;
    std::unique_ptr<DnsProvider> makeProvider(const DnsBinding& binding, Vault* vault,
                                              QString* why) const;
    void showService();
    void askServers(const QList<DnsServerAnswer>& servers);
    void onRead(const Result<DnsRecordState>& result);
    void onPhase(DnsSwitchJob::Phase phase);
    void onCountdown(qint64 secondsLeft);
    void onSwitched(const Result<DnsSwitchReport>& result);
    void loadHistory();
    void updateButtons();
    bool isSwitching() const;
    std::unique_ptr<OvhFailoverIpMove> makeMove(const FailoverIp& failoverIp, QString* why) const;
    void readFailoverIp();
    void startMove(DnsSwitchRequest::Side to, DnsSwitchRequest::Mode mode);
    void onMoved(const Result<OvhFailoverIpMoveResult>& result);

    std::optional<Site> m_site;
    DnsSwitchHistory* m_history = nullptr;
    Vault* m_vault = nullptr;
    QPointer<SiteHealth> m_health;
    ProviderFactory m_factory;
    MoveFactory m_moveFactory;
    std::optional<std::pair<DnsSwitchRequest::Side, DnsSwitchRequest::Mode>> m_waitingForVault;

    QComboBox* m_service;
    QLabel* m_record;
    QLabel* m_state;
    QLabel* m_failoverIp;
    QLabel* m_progress;
    QPushButton* m_refresh;
    QPushButton* m_toBackup;
    QPushButton* m_toMain;
    QPushButton* m_cancel;
    QTableView* m_serverView;
    QTableView* m_historyView;
    DnsServerModel* m_serverModel;
    DnsHistoryModel* m_historyModel;
    QPointer<DnsSwitchDialog> m_dialog;

    std::unique_ptr<DnsProvider> m_reader;
    QList<DnsClient*> m_clients;
    std::unique_ptr<DnsSwitchJob> m_job;
    qint64 m_lastTtl = -1;
    std::unique_ptr<OvhFailoverIpMove> m_ipReader;
    std::unique_ptr<OvhFailoverIpMove> m_move;
    DnsSwitchRequest::Side m_moveTo = DnsSwitchRequest::Side::Backup;
    DnsSwitchRequest::Mode m_moveMode = DnsSwitchRequest::Mode::Planned;
    QDateTime m_moveStarted;
    QString m_switchText; ///< how the record's switch ended, shown above the move
};

} // namespace relais
