#include "HealthText.h"

#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QLocale>

namespace relais {

QString HealthText::stateName(HealthState state)
{
    switch (state) {
    case HealthState::Up:
        return tr("Up");
    case HealthState::Degraded:
        return tr("Degraded");
    case HealthState::Down:
        return tr("Down");
    case HealthState::Unknown:
        break;
    }
    return tr("Unknown");
}

QString HealthText::stateAdjective(HealthState state)
{
    switch (state) {
    case HealthState::Up:
        return tr("up", "state inside a sentence");
    case HealthState::Degraded:
        return tr("degraded", "state inside a sentence");
    case HealthState::Down:
        return tr("down", "state inside a sentence");
    case HealthState::Unknown:
        break;
    }
    return tr("unknown", "state inside a sentence");
}

QColor HealthText::stateColor(HealthState state)
{
    // Mid tones that stay readable on light and dark backgrounds.
    switch (state) {
    case HealthState::Up:
        return QColor(0x2e, 0x8b, 0x3e);
    case HealthState::Degraded:
        return QColor(0xd9, 0x73, 0x06);
    case HealthState::Down:
        return QColor(0xd3, 0x2f, 0x2f);
    case HealthState::Unknown:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QString HealthText::errorSentence(HealthError error, int timeoutSeconds)
{
    switch (error) {
    case HealthError::Timeout:
        return timeoutSeconds > 0 ? tr("No answer within %n s", nullptr, timeoutSeconds)
                                  : tr("No answer in time");
    case HealthError::ConnectionRefused:
        return tr("The port is closed (connection refused)");
    case HealthError::Unreachable:
        return tr("The host cannot be reached (no route: is its network up?)");
    case HealthError::HostNotFound:
        return tr("The name does not resolve to an address");
    case HealthError::TlsFailed:
        return tr("The certificate could not be verified");
    case HealthError::PinMismatch:
        return tr("The certificate is not the pinned one");
    case HealthError::HttpStatus:
        return tr("The web server answered with an unexpected status");
    case HealthError::KeywordMissing:
        return tr("The page does not contain the expected text");
    case HealthError::NotSsh:
        return tr("The port answered, but not with SSH");
    case HealthError::DnsNoAnswer:
        return tr("The DNS server has no such record");
    case HealthError::DnsFailed:
        return tr("The DNS server refused or failed to answer");
    case HealthError::DnsUnknownAddress:
        return tr("The record points to neither main nor backup");
    case HealthError::Cancelled:
        return tr("The check was stopped before an answer");
    case HealthError::NotTrusted:
        return tr("The host's SSH key or LXD certificate was refused; choose View ▸ Check Now "
                  "to be asked again");
    case HealthError::Failed:
        break;
    }
    return tr("The check failed");
}

QString HealthText::failureSentence(const ProbeResult& result, int timeoutSeconds)
{
    if (result.ok)
        return {};
    return errorSentence(result.error.value_or(HealthError::Failed), timeoutSeconds);
}

QString HealthText::change(HealthState from, HealthState to, bool flapping)
{
    if (from == to)
        return flapping ? tr("%1, flapping").arg(stateName(to))
                        : tr("%1, stable again").arg(stateName(to));
    const QString text = tr("%1 → %2").arg(stateName(from), stateName(to));
    return flapping ? tr("%1 (flapping)").arg(text) : text;
}

QString HealthText::roleName(HostRole role)
{
    return role == HostRole::Main ? tr("Main") : tr("Backup");
}

QString HealthText::time(const QDateTime& at, const QDateTime& now)
{
    if (!at.isValid())
        return tr("never");
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    const QString clock = locale.toString(local.time(), QStringLiteral("HH:mm:ss"));
    if (local.date() == now.toLocalTime().date())
        return clock;
    return tr("%1 %2", "date then time")
        .arg(locale.toString(local.date(), QLocale::ShortFormat), clock);
}

QString HealthText::lastFailure(const SiteHealth& health, const ProbeMonitor& monitor)
{
    if (!monitor.lastResult())
        return {};
    const ProbeSpec* spec = health.specOf(&monitor);
    return failureSentence(*monitor.lastResult(), spec ? spec->timeoutSeconds : 0);
}

} // namespace relais
