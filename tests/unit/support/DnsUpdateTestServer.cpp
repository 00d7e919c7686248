#include "DnsUpdateTestServer.h"

#include <QTcpSocket>
#include <QtEndian>
#include <cstdlib>
#include <ldns/ldns.h>

const char* const UpdateTestKeyName = "relais-lab.";
const char* const UpdateTestSecret = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
const char* const UpdateTestOtherSecret = "AAAAEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

namespace {

QByteArray toWire(const ldns_pkt* packet)
{
    uint8_t* wire = nullptr;
    size_t size = 0;
    if (ldns_pkt2wire(&wire, packet, &size) != LDNS_STATUS_OK)
        return {};
    QByteArray bytes(reinterpret_cast<const char*>(wire), qsizetype(size));
    free(wire);
    return bytes;
}

} // namespace

/// The answer a server would give to @p request: its header and zone
/// section with QR and @p rcode, signed as said.
QByteArray answerTo(const QByteArray& request, int rcode, Signing signing, int tsigError,
                    bool truncated)
{
    ldns_pkt* packet = nullptr;
    if (ldns_wire2pkt(&packet, reinterpret_cast<const uint8_t*>(request.constData()),
                      size_t(request.size())) != LDNS_STATUS_OK)
        return {};
    ldns_rr* requestTsig = ldns_pkt_tsig(packet);
    ldns_rdf* requestMac = requestTsig ? ldns_rdf_clone(ldns_rr_rdf(requestTsig, 3)) : nullptr;
    ldns_rr_free(requestTsig);
    ldns_pkt_set_tsig(packet, nullptr);
    ldns_rr_list_deep_free(ldns_pkt_answer(packet));
    ldns_pkt_set_answer(packet, ldns_rr_list_new());
    ldns_pkt_set_ancount(packet, 0);
    ldns_rr_list_deep_free(ldns_pkt_authority(packet));
    ldns_pkt_set_authority(packet, ldns_rr_list_new());
    ldns_pkt_set_nscount(packet, 0);
    ldns_pkt_set_qr(packet, true);
    ldns_pkt_set_tc(packet, truncated);
    ldns_pkt_set_rcode(packet, uint8_t(rcode));

    switch (signing) {
    case Signing::Right:
        ldns_pkt_tsig_sign(packet, UpdateTestKeyName, UpdateTestSecret, 300, "hmac-sha256.",
                           requestMac);
        break;
    case Signing::OtherKey:
        ldns_pkt_tsig_sign(packet, UpdateTestKeyName, UpdateTestOtherSecret, 300, "hmac-sha256.",
                           requestMac);
        break;
    case Signing::OtherMac:
        ldns_pkt_tsig_sign(packet, UpdateTestKeyName, UpdateTestSecret, 300, "hmac-sha256.",
                           nullptr);
        break;
    case Signing::None:
        break;
    case Signing::ErrorOnly: {
        ldns_rr* tsig = ldns_rr_new();
        ldns_rr_set_owner(tsig, ldns_dname_new_frm_str(UpdateTestKeyName));
        ldns_rr_set_type(tsig, LDNS_RR_TYPE_TSIG);
        ldns_rr_set_class(tsig, LDNS_RR_CLASS_ANY);
        ldns_rr_set_ttl(tsig, 0);
        const uint8_t time[6] = {0, 0, 0x65, 0x5d, 0xc0, 0x00};
        const uint8_t empty[2] = {0, 0};
        ldns_rr_push_rdf(tsig, ldns_dname_new_frm_str("hmac-sha256."));
        ldns_rr_push_rdf(tsig, ldns_rdf_new_frm_data(LDNS_RDF_TYPE_TSIGTIME, 6, time));
        ldns_rr_push_rdf(tsig, ldns_native2rdf_int16(LDNS_RDF_TYPE_INT16, 300));
        ldns_rr_push_rdf(tsig, ldns_rdf_new_frm_data(LDNS_RDF_TYPE_INT16_DATA, 2, empty));
        ldns_rr_push_rdf(tsig, ldns_native2rdf_int16(LDNS_RDF_TYPE_INT16, ldns_pkt_id(packet)));
        ldns_rr_push_rdf(tsig, ldns_native2rdf_int16(LDNS_RDF_TYPE_INT16, uint16_t(tsigError)));
        ldns_rr_push_rdf(tsig, ldns_rdf_new_frm_data(LDNS_RDF_TYPE_INT16_DATA, 2, empty));
        ldns_pkt_set_tsig(packet, tsig);
        break;
    }
    }
    ldns_rdf_deep_free(requestMac);
    const QByteArray wire = toWire(packet);
    ldns_pkt_free(packet);
    return wire;
}

