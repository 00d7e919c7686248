#pragma once

#include <QByteArray>
#include <QStringList>
#include <QTcpServer>
#include <QUdpSocket>

/// Test key of the scripted RFC 2136 server: "relais-lab", hmac-sha256.
extern const char* const UpdateTestKeyName;
extern const char* const UpdateTestSecret;
/// Another secret for the same key name.
extern const char* const UpdateTestOtherSecret;

/// How a scripted answer to an update is signed.
enum class Signing
{
    Right,     ///< signed with the test key over the request's MAC
    OtherKey,  ///< signed with another secret
    OtherMac,  ///< signed with the test key, but not over the request's MAC
    None,      ///< no TSIG
    ErrorOnly, ///< a TSIG with an empty MAC and the error given
};

/// The answer a server would give to the update @p request: its header and
/// zone section with QR and @p rcode, signed as said (built with ldns).
QByteArray answerTo(const QByteArray& request, int rcode, Signing signing, int tsigError = 0,
                    bool truncated = false);

/// The answer to a plain query: NOERROR, authoritative, with @p records in
/// zone-file form.
QByteArray queryAnswer(const QByteArray& query, const QStringList& records);

/// A scripted RFC 2136 server on 127.0.0.1 (UDP and TCP, one port): it
/// answers every update with the same response code, signed with the test
/// key, and every query with the records set.
class DnsUpdateTestServer
{
public:
    int rcode = 0;
    Signing signing = Signing::Right;
    /// The TSIG error of Signing::ErrorOnly answers (16 BADSIG, 17 BADKEY...).
    int tsigError = 0;
    bool truncateUdp = false;
    bool silent = false;
    QStringList records;
    /// When set, the records once an update was answered NOERROR.
    QStringList recordsAfterUpdate;
    /// The records are emptied once an update was answered NOERROR (a
    /// deletion), when recordsAfterUpdate is empty.
    bool clearAfterUpdate = false;
    int udpUpdates = 0;
    int tcpUpdates = 0;
    int queries = 0;

    /// Binds UDP and TCP on one free port of 127.0.0.1.
    bool listen();
    quint16 port() const { return m_udp.localPort(); }

private:
    QByteArray respond(const QByteArray& request, bool overTcp);

    QUdpSocket m_udp;
    QTcpServer m_tcp;
    QByteArray m_buffer;
};
