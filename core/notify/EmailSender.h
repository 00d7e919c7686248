#pragma once

#include "ChannelSender.h"
#include "NotifyMessage.h"
#include "SmtpRequest.h"

#include <QFutureWatcher>
#include <atomic>
#include <memory>

namespace relais {

/// E-mail over SMTP through libcurl (CurlSmtp), in the thread pool so the
/// calling thread never waits; cancel() stops the transfer at curl's next
/// progress tick, and finished() still comes.
class EmailSender : public ChannelSender
{
    Q_OBJECT

public:
    /// @p password: the vault's entry for the channel (empty: no AUTH).
    EmailSender(const NotificationChannel& channel, const NotifyMessage& message,
                const SecretBytes& password, QObject* parent = nullptr);
    ~EmailSender() override;

    /// What is submitted (pure): the addresses, the server, the message.
    static SmtpRequest request(const NotificationChannel& channel, const NotifyMessage& message,
                               const SecretBytes& password);
    /// The mail for @p message: subject "[Relais] site: title", body the
    /// message's text, its severity and time.
    static QByteArray mail(const NotificationChannel& channel, const NotifyMessage& message);

    void setTimeoutMs(int ms) { m_request.timeoutMs = ms; }

    void start() override;
    void cancel() override;

private:
    SmtpRequest m_request;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QFutureWatcher<Result<void>> m_watcher;
    bool m_started = false;
};

} // namespace relais
