#pragma once

#include "dns/DnsProvider.h"
#include "dns/DnsServerAnswer.h"
#include "dns/DnsSwitchJob.h"
#include "site/Site.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class Database;
class DnsSwitchHistory;
class OvhFailoverIpMove;
struct OvhFailoverIpMoveResult;

/// `relaisctl dns show|switch`: the record of a service as its provider
/// holds it (addresses, TTL, the side it points to), and the switch of that
/// record to main or backup by a DnsSwitchJob through the provider the
/// site binds (DnsProviderFactory), with credentials from the vault
/// (passphrase as for `relaisctl vault`). A switch is planned (TTL lowered,
/// old TTL waited out with a countdown) unless --emergency; the record
/// already on that side means nothing to do; on neither side nothing is
/// changed. Then the change is verified at the authoritative servers and
/// the switch recorded in relais.db. A service with a `failover_ip` has
/// that IP moved to the side's server through the OVH API as well (after
/// its record, when it has both); `show` then also says where the IP is
/// routed. Exit 0 on success (also "already switched"), 2 on any error.
class DnsCommand : public QObject
{
    Q_OBJECT

public:
    DnsCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~DnsCommand() override;

    /// Parses @p arguments and starts; returns an exit code when already
    /// done, or -1 when the answer will come with finished().
    int start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    int startShow(const QStringList& arguments);
    int startSwitch(const QStringList& arguments);
    /// Loads the site and its service's binding; returns an exit code on error, -1 when ok.
    int prepare(const QString& sitePath, const QString& serviceName);
    void onRead(const Result<DnsRecordState>& result);
    void onPhase(DnsSwitchJob::Phase phase);
    void onCountdown(qint64 secondsLeft);
    void onServerAnswered(const DnsServerAnswer& answer);
    void onSwitched(const Result<DnsSwitchReport>& result);
    /// Opens the vault for the credentials; an exit code on error, -1 when ok.
    int openVault(const QCommandLineParser& parser);
    void openHistory();
    /// Moves the failover IP to m_to's server, or finishes when there is none.
    void startMove();
    void onMoved(const Result<OvhFailoverIpMoveResult>& result);
    void readFailoverIp();
    void onFailoverIpRead(const Result<QString>& service);
    /// "main", "backup" or "neither side" for an OVH service name.
    QString sideOfService(const QString& service) const;
    void doneOne(int code);
    /// "main", "backup" or "neither side" for @p addresses.
    QString sideOf(const QList<QHostAddress>& addresses) const;
    QString describe(const DnsRecordState& state) const;
    void finish(int code);

    QTextStream& m_out;
    QTextStream& m_err;
    std::optional<Site> m_site;
    QString m_sitePath;
    const Service* m_service = nullptr;
    DnsBinding m_binding;
    DnsSwitchRequest m_request;
    int m_timeoutMs = 5000;
    bool m_done = false;
    std::unique_ptr<DnsProvider> m_provider;
    std::unique_ptr<DnsSwitchJob> m_job;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DnsSwitchHistory> m_history;
    std::optional<Vault> m_vault;
    std::unique_ptr<OvhFailoverIpMove> m_move;
    DnsSwitchRequest::Side m_to = DnsSwitchRequest::Side::Backup;
    DnsSwitchRequest::Mode m_mode = DnsSwitchRequest::Mode::Planned;
    QDateTime m_moveStarted;
    int m_pending = 0; ///< show: answers still awaited
    int m_worst = 0;   ///< show: the worst exit code so far
};

} // namespace relais
