#pragma once

#include "site/Site.h"

#include <QCoreApplication>
#include <QObject>
#include <QTextStream>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;

namespace relais {

class LxdAccess;
class SiteHealth;
struct HealthEvent;

/// `relaisctl health --site FILE [--once] [--json] [--watch]`: the health of
/// each probe, each host and the site. --once (the default) checks every
/// probe once and exits 0 when both hosts are up, 1 when one is down or
/// degraded, 2 on error. --watch keeps checking with the site's thresholds
/// and prints each change; --json prints the format of docs/health-json.md.
/// lxd probes reach the hosts' LXD through SSH when a vault passphrase is
/// given (--passphrase-file or RELAIS_VAULT_PASSPHRASE); otherwise they
/// report that the vault is locked.
class HealthCommand : public QObject
{
    Q_OBJECT

public:
    HealthCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~HealthCommand() override;

    /// Parses @p arguments and starts; returns an exit code when it is
    /// already done (usage error, invalid site), or -1 when the answer will
    /// come with finished().
    int start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    void onUpdated();
    void onEvent(const HealthEvent& event);
    void onDeadline();
    void onWatchEnd();
    void printReport();
    void printTrustHints();
    int exitCode() const;
    QJsonObject reportJson() const;

    QTextStream& m_out;
    QTextStream& m_err;
    bool m_json = false;
    bool m_watch = false;
    bool m_done = false;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<LxdAccess> m_lxd; ///< for lxd probes; outlives m_health
    std::unique_ptr<SiteHealth> m_health;
    QTimer m_deadline;
};

} // namespace relais
