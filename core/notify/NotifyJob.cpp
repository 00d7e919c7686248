#include "NotifyJob.h"

#include "ChannelSender.h"

#include <QTimer>

namespace relais {

NotifyJob::NotifyJob(QObject* parent)
    : QObject(parent)
{}

void NotifyJob::add(const QString& channel, ChannelSender* sender)
{
    sender->setParent(this);
    m_senders.append({channel, sender});
}

void NotifyJob::add(const ChannelResult& result)
{
    m_known.append(result);
}

bool NotifyJob::allSent() const
{
    return std::all_of(m_results.cbegin(), m_results.cend(),
                       [](const ChannelResult& r) { return r.result.ok(); });
}

void NotifyJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_expected = m_senders.size() + m_known.size();
    for (const auto& [channel, sender] : std::as_const(m_senders)) {
        connect(sender, &ChannelSender::finished, this,
                [this, channel](const Result<void>& result) {
                    settle({channel, result});
                });
        sender->start();
    }
    // Results known at once still come from the event loop.
    QTimer::singleShot(0, this, [this] {
        const QList<ChannelResult> known = std::exchange(m_known, {});
        for (const ChannelResult& result : known)
            settle(result);
        if (m_expected == 0) {
            emit finished(m_results);
            deleteLater();
        }
    });
}

void NotifyJob::cancel()
{
    for (const auto& [channel, sender] : std::as_const(m_senders))
        sender->cancel();
}

void NotifyJob::settle(const ChannelResult& result)
{
    m_results.append(result);
    emit channelFinished(result);
    if (m_results.size() == m_expected) {
        emit finished(m_results);
        deleteLater();
    }
}

} // namespace relais
