#pragma once

#include "HttpSender.h"
#include "NotifyMessage.h"
#include "site/NotificationChannel.h"

namespace relais {

class SecretBytes;

/// ntfy (ntfy.sh or a self-hosted server): POST of the body as text to
/// url/topic with the Title (RFC 2047 when not ASCII), Priority (3 info, 4
/// warning, 5 critical) and Tags (the severity's emoji name and the event)
/// headers; the vault entry, when named, is an access token sent as
/// "Authorization: Bearer".
class NtfySender : public HttpSender
{
    Q_OBJECT

public:
    /// @p secret: the channel's vault entry (empty when it names none).
    NtfySender(const NotificationChannel& channel, const NotifyMessage& message,
               const SecretBytes& secret, QObject* parent = nullptr);

    /// The POST for @p message (pure).
    static HttpPost request(const NotificationChannel& channel, const NotifyMessage& message,
                            const SecretBytes& secret);
};

} // namespace relais
