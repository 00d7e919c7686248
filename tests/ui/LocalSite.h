#pragma once

// Test support for the UI tests: a site whose probes point at servers the
// test opens and closes on the loopback interface, so that a scripted
// sequence of states needs no network.

#include "site/Site.h"

#include <QHostAddress>
#include <QNetworkDatagram>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

namespace relais::test {

/// A TCP port the test opens (the service is up) and closes (connection
/// refused), keeping the same port number.
class LocalPort
{
public:
    LocalPort()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                socket->deleteLater();
        });
    }

    bool open()
    {
        return m_server.listen(QHostAddress::LocalHost, m_port) &&
               (m_port = m_server.serverPort()) != 0;
    }
    void close() { m_server.close(); }
    quint16 port() const { return m_port; }

private:
    QTcpServer m_server;
    quint16 m_port = 0;
};

/// A DNS server on the loopback interface that answers every A question
/// with the address it is given (RFC 1035 wire format, written by hand:
/// test support only).
class LocalDns
{
public:
    LocalDns()
    {
        QObject::connect(&m_socket, &QUdpSocket::readyRead, &m_socket, [this] { answer(); });
    }

    bool open()
    {
        return m_socket.bind(QHostAddress::LocalHost, 0) && (m_port = m_socket.localPort()) != 0;
    }
    quint16 port() const { return m_port; }
    void setAddress(const QString& address) { m_address = QHostAddress(address); }

private:
    void answer()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram datagram = m_socket.receiveDatagram();
            const QByteArray query = datagram.data();
            if (query.size() < 17)
                continue;
            // The question: labels up to the root, then type and class.
            qsizetype end = 12;
            while (end < query.size() && query[end] != 0)
                end += 1 + static_cast<unsigned char>(query[end]);
            end += 5;
            if (end > query.size())
                continue;
            QByteArray reply = query.left(end);
            reply[2] = static_cast<char>(0x84 | (query[2] & 0x79)); // QR, AA, opcode, RD
            reply[3] = 0;                                           // RA 0, NOERROR
            reply[6] = 0;
            reply[7] = 1; // one answer
            reply[8] = reply[9] = reply[10] = reply[11] = 0;
            const quint32 ip = m_address.toIPv4Address();
            const char record[] = {'\xc0', '\x0c', 0, 1, 0, 1, 0, 0, 0, 60, 0, 4};
            reply.append(record, sizeof record);
            reply.append(static_cast<char>(ip >> 24));
            reply.append(static_cast<char>(ip >> 16));
            reply.append(static_cast<char>(ip >> 8));
            reply.append(static_cast<char>(ip));
            m_socket.writeDatagram(datagram.makeReply(reply));
        }
    }

    QUdpSocket m_socket;
    quint16 m_port = 0;
    QHostAddress m_address{QStringLiteral("192.0.2.10")};
};

inline constexpr auto MainPublic = "192.0.2.10";
inline constexpr auto BackupPublic = "192.0.2.20";

inline ProbeSpec tcpProbe(HostRole host, quint16 port, int intervalSeconds)
{
    ProbeSpec spec;
    spec.kind = ProbeSpec::Kind::Tcp;
    spec.host = host;
    spec.port = port;
    spec.intervalSeconds = intervalSeconds;
    spec.timeoutSeconds = 2;
    spec.failThreshold = 1;
    spec.recoverThreshold = 1;
    return spec;
}

/// "Local site": main and backup both on 127.0.0.1, each with one TCP probe
/// on its port; www.example.test asked of a LocalDns when @p dnsPort is
/// given. Thresholds 1: every check is a verdict.
inline Site localSite(quint16 mainPort, quint16 backupPort, quint16 dnsPort = 0,
                      int intervalSeconds = 1)
{
    Site site;
    site.name = QStringLiteral("Local site");
    site.main.name = QStringLiteral("main");
    site.main.address = QStringLiteral("127.0.0.1");
    site.main.publicAddress = QString::fromLatin1(MainPublic);
    site.main.ssh.user = QStringLiteral("root");
    site.main.ssh.port = 22;
    site.backup = site.main;
    site.backup.name = QStringLiteral("backup");
    site.backup.publicAddress = QString::fromLatin1(BackupPublic);

    Service www;
    www.name = QStringLiteral("www");
    www.containers = {QStringLiteral("web")};
    DnsBinding dns;
    dns.zone = QStringLiteral("example.test");
    dns.record = QStringLiteral("www");
    dns.server = QStringLiteral("127.0.0.1");
    www.dns = dns;
    www.probes << tcpProbe(HostRole::Main, mainPort, intervalSeconds)
               << tcpProbe(HostRole::Backup, backupPort, intervalSeconds);
    if (dnsPort != 0) {
        ProbeSpec spec;
        spec.kind = ProbeSpec::Kind::Dns;
        spec.server = QStringLiteral("127.0.0.1");
        spec.port = dnsPort;
        spec.name = QStringLiteral("www.example.test");
        spec.intervalSeconds = intervalSeconds;
        spec.timeoutSeconds = 2;
        spec.failThreshold = 1;
        spec.recoverThreshold = 1;
        www.probes << spec;
    }
    site.services << www;
    site.targets.rpoMinutes = 15;
    site.targets.rtoMinutes = 30;
    return site;
}

} // namespace relais::test
