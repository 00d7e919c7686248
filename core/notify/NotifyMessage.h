#pragma once

#include "site/NotificationChannel.h"

#include <QDateTime>
#include <QString>

namespace relais {

/// One notification: what happened (title, body), how bad it is, on which
/// site and when, and the kind of event channels subscribe to.
struct NotifyMessage
{
    enum class Severity
    {
        Info,     ///< all is well (a drill passed, a host recovered)
        Warning,  ///< a target was missed, something degraded
        Critical, ///< something is down or a drill failed
    };

    NotificationChannel::Event event = NotificationChannel::Event::Drill;
    QString site;
    QString title;
    QString body;
    Severity severity = Severity::Info;
    QDateTime time; ///< when it happened; UTC in every payload

    /// "info", "warning" or "critical", as the JSON payloads write it.
    static QString severityName(Severity severity)
    {
        switch (severity) {
        case Severity::Info:
            break;
        case Severity::Warning:
            return QStringLiteral("warning");
        case Severity::Critical:
            return QStringLiteral("critical");
        }
        return QStringLiteral("info");
    }

    /// "drill", "health" or "sync".
    static QString eventName(NotificationChannel::Event event)
    {
        switch (event) {
        case NotificationChannel::Event::Drill:
            break;
        case NotificationChannel::Event::Health:
            return QStringLiteral("health");
        case NotificationChannel::Event::Sync:
            return QStringLiteral("sync");
        }
        return QStringLiteral("drill");
    }
};

} // namespace relais
