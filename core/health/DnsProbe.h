#pragma once

#include "Probe.h"
#include "common/Result.h"
#include "dns/DnsAnswer.h"

#include <QElapsedTimer>
#include <QHostAddress>

namespace relais {

class DnsClient;

/// Asks a DNS server (directly, without recursion) for a service's record
/// and tells which side it points to.
///
/// - ok when the set of addresses answered is exactly the main side's
///   public address (pointsTo = Main) or the backup's (pointsTo = Backup);
///   result.answers holds the addresses either way;
/// - DnsUnknownAddress when it is anything else (another address, or
///   several);
/// - DnsNoAnswer on NXDOMAIN, or NOERROR without a record of the type
///   (NODATA);
/// - DnsFailed when the server answers with another RCODE (SERVFAIL,
///   REFUSED... named in the message) or with a packet that is not a valid
///   answer to the query;
/// - Timeout when nothing comes back in time; Unreachable when it cannot be
///   sent; HostNotFound when the server's name does not resolve.
class DnsProbe final : public Probe
{
    Q_OBJECT

public:
    DnsProbe(QString server, quint16 port, QString name, DnsRecordType type, QString mainAddress,
             QString backupAddress, int timeoutMs, QObject* parent = nullptr);
    ~DnsProbe() override;

    void start() override;
    void cancel() override;
    bool isRunning() const override;
    /// "DNS www.example.test A at 127.0.0.1:53".
    QString describe() const override;

    const QString& server() const { return m_server; }
    quint16 port() const { return m_port; }
    const QString& name() const { return m_name; }
    DnsRecordType type() const { return m_type; }
    const QString& mainAddress() const { return m_mainText; }
    const QString& backupAddress() const { return m_backupText; }
    int timeoutMs() const { return m_timeoutMs; }

private:
    void onAnswered(const Result<DnsAnswer>& result);
    ProbeResult verdict(const DnsAnswer& answer) const;

    QString m_server;
    quint16 m_port;
    QString m_name;
    DnsRecordType m_type;
    QString m_mainText;
    QString m_backupText;
    QHostAddress m_main;
    QHostAddress m_backup;
    int m_timeoutMs;
    DnsClient* m_client;
    QElapsedTimer m_elapsed;
};

} // namespace relais