/// The answer to a plain query for www: NOERROR with @p records.
QByteArray queryAnswer(const QByteArray& query, const QStringList& records)
{
    ldns_pkt* packet = nullptr;
    if (ldns_wire2pkt(&packet, reinterpret_cast<const uint8_t*>(query.constData()),
                      size_t(query.size())) != LDNS_STATUS_OK)
        return {};
    ldns_pkt_set_qr(packet, true);
    ldns_pkt_set_aa(packet, true);
    for (const QString& text : records) {
        ldns_rr* rr = nullptr;
        if (ldns_rr_new_frm_str(&rr, text.toLatin1().constData(), 0, nullptr, nullptr) ==
            LDNS_STATUS_OK)
            ldns_pkt_push_rr(packet, LDNS_SECTION_ANSWER, rr);
    }
    const QByteArray wire = toWire(packet);
    ldns_pkt_free(packet);
    return wire;
}

namespace {

int opcodeOf(const QByteArray& wire)
{
    return wire.size() >= 3 ? (quint8(wire[2]) >> 3) & 0x0f : -1;
}

} // namespace

bool DnsUpdateTestServer::listen()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (!m_udp.bind(QHostAddress::LocalHost, 0))
            return false;
        if (m_tcp.listen(QHostAddress::LocalHost, m_udp.localPort()))
            break;
        m_udp.close();
    }
    if (!m_tcp.isListening())
        return false;
    QObject::connect(&m_udp, &QUdpSocket::readyRead, [this] {
        while (m_udp.hasPendingDatagrams()) {
            QHostAddress from;
            quint16 port = 0;
            QByteArray datagram(qsizetype(m_udp.pendingDatagramSize()), Qt::Uninitialized);
            m_udp.readDatagram(datagram.data(), datagram.size(), &from, &port);
            const QByteArray answer = respond(datagram, false);
            if (!answer.isEmpty())
                m_udp.writeDatagram(answer, from, port);
        }
    });
    QObject::connect(&m_tcp, &QTcpServer::newConnection, [this] {
        while (QTcpSocket* socket = m_tcp.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                m_buffer += socket->readAll();
                if (m_buffer.size() < 2)
                    return;
                const int length = qFromBigEndian<quint16>(m_buffer.constData());
                if (m_buffer.size() < 2 + length)
                    return;
                const QByteArray answer = respond(m_buffer.mid(2, length), true);
                m_buffer.clear();
                QByteArray framed(2, 0);
                qToBigEndian<quint16>(quint16(answer.size()), framed.data());
                socket->write(framed + answer);
            });
        }
    });
    return true;
}

QByteArray DnsUpdateTestServer::respond(const QByteArray& request, bool overTcp)
{
    if (opcodeOf(request) == LDNS_PACKET_QUERY) {
        ++queries;
        return queryAnswer(request, records);
    }
    ++(overTcp ? tcpUpdates : udpUpdates);
    if (silent)
        return {};
    if (truncateUdp && !overTcp)
        return answerTo(request, 0, Signing::None, 0, true);
    if (rcode == 0 && (!recordsAfterUpdate.isEmpty() || clearAfterUpdate))
        records = recordsAfterUpdate;
    return answerTo(request, rcode, signing, tsigError);
}
