#include "RehearsalReminder.h"

#include "common/Clock.h"

#include <QCryptographicHash>
#include <QSettings>

namespace relais {

namespace {
constexpr qint64 QuietMs = 24 * 60 * 60 * 1000;
} // namespace

RehearsalReminder::RehearsalReminder(const Clock& clock, QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_clock(&clock)
    , m_settings(settings)
{}

QString RehearsalReminder::settingsKey(const QString& siteKey)
{
    // Site keys are paths: hashed, so that their slashes make no groups.
    const QByteArray hash =
        QCryptographicHash::hash(siteKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QStringLiteral("reminders/rehearsal/") + QString::fromLatin1(hash);
}

QDateTime RehearsalReminder::lastReminded(const QString& siteKey) const
{
    if (!m_settings)
        return m_reminded.value(siteKey);
    return QDateTime::fromString(m_settings->value(settingsKey(siteKey)).toString(),
                                 Qt::ISODateWithMs);
}

QString RehearsalReminder::message(const QString& siteName, const RehearsalStatus& status)
{
    if (status.state == RehearsalStatus::State::None)
        return tr("No good rehearsal yet on %1: run one from the tray menu").arg(siteName);
    return tr("No good rehearsal for %n day(s) on %1: run one from the tray menu", nullptr,
              status.ageDays)
        .arg(siteName);
}

bool RehearsalReminder::check(const QString& siteKey, const QString& siteName,
                              const RehearsalStatus& status)
{
    if (!status.reminderDue())
        return false;
    const QDateTime now = m_clock->now();
    const QDateTime last = lastReminded(siteKey);
    // A clock set back (last in the future) does not silence it for ever.
    if (last.isValid() && last <= now && last.msecsTo(now) < QuietMs)
        return false;
    if (m_settings) {
        m_settings->setValue(settingsKey(siteKey), now.toUTC().toString(Qt::ISODateWithMs));
        m_settings->sync();
    } else {
        m_reminded.insert(siteKey, now);
    }
    emit reminderDue(tr("Time to rehearse"), message(siteName, status));
    return true;
}

} // namespace relais
