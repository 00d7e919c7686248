#include "DnsProviderFactory.h"

#include "DnsProviderError.h"
#include "Rfc2136Provider.h"
#include "TsigKey.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

namespace relais {

namespace {

Result<std::unique_ptr<DnsProvider>> makeRfc2136(const DnsBinding& binding, Vault* vault,
                                                 int timeoutMs, QObject* parent)
{
    std::optional<TsigKey> key;
    if (!binding.tsigId.isEmpty() && vault) {
        const Result<VaultEntry> entry = vault->entry(binding.tsigId);
        if (!entry) {
            return Error(DnsProviderError::MissingCredentials,
                         QStringLiteral("the vault has no TSIG key \"%1\": %2")
                             .arg(binding.tsigId, entry.error().message()));
        }
        Result<TsigKey> parsed = TsigKey::parse(entry->secret);
        if (!parsed) {
            return Error(DnsProviderError::BadCredentials,
                         QStringLiteral("the vault entry \"%1\" is not a usable TSIG key: %2")
                             .arg(binding.tsigId, parsed.error().message()));
        }
        key = *parsed;
    }
    QString zone = binding.zone;
    if (zone.endsWith(QLatin1Char('.')))
        zone.chop(1);
    auto provider = std::make_unique<Rfc2136Provider>(binding.server, quint16(binding.port), zone,
                                                      std::move(key), parent);
    provider->setTimeoutMs(timeoutMs);
    return std::unique_ptr<DnsProvider>(std::move(provider));
}

Error notAvailable(const QString& provider)
{
    return Error(DnsProviderError::NotAvailable,
                 QStringLiteral("the %1 provider is not available in this build").arg(provider));
}

} // namespace

Result<std::unique_ptr<DnsProvider>>
DnsProviderFactory::create(const DnsBinding& binding, Vault* vault, int timeoutMs, QObject* parent)
{
    using P = DnsBinding::Provider;
    switch (binding.provider) {
    case P::Rfc2136:
        return makeRfc2136(binding, vault, timeoutMs, parent);
    case P::PowerDns:
        return notAvailable(QStringLiteral("PowerDNS API"));
    case P::Ovh:
        return notAvailable(QStringLiteral("OVH"));
    case P::Cloudflare:
        return notAvailable(QStringLiteral("Cloudflare"));
    case P::Gandi:
        return notAvailable(QStringLiteral("Gandi"));
    }
    return notAvailable(QStringLiteral("unknown"));
}

QString DnsProviderFactory::recordName(const DnsBinding& binding)
{
    QString zone = binding.zone;
    if (zone.endsWith(QLatin1Char('.')))
        zone.chop(1);
    return binding.record == QStringLiteral("@") || binding.record.isEmpty()
               ? zone
               : binding.record + QLatin1Char('.') + zone;
}

DnsRecordType DnsProviderFactory::recordType(const DnsBinding& binding)
{
    return binding.type == QStringLiteral("AAAA") ? DnsRecordType::AAAA : DnsRecordType::A;
}

} // namespace relais
