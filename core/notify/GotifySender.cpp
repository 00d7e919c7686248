#include "GotifySender.h"

#include "MailMessage.h"
#include "vault/SecretBytes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

GotifySender::GotifySender(const NotificationChannel& channel, const NotifyMessage& message,
                           const SecretBytes& secret, QObject* parent)
    : HttpSender(channel.name, request(channel, message, secret), channel.caFile, parent)
{}

HttpPost GotifySender::request(const NotificationChannel& channel, const NotifyMessage& message,
                               const SecretBytes& secret)
{
    HttpPost post;
    QUrl url(channel.url);
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("message"));
    post.url = url;
    int priority = 2;
    if (message.severity == NotifyMessage::Severity::Warning)
        priority = 5;
    else if (message.severity == NotifyMessage::Severity::Critical)
        priority = 8;
    post.contentType = "application/json";
    post.body = QJsonDocument(QJsonObject{{QStringLiteral("title"), message.title},
                                          {QStringLiteral("message"), message.body},
                                          {QStringLiteral("priority"), priority}})
                    .toJson(QJsonDocument::Compact);
    if (!secret.isEmpty())
        post.headers.append(
            qMakePair(QByteArray("X-Gotify-Key"), QByteArray(secret.view().toByteArray())));
    return post;
}

} // namespace relais
