#include "EmailSender.h"

#include "CurlSmtp.h"
#include "MailMessage.h"

#include <QtConcurrent/QtConcurrentRun>

namespace relais {

EmailSender::EmailSender(const NotificationChannel& channel, const NotifyMessage& message,
                         const SecretBytes& password, QObject* parent)
    : ChannelSender(parent)
    , m_request(request(channel, message, password))
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    connect(&m_watcher, &QFutureWatcher<Result<void>>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

EmailSender::~EmailSender()
{
    // The worker keeps its own copy of the request and of the flag.
    m_cancelled->store(true);
    m_watcher.disconnect(this);
}

QByteArray EmailSender::mail(const NotificationChannel& channel, const NotifyMessage& message)
{
    MailMessage mail;
    mail.from = channel.from;
    mail.to = channel.to;
    mail.subject = QStringLiteral("[Relais] %1: %2").arg(message.site, message.title);
    mail.body = message.body + QStringLiteral("\n\n-- \nRelais, %1 (%2)\n")
                                   .arg(message.time.toUTC().toString(Qt::ISODate),
                                        NotifyMessage::severityName(message.severity));
    mail.date = message.time.isValid() ? message.time : QDateTime::currentDateTimeUtc();
    return mail.toBytes();
}

SmtpRequest EmailSender::request(const NotificationChannel& channel, const NotifyMessage& message,
                                 const SecretBytes& password)
{
    SmtpRequest request;
    request.channel = channel.name;
    request.host = channel.smtpHost;
    request.port = channel.smtpPort();
    request.tls = channel.tls;
    request.caFile = channel.caFile;
    if (!password.isEmpty()) {
        request.user = channel.user.isEmpty() ? channel.from : channel.user;
        request.password = password;
    }
    request.from = channel.from;
    request.to = channel.to;
    request.message = mail(channel, message);
    return request;
}

void EmailSender::start()
{
    if (m_started)
        return;
    m_started = true;
    // A copy for the worker: this object may go before it ends.
    m_watcher.setFuture(QtConcurrent::run([request = m_request, cancelled = m_cancelled] {
        return CurlSmtp::send(request, *cancelled);
    }));
}

void EmailSender::cancel()
{
    m_cancelled->store(true);
}

} // namespace relais
