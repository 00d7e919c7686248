#include "OvhFailoverIpMove.h"

#include "DnsApiError.h"
#include "common/Logging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

OvhFailoverIpMove::OvhFailoverIpMove(OvhApi api, QObject* parent)
    : QObject(parent)
    , m_api(std::move(api))
    , m_client(new HttpApiClient(this))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(DefaultTimeoutMs);
    m_pollTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(Error(DnsApiError::Timeout,
                     QStringLiteral("OVH: the move of %1 did not end within %2 s; OVH may still "
                                    "complete it")
                         .arg(m_block)
                         .arg(m_timeout.interval() / 1000)));
    });
    connect(&m_pollTimer, &QTimer::timeout, this, &OvhFailoverIpMove::poll);
}

OvhFailoverIpMove::~OvhFailoverIpMove() = default;

Result<std::unique_ptr<OvhFailoverIpMove>>
OvhFailoverIpMove::create(QUrl endpoint, const SecretBytes& credentials, const Clock* clock)
{
    Result<OvhApi> api = OvhApi::create(std::move(endpoint), credentials, clock);
    if (!api)
        return api.error();
    return std::make_unique<OvhFailoverIpMove>(std::move(api).value());
}

void OvhFailoverIpMove::setTimeoutMs(int ms)
{
    m_timeout.setInterval(ms);
}

void OvhFailoverIpMove::setRequestTimeoutMs(int ms)
{
    m_client->setTimeoutMs(ms);
}

void OvhFailoverIpMove::addCaCertificates(const QList<QSslCertificate>& certificates)
{
    m_client->addCaCertificates(certificates);
}

QString OvhFailoverIpMove::block(const QString& ip)
{
    const QString text = ip.trimmed();
    if (text.contains(QLatin1Char('/'))) {
        const std::pair<QHostAddress, int> subnet = QHostAddress::parseSubnet(text);
        if (subnet.first.isNull())
            return {};
        return subnet.first.toString() + QLatin1Char('/') + QString::number(subnet.second);
    }
    const QHostAddress address(text);
    if (address.isNull())
        return {};
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    return address.toString() + (v6 ? QStringLiteral("/128") : QStringLiteral("/32"));
}

QUrl OvhFailoverIpMove::ipUrl(const QString& suffix) const
{
    // The block's slash is part of the name: %2F.
    return m_api.url(QStringLiteral("/ip/") +
                     QString::fromLatin1(QUrl::toPercentEncoding(m_block)) + suffix);
}

void OvhFailoverIpMove::start(const QString& ip, const QString& toService)
{
    if (m_running) {
        const Error busy(DnsApiError::Busy, QStringLiteral("OVH: a move is already running"));
        QTimer::singleShot(0, this, [this, busy] { emit finished(busy); });
        return;
    }
    m_running = true;
    ++m_run;
    m_elapsed.start();
    m_timeout.start();
    m_result = {};
    m_taskId = 0;
    m_block = block(ip);
    m_target = toService.trimmed();
    if (m_block.isEmpty() || m_target.isEmpty()) {
        // Refused after start() returned, as every other outcome.
        const Error error(DnsApiError::BadRequest,
                          QStringLiteral("OVH: a failover-IP move needs an IP and a service, got "
                                         "\"%1\" and \"%2\"")
                              .arg(ip, toService));
        QMetaObject::invokeMethod(
            this,
            [this, run = m_run, error] {
                if (run == m_run)
                    finish(error);
            },
            Qt::QueuedConnection);
        return;
    }
    qCInfo(lcDns).noquote() << "OVH: move" << m_block << "to" << m_target;
    m_api.send(*m_client, "GET", ipUrl(), {}, [this](const HttpApiReply& reply) {
        if (!reply.isSuccess()) {
            finish(OvhApi::replyError(reply, QStringLiteral("OVH, IP %1").arg(m_block)));
            return;
        }
        const QJsonObject ip = QJsonDocument::fromJson(reply.body).object();
        m_result.previousService = ip.value(QLatin1String("routedTo"))
                                       .toObject()
                                       .value(QLatin1String("serviceName"))
                                       .toString();
        if (m_result.previousService == m_target) {
            m_result.alreadyThere = true;
            m_result.durationMs = m_elapsed.elapsed();
            finish(m_result);
            return;
        }
        moveNow();
    });
}

