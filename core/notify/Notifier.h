#pragma once

#include "NotifyMessage.h"
#include "common/Result.h"
#include "site/NotificationChannel.h"
#include "vault/SecretBytes.h"

#include <QHash>
#include <QList>
#include <QStringList>

class QObject;

namespace relais {

class ChannelSender;
class NotifyJob;
class Vault;

/// Sends messages to a site's notification channels: each message goes to
/// every channel subscribed to its event, all at once, each with its own
/// result. The secrets are read from the vault when the notifier is made,
/// so it keeps working after the vault locks.
class Notifier
{
public:
    Notifier() = default;
    Notifier(QList<NotificationChannel> channels, QHash<QString, SecretBytes> secrets);

    /// A notifier for @p channels with their vault entries; a channel whose
    /// entry is missing is kept and fails with NotConfigured when used.
    static Notifier fromVault(const QList<NotificationChannel>& channels, Vault& vault);

    const QList<NotificationChannel>& channels() const { return m_channels; }
    bool hasChannelFor(NotificationChannel::Event event) const;

    /// Starts sending @p message to the channels subscribed to its event;
    /// the job (parented to @p parent) reports and deletes itself.
    NotifyJob* send(const NotifyMessage& message, QObject* parent = nullptr) const;
    /// The same to the channels named (all of them when @p names is empty),
    /// whatever their events: for tests of the channels.
    NotifyJob* sendTo(const QStringList& names, const NotifyMessage& message,
                      QObject* parent = nullptr) const;

    /// The sender for one channel, not started.
    static Result<ChannelSender*> createSender(const NotificationChannel& channel,
                                               const NotifyMessage& message,
                                               const SecretBytes& secret, QObject* parent);

private:
    NotifyJob* start(const QList<NotificationChannel>& channels, const NotifyMessage& message,
                     QObject* parent) const;

    QList<NotificationChannel> m_channels;
    QHash<QString, SecretBytes> m_secrets; ///< by vault id
};

} // namespace relais
