#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace relais {

/// One way to tell the user beyond the tray: a push service (ntfy,
/// Gotify), a webhook (generic JSON, IFTTT-style) or e-mail over SMTP. Plain
/// data, read from the site document's "notifications" array; secrets (a
/// token, a password, an IFTTT key) stay in the vault, named by id.
struct NotificationChannel
{
    enum class Kind
    {
        Ntfy,    ///< POST to url/topic with Title, Priority and Tags headers
        Gotify,  ///< POST url/message, the application token in X-Gotify-Key
        Webhook, ///< POST of a JSON object {site, event, title, message, severity, time}
        Ifttt,   ///< POST of {value1, value2, value3} to url (+ "/" + key from the vault)
        Email,   ///< SMTP with TLS (STARTTLS or implicit), AUTH from the vault
    };

    /// What a channel wants to hear about.
    enum class Event
    {
        Drill,  ///< a drill ended (and a plan's notify steps)
        Health, ///< a host or the site changed state
        Sync,   ///< a replication run failed or recovered
    };

    enum class Tls
    {
        StartTls, ///< plain connection upgraded by STARTTLS (port 587)
        Implicit, ///< TLS from the first byte ("tls", port 465)
    };

    QString name; ///< [a-z0-9][a-z0-9_-]{0,31}, unique in the site
    Kind kind = Kind::Webhook;
    QList<Event> events;
    QString url;   ///< ntfy server, Gotify server, webhook or IFTTT URL
    QString topic; ///< ntfy
    QString
        credentials; ///< vault id: token (ntfy, Gotify, webhook), key (IFTTT), password (e-mail)
    /// A PEM file of CAs trusted besides the system's (a private CA for a
    /// local server); verification is never turned off.
    QString caFile;
    QString smtpHost; ///< e-mail
    int port = 0;     ///< e-mail; 0: 587 for STARTTLS, 465 for TLS
    Tls tls = Tls::StartTls;
    QString user; ///< e-mail login; empty: the from address
    QString from;
    QStringList to;

    bool wants(Event event) const { return events.contains(event); }
    int smtpPort() const
    {
        if (port > 0)
            return port;
        return tls == Tls::Implicit ? 465 : 587;
    }
    bool operator==(const NotificationChannel&) const = default;
};

} // namespace relais
