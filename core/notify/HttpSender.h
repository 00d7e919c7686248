#pragma once

#include "ChannelSender.h"
#include "HttpPost.h"

#include <QPointer>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace relais {

/// Sends a web channel's POST through QNetworkAccessManager: TLS verified
/// against the system's CAs plus the channel's CA file, no error ignored,
/// redirects not followed, a transfer timeout. A 2xx answer is success;
/// 401/403 is AuthRefused, any other status HttpStatus. Nothing of the
/// headers or of the URL's path is logged.
class HttpSender : public ChannelSender
{
    Q_OBJECT

public:
    HttpSender(QString channel, HttpPost post, QString caFile, QObject* parent = nullptr);
    ~HttpSender() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void start() override;
    void cancel() override;

private:
    void send();
    void onFinished();
    void finish(const Result<void>& result);

    QString m_channel;
    HttpPost m_post;
    QString m_caFile;
    int m_timeoutMs = 15000;
    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace relais
