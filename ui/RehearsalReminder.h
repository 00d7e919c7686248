#pragma once

#include "RehearsalStatus.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

class QSettings;

namespace relais {

class Clock;

/// Reminds the user to rehearse: when the last good rehearsal of the open
/// site is older than its reminder days, or when a site with a plan has
/// none, reminderDue() is emitted at most once in 24 hours per site. The
/// moment of the last reminder is kept in the settings, so that restarting
/// the console does not say it again.
class RehearsalReminder : public QObject
{
    Q_OBJECT

public:
    /// @p settings (may be null: remembered only while running) must
    /// outlive the reminder, as must @p clock.
    explicit RehearsalReminder(const Clock& clock, QSettings* settings = nullptr,
                               QObject* parent = nullptr);

    /// Reminds, if @p status calls for it and the site @p siteKey (named
    /// @p siteName for people) was not reminded in the last 24 hours.
    /// Returns whether it reminded.
    bool check(const QString& siteKey, const QString& siteName, const RehearsalStatus& status);

    /// Where the moment of the last reminder is kept (null: only while
    /// running); must outlive the reminder.
    void setSettings(QSettings* settings) { m_settings = settings; }
    /// The clock (must outlive the reminder).
    void setClock(const Clock& clock) { m_clock = &clock; }

    /// When @p siteKey was last reminded (invalid: never).
    QDateTime lastReminded(const QString& siteKey) const;

    /// The reminder's text for @p status.
    static QString message(const QString& siteName, const RehearsalStatus& status);

signals:
    void reminderDue(const QString& title, const QString& body);

private:
    static QString settingsKey(const QString& siteKey);

    const Clock* m_clock;
    QSettings* m_settings;
    QHash<QString, QDateTime> m_reminded; ///< without settings
};

} // namespace relais
