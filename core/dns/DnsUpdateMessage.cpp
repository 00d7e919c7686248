#include "DnsUpdateMessage.h"

#include "DnsUpdateError.h"
#include "LdnsSupport.h"

#include <QSet>
#include <QUrl>
#include <QtEndian>
#include <cstdlib>
#include <memory>

namespace relais {

namespace {

/// TSIG error codes (RFC 8945 §3).
constexpr int TsigBadSig = 16;
constexpr int TsigBadKey = 17;
constexpr int TsigBadTime = 18;
/// Seconds of clock difference a signature allows (RFC 8945 recommends 300).
constexpr uint16_t Fudge = 300;
/// The TSIG record's fields as ldns numbers them.
constexpr size_t TsigMacField = 3;
constexpr size_t TsigOriginalIdField = 4;
constexpr size_t TsigErrorField = 5;
constexpr size_t TsigFieldCount = 7;

using namespace relais::ldns;

QString rcodeName(int rcode)
{
    const ldns_lookup_table* entry = ldns_lookup_by_id(ldns_rcodes, rcode);
    if (entry && entry->name)
        return QString::fromLatin1(entry->name);
    return QStringLiteral("RCODE%1").arg(rcode);
}

QString tsigErrorName(int error)
{
    switch (error) {
    case TsigBadSig:
        return QStringLiteral("BADSIG");
    case TsigBadKey:
        return QStringLiteral("BADKEY");
    case TsigBadTime:
        return QStringLiteral("BADTIME");
    case 22:
        return QStringLiteral("BADTRUNC");
    default:
        return QStringLiteral("TSIG error %1").arg(error);
    }
}

/// @p name as an absolute ldns domain name (IDNA for Unicode), or null.
RdfPtr dname(const QString& name)
{
    QByteArray ascii = QUrl::toAce(name.trimmed());
    if (ascii.isEmpty() || ascii.contains('\\') || ascii.startsWith('.') || ascii.contains(".."))
        return nullptr;
    if (!ascii.endsWith('.'))
        ascii += '.';
    return RdfPtr(ldns_dname_new_frm_str(ascii.constData()));
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

/// The addresses without repeats, in their first order.
QList<QHostAddress> distinct(const QList<QHostAddress>& addresses)
{
    QList<QHostAddress> result;
    for (const QHostAddress& address : addresses) {
        if (!result.contains(address))
            result.append(address);
    }
    return result;
}

/// A record NAME TTL CLASS TYPE [address], appended to @p list (which
/// owns it). False when out of memory.
bool pushRecord(ldns_rr_list* list, const ldns_rdf* owner, ldns_rr_type type, ldns_rr_class rrClass,
                uint32_t ttl, const QHostAddress* address)
{
    ldns_rr* rr = ldns_rr_new();
    if (!rr)
        return false;
    ldns_rdf* ownerCopy = ldns_rdf_clone(owner);
    if (!ownerCopy) {
        ldns_rr_free(rr);
        return false;
    }
    ldns_rr_set_owner(rr, ownerCopy);
    ldns_rr_set_type(rr, type);
    ldns_rr_set_class(rr, rrClass);
    ldns_rr_set_ttl(rr, ttl);
    if (address) {
        RdfPtr rdata = addressRdf(*address);
        if (!rdata || !ldns_rr_push_rdf(rr, rdata.get())) {
            ldns_rr_free(rr);
            return false;
        }
        rdata.release(); // the record owns it now
    }
    if (!ldns_rr_list_push_rr(list, rr)) {
        ldns_rr_free(rr);
        return false;
    }
    return true;
}

Error badRequest(const QString& why)
{
    return Error(DnsUpdateError::BadRequest, why);
}

} // namespace

Result<void> DnsUpdateMessage::check(const DnsUpdate& update)
{
    if (update.server.trimmed().isEmpty())
        return badRequest(QStringLiteral("no server to send the update to"));
    const RdfPtr zone = dname(update.zone);
    if (!zone)
        return badRequest(QStringLiteral("invalid zone name \"%1\"").arg(update.zone));
    const RdfPtr owner = dname(update.name);
    if (!owner)
        return badRequest(QStringLiteral("invalid record name \"%1\"").arg(update.name));
    if (ldns_dname_compare(owner.get(), zone.get()) != 0 &&
        !ldns_dname_is_subdomain(owner.get(), zone.get()))
        return badRequest(
            QStringLiteral("the record %1 is not in the zone %2").arg(update.name, update.zone));
    if (update.type == DnsRecordType::NS)
        return badRequest(QStringLiteral("only A and AAAA records are updated"));
    if (update.expected.isEmpty() && update.addresses.isEmpty())
        return badRequest(QStringLiteral("neither an expected nor a new address: nothing to "
                                         "create, change or delete"));
    const auto protocol = update.type == DnsRecordType::AAAA ? QAbstractSocket::IPv6Protocol
                                                             : QAbstractSocket::IPv4Protocol;
    for (const QList<QHostAddress>* list : {&update.expected, &update.addresses}) {
        for (const QHostAddress& address : *list) {
            if (address.protocol() != protocol || !address.scopeId().isEmpty())
                return badRequest(
                    QStringLiteral("\"%1\" is not an address for a %2 record")
                        .arg(address.toString(), QLatin1String(dnsRecordTypeName(update.type))));
        }
    }
    if (update.ttl < 0 || update.ttl > 0x7fffffff)
        return badRequest(QStringLiteral("invalid TTL %1").arg(update.ttl));
    if (update.timeoutMs <= 0)
        return badRequest(QStringLiteral("invalid timeout %1 ms").arg(update.timeoutMs));
    return Result<void>::success();
}

Result<DnsUpdateRequest> DnsUpdateMessage::build(const DnsUpdate& update, const TsigKey& key,
                                                 quint16 id)
{
    if (Result<void> checked = check(update); !checked)
        return checked.error();
    if (key.name().isEmpty() || key.secretBase64().isEmpty())
        return Error(DnsUpdateError::BadKeyText, QStringLiteral("no TSIG key"));

    RdfPtr zone = dname(update.zone);
    const RdfPtr owner = dname(update.name);
    const RrListPtr prerequisites(ldns_rr_list_new());
    const RrListPtr updates(ldns_rr_list_new());
    if (!zone || !owner || !prerequisites || !updates)
        return Error(DnsUpdateError::BadRequest, QStringLiteral("out of memory"));

    const ldns_rr_type type =
        update.type == DnsRecordType::AAAA ? LDNS_RR_TYPE_AAAA : LDNS_RR_TYPE_A;
    bool built = true;
    if (update.expected.isEmpty()) {
        // RFC 2136 §2.4.3: RRset does not exist (class NONE, TTL 0, no data).
        built = pushRecord(prerequisites.get(), owner.get(), type, LDNS_RR_CLASS_NONE, 0, nullptr);
    } else {
        // §2.4.2: RRset exists (value dependent), TTL 0, class IN.
        for (const QHostAddress& address : distinct(update.expected))
            built = built && pushRecord(prerequisites.get(), owner.get(), type, LDNS_RR_CLASS_IN, 0,
                                        &address);
        // §2.5.2: delete the RRset (class ANY, TTL 0, no data).
        built =
            built && pushRecord(updates.get(), owner.get(), type, LDNS_RR_CLASS_ANY, 0, nullptr);
    }
    // §2.5.1: add the new RRset (none for a deletion).
    for (const QHostAddress& address : distinct(update.addresses))
        built = built && pushRecord(updates.get(), owner.get(), type, LDNS_RR_CLASS_IN,
                                    static_cast<uint32_t>(update.ttl), &address);
    if (!built)
        return Error(DnsUpdateError::BadRequest, QStringLiteral("out of memory"));

    PacketPtr packet(ldns_update_pkt_new(zone.get(), LDNS_RR_CLASS_IN, prerequisites.get(),
                                         updates.get(), nullptr));
    if (!packet)
        return Error(DnsUpdateError::BadRequest, QStringLiteral("out of memory"));
    zone.release(); // the packet owns it now
    ldns_pkt_set_id(packet.get(), id);
    ldns_pkt_set_rd(packet.get(), false);

    const QByteArray keyName = key.name().toLatin1();
    const QByteArray algorithm = TsigKey::algorithmName(key.algorithm()).toLatin1();
    const ldns_status signed_ =
        ldns_pkt_tsig_sign(packet.get(), keyName.constData(), key.secretBase64().constData(), Fudge,
                           algorithm.constData(), nullptr);
    if (signed_ != LDNS_STATUS_OK)
        return Error(DnsUpdateError::BadKeyText,
                     QStringLiteral("cannot sign with the TSIG key %1: %2")
                         .arg(key.name(), statusText(signed_)));
    const ldns_rr* tsig = ldns_pkt_tsig(packet.get());
    const ldns_rdf* mac =
        tsig && ldns_rr_rd_count(tsig) > TsigMacField ? ldns_rr_rdf(tsig, TsigMacField) : nullptr;
    if (!mac)
        return Error(DnsUpdateError::BadKeyText, QStringLiteral("the signature has no MAC"));

    uint8_t* wire = nullptr;
    size_t size = 0;
    const ldns_status written = ldns_pkt2wire(&wire, packet.get(), &size);
    if (written != LDNS_STATUS_OK || !wire)
        return Error(DnsUpdateError::BadRequest,
                     QStringLiteral("cannot write the update: %1").arg(statusText(written)));
    DnsUpdateRequest request;
    request.wire = QByteArray(reinterpret_cast<const char*>(wire), static_cast<qsizetype>(size));
    std::free(wire);
    request.id = id;
    request.zone = QString::fromLatin1(QUrl::toAce(update.zone.trimmed()));
    request.mac = QByteArray(reinterpret_cast<const char*>(ldns_rdf_data(mac)),
                             static_cast<qsizetype>(ldns_rdf_size(mac)));
    return request;
}

Result<DnsUpdateReply> DnsUpdateMessage::readReply(QByteArrayView wire,
                                                   const DnsUpdateRequest& request,
                                                   const TsigKey& key)
{
    const auto malformed = [](const QString& why) {
        return Error(DnsUpdateError::Malformed, QStringLiteral("bad answer: %1").arg(why));
    };
    if (wire.size() < 12)
        return malformed(QStringLiteral("%1 bytes, shorter than a DNS header").arg(wire.size()));
    const auto* bytes = reinterpret_cast<const uint8_t*>(wire.data());
    const quint16 id = qFromBigEndian<quint16>(bytes);
    const bool response = bytes[2] & 0x80;
    const int opcode = (bytes[2] >> 3) & 0x0f;
    const bool truncated = bytes[2] & 0x02;
    if (!response)
        return malformed(QStringLiteral("the packet is not a response"));
    if (id != request.id)
        return malformed(
            QStringLiteral("the answer's id %1 is not the update's %2").arg(id).arg(request.id));
    if (opcode != LDNS_PACKET_UPDATE)
        return malformed(QStringLiteral("the answer's opcode %1 is not UPDATE").arg(opcode));
    if (truncated) {
        DnsUpdateReply reply;
        reply.truncated = true;
        return reply;
    }

    ldns_pkt* raw = nullptr;
    const ldns_status parsed = ldns_wire2pkt(&raw, bytes, static_cast<size_t>(wire.size()));
    PacketPtr packet(raw);
    if (parsed != LDNS_STATUS_OK || !packet)
        return malformed(QStringLiteral("not DNS: %1").arg(statusText(parsed)));

    // The zone section, when repeated, names the zone updated.
    const ldns_rr_list* zoneSection = ldns_pkt_question(packet.get());
    const size_t zoneCount = zoneSection ? ldns_rr_list_rr_count(zoneSection) : 0;
    if (zoneCount > 1)
        return malformed(QStringLiteral("the answer names %1 zones").arg(zoneCount));
    if (zoneCount == 1) {
        const ldns_rr* rr = ldns_rr_list_rr(zoneSection, 0);
        const RdfPtr zone = dname(request.zone);
        if (!rr || !ldns_rr_owner(rr) || !zone ||
            ldns_dname_compare(ldns_rr_owner(rr), zone.get()) != 0 ||
            ldns_rr_get_type(rr) != LDNS_RR_TYPE_SOA)
            return malformed(QStringLiteral("the answer is for another zone"));
    }

    const int rcode = ldns_pkt_get_rcode(packet.get());
    const QString rcodeText = rcodeName(rcode);
    const ldns_rr* tsig = ldns_pkt_tsig(packet.get());
    int tsigError = 0;
    if (tsig) {
        const ldns_rdf* field =
            ldns_rr_rd_count(tsig) >= TsigFieldCount ? ldns_rr_rdf(tsig, TsigErrorField) : nullptr;
        if (!field || ldns_rdf_size(field) != 2 || !ldns_rdf_data(field))
            return malformed(QStringLiteral("a TSIG record without its error field"));
        tsigError = qFromBigEndian<quint16>(ldns_rdf_data(field));
        // The MAC does not cover the original id: check it by hand.
        const ldns_rdf* originalId = ldns_rr_rdf(tsig, TsigOriginalIdField);
        if (!originalId || ldns_rdf_size(originalId) != 2 || !ldns_rdf_data(originalId) ||
            qFromBigEndian<quint16>(ldns_rdf_data(originalId)) != request.id)
            return malformed(QStringLiteral("the TSIG record is for another message"));
    }

    // BADSIG and BADKEY answers carry no MAC (RFC 8945 §5.3.2): they are
    // taken as they are, which can only ever stop an update.
    if (tsigError == TsigBadSig)
        return Error(DnsUpdateError::BadSig,
                     QStringLiteral("the server refused the update's signature: %1 (BADSIG): "
                                    "the secret of TSIG key %2 is not the server's")
                         .arg(rcodeText, key.name()));
    if (tsigError == TsigBadKey)
        return Error(DnsUpdateError::BadKey,
                     QStringLiteral("the server refused the update's signature: %1 (BADKEY): "
                                    "it does not know TSIG key %2 with algorithm %3")
                         .arg(rcodeText, key.name(), TsigKey::algorithmName(key.algorithm())));

    bool verified = false;
    if (tsig) {
        // ldns computes the MAC with the key name given, the algorithm in
        // the answer and class ANY, TTL 0: the answer's must be those.
        const QByteArray keyName = key.name().toLatin1();
        const RdfPtr expectedName = dname(key.name());
        const RdfPtr expectedAlgorithm = dname(TsigKey::algorithmName(key.algorithm()));
        const ldns_rdf* algorithm = ldns_rr_rdf(tsig, 0);
        const bool sameKey = expectedName && expectedAlgorithm && ldns_rr_owner(tsig) &&
                             algorithm && ldns_rdf_get_type(algorithm) == LDNS_RDF_TYPE_DNAME &&
                             ldns_rr_get_class(tsig) == LDNS_RR_CLASS_ANY &&
                             ldns_rr_ttl(tsig) == 0 &&
                             ldns_dname_compare(ldns_rr_owner(tsig), expectedName.get()) == 0 &&
                             ldns_dname_compare(algorithm, expectedAlgorithm.get()) == 0;
        const RdfPtr requestMac(ldns_rdf_new_frm_data(LDNS_RDF_TYPE_INT16_DATA,
                                                      static_cast<size_t>(request.mac.size()),
                                                      request.mac.constData()));
        verified = sameKey && requestMac &&
                   ldns_pkt_tsig_verify(packet.get(), bytes, static_cast<size_t>(wire.size()),
                                        keyName.constData(), key.secretBase64().constData(),
                                        requestMac.get());
    }
    const QString unsigned_ = tsig ? QString() : QStringLiteral(" (the answer is not signed)");

    if (tsigError == TsigBadTime)
        return Error(DnsUpdateError::BadTime,
                     QStringLiteral("the server refused the update's signature: %1 (BADTIME): "
                                    "its clock and this machine's differ by more than %2 s%3")
                         .arg(rcodeText)
                         .arg(Fudge)
                         .arg(verified ? QString()
                                       : QStringLiteral(" (the answer's signature does not "
                                                        "verify)")));
    if (tsig && !verified)
        return Error(DnsUpdateError::Unverified,
                     QStringLiteral("the answer's TSIG signature does not verify with key %1 "
                                    "(it says %2): it cannot be trusted")
                         .arg(key.name(), rcodeText));
    if (tsigError != 0)
        return Error(
            DnsUpdateError::Rejected,
            QStringLiteral("the server answered %1 (%2)").arg(rcodeText, tsigErrorName(tsigError)));

    switch (rcode) {
    case LDNS_RCODE_NOERROR:
        if (!verified)
            return Error(DnsUpdateError::Unverified,
                         QStringLiteral("the answer says NOERROR but is not signed: it cannot be "
                                        "trusted"));
        break;
    case LDNS_RCODE_NOTAUTH:
        return Error(DnsUpdateError::NotAuth,
                     QStringLiteral("the server answered NOTAUTH: it is not authoritative for %1 "
                                    "or does not accept TSIG key %2%3")
                         .arg(request.zone, key.name(), unsigned_));
    case LDNS_RCODE_REFUSED:
        if (!tsig)
            return Error(DnsUpdateError::Refused,
                         QStringLiteral("the server answered REFUSED without signing it: it does "
                                        "not accept TSIG key %1 (unknown, or a wrong secret: "
                                        "PowerDNS answers a bad signature so) or its policy does "
                                        "not allow this update")
                             .arg(key.name()));
        return Error(DnsUpdateError::Refused,
                     QStringLiteral("the server answered REFUSED: its policy does not allow this "
                                    "update with TSIG key %1")
                         .arg(key.name()));
    case LDNS_RCODE_NXRRSET:
        return Error(DnsUpdateError::PrerequisiteFailed,
                     QStringLiteral("the server answered %1: the record does not hold the "
                                    "expected addresses%2")
                         .arg(rcodeText, unsigned_));
    case LDNS_RCODE_YXRRSET:
        // Only a creation's "RRset does not exist" prerequisite gives it.
        return Error(DnsUpdateError::PrerequisiteFailed,
                     QStringLiteral("the server answered %1: the record exists%2")
                         .arg(rcodeText, unsigned_));
    case LDNS_RCODE_SERVFAIL:
        return Error(DnsUpdateError::ServFail,
                     QStringLiteral("the server answered SERVFAIL: it failed to apply the "
                                    "update%1")
                         .arg(unsigned_));
    default:
        return Error(DnsUpdateError::Rejected,
                     QStringLiteral("the server answered %1%2").arg(rcodeText, unsigned_));
    }

    DnsUpdateReply reply;
    reply.rcodeName = rcodeText;
    return reply;
}

} // namespace relais
