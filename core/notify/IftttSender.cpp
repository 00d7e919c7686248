#include "IftttSender.h"

#include "MailMessage.h"
#include "vault/SecretBytes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace relais {

IftttSender::IftttSender(const NotificationChannel& channel, const NotifyMessage& message,
                         const SecretBytes& secret, QObject* parent)
    : HttpSender(channel.name, request(channel, message, secret), channel.caFile, parent)
{}

HttpPost IftttSender::request(const NotificationChannel& channel, const NotifyMessage& message,
                              const SecretBytes& secret)
{
    HttpPost post;
    QUrl url(channel.url);
    if (!secret.isEmpty()) {
        QString path = url.path();
        if (!path.endsWith(QLatin1Char('/')))
            path += QLatin1Char('/');
        url.setPath(path + QString::fromUtf8(secret.view().toByteArray()));
    }
    post.url = url;
    post.contentType = "application/json";
    post.body = QJsonDocument(QJsonObject{{QStringLiteral("value1"), message.title},
                                          {QStringLiteral("value2"), message.body},
                                          {QStringLiteral("value3"), message.site}})
                    .toJson(QJsonDocument::Compact);
    return post;
}

} // namespace relais
