#pragma once

#include "DnsAnswer.h"
#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace relais {

/// One DNS question put to one server.
struct DnsQuery
{
    /// The server asked: an IPv4 or IPv6 address (without a zone), or a
    /// name resolved by the system first.
    QString server;
    quint16 port = 53;
    /// The name asked, taken as fully qualified ("www.example.test").
    QString name;
    DnsRecordType type = DnsRecordType::A;
    int timeoutMs = 3000;
};

/// Asks one DNS server one question, without blocking the calling thread:
/// a small job over NLnet Labs' ldns, whose types stay in DnsClient.cpp.
///
/// - The server is asked directly, with recursion not desired; the resolver
///   knows that server and port only (no /etc/resolv.conf, no search list).
/// - UDP first; when the answer is truncated (TC), the same question again
///   over TCP within what is left of the timeout.
/// - The answer must be a response to the query (same id and question)
///   and parse as DNS, else DnsError::Malformed.
/// - ldns' blocking calls run in a thread pool of this module, never on the
///   calling thread. On timeout or cancel the pending call is abandoned
///   (ldns' own timeout ends it soon after) and its answer dropped.
///
/// finished() is emitted once per query(): with the answer (whatever its
/// RCODE), or with an error, also on timeout and on cancel() (Cancelled).
/// Calling query() while one runs does nothing.
class DnsClient : public QObject
{
    Q_OBJECT

public:
    explicit DnsClient(QObject* parent = nullptr);
    ~DnsClient() override;

    void query(const DnsQuery& query);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void finished(const relais::Result<relais::DnsAnswer>& result);

private:
    void onTimeout();
    void finish(const Result<DnsAnswer>& result);
    void dropWatcher();

    QObject* m_watcher = nullptr; ///< the QFutureWatcher of the running query
    QTimer m_timer;
    DnsQuery m_query;
    bool m_running = false;
    quint64 m_run = 0;
};

} // namespace relais
