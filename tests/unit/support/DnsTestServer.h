#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QUdpSocket>

/// A scripted DNS server for tests, on 127.0.0.1 only: UDP and TCP on the
/// same port, queries parsed and answers built with ldns. It answers every
/// question the same way, as set by its mode and records.
class DnsTestServer : public QObject
{
public:
    enum class Mode
    {
        Answer,        ///< NOERROR with the records set (none: NODATA)
        NxDomain,      ///< NXDOMAIN
        ServFail,      ///< SERVFAIL
        Refused,       ///< REFUSED, without the question
        Garbage,       ///< bytes that are not a DNS message
        Silent,        ///< no answer at all
        WrongId,       ///< a good answer with another id
        WrongQuestion, ///< a good answer to another question
        NotResponse,   ///< the QR bit clear
    };

    explicit DnsTestServer(QObject* parent = nullptr);
    ~DnsTestServer() override;

    /// Binds UDP and TCP on one free port of 127.0.0.1.
    bool listen();
    quint16 port() const { return m_port; }

    void setMode(Mode mode) { m_mode = mode; }
    /// Answer records in zone-file form, e.g.
    /// "www.example.test. 60 IN A 192.0.2.10".
    void setRecords(const QStringList& records) { m_records = records; }
    /// UDP answers come truncated (TC, no records); TCP answers whole.
    void setTruncateUdp(bool truncate) { m_truncateUdp = truncate; }
    /// Stops listening on TCP (connections are refused).
    void closeTcp() { m_tcp.close(); }

    int udpQueries() const { return m_udpQueries; }
    int tcpQueries() const { return m_tcpQueries; }
    /// Whether the last query asked for recursion (RD bit).
    bool lastRecursionDesired() const { return m_lastRd; }

private:
    void onUdp();
    void onTcpConnection();
    void onTcpData(QTcpSocket* socket);
    /// The answer to @p query; empty for none.
    QByteArray respond(const QByteArray& query, bool overTcp);

    QUdpSocket m_udp;
    QTcpServer m_tcp;
    quint16 m_port = 0;
    Mode m_mode = Mode::Answer;
    QStringList m_records;
    bool m_truncateUdp = false;
    int m_udpQueries = 0;
    int m_tcpQueries = 0;
    bool m_lastRd = false;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};
