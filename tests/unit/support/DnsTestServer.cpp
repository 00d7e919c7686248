#include "DnsTestServer.h"

#include <QNetworkDatagram>
#include <QTcpSocket>
#include <cstdlib>
#include <ldns/ldns.h>
#include <memory>

namespace {

struct PacketFree
{
    void operator()(ldns_pkt* packet) const { ldns_pkt_free(packet); }
};
using PacketPtr = std::unique_ptr<ldns_pkt, PacketFree>;

QByteArray toWire(const ldns_pkt* packet)
{
    uint8_t* wire = nullptr;
    size_t size = 0;
    if (ldns_pkt2wire(&wire, packet, &size) != LDNS_STATUS_OK || !wire)
        return {};
    QByteArray bytes(reinterpret_cast<const char*>(wire), static_cast<qsizetype>(size));
    std::free(wire);
    return bytes;
}

} // namespace

DnsTestServer::DnsTestServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_udp, &QUdpSocket::readyRead, this, &DnsTestServer::onUdp);
    connect(&m_tcp, &QTcpServer::pendingConnectionAvailable, this, &DnsTestServer::onTcpConnection);
}

DnsTestServer::~DnsTestServer() = default;

bool DnsTestServer::listen()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (!m_udp.bind(QHostAddress::LocalHost, 0))
            return false;
        if (m_tcp.listen(QHostAddress::LocalHost, m_udp.localPort())) {
            m_port = m_udp.localPort();
            return true;
        }
        m_udp.close();
    }
    return false;
}

void DnsTestServer::onUdp()
{
    while (m_udp.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_udp.receiveDatagram();
        ++m_udpQueries;
        const QByteArray answer = respond(datagram.data(), false);
        if (!answer.isEmpty())
            m_udp.writeDatagram(answer, datagram.senderAddress(),
                                static_cast<quint16>(datagram.senderPort()));
    }
}

void DnsTestServer::onTcpConnection()
{
    while (QTcpSocket* socket = m_tcp.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onTcpData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        onTcpData(socket);
    }
}

void DnsTestServer::onTcpData(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    while (buffer.size() >= 2) {
        const int length = (static_cast<unsigned char>(buffer.at(0)) << 8) |
                           static_cast<unsigned char>(buffer.at(1));
        if (buffer.size() < 2 + length)
            return;
        const QByteArray query = buffer.mid(2, length);
        buffer.remove(0, 2 + length);
        ++m_tcpQueries;
        const QByteArray answer = respond(query, true);
        if (answer.isEmpty())
            continue;
        const char prefix[2] = {static_cast<char>((answer.size() >> 8) & 0xff),
                                static_cast<char>(answer.size() & 0xff)};
        socket->write(prefix, 2);
        socket->write(answer);
    }
}

QByteArray DnsTestServer::respond(const QByteArray& bytes, bool overTcp)
{
    ldns_pkt* raw = nullptr;
    if (ldns_wire2pkt(&raw, reinterpret_cast<const uint8_t*>(bytes.constData()),
                      static_cast<size_t>(bytes.size())) != LDNS_STATUS_OK ||
        !raw)
        return {};
    const PacketPtr query(raw);
    m_lastRd = ldns_pkt_rd(query.get());

    switch (m_mode) {
    case Mode::Silent:
        return {};
    case Mode::Garbage:
        return QByteArray("\x12\x34 this is not DNS", 18);
    default:
        break;
    }

    PacketPtr answer(ldns_pkt_new());
    if (!answer)
        return {};
    ldns_pkt_set_id(answer.get(), static_cast<uint16_t>(ldns_pkt_id(query.get()) +
                                                        (m_mode == Mode::WrongId ? 1 : 0)));
    ldns_pkt_set_qr(answer.get(), m_mode != Mode::NotResponse);
    ldns_pkt_set_aa(answer.get(), true);
    ldns_pkt_set_opcode(answer.get(), LDNS_PACKET_QUERY);
    ldns_pkt_set_rcode(answer.get(), m_mode == Mode::NxDomain   ? LDNS_RCODE_NXDOMAIN
                                     : m_mode == Mode::ServFail ? LDNS_RCODE_SERVFAIL
                                     : m_mode == Mode::Refused  ? LDNS_RCODE_REFUSED
                                                                : LDNS_RCODE_NOERROR);

    if (m_mode == Mode::WrongQuestion) {
        ldns_rr* question = nullptr;
        if (ldns_rr_new_question_frm_str(&question, "other.example.test. IN A", nullptr, nullptr) ==
            LDNS_STATUS_OK)
            ldns_pkt_push_rr(answer.get(), LDNS_SECTION_QUESTION, question);
    } else if (m_mode != Mode::Refused) {
        const ldns_rr_list* questions = ldns_pkt_question(query.get());
        for (size_t i = 0; questions && i < ldns_rr_list_rr_count(questions); ++i)
            ldns_pkt_push_rr(answer.get(), LDNS_SECTION_QUESTION,
                             ldns_rr_clone(ldns_rr_list_rr(questions, i)));
    }

    if (m_truncateUdp && !overTcp) {
        ldns_pkt_set_tc(answer.get(), true);
    } else if (m_mode != Mode::NxDomain && m_mode != Mode::ServFail && m_mode != Mode::Refused) {
        for (const QString& record : m_records) {
            ldns_rr* rr = nullptr;
            if (ldns_rr_new_frm_str(&rr, record.toLatin1().constData(), 0, nullptr, nullptr) ==
                LDNS_STATUS_OK)
                ldns_pkt_push_rr(answer.get(), LDNS_SECTION_ANSWER, rr);
            else
                qWarning("DnsTestServer: bad record %s", qPrintable(record));
        }
    }
    return toWire(answer.get());
}
