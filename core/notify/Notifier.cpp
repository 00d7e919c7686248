#include "Notifier.h"

#include "EmailSender.h"
#include "GotifySender.h"
#include "IftttSender.h"
#include "NotifyError.h"
#include "NotifyJob.h"
#include "NtfySender.h"
#include "WebhookSender.h"
#include "vault/Vault.h"

namespace relais {

Notifier::Notifier(QList<NotificationChannel> channels, QHash<QString, SecretBytes> secrets)
    : m_channels(std::move(channels))
    , m_secrets(std::move(secrets))
{}

Notifier Notifier::fromVault(const QList<NotificationChannel>& channels, Vault& vault)
{
    QHash<QString, SecretBytes> secrets;
    for (const NotificationChannel& channel : channels) {
        if (channel.credentials.isEmpty() || secrets.contains(channel.credentials))
            continue;
        Result<VaultEntry> entry = vault.entry(channel.credentials);
        if (entry)
            secrets.insert(channel.credentials, entry->secret);
    }
    return Notifier(channels, std::move(secrets));
}

bool Notifier::hasChannelFor(NotificationChannel::Event event) const
{
    return std::any_of(m_channels.cbegin(), m_channels.cend(),
                       [event](const NotificationChannel& c) { return c.wants(event); });
}

Result<ChannelSender*> Notifier::createSender(const NotificationChannel& channel,
                                              const NotifyMessage& message,
                                              const SecretBytes& secret, QObject* parent)
{
    using K = NotificationChannel::Kind;
    switch (channel.kind) {
    case K::Ntfy:
        return static_cast<ChannelSender*>(new NtfySender(channel, message, secret, parent));
    case K::Gotify:
        return static_cast<ChannelSender*>(new GotifySender(channel, message, secret, parent));
    case K::Webhook:
        return static_cast<ChannelSender*>(new WebhookSender(channel, message, secret, parent));
    case K::Ifttt:
        return static_cast<ChannelSender*>(new IftttSender(channel, message, secret, parent));
    case K::Email:
        return static_cast<ChannelSender*>(new EmailSender(channel, message, secret, parent));
    }
    return Error(NotifyError::NotConfigured,
                 QStringLiteral("%1: unknown channel kind").arg(channel.name));
}

NotifyJob* Notifier::send(const NotifyMessage& message, QObject* parent) const
{
    QList<NotificationChannel> wanted;
    for (const NotificationChannel& channel : m_channels) {
        if (channel.wants(message.event))
            wanted.append(channel);
    }
    return start(wanted, message, parent);
}

NotifyJob* Notifier::sendTo(const QStringList& names, const NotifyMessage& message,
                            QObject* parent) const
{
    QList<NotificationChannel> wanted;
    for (const NotificationChannel& channel : m_channels) {
        if (names.isEmpty() || names.contains(channel.name))
            wanted.append(channel);
    }
    return start(wanted, message, parent);
}

NotifyJob* Notifier::start(const QList<NotificationChannel>& channels, const NotifyMessage& message,
                           QObject* parent) const
{
    auto* job = new NotifyJob(parent);
    for (const NotificationChannel& channel : channels) {
        const SecretBytes secret = m_secrets.value(channel.credentials);
        if (!channel.credentials.isEmpty() && secret.isEmpty()) {
            job->add(ChannelResult{channel.name,
                                   Error(NotifyError::NotConfigured,
                                         QStringLiteral("%1: the vault has no entry \"%2\"")
                                             .arg(channel.name, channel.credentials))});
            continue;
        }
        Result<ChannelSender*> sender = createSender(channel, message, secret, nullptr);
        if (sender)
            job->add(channel.name, *sender);
        else
            job->add(ChannelResult{channel.name, sender.error()});
    }
    job->start();
    return job;
}

} // namespace relais
