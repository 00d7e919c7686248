#include "DnsUpdater.h"

#include "DnsClient.h"
#include "DnsError.h"
#include "DnsUpdateError.h"
#include "DnsUpdateMessage.h"
#include "LdnsSupport.h"
#include "common/Logging.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>
#include <cstdlib>
#include <memory>
#include <optional>

namespace relais {

namespace {

/// What a worker hands back: a result, or an error code and message.
struct Outcome
{
    std::optional<DnsUpdateResult> result;
    DnsUpdateError error = DnsUpdateError::Network;
    QString message;

    static Outcome failure(DnsUpdateError error, QString message)
    {
        Outcome outcome;
        outcome.error = error;
        outcome.message = std::move(message);
        return outcome;
    }
    static Outcome failure(const Error& error)
    {
        return failure(error.code<DnsUpdateError>().value_or(DnsUpdateError::BadRequest),
                       error.message());
    }
};

using namespace relais::ldns;

QString endpoint(const DnsUpdate& update)
{
    const bool ipv6 = update.server.contains(QLatin1Char(':'));
    return (ipv6 ? QLatin1Char('[') + update.server + QLatin1Char(']') : update.server) +
           QLatin1Char(':') + QString::number(update.port);
}

QString addressList(const QList<QHostAddress>& addresses)
{
    if (addresses.isEmpty())
        return QStringLiteral("nothing");
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts.append(address.toString());
    return texts.join(QStringLiteral(", "));
}

RdfPtr addressRdf(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = qToBigEndian(address.toIPv4Address());
        return RdfPtr(ldns_rdf_new_frm_data(LDNS_RDF_TYPE_A, sizeof v4, &v4));
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return RdfPtr(ldns_rdf_new_frm_data(LDNS_RDF_TYPE_AAAA, sizeof v6.c, v6.c));
}

/// Runs in a pool thread: the whole blocking exchange.
Outcome runUpdate(const DnsUpdate& update, const TsigKey& key, QDeadlineTimer deadline)
{
    blockSigpipe();
    QElapsedTimer elapsed;
    elapsed.start();
    const QString server = endpoint(update);

    QString why;
    const std::optional<QHostAddress> address = serverAddress(update.server, &why);
    if (!address)
        return Outcome::failure(DnsUpdateError::BadServer, why);

    const auto id = static_cast<quint16>(QRandomGenerator::system()->bounded(0x10000));
    const Result<DnsUpdateRequest> request = DnsUpdateMessage::build(update, key, id);
    if (!request)
        return Outcome::failure(request.error());

    const RdfPtr nameserver = addressRdf(*address);
    size_t socketLength = 0;
    const std::unique_ptr<sockaddr_storage, MallocFree> to(
        nameserver ? ldns_rdf2native_sockaddr_storage(nameserver.get(), update.port, &socketLength)
                   : nullptr);
    const BufferPtr query(ldns_buffer_new(static_cast<size_t>(request->wire.size())));
    if (!to || !query)
        return Outcome::failure(DnsUpdateError::Network, QStringLiteral("out of memory"));
    // ldns sends the bytes from the start of the buffer up to its position.
    ldns_buffer_write(query.get(), request->wire.constData(),
                      static_cast<size_t>(request->wire.size()));

    const auto exchange = [&](bool tcp, QByteArray* answer) -> std::optional<Outcome> {
        const QString via = tcp ? QStringLiteral(" over TCP") : QString();
        const qint64 remaining = deadline.remainingTime();
        const auto timedOut = [&] {
            return Outcome::failure(
                DnsUpdateError::Timeout,
                QStringLiteral("no answer from %1%2 within %3 ms; the update may or may not "
                               "have been applied")
                    .arg(server, via)
                    .arg(update.timeoutMs));
        };
        if (remaining <= 0)
            return timedOut();
        timeval timeout{};
        timeout.tv_sec = static_cast<time_t>(remaining / 1000);
        timeout.tv_usec = static_cast<suseconds_t>((remaining % 1000) * 1000);

        uint8_t* raw = nullptr;
        size_t size = 0;
        const ldns_status status =
            tcp ? ldns_tcp_send(&raw, query.get(), to.get(), static_cast<socklen_t>(socketLength),
                                timeout, &size)
                : ldns_udp_send(&raw, query.get(), to.get(), static_cast<socklen_t>(socketLength),
                                timeout, &size);
        const std::unique_ptr<uint8_t, MallocFree> owned(raw);
        if (status != LDNS_STATUS_OK || !raw) {
            if (deadline.hasExpired() || deadline.remainingTime() < 5)
                return timedOut();
            return Outcome::failure(
                DnsUpdateError::Network,
                QStringLiteral("no answer from %1%2: %3").arg(server, via, statusText(status)));
        }
        *answer = QByteArray(reinterpret_cast<const char*>(raw), static_cast<qsizetype>(size));
        return std::nullopt;
    };

    QByteArray answer;
    if (std::optional<Outcome> failed = exchange(false, &answer))
        return *failed;
    Result<DnsUpdateReply> reply = DnsUpdateMessage::readReply(answer, *request, key);
    bool overTcp = false;
    if (reply && reply->truncated) {
        if (std::optional<Outcome> failed = exchange(true, &answer))
            return *failed;
        overTcp = true;
        reply = DnsUpdateMessage::readReply(answer, *request, key);
        if (reply && reply->truncated)
            return Outcome::failure(
                DnsUpdateError::Malformed,
                QStringLiteral("bad answer from %1 over TCP: truncated").arg(server));
    }
    if (!reply) {
        Outcome failed = Outcome::failure(reply.error());
        failed.message =
            QStringLiteral("%1 (from %2%3)")
                .arg(failed.message, server, overTcp ? QStringLiteral(" over TCP") : QString());
        return failed;
    }

    Outcome outcome;
    outcome.result = DnsUpdateResult{overTcp, elapsed.elapsed()};
    return outcome;
}

} // namespace

DnsUpdater::DnsUpdater(QObject* parent)
    : QObject(parent)
    , m_client(new DnsClient(this))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DnsUpdater::onTimeout);
    connect(m_client, &DnsClient::finished, this, [this](const Result<DnsAnswer>& answer) {
        if (!m_running || !m_prerequisiteError)
            return;
        const QString expected = addressList(m_update.expected);
        QString message;
        const bool absent =
            answer && (answer->rcode == DnsAnswer::NxDomain ||
                       (answer->rcode == DnsAnswer::NoError && answer->addresses.isEmpty()));
        if (m_update.expected.isEmpty() && answer && answer->rcode == DnsAnswer::NoError)
            message = QStringLiteral("the record already exists: it holds %1, and Relais only "
                                     "creates a record that does not exist (%2)")
                          .arg(addressList(answer->addresses), m_prerequisiteError->message());
        else if (absent)
            message = QStringLiteral("the record changed behind our back: it does not exist, "
                                     "expected %1 (%2)")
                          .arg(expected, m_prerequisiteError->message());
        else if (answer && answer->rcode == DnsAnswer::NoError)
            message =
                QStringLiteral("the record changed behind our back: it holds %1, expected "
                               "%2 (%3)")
                    .arg(addressList(answer->addresses), expected, m_prerequisiteError->message());
        else
            message = QStringLiteral("the record changed behind our back: it does not hold %1 "
                                     "(%2; reading it failed: %3)")
                          .arg(expected, m_prerequisiteError->message(),
                               answer ? answer->rcodeName : answer.error().message());
        finish(Error(DnsUpdateError::PrerequisiteFailed, message));
    });
}

