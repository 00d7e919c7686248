#pragma once

#include "StepJob.h"

#include <QPointer>
#include <functional>

namespace relais {

class Notifier;
class NotifyJob;

/// A plan's notify step: hands the message to whoever shows it (the tray,
/// the command line), keeps it in the drill's output and sends it to the
/// site's channels subscribed to "drill" events, one output line per
/// channel. A channel that cannot be reached does not fail the step: the
/// recovery goes on, and the report says which channel missed it.
class NotifyStepJob : public StepJob
{
    Q_OBJECT

public:
    using Notifier = std::function<void(const QString& message)>;

    /// @p channels (optional) must outlive the job; @p site names the site
    /// in what the channels receive.
    NotifyStepJob(QString message, Notifier notifier, QObject* parent = nullptr,
                  const relais::Notifier* channels = nullptr, QString site = {});

    void start() override;
    /// Stops sending to the channels; finished() then says Cancelled.
    void cancel() override;

private:
    void sendToChannels();

    QString m_message;
    Notifier m_notifier;
    const relais::Notifier* m_channels;
    QString m_site;
    QPointer<NotifyJob> m_job;
    bool m_done = false;
    bool m_cancelled = false;
};

} // namespace relais
