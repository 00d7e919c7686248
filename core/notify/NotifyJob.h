#pragma once

#include "ChannelResult.h"

#include <QList>
#include <QObject>

namespace relais {

class ChannelSender;

/// One message on its way to several channels at once (made by Notifier).
/// channelFinished() comes once per channel; finished() once, when all
/// have answered (at once, from the event loop, when there was none); the
/// job then deletes itself.
class NotifyJob : public QObject
{
    Q_OBJECT

public:
    explicit NotifyJob(QObject* parent = nullptr);

    /// Adds a sender (taken over) or a result known at once (a channel
    /// that cannot be used); before start().
    void add(const QString& channel, ChannelSender* sender);
    void add(const ChannelResult& result);

    void start();
    void cancel();

    const QList<ChannelResult>& results() const { return m_results; }
    /// Whether every channel took the message.
    bool allSent() const;

signals:
    void channelFinished(const relais::ChannelResult& result);
    void finished(const QList<relais::ChannelResult>& results);

private:
    void settle(const ChannelResult& result);

    QList<QPair<QString, ChannelSender*>> m_senders;
    QList<ChannelResult> m_known;
    QList<ChannelResult> m_results;
    qsizetype m_expected = 0;
    bool m_started = false;
};

} // namespace relais
