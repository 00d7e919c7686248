#pragma once

#include "common/Result.h"

#include <QObject>

namespace relais {

/// Sends one message to one channel: a job. start() returns at once;
/// finished() comes exactly once per start(), also after cancel() (with
/// NotifyError::Cancelled then), never from inside start().
class ChannelSender : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~ChannelSender() override = default;

    virtual void start() = 0;
    virtual void cancel() = 0;

signals:
    void finished(const relais::Result<void>& result);
};

} // namespace relais
