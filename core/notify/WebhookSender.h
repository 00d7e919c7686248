#pragma once

#include "HttpSender.h"
#include "NotifyMessage.h"
#include "site/NotificationChannel.h"

namespace relais {

class SecretBytes;

/// A generic webhook: POST of {"site", "event", "title", "message",
/// "severity", "time"} (time in ISO 8601 UTC) to url; the vault entry, when
/// named, is a token sent as "Authorization: Bearer".
class WebhookSender : public HttpSender
{
    Q_OBJECT

public:
    /// @p secret: the channel's vault entry (empty when it names none).
    WebhookSender(const NotificationChannel& channel, const NotifyMessage& message,
                  const SecretBytes& secret, QObject* parent = nullptr);

    /// The POST for @p message (pure).
    static HttpPost request(const NotificationChannel& channel, const NotifyMessage& message,
                            const SecretBytes& secret);
};

} // namespace relais
