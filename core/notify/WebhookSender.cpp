#include "WebhookSender.h"

#include "MailMessage.h"
#include "vault/SecretBytes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

WebhookSender::WebhookSender(const NotificationChannel& channel, const NotifyMessage& message,
                             const SecretBytes& secret, QObject* parent)
    : HttpSender(channel.name, request(channel, message, secret), channel.caFile, parent)
{}

HttpPost WebhookSender::request(const NotificationChannel& channel, const NotifyMessage& message,
                                const SecretBytes& secret)
{
    HttpPost post;
    post.url = QUrl(channel.url);
    post.contentType = "application/json";
    post.body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("site"), message.site},
                        {QStringLiteral("event"), NotifyMessage::eventName(message.event)},
                        {QStringLiteral("title"), message.title},
                        {QStringLiteral("message"), message.body},
                        {QStringLiteral("severity"), NotifyMessage::severityName(message.severity)},
                        {QStringLiteral("time"), message.time.toUTC().toString(Qt::ISODate)}})
            .toJson(QJsonDocument::Compact);
    if (!secret.isEmpty())
        post.headers.append(qMakePair(QByteArray("Authorization"),
                                      QByteArray("Bearer " + secret.view().toByteArray())));
    return post;
}

} // namespace relais
