#pragma once

#include "health/HealthError.h"
#include "health/Probe.h"
#include "health/ProbeResult.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <optional>

namespace relais {

/// The code's name, for QCOMPARE messages (found by ADL).
inline const char* healthErrorName(HealthError error)
{
    switch (error) {
    case HealthError::Timeout:
        return "Timeout";
    case HealthError::ConnectionRefused:
        return "ConnectionRefused";
    case HealthError::Unreachable:
        return "Unreachable";
    case HealthError::HostNotFound:
        return "HostNotFound";
    case HealthError::TlsFailed:
        return "TlsFailed";
    case HealthError::PinMismatch:
        return "PinMismatch";
    case HealthError::HttpStatus:
        return "HttpStatus";
    case HealthError::KeywordMissing:
        return "KeywordMissing";
    case HealthError::NotSsh:
        return "NotSsh";
    case HealthError::DnsNoAnswer:
        return "DnsNoAnswer";
    case HealthError::DnsFailed:
        return "DnsFailed";
    case HealthError::DnsUnknownAddress:
        return "DnsUnknownAddress";
    case HealthError::Failed:
        return "Failed";
    case HealthError::Cancelled:
        return "Cancelled";
    case HealthError::NotTrusted:
        return "NotTrusted";
    }
    return "?";
}

inline char* toString(const HealthError& error)
{
    return qstrdup(healthErrorName(error));
}

inline char* toString(const std::optional<HealthError>& error)
{
    return qstrdup(error ? healthErrorName(*error) : "no error");
}

} // namespace relais

namespace ProbeTest {

/// The error of a result, or -1 for none: comparable in table-driven tests.
inline int errorOf(const relais::ProbeResult& result)
{
    return result.error ? static_cast<int>(*result.error) : -1;
}

/// Starts @p probe and waits up to @p waitMs for finished(); then checks
/// for @p settleMs that no second finished() follows. Returns the result,
/// or nothing when finished() did not come exactly once.
inline std::optional<relais::ProbeResult> run(relais::Probe& probe, int waitMs = 10000,
                                              int settleMs = 50)
{
    QSignalSpy spy(&probe, &relais::Probe::finished);
    probe.start();
    if (spy.isEmpty() && !spy.wait(waitMs))
        return std::nullopt;
    QTest::qWait(settleMs);
    if (spy.size() != 1 || probe.isRunning())
        return std::nullopt;
    return spy.at(0).at(0).value<relais::ProbeResult>();
}

/// A TCP port on 127.0.0.1 that was just listened on and closed: nothing
/// listens there (barring a race with another process).
inline quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace ProbeTest
