#include "HttpDnsProvider.h"

#include "DnsApiError.h"
#include "common/Logging.h"

#include <QJsonParseError>
#include <algorithm>

namespace relais {

HttpDnsProvider::HttpDnsProvider(QString zone, QObject* parent)
    : DnsProvider(parent)
    , m_zone(std::move(zone))
    , m_client(new HttpApiClient(this))
{
    if (m_zone.endsWith(QLatin1Char('.')))
        m_zone.chop(1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultTimeoutMs);
    connect(&m_timer, &QTimer::timeout, this, &HttpDnsProvider::onTimeout);
}

HttpDnsProvider::~HttpDnsProvider() = default;

void HttpDnsProvider::setTimeoutMs(int ms)
{
    m_timer.setInterval(ms);
    m_client->setTimeoutMs(ms);
}

void HttpDnsProvider::addCaCertificates(const QList<QSslCertificate>& certificates)
{
    m_client->addCaCertificates(certificates);
}

QString HttpDnsProvider::relativeName(const QString& name, const QString& zone)
{
    QString absolute = name.toLower();
    if (absolute.endsWith(QLatin1Char('.')))
        absolute.chop(1);
    QString origin = zone.toLower();
    if (origin.endsWith(QLatin1Char('.')))
        origin.chop(1);
    if (absolute.isEmpty() || origin.isEmpty())
        return {};
    if (absolute == origin)
        return QStringLiteral("@");
    if (!absolute.endsWith(QLatin1Char('.') + origin))
        return {};
    return absolute.left(absolute.size() - origin.size() - 1);
}

bool HttpDnsProvider::sameAddresses(QList<QHostAddress> a, QList<QHostAddress> b)
{
    const auto less = [](const QHostAddress& x, const QHostAddress& y) {
        return x.toString() < y.toString();
    };
    std::sort(a.begin(), a.end(), less);
    std::sort(b.begin(), b.end(), less);
    a.erase(std::unique(a.begin(), a.end()), a.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    return a == b;
}

QString HttpDnsProvider::addressList(const QList<QHostAddress>& addresses)
{
    if (addresses.isEmpty())
        return QStringLiteral("nothing");
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts << address.toString();
    return texts.join(QStringLiteral(", "));
}

void HttpDnsProvider::read(const QString& name, DnsRecordType type)
{
    if (isRunning()) {
        finishBusy(Call::Read);
        return;
    }
    start(Call::Read);
    // The work starts from the event loop, so that even a call refused at
    // once finishes after read() returned, as every other one.
    QMetaObject::invokeMethod(
        this,
        [this, run = m_run, name, type] {
            if (run != m_run || m_call != Call::Read)
                return;
            if (relativeName(name, m_zone).isNull()) {
                fail(Error(DnsApiError::BadRequest,
                           QStringLiteral("%1 is not inside the zone %2").arg(name, m_zone)));
                return;
            }
            qCInfo(lcDns).noquote() << displayName() << "read" << name << dnsRecordTypeName(type);
            beginRead(name, type);
        },
        Qt::QueuedConnection);
}

void HttpDnsProvider::change(const DnsRecordChange& change)
{
    if (isRunning()) {
        finishBusy(Call::Change);
        return;
    }
    start(Call::Change);
    QMetaObject::invokeMethod(
        this,
        [this, run = m_run, change] {
            if (run != m_run || m_call != Call::Change)
                return;
            if (const std::optional<Error> error = checkCommon(change)) {
                fail(*error);
                return;
            }
            if (const std::optional<Error> error = checkChange(change)) {
                fail(*error);
                return;
            }
            qCInfo(lcDns).noquote() << displayName()
                                    << (change.isCreation()   ? "create"
                                        : change.isDeletion() ? "delete"
                                                              : "change")
                                    << change.name << dnsRecordTypeName(change.type) << "from"
                                    << addressList(change.expected) << "to"
                                    << addressList(change.addresses) << "TTL" << change.ttl;
            beginChange(change);
        },
        Qt::QueuedConnection);
}

std::optional<Error> HttpDnsProvider::checkCommon(const DnsRecordChange& change) const
{
    const QAbstractSocket::NetworkLayerProtocol family = change.type == DnsRecordType::AAAA
                                                             ? QAbstractSocket::IPv6Protocol
                                                             : QAbstractSocket::IPv4Protocol;
    QString problem;
    if (relativeName(change.name, m_zone).isNull())
        problem = QStringLiteral("%1 is not inside the zone %2").arg(change.name, m_zone);
    else if (change.addresses.isEmpty() && change.expected.isEmpty())
        problem = QStringLiteral("neither an expected nor a new address: nothing to create, "
                                 "change or delete");
    else if (!change.isDeletion() && (change.ttl < 1 || change.ttl > 2147483647))
        problem = QStringLiteral("invalid TTL %1").arg(change.ttl);
    for (const QHostAddress& address : change.addresses + change.expected) {
        if (problem.isEmpty() && address.protocol() != family)
            problem = QStringLiteral("%1 cannot be in an %2 record")
                          .arg(address.toString(), QLatin1String(dnsRecordTypeName(change.type)));
    }
    if (problem.isEmpty())
        return std::nullopt;
    return Error(DnsApiError::BadRequest, problem);
}

std::optional<Error> HttpDnsProvider::checkChange(const DnsRecordChange&) const
{
    return std::nullopt;
}

void HttpDnsProvider::cancel()
{
    if (!isRunning())
        return;
    fail(Error(DnsApiError::Cancelled,
               QStringLiteral("%1: cancelled; a change already sent may still be applied")
                   .arg(displayName())));
}

void HttpDnsProvider::start(Call call)
{
    m_call = call;
    ++m_run;
    m_elapsed.start();
    m_timer.start();
}

void HttpDnsProvider::onTimeout()
{
    fail(Error(DnsApiError::Timeout,
               QStringLiteral("%1: no answer within %2 ms; a change already sent may still be "
                              "applied")
                   .arg(displayName())
                   .arg(m_timer.interval())));
}

void HttpDnsProvider::finishBusy(Call call)
{
    // The running call keeps its own signal; this one answers at once.
    const Error busy(DnsApiError::Busy,
                     QStringLiteral("%1: a call is already running").arg(displayName()));
    QTimer::singleShot(0, this, [this, call, busy] {
        if (call == Call::Read)
            emit readFinished(busy);
        else
            emit changeFinished(busy);
    });
}

void HttpDnsProvider::finishRead(const Result<DnsRecordState>& result)
{
    if (m_call != Call::Read)
        return;
    m_call = Call::None;
    m_timer.stop();
    m_client->abort();
    if (!result)
        qCInfo(lcDns).noquote() << displayName() << "read failed:" << result.error().message();
    emit readFinished(result);
}

void HttpDnsProvider::finishChange(const Result<DnsChangeResult>& result)
{
    if (m_call != Call::Change)
        return;
    m_call = Call::None;
    m_timer.stop();
    m_client->abort();
    if (result)
        qCInfo(lcDns).noquote() << displayName() << "changed in" << result->latencyMs << "ms";
    else
        qCInfo(lcDns).noquote() << displayName() << "change failed:" << result.error().message();
    emit changeFinished(result);
}

void HttpDnsProvider::fail(const Error& error)
{
    if (m_call == Call::Read)
        finishRead(error);
    else if (m_call == Call::Change)
        finishChange(error);
}

std::optional<Error> HttpDnsProvider::compareExpected(const DnsRecordState& state,
                                                      const DnsRecordChange& change)
{
    if (sameAddresses(state.addresses, change.expected))
        return std::nullopt;
    if (change.expected.isEmpty())
        return Error(DnsApiError::RecordChanged,
                     QStringLiteral("the record already exists: %1 holds %2, and Relais only "
                                    "creates a record that does not exist; nothing was written")
                         .arg(change.name, addressList(state.addresses)));
    return Error(DnsApiError::RecordChanged,
                 QStringLiteral("the record changed behind our back: %1 holds %2, expected %3; "
                                "nothing was written")
                     .arg(change.name, addressList(state.addresses), addressList(change.expected)));
}

QString HttpDnsProvider::sanitized(const QString& text, qsizetype max)
{
    QString clean;
    for (const QChar c : text) {
        if (clean.size() >= max) {
            clean += QStringLiteral("...");
            break;
        }
        clean += c.isPrint() ? c : QLatin1Char(' ');
    }
    return clean.trimmed();
}

Error HttpDnsProvider::replyError(const HttpApiReply& reply, const QString& what,
                                  const QString& serviceMessage)
{
    if (reply.failure)
        return Error(*reply.failure->code<DnsApiError>(),
                     QStringLiteral("%1: %2").arg(what, reply.failure->message()));
    QString message = QStringLiteral("%1: HTTP %2").arg(what).arg(reply.status);
    const QString said =
        sanitized(serviceMessage.isEmpty() ? QString::fromUtf8(reply.body) : serviceMessage);
    if (!said.isEmpty())
        message += QStringLiteral(": ") + said;
    DnsApiError code = DnsApiError::Rejected;
    if (reply.status == 401 || reply.status == 403)
        code = DnsApiError::Unauthorized;
    else if (reply.status == 404)
        code = DnsApiError::NotFound;
    else if (reply.status >= 500)
        code = DnsApiError::ServerError;
    else if (reply.status < 400)
        code = DnsApiError::Malformed;
    return Error(code, message);
}

Result<QJsonDocument> HttpDnsProvider::parseJson(const HttpApiReply& reply, const QString& what)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(reply.body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error(
            DnsApiError::Malformed,
            QStringLiteral("%1: the answer is not JSON (%2)").arg(what, error.errorString()));
    return document;
}

} // namespace relais
