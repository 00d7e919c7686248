#include "DnsClient.h"

#include "DnsError.h"
#include "LdnsSupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>
#include <cstdlib>
#include <memory>
#include <optional>

namespace relais {

namespace {

/// The longest CNAME chain followed inside one answer.
constexpr int MaxCnameHops = 8;

/// What a worker hands back: an answer, or an error code and message.
struct Outcome
{
    std::optional<DnsAnswer> answer;
    DnsError error = DnsError::Failed;
    QString message;

    static Outcome failure(DnsError error, QString message)
    {
        Outcome outcome;
        outcome.error = error;
        outcome.message = std::move(message);
        return outcome;
    }
};

using namespace relais::ldns;

/// A domain name as text (escaped by ldns), for messages.
QString dnameText(const ldns_rdf* rdf)
{
    if (!rdf)
        return QStringLiteral("(none)");
    char* text = ldns_rdf2str(rdf);
    if (!text)
        return QStringLiteral("(unprintable)");
    QString result = QString::fromLatin1(text);
    std::free(text);
    return result;
}

QString rcodeName(int rcode)
{
    const ldns_lookup_table* entry = ldns_lookup_by_id(ldns_rcodes, rcode);
    if (entry && entry->name)
        return QString::fromLatin1(entry->name);
    return QStringLiteral("RCODE%1").arg(rcode);
}

QString endpoint(const DnsQuery& query)
{
    const bool ipv6 = query.server.contains(QLatin1Char(':'));
    return (ipv6 ? QLatin1Char('[') + query.server + QLatin1Char(']') : query.server) +
           QLatin1Char(':') + QString::number(query.port);
}

/// An ldns status that says nothing came back (as opposed to something
/// that is not DNS).
bool isTransportStatus(ldns_status status)
{
    switch (status) {
    case LDNS_STATUS_ERR:
    case LDNS_STATUS_NETWORK_ERR:
    case LDNS_STATUS_SOCKET_ERROR:
    case LDNS_STATUS_ADDRESS_ERR:
    case LDNS_STATUS_RES_NO_NS:
        return true;
    default:
        return false;
    }
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

/// Checks that @p reply answers @p query (id, QR, opcode, question).
/// Returns why not, or an empty string.
QString mismatch(const ldns_pkt* reply, uint16_t id, const ldns_rdf* qname, ldns_rr_type qtype)
{
    if (!ldns_pkt_qr(reply))
        return QStringLiteral("the packet is not a response");
    if (ldns_pkt_id(reply) != id)
        return QStringLiteral("the answer's id %1 is not the query's %2")
            .arg(ldns_pkt_id(reply))
            .arg(id);
    if (ldns_pkt_get_opcode(reply) != LDNS_PACKET_QUERY)
        return QStringLiteral("the answer's opcode is not QUERY");

    const ldns_rr_list* question = ldns_pkt_question(reply);
    const size_t count = question ? ldns_rr_list_rr_count(question) : 0;
    const ldns_pkt_rcode rcode = ldns_pkt_get_rcode(reply);
    if (count > 1)
        return QStringLiteral("the answer holds %1 questions").arg(count);
    if (count == 0) {
        // Servers may leave the question out of an error; not of an answer.
        if (rcode == LDNS_RCODE_NOERROR || rcode == LDNS_RCODE_NXDOMAIN)
            return QStringLiteral("the answer does not repeat the question");
        return {};
    }
    const ldns_rr* rr = ldns_rr_list_rr(question, 0);
    if (!rr || !ldns_rr_owner(rr))
        return QStringLiteral("the answer's question is empty");
    if (ldns_dname_compare(ldns_rr_owner(rr), qname) != 0 || ldns_rr_get_type(rr) != qtype ||
        ldns_rr_get_class(rr) != LDNS_RR_CLASS_IN)
        return QStringLiteral("the answer is for another question (%1)")
            .arg(dnameText(ldns_rr_owner(rr)));
    return {};
}

/// The owner of @p rr is @p name (case-insensitively) and its class IN.
bool ownedBy(const ldns_rr* rr, const ldns_rdf* name)
{
    return rr && ldns_rr_owner(rr) && ldns_rr_get_class(rr) == LDNS_RR_CLASS_IN &&
           ldns_dname_compare(ldns_rr_owner(rr), name) == 0;
}

/// Reads the answer section: follows CNAMEs from @p qname, then collects
/// the addresses of type @p qtype owned by the end of the chain.
std::optional<QString> readAnswer(const ldns_pkt* reply, const ldns_rdf* qname, ldns_rr_type qtype,
                                  DnsAnswer* answer)
{
    const ldns_rr_list* records = ldns_pkt_answer(reply);
    const size_t count = records ? ldns_rr_list_rr_count(records) : 0;

    RdfPtr current(ldns_rdf_clone(qname));
    if (!current)
        return QStringLiteral("out of memory");
    for (int hop = 0;; ++hop) {
        const ldns_rdf* target = nullptr;
        for (size_t i = 0; i < count && !target; ++i) {
            const ldns_rr* rr = ldns_rr_list_rr(records, i);
            if (ownedBy(rr, current.get()) && ldns_rr_get_type(rr) == LDNS_RR_TYPE_CNAME &&
                ldns_rr_rd_count(rr) == 1) {
                target = ldns_rr_rdf(rr, 0);
                if (!target || ldns_rdf_get_type(target) != LDNS_RDF_TYPE_DNAME)
                    return QStringLiteral("a CNAME record without a target");
            }
        }
        if (!target)
            break;
        if (hop >= MaxCnameHops)
            return QStringLiteral("a CNAME chain longer than %1 names").arg(MaxCnameHops);
        answer->cnames.append(dnameText(target));
        current.reset(ldns_rdf_clone(target));
        if (!current)
            return QStringLiteral("out of memory");
    }

    if (qtype == LDNS_RR_TYPE_NS) {
        for (size_t i = 0; i < count; ++i) {
            const ldns_rr* rr = ldns_rr_list_rr(records, i);
            if (!ownedBy(rr, current.get()) || ldns_rr_get_type(rr) != LDNS_RR_TYPE_NS)
                continue;
            const ldns_rdf* rdf = ldns_rr_rd_count(rr) == 1 ? ldns_rr_rdf(rr, 0) : nullptr;
            if (!rdf || ldns_rdf_get_type(rdf) != LDNS_RDF_TYPE_DNAME)
                return QStringLiteral("an NS record without a name server");
            const qint64 ttl = ldns_rr_ttl(rr);
            if (answer->ttl < 0 || ttl < answer->ttl)
                answer->ttl = ttl;
            QString server = dnameText(rdf);
            if (server.endsWith(QLatin1Char('.')))
                server.chop(1);
            answer->nameServers.append(server);
        }
        return std::nullopt;
    }

    const ldns_rdf_type rdfType = qtype == LDNS_RR_TYPE_AAAA ? LDNS_RDF_TYPE_AAAA : LDNS_RDF_TYPE_A;
    const size_t size = qtype == LDNS_RR_TYPE_AAAA ? 16 : 4;
    for (size_t i = 0; i < count; ++i) {
        const ldns_rr* rr = ldns_rr_list_rr(records, i);
        if (!ownedBy(rr, current.get()) || ldns_rr_get_type(rr) != qtype)
            continue;
        const ldns_rdf* rdf = ldns_rr_rd_count(rr) == 1 ? ldns_rr_rdf(rr, 0) : nullptr;
        if (!rdf || ldns_rdf_get_type(rdf) != rdfType || ldns_rdf_size(rdf) != size ||
            !ldns_rdf_data(rdf))
            return QStringLiteral("an address record of the wrong size");
        const qint64 ttl = ldns_rr_ttl(rr);
        if (answer->ttl < 0 || ttl < answer->ttl)
            answer->ttl = ttl;
        const uint8_t* data = ldns_rdf_data(rdf);
        if (size == 4)
            answer->addresses.append(QHostAddress(qFromBigEndian<quint32>(data)));
        else
            answer->addresses.append(QHostAddress(data));
    }
    return std::nullopt;
}

/// Runs in a pool thread: the whole blocking exchange.
Outcome runQuery(const DnsQuery& query, QDeadlineTimer deadline)
{
    blockSigpipe();
    QElapsedTimer elapsed;
    elapsed.start();
    const QString server = endpoint(query);

    QString why;
    const std::optional<QHostAddress> address = serverAddress(query.server, &why);
    if (!address)
        return Outcome::failure(DnsError::BadServer, why);

    // The name as ASCII (IDNA for a name written in Unicode), absolute.
    QByteArray ascii = QUrl::toAce(query.name.trimmed());
    if (ascii.isEmpty() || ascii.contains('\\') || ascii.startsWith('.'))
        return Outcome::failure(DnsError::BadName,
                                QStringLiteral("invalid DNS name \"%1\"").arg(query.name));
    if (!ascii.endsWith('.'))
        ascii += '.';
    RdfPtr qname(ldns_dname_new_frm_str(ascii.constData()));
    if (!qname)
        return Outcome::failure(DnsError::BadName,
                                QStringLiteral("invalid DNS name \"%1\"").arg(query.name));
    const ldns_rr_type qtype = query.type == DnsRecordType::AAAA ? LDNS_RR_TYPE_AAAA
                               : query.type == DnsRecordType::NS ? LDNS_RR_TYPE_NS
                                                                 : LDNS_RR_TYPE_A;

    // A resolver that knows exactly this server: nothing read from the
    // system, no search list, one try, no wait between tries.
    ResolverPtr resolver(ldns_resolver_new());
    const RdfPtr nameserver = addressRdf(*address);
    if (!resolver || !nameserver)
        return Outcome::failure(DnsError::Failed, QStringLiteral("out of memory"));
    const ldns_status pushed = ldns_resolver_push_nameserver(resolver.get(), nameserver.get());
    if (pushed != LDNS_STATUS_OK)
        return Outcome::failure(DnsError::BadServer, statusText(pushed));
    ldns_resolver_set_port(resolver.get(), query.port);
    ldns_resolver_set_recursive(resolver.get(), false);
    ldns_resolver_set_dnsrch(resolver.get(), false);
    ldns_resolver_set_defnames(resolver.get(), false);
    ldns_resolver_set_random(resolver.get(), false);
    ldns_resolver_set_dnssec(resolver.get(), false);
    ldns_resolver_set_fallback(resolver.get(), false); // done below, within the deadline
    ldns_resolver_set_igntc(resolver.get(), false);
    ldns_resolver_set_retry(resolver.get(), 1);
    ldns_resolver_set_retrans(resolver.get(), 0);
    ldns_resolver_set_fail(resolver.get(), false);

    // The query: recursion not desired, a random id.
    ldns_rdf* owner = ldns_rdf_clone(qname.get()); // the packet takes it
    PacketPtr request(owner ? ldns_pkt_query_new(owner, qtype, LDNS_RR_CLASS_IN, 0) : nullptr);
    if (!request)
        return Outcome::failure(DnsError::Failed, QStringLiteral("out of memory"));
    const auto id = static_cast<uint16_t>(QRandomGenerator::system()->bounded(0x10000));
    ldns_pkt_set_id(request.get(), id);
    ldns_pkt_set_rd(request.get(), false);

    const auto exchange = [&](bool tcp, PacketPtr* reply) -> std::optional<Outcome> {
        const qint64 remaining = deadline.remainingTime();
        if (remaining <= 0)
            return Outcome::failure(
                DnsError::Timeout,
                QStringLiteral("no answer from %1 within %2 ms").arg(server).arg(query.timeoutMs));
        timeval timeout{};
        timeout.tv_sec = static_cast<time_t>(remaining / 1000);
        timeout.tv_usec = static_cast<suseconds_t>((remaining % 1000) * 1000);
        ldns_resolver_set_timeout(resolver.get(), timeout);
        ldns_resolver_set_usevc(resolver.get(), tcp);
        ldns_resolver_set_nameserver_rtt(resolver.get(), 0, LDNS_RESOLV_RTT_MIN); // usable again

        ldns_pkt* raw = nullptr;
        const ldns_status status = ldns_send(&raw, resolver.get(), request.get());
        reply->reset(raw);
        const QString via = tcp ? QStringLiteral(" over TCP") : QString();
        if (status != LDNS_STATUS_OK) {
            if (!isTransportStatus(status))
                return Outcome::failure(DnsError::Malformed,
                                        QStringLiteral("the answer from %1%2 is not DNS: %3")
                                            .arg(server, via, statusText(status)));
            if (deadline.hasExpired() || deadline.remainingTime() < 5)
                return Outcome::failure(DnsError::Timeout,
                                        QStringLiteral("no answer from %1%2 within %3 ms")
                                            .arg(server, via)
                                            .arg(query.timeoutMs));
            return Outcome::failure(
                DnsError::Network,
                QStringLiteral("no answer from %1%2: %3").arg(server, via, statusText(status)));
        }
        if (!*reply)
            return Outcome::failure(DnsError::Network,
                                    QStringLiteral("no answer from %1%2").arg(server, via));
        const QString wrong = mismatch(reply->get(), id, qname.get(), qtype);
        if (!wrong.isEmpty())
            return Outcome::failure(
                DnsError::Malformed,
                QStringLiteral("bad answer from %1%2: %3").arg(server, via, wrong));
        return std::nullopt;
    };

    PacketPtr reply;
    if (std::optional<Outcome> failed = exchange(false, &reply))
        return *failed;
    bool overTcp = false;
    if (ldns_pkt_tc(reply.get())) {
        if (std::optional<Outcome> failed = exchange(true, &reply))
            return *failed;
        overTcp = true;
    }

    DnsAnswer answer;
    answer.rcode = ldns_pkt_get_rcode(reply.get());
    answer.rcodeName = rcodeName(answer.rcode);
    answer.authoritative = ldns_pkt_aa(reply.get());
    answer.overTcp = overTcp;
    if (answer.rcode == DnsAnswer::NoError) {
        if (const std::optional<QString> wrong =
                readAnswer(reply.get(), qname.get(), qtype, &answer))
            return Outcome::failure(DnsError::Malformed,
                                    QStringLiteral("bad answer from %1: %2").arg(server, *wrong));
    }
    answer.latencyMs = elapsed.elapsed();

    Outcome outcome;
    outcome.answer = std::move(answer);
    return outcome;
}

} // namespace

DnsClient::DnsClient(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DnsClient::onTimeout);
}

DnsClient::~DnsClient()
{
    dropWatcher();
}

void DnsClient::query(const DnsQuery& query)
{
    if (m_running)
        return;
    m_running = true;
    ++m_run;
    m_query = query;

    if (query.timeoutMs <= 0) {
        QMetaObject::invokeMethod(
            this,
            [this, run = m_run] {
                if (m_run == run)
                    finish(Error(DnsError::Failed,
                                 QStringLiteral("invalid timeout %1 ms").arg(m_query.timeoutMs)));
            },
            Qt::QueuedConnection);
        return;
    }

    auto* watcher = new QFutureWatcher<Outcome>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (watcher != m_watcher)
            return;
        const Outcome outcome = watcher->result();
        if (outcome.answer)
            finish(*outcome.answer);
        else
            finish(Error(outcome.error, outcome.message));
    });
    m_timer.start(query.timeoutMs);
    watcher->setFuture(
        QtConcurrent::run(&threadPool(), runQuery, query, QDeadlineTimer(query.timeoutMs)));
}

void DnsClient::cancel()
{
    if (!m_running)
        return;
    finish(Error(DnsError::Cancelled, QStringLiteral("cancelled")));
}

void DnsClient::onTimeout()
{
    finish(Error(DnsError::Timeout, QStringLiteral("no answer from %1 within %2 ms")
                                        .arg(endpoint(m_query))
                                        .arg(m_query.timeoutMs)));
}

void DnsClient::finish(const Result<DnsAnswer>& result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    dropWatcher();
    // Nothing after the emit: a receiver may query again or delete this.
    emit finished(result);
}

void DnsClient::dropWatcher()
{
    if (!m_watcher)
        return;
    QObject* watcher = m_watcher;
    m_watcher = nullptr;
    // The worker, if still running, finishes on its own; its answer is dropped.
    watcher->disconnect(this);
    watcher->deleteLater();
}

} // namespace relais
