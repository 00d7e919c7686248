#pragma once

#include "notify/ChannelResult.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTextStream>

namespace relais {

class NotifyJob;

/// `relaisctl notify test --site FILE [CHANNEL...]`: sends a test message
/// to each of the site's notification channels (or those named), whatever
/// their events, and prints each channel's result. Secrets come from the
/// vault (passphrase as for `relaisctl vault`), opened only when a channel
/// names one. Exit 0 when every channel took the message, 1 when one did
/// not, 2 on any other error.
class NotifyCommand : public QObject
{
    Q_OBJECT

public:
    NotifyCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);

    /// Parses @p arguments and starts; returns an exit code when already
    /// done, or -1 when the answer will come with finished().
    int start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    int startTest(const QStringList& arguments);
    void onChannelFinished(const ChannelResult& result);
    void onFinished(const QList<ChannelResult>& results);

    QTextStream& m_out;
    QTextStream& m_err;
    QPointer<NotifyJob> m_job;
};

} // namespace relais