DnsUpdater::~DnsUpdater()
{
    dropWatcher();
}

void DnsUpdater::start(const DnsUpdate& update, const TsigKey& key)
{
    if (m_running)
        return;
    m_running = true;
    ++m_run;
    m_update = update;
    m_prerequisiteError.reset();

    if (Result<void> checked = DnsUpdateMessage::check(update); !checked) {
        QMetaObject::invokeMethod(
            this,
            [this, run = m_run, error = checked.error()] {
                if (m_run == run)
                    finish(error);
            },
            Qt::QueuedConnection);
        return;
    }
    qCInfo(lcDns).noquote() << "update" << update.name << dnsRecordTypeName(update.type) << "at"
                            << endpoint(update) << "from" << addressList(update.expected) << "to"
                            << addressList(update.addresses) << "TTL" << update.ttl << "key"
                            << key.name();

    auto* watcher = new QFutureWatcher<Outcome>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (watcher != m_watcher)
            return;
        const Outcome outcome = watcher->result();
        dropWatcher();
        if (outcome.result)
            finish(*outcome.result);
        else if (outcome.error == DnsUpdateError::PrerequisiteFailed)
            onPrerequisiteFailed(Error(outcome.error, outcome.message));
        else
            finish(Error(outcome.error, outcome.message));
    });
    m_timer.start(update.timeoutMs);
    watcher->setFuture(
        QtConcurrent::run(&threadPool(), runUpdate, update, key, QDeadlineTimer(update.timeoutMs)));
}

void DnsUpdater::cancel()
{
    if (!m_running)
        return;
    finish(Error(DnsUpdateError::Cancelled, QStringLiteral("cancelled")));
}

void DnsUpdater::onPrerequisiteFailed(const Error& error)
{
    // Say what the record holds: one query to the same server, unsigned.
    m_prerequisiteError = error;
    DnsQuery query;
    query.server = m_update.server;
    query.port = m_update.port;
    query.name = m_update.name;
    query.type = m_update.type;
    query.timeoutMs = int(qMax<qint64>(m_timer.remainingTime(), 1));
    m_client->query(query);
}

void DnsUpdater::onTimeout()
{
    if (m_prerequisiteError) {
        finish(Error(DnsUpdateError::PrerequisiteFailed,
                     QStringLiteral("the record changed behind our back: it does not hold %1 (%2)")
                         .arg(addressList(m_update.expected), m_prerequisiteError->message())));
        return;
    }
    finish(Error(DnsUpdateError::Timeout,
                 QStringLiteral("no answer from %1 within %2 ms; the update may or may not have "
                                "been applied")
                     .arg(endpoint(m_update))
                     .arg(m_update.timeoutMs)));
}

void DnsUpdater::finish(const Result<DnsUpdateResult>& result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    dropWatcher();
    m_client->cancel();
    m_prerequisiteError.reset();
    if (result)
        qCInfo(lcDns).noquote() << "updated" << m_update.name << "in" << result->latencyMs << "ms";
    else
        qCInfo(lcDns).noquote() << "update of" << m_update.name
                                << "failed:" << result.error().message();
    // Nothing after the emit: a receiver may start again or delete this.
    emit finished(result);
}

void DnsUpdater::dropWatcher()
{
    if (!m_watcher)
        return;
    QObject* watcher = m_watcher;
    m_watcher = nullptr;
    watcher->disconnect(this);
    watcher->deleteLater();
}

} // namespace relais
