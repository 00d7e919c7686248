#pragma once

#include "ProbeResult.h"

#include <QObject>

namespace relais {

/// One health check run once: a small job. start() begins it without
/// blocking; finished() is emitted exactly once, also after cancel() (with
/// a failure) or when the timeout expires. A probe may be started again
/// after it finished. Subclasses: TcpProbe, HttpProbe, SshProbe, DnsProbe.
class Probe : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Begins one check; the answer comes with finished().
    virtual void start() = 0;
    /// Stops a running check; finished() is still emitted once.
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

    /// A short description for logs and the UI ("TCP 10.231.0.10:80").
    virtual QString describe() const = 0;

signals:
    void finished(const relais::ProbeResult& result);
};

} // namespace relais
