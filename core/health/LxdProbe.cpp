#include "LxdProbe.h"

#include "common/Clock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdOperation.h"

#include <QJsonObject>

namespace relais {

namespace {
const char* roleName(HostRole role)
{
    return role == HostRole::Main ? "main" : "backup";
}
} // namespace

LxdProbe::LxdProbe(LxdClient* client, HostRole host, QString instance, int maxCopyAgeMinutes,
                   std::function<Result<std::optional<QDateTime>>(const QString&)> lastCopy,
                   const Clock& clock, int timeoutMs, QObject* parent)
    : LxdProbe([client = QPointer<LxdClient>(client)] { return Result<LxdClient*>(client.data()); },
               host, std::move(instance), maxCopyAgeMinutes, std::move(lastCopy), clock, timeoutMs,
               parent)
{}

LxdProbe::LxdProbe(std::function<Result<LxdClient*>()> client, HostRole host, QString instance,
                   int maxCopyAgeMinutes,
                   std::function<Result<std::optional<QDateTime>>(const QString&)> lastCopy,
                   const Clock& clock, int timeoutMs, QObject* parent)
    : TimedProbe(timeoutMs, parent)
    , m_client(client)
    , m_host(host)
    , m_instance(std::move(instance))
    , m_maxCopyAgeMinutes(maxCopyAgeMinutes)
    , m_lastCopy(std::move(lastCopy))
    , m_clock(clock)
{}

LxdProbe::~LxdProbe()
{
    release(false);
}

QString LxdProbe::describe() const
{
    return QStringLiteral("LXD %1 on %2").arg(m_instance, QLatin1String(roleName(m_host)));
}

ProbeResult LxdProbe::judge(HostRole host, const QString& instance, const QString& status,
                            int maxCopyAgeMinutes, const Result<std::optional<QDateTime>>& lastCopy,
                            const QDateTime& now, qint64 latencyMs)
{
    const QString where = QLatin1String(roleName(host));
    const QString state = status.isEmpty() ? tr("missing") : status.toLower();
    QString message = tr("%1 %2 on %3").arg(instance, state, where);
    bool ok = host == HostRole::Main ? status == QLatin1String("Running") : !status.isEmpty();
    if (maxCopyAgeMinutes > 0) {
        if (!lastCopy) {
            ok = false;
            message += tr("; copy age unknown: %1").arg(lastCopy.error().message());
        } else if (!lastCopy->has_value()) {
            ok = false;
            message += tr("; never replicated to the backup");
        } else {
            const qint64 minutes = (**lastCopy).secsTo(now) / 60;
            message +=
                tr("; backup copy %1 min old (limit %2)").arg(minutes).arg(maxCopyAgeMinutes);
            if (minutes > maxCopyAgeMinutes)
                ok = false;
        }
    }
    return ok ? ProbeResult::success(latencyMs, message)
              : ProbeResult::failure(HealthError::Failed, latencyMs, message);
}

HealthError LxdProbe::errorOf(const Error& lxdError)
{
    if (lxdError.is(LxdError::Timeout))
        return HealthError::Timeout;
    if (lxdError.is(LxdError::Unreachable))
        return HealthError::Unreachable;
    // Refused when asked (or nobody to ask): the user decides, not the network.
    if (lxdError.is(LxdError::HostKeyNotTrusted) || lxdError.is(LxdError::CertificateUnknown))
        return HealthError::NotTrusted;
    return HealthError::Failed;
}

void LxdProbe::begin()
{
    const Result<LxdClient*> made =
        m_client ? m_client() : Result<LxdClient*>(static_cast<LxdClient*>(nullptr));
    if (!made) {
        finish(ProbeResult::failure(
            HealthError::Failed, 0,
            tr("cannot reach the LXD of %1: %2")
                .arg(QLatin1String(roleName(m_host)), made.error().message())));
        return;
    }
    LxdClient* client = *made;
    if (!client) {
        finish(ProbeResult::failure(HealthError::Failed, 0,
                                    tr("no connection to the LXD of %1 (the vault is locked)")
                                        .arg(QLatin1String(roleName(m_host)))));
        return;
    }
    m_op = client->instance(m_instance);
    m_op->setTimeout(timeoutMs());
    connect(m_op, &LxdOperation::finished, this, &LxdProbe::onAnswer);
    m_op->start();
}

void LxdProbe::onAnswer()
{
    const Result<QJsonValue>& answer = m_op->result();
    QString status;
    if (answer) {
        status = answer->toObject().value(QStringLiteral("status")).toString();
        if (status.isEmpty())
            status = QStringLiteral("Unknown");
    } else if (!answer.error().is(LxdError::NotFound)) {
        finish(ProbeResult::failure(
            errorOf(answer.error()), elapsedMs(),
            QStringLiteral("LXD of %1: %2")
                .arg(QLatin1String(roleName(m_host)), answer.error().message())));
        return;
    }
    Result<std::optional<QDateTime>> lastCopy = std::optional<QDateTime>();
    if (m_maxCopyAgeMinutes > 0) {
        lastCopy = m_lastCopy ? m_lastCopy(m_instance)
                              : Result<std::optional<QDateTime>>(Error(
                                    HealthError::Failed, QStringLiteral("no replication history")));
    }
    finish(judge(m_host, m_instance, status, m_maxCopyAgeMinutes, lastCopy, m_clock.now(),
                 elapsedMs()));
}

void LxdProbe::release(bool)
{
    if (m_op) {
        LxdOperation* op = m_op.data();
        m_op = nullptr;
        op->disconnect(this);
        op->cancel();
        op->deleteLater();
    }
}

} // namespace relais
