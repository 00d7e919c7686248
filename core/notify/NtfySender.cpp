#include "NtfySender.h"

#include "MailMessage.h"
#include "vault/SecretBytes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

NtfySender::NtfySender(const NotificationChannel& channel, const NotifyMessage& message,
                       const SecretBytes& secret, QObject* parent)
    : HttpSender(channel.name, request(channel, message, secret), channel.caFile, parent)
{}

HttpPost NtfySender::request(const NotificationChannel& channel, const NotifyMessage& message,
                             const SecretBytes& secret)
{
    HttpPost post;
    QUrl url(channel.url);
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + channel.topic);
    post.url = url;
    post.contentType = "text/plain; charset=utf-8";
    post.body = message.body.toUtf8();
    post.headers.append(qMakePair(QByteArray("Title"),
                                  QByteArray(MailMessage::headerWords(message.title).join(' '))));
    const char* priority = "3";
    const char* tag = "information_source";
    switch (message.severity) {
    case NotifyMessage::Severity::Info:
        break;
    case NotifyMessage::Severity::Warning:
        priority = "4";
        tag = "warning";
        break;
    case NotifyMessage::Severity::Critical:
        priority = "5";
        tag = "rotating_light";
        break;
    }
    post.headers.append(qMakePair(QByteArray("Priority"), QByteArray(priority)));
    post.headers.append(
        qMakePair(QByteArray("Tags"),
                  QByteArray(tag) + ',' + NotifyMessage::eventName(message.event).toLatin1()));
    if (!secret.isEmpty())
        post.headers.append(qMakePair(QByteArray("Authorization"),
                                      QByteArray("Bearer " + secret.view().toByteArray())));
    return post;
}

} // namespace relais
