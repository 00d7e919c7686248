#pragma once

#include "site/NotificationChannel.h"
#include "vault/SecretBytes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace relais {

/// Everything one SMTP submission needs, read before it leaves the GUI
/// thread.
struct SmtpRequest
{
    QString channel; ///< for messages
    QString host;
    int port = 587;
    NotificationChannel::Tls tls = NotificationChannel::Tls::StartTls;
    QString caFile; ///< CAs trusted besides the system's; empty: the system's only
    QString user;   ///< empty: no AUTH
    SecretBytes password;
    QString from;
    QStringList to;
    QByteArray message; ///< the RFC 5322 message (MailMessage)
    int timeoutMs = 30000;
};

} // namespace relais
