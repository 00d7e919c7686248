#pragma once

#include "dns/DnsAnswer.h"
#include "dns/DnsUpdate.h"
#include "dns/TsigKey.h"
#include "site/Site.h"

#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class DnsClient;
class DnsUpdater;
class Error;

/// `relaisctl dns show|switch`: the record of a service as its server
/// answers it (addresses, TTL, the side it points to), and the switch of
/// that record to main or backup by an RFC 2136 update signed with the
/// site's TSIG key from the vault (passphrase as for `relaisctl vault`).
/// switch reads the record first: when it already points to the side asked
/// nothing is sent; when it points to neither side nothing is changed. The
/// update's prerequisite is the address just read, so a change made
/// meanwhile makes it fail. Exit 0 on success (also "already switched"),
/// 2 on any error.
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
    enum class Step
    {
        Show,
        ReadBeforeSwitch,
        Update,
        ReadAfterSwitch,
    };

    int startShow(const QStringList& arguments);
    int startSwitch(const QStringList& arguments);
    /// Loads the site and its service's binding; returns an exit code on error, -1 when ok.
    int prepare(const QString& sitePath, const QString& serviceName);
    void read();
    void onAnswer(const Result<DnsAnswer>& result);
    void onUpdated(const Result<DnsUpdateResult>& result);
    /// "main", "backup" or "neither" for @p addresses.
    QString sideOf(const QList<QHostAddress>& addresses) const;
    QString describe(const DnsAnswer& answer) const;
    void finish(int code);

    QTextStream& m_out;
    QTextStream& m_err;
    Step m_step = Step::Show;
    std::optional<Site> m_site;
    DnsBinding m_binding;
    QString m_name; ///< the record's absolute name
    QHostAddress m_mainAddress;
    QHostAddress m_backupAddress;
    QString m_to; ///< switch: "main" or "backup"
    TsigKey m_key;
    int m_timeoutMs = 5000;
    bool m_done = false;
    std::unique_ptr<DnsClient> m_client;
    std::unique_ptr<DnsUpdater> m_updater;
};

} // namespace relais
