#pragma once

#include "DnsUpdate.h"
#include "TsigKey.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QObject>
#include <QTimer>
#include <optional>

namespace relais {

class DnsClient;

/// Sends one RFC 2136 update, signed with TSIG, without blocking the
/// calling thread: a job over NLnet Labs' ldns (DnsUpdateMessage builds and
/// reads the messages; ldns types stay in the .cpp files).
///
/// - The update replaces the RRset on the condition that it holds the
///   expected addresses now; when the server says it does not
///   (NXRRSET/YXRRSET), the record is read from the same server and the
///   error says what it holds: "the record changed behind our back: it
///   holds X, expected Y".
/// - Only a NOERROR answer whose TSIG verifies is a success.
/// - UDP first; a truncated answer is asked again over TCP within what is
///   left of the timeout.
/// - On timeout or cancel the pending exchange is abandoned; the server may
///   still apply an update it received, so read the record before retrying.
///
/// finished() is emitted once per start(): also on timeout and cancel().
/// Calling start() while one runs does nothing. The secret is never logged.
class DnsUpdater : public QObject
{
    Q_OBJECT

public:
    explicit DnsUpdater(QObject* parent = nullptr);
    ~DnsUpdater() override;

    void start(const DnsUpdate& update, const TsigKey& key);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void finished(const relais::Result<relais::DnsUpdateResult>& result);

private:
    void onTimeout();
    void onPrerequisiteFailed(const Error& error);
    void finish(const Result<DnsUpdateResult>& result);
    void dropWatcher();

    QObject* m_watcher = nullptr;  ///< the QFutureWatcher of the running exchange
    DnsClient* m_client = nullptr; ///< reads the record when the prerequisite fails
    QTimer m_timer;
    DnsUpdate m_update;
    std::optional<Error> m_prerequisiteError;
    bool m_running = false;
    quint64 m_run = 0;
};

} // namespace relais