void OvhFailoverIpMove::read(const QString& ip)
{
    const QString block = OvhFailoverIpMove::block(ip);
    if (block.isEmpty()) {
        const Error error(DnsApiError::BadRequest,
                          QStringLiteral("OVH: \"%1\" is not an IP address or block").arg(ip));
        QTimer::singleShot(0, this, [this, error] { emit readFinished(error); });
        return;
    }
    const QUrl url =
        m_api.url(QStringLiteral("/ip/") + QString::fromLatin1(QUrl::toPercentEncoding(block)));
    m_api.send(*m_client, "GET", url, {}, [this, block](const HttpApiReply& reply) {
        if (!reply.isSuccess()) {
            emit readFinished(OvhApi::replyError(reply, QStringLiteral("OVH, IP %1").arg(block)));
            return;
        }
        const QString service = QJsonDocument::fromJson(reply.body)
                                    .object()
                                    .value(QLatin1String("routedTo"))
                                    .toObject()
                                    .value(QLatin1String("serviceName"))
                                    .toString();
        if (service.isEmpty()) {
            emit readFinished(
                Error(DnsApiError::Malformed,
                      QStringLiteral("OVH, IP %1: the answer names no server it is routed to")
                          .arg(block)));
            return;
        }
        emit readFinished(service);
    });
}

void OvhFailoverIpMove::moveNow()
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("to"), m_target}}).toJson(QJsonDocument::Compact);
    m_api.send(*m_client, "POST", ipUrl(QStringLiteral("/move")), body,
               [this](const HttpApiReply& reply) {
                   const QString what = QStringLiteral("OVH, move of %1").arg(m_block);
                   if (!reply.isSuccess()) {
                       finish(OvhApi::replyError(reply, what));
                       return;
                   }
                   const QJsonObject task = QJsonDocument::fromJson(reply.body).object();
                   m_taskId = task.value(QLatin1String("taskId")).toInteger(0);
                   if (m_taskId <= 0) {
                       finish(Error(DnsApiError::Malformed,
                                    QStringLiteral("%1: the answer has no taskId").arg(what)));
                       return;
                   }
                   emit progress(task.value(QLatin1String("status")).toString());
                   m_pollTimer.start(m_pollIntervalMs);
               });
}

void OvhFailoverIpMove::poll()
{
    m_api.send(
        *m_client, "GET", ipUrl(QStringLiteral("/task/%1").arg(m_taskId)), {},
        [this](const HttpApiReply& reply) {
            const QString what = QStringLiteral("OVH, move of %1").arg(m_block);
            if (!reply.isSuccess()) {
                finish(OvhApi::replyError(reply, what));
                return;
            }
            const QString status = QJsonDocument::fromJson(reply.body)
                                       .object()
                                       .value(QLatin1String("status"))
                                       .toString();
            emit progress(status);
            if (status == QLatin1String("done")) {
                m_result.durationMs = m_elapsed.elapsed();
                finish(m_result);
            } else if (status == QLatin1String("cancelled") ||
                       status == QLatin1String("customerError") ||
                       status == QLatin1String("ovhError")) {
                finish(Error(DnsApiError::MoveFailed,
                             QStringLiteral("%1: task %2 ended with status %3")
                                 .arg(what)
                                 .arg(m_taskId)
                                 .arg(status)));
            } else if (status == QLatin1String("init") || status == QLatin1String("todo") ||
                       status == QLatin1String("doing")) {
                m_pollTimer.start(m_pollIntervalMs);
            } else {
                finish(Error(DnsApiError::Malformed,
                             QStringLiteral("%1: unknown task status \"%2\"").arg(what, status)));
            }
        });
}

void OvhFailoverIpMove::cancel()
{
    if (!m_running)
        return;
    finish(Error(DnsApiError::Cancelled,
                 QStringLiteral("OVH: the move of %1 was cancelled; a task already started "
                                "goes on at OVH")
                     .arg(m_block)));
}

void OvhFailoverIpMove::finish(const Result<OvhFailoverIpMoveResult>& result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_pollTimer.stop();
    m_client->abort();
    if (result)
        qCInfo(lcDns).noquote() << "OVH:" << m_block << "routed to" << m_target << "in"
                                << result->durationMs << "ms";
    else
        qCInfo(lcDns).noquote() << "OVH: move failed:" << result.error().message();
    emit finished(result);
}

} // namespace relais
