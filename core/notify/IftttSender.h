#pragma once

#include "HttpSender.h"
#include "NotifyMessage.h"
#include "site/NotificationChannel.h"

namespace relais {

class SecretBytes;

/// An IFTTT-style maker webhook (seed 001): POST of {"value1": title,
/// "value2": message, "value3": site} to url + "/" + the key kept in the
/// vault (https://maker.ifttt.com/trigger/EVENT/with/key + /KEY), so the
/// key is never in the site document.
class IftttSender : public HttpSender
{
    Q_OBJECT

public:
    /// @p secret: the channel's vault entry (empty when it names none).
    IftttSender(const NotificationChannel& channel, const NotifyMessage& message,
                const SecretBytes& secret, QObject* parent = nullptr);

    /// The POST for @p message (pure).
    static HttpPost request(const NotificationChannel& channel, const NotifyMessage& message,
                            const SecretBytes& secret);
};

} // namespace relais
