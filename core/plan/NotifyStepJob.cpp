#include "NotifyStepJob.h"

#include "DrillText.h"
#include "PlanError.h"
#include "notify/Notifier.h"
#include "notify/NotifyJob.h"

#include <QTimer>

namespace relais {

NotifyStepJob::NotifyStepJob(QString message, Notifier notifier, QObject* parent,
                             const relais::Notifier* channels, QString site)
    : StepJob(parent)
    , m_message(std::move(message))
    , m_notifier(std::move(notifier))
    , m_channels(channels)
    , m_site(std::move(site))
{}

void NotifyStepJob::start()
{
    m_done = false;
    m_cancelled = false;
    // finished() never comes from inside start().
    QTimer::singleShot(0, this, [this] {
        emit output(m_message);
        if (m_notifier)
            m_notifier(m_message);
        if (m_channels && m_channels->hasChannelFor(NotificationChannel::Event::Drill)) {
            sendToChannels();
            return;
        }
        m_done = true;
        emit finished(Result<void>::success());
    });
}

void NotifyStepJob::sendToChannels()
{
    NotifyMessage message;
    message.event = NotificationChannel::Event::Drill;
    message.site = m_site;
    message.title = DrillText::tr("Recovery plan");
    message.body = m_message;
    message.time = QDateTime::currentDateTimeUtc();
    m_job = m_channels->send(message, this);
    connect(m_job, &NotifyJob::channelFinished, this, [this](const ChannelResult& sent) {
        emit output(
            sent.result
                ? DrillText::tr("Sent to channel %1.").arg(sent.channel)
                : DrillText::tr("Not sent to channel %1: %2").arg(sent.channel, sent.reason()));
    });
    connect(m_job, &NotifyJob::finished, this, [this] {
        if (m_done)
            return;
        m_done = true;
        if (m_cancelled)
            emit finished(Error(PlanError::Cancelled, DrillText::tr("Cancelled.")));
        else
            emit finished(Result<void>::success());
    });
}

void NotifyStepJob::cancel()
{
    // Before the channels are reached the step ends at once anyway.
    if (!m_job || m_done)
        return;
    m_cancelled = true;
    m_job->cancel();
}

} // namespace relais
