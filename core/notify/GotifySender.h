#pragma once

#include "HttpSender.h"
#include "NotifyMessage.h"
#include "site/NotificationChannel.h"

namespace relais {

class SecretBytes;

/// Gotify: POST of {"title", "message", "priority"} (2 info, 5 warning, 8
/// critical) to url/message; the vault entry is the application token, sent
/// in the X-Gotify-Key header (never in the URL, where logs would keep it).
class GotifySender : public HttpSender
{
    Q_OBJECT

public:
    /// @p secret: the channel's vault entry (empty when it names none).
    GotifySender(const NotificationChannel& channel, const NotifyMessage& message,
                 const SecretBytes& secret, QObject* parent = nullptr);

    /// The POST for @p message (pure).
    static HttpPost request(const NotificationChannel& channel, const NotifyMessage& message,
                            const SecretBytes& secret);
};

} // namespace relais
