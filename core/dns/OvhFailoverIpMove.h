#pragma once

#include "HttpApiClient.h"
#include "OvhApi.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace relais {

/// What a finished failover-IP move reports.
struct OvhFailoverIpMoveResult
{
    /// The service the IP was routed to before ("ns1234.ip-1-2-3.eu").
    QString previousService;
    /// True when it was already routed to the target: nothing was asked.
    bool alreadyThere = false;
    /// Milliseconds from the first request to the task's end.
    qint64 durationMs = -1;
};

/// Moves an OVH failover (additional) IP to another server (seed 004): a
/// job over the OVH API v1, signed as OvhApi describes.
///
/// 1. GET /ip/{block}: when routedTo.serviceName is already the target,
///    the move is done at once (alreadyThere).
/// 2. POST /ip/{block}/move {"to": SERVICE} starts OVH's task.
/// 3. GET /ip/{block}/task/{taskId} every pollIntervalMs until its status
///    is "done"; "cancelled", "customerError" or "ovhError" give
///    MoveFailed. OVH takes about a minute.
///
/// finished() is emitted exactly once per start(), also on timeout and
/// cancel(); start() while one runs finishes that call at once with Busy.
/// A cancel after the POST does not stop OVH's task.
class OvhFailoverIpMove : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10 * 60 * 1000;
    static constexpr int DefaultPollIntervalMs = 5000;

    explicit OvhFailoverIpMove(OvhApi api, QObject* parent = nullptr);
    ~OvhFailoverIpMove() override;

    static Result<std::unique_ptr<OvhFailoverIpMove>>
    create(QUrl endpoint, const SecretBytes& credentials, const Clock* clock = nullptr);

    /// @p ip: "203.0.113.5" (taken as the /32 block, /128 for IPv6) or a
    /// block "203.0.113.0/30"; @p toService: the server's service name.
    void start(const QString& ip, const QString& toService);
    void cancel();
    bool isRunning() const { return m_running; }
    /// Asks OVH where @p ip is routed now (GET /ip/{block}): readFinished()
    /// gives the service name. A move started meanwhile drops the answer.
    void read(const QString& ip);

    void setTimeoutMs(int ms);
    void setPollIntervalMs(int ms) { m_pollIntervalMs = ms; }
    /// Each API request's own limit.
    void setRequestTimeoutMs(int ms);
    void addCaCertificates(const QList<QSslCertificate>& certificates);
    const OvhApi& api() const { return m_api; }

    /// "203.0.113.5/32" for "203.0.113.5"; a block as it is; empty when
    /// invalid.
    static QString block(const QString& ip);

signals:
    /// The task's status as OVH reports it ("todo", "doing"...).
    void progress(const QString& status);
    void finished(const relais::Result<relais::OvhFailoverIpMoveResult>& result);
    /// The service @p ip is routed to, after read().
    void readFinished(const relais::Result<QString>& service);

private:
    QUrl ipUrl(const QString& suffix = {}) const;
    void moveNow();
    void poll();
    void finish(const Result<OvhFailoverIpMoveResult>& result);

    OvhApi m_api;
    HttpApiClient* m_client;
    QTimer m_timeout;
    QTimer m_pollTimer;
    QElapsedTimer m_elapsed;
    int m_pollIntervalMs = DefaultPollIntervalMs;
    bool m_running = false;
    quint64 m_run = 0; ///< the running move's number
    QString m_block;
    QString m_target;
    qint64 m_taskId = 0;
    OvhFailoverIpMoveResult m_result;
};

} // namespace relais
