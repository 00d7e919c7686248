#include "DnsProviderFactory.h"

#include "CloudflareProvider.h"
#include "DnsProviderError.h"
#include "GandiProvider.h"
#include "OvhFailoverIpMove.h"
#include "OvhProvider.h"
#include "PowerDnsApiProvider.h"
#include "Rfc2136Provider.h"
#include "TsigKey.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

namespace relais {

namespace {

using SecretLookup = DnsProviderFactory::SecretLookup;

Result<std::unique_ptr<DnsProvider>>
makeRfc2136(const DnsBinding& binding, const SecretLookup& vault, int timeoutMs, QObject* parent)
{
    std::optional<TsigKey> key;
    if (!binding.tsigId.isEmpty() && vault) {
        const Result<VaultEntry> entry = vault(binding.tsigId);
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

/// The API credential the binding names, from the vault.
Result<SecretBytes> credential(const DnsBinding& binding, const SecretLookup& vault,
                               const QString& provider)
{
    if (binding.credentialsId.isEmpty())
        return Error(DnsProviderError::MissingCredentials,
                     QStringLiteral("the %1 binding names no credentials").arg(provider));
    if (!vault)
        return Error(DnsProviderError::MissingCredentials,
                     QStringLiteral("the vault is locked: the %1 credentials \"%2\" cannot be read")
                         .arg(provider, binding.credentialsId));
    const Result<VaultEntry> entry = vault(binding.credentialsId);
    if (!entry)
        return Error(DnsProviderError::MissingCredentials,
                     QStringLiteral("the vault has no %1 credentials \"%2\": %3")
                         .arg(provider, binding.credentialsId, entry.error().message()));
    return entry->secret;
}

QString bareZone(const DnsBinding& binding)
{
    QString zone = binding.zone;
    if (zone.endsWith(QLatin1Char('.')))
        zone.chop(1);
    return zone;
}

Result<std::unique_ptr<DnsProvider>> makeHttp(const DnsBinding& binding, const SecretLookup& vault,
                                              int timeoutMs, QObject* parent)
{
    using P = DnsBinding::Provider;
    const QString name = binding.provider == P::PowerDns     ? QStringLiteral("PowerDNS API")
                         : binding.provider == P::Ovh        ? QStringLiteral("OVH")
                         : binding.provider == P::Cloudflare ? QStringLiteral("Cloudflare")
                                                             : QStringLiteral("Gandi");
    Result<SecretBytes> secret = credential(binding, vault, name);
    if (!secret)
        return secret.error();
    const QUrl endpoint(binding.apiUrl);
    std::unique_ptr<HttpDnsProvider> provider;
    switch (binding.provider) {
    case P::PowerDns:
        provider = std::make_unique<PowerDnsApiProvider>(endpoint, bareZone(binding), *secret);
        break;
    case P::Ovh: {
        Result<std::unique_ptr<OvhProvider>> ovh =
            OvhProvider::create(endpoint, bareZone(binding), *secret);
        if (!ovh)
            return Error(DnsProviderError::BadCredentials,
                         QStringLiteral("the vault entry \"%1\" is not usable OVH credentials: %2")
                             .arg(binding.credentialsId, ovh.error().message()));
        provider = std::move(ovh).value();
        break;
    }
    case P::Cloudflare:
        provider = std::make_unique<CloudflareProvider>(endpoint, bareZone(binding), *secret);
        break;
    case P::Gandi:
        provider = std::make_unique<GandiProvider>(endpoint, bareZone(binding), *secret);
        break;
    case P::Rfc2136:
        return notAvailable(QStringLiteral("RFC 2136"));
    }
    provider->setParent(parent);
    provider->setTimeoutMs(timeoutMs);
    return std::unique_ptr<DnsProvider>(std::move(provider));
}

/// The vault's entries, or none while it is locked (null).
SecretLookup lookupIn(Vault* vault)
{
    if (!vault)
        return {};
    return [vault](const QString& id) {
        return vault->entry(id);
    };
}

} // namespace

Result<std::unique_ptr<DnsProvider>>
DnsProviderFactory::create(const DnsBinding& binding, Vault* vault, int timeoutMs, QObject* parent)
{
    const SecretLookup lookup = lookupIn(vault);
    return createWith(binding, lookup, timeoutMs, parent);
}

Result<std::unique_ptr<DnsProvider>> DnsProviderFactory::createWith(const DnsBinding& binding,
                                                                    const SecretLookup& vault,
                                                                    int timeoutMs, QObject* parent)
{
    using P = DnsBinding::Provider;
    switch (binding.provider) {
    case P::Rfc2136:
        return makeRfc2136(binding, vault, timeoutMs, parent);
    case P::PowerDns:
    case P::Ovh:
    case P::Cloudflare:
    case P::Gandi:
        return makeHttp(binding, vault, timeoutMs, parent);
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

Result<std::unique_ptr<OvhFailoverIpMove>>
DnsProviderFactory::createFailoverIpMove(const FailoverIp& failoverIp, Vault* vault, int timeoutMs)
{
    const SecretLookup lookup = lookupIn(vault);
    return createFailoverIpMoveWith(failoverIp, lookup, timeoutMs);
}

Result<std::unique_ptr<OvhFailoverIpMove>>
DnsProviderFactory::createFailoverIpMoveWith(const FailoverIp& failoverIp,
                                             const SecretLookup& secrets, int timeoutMs)
{
    DnsBinding binding;
    binding.provider = DnsBinding::Provider::Ovh;
    binding.credentialsId = failoverIp.credentialsId;
    Result<SecretBytes> secret = credential(binding, secrets, QStringLiteral("OVH"));
    if (!secret)
        return secret.error();
    Result<std::unique_ptr<OvhFailoverIpMove>> move =
        OvhFailoverIpMove::create(QUrl(failoverIp.apiUrl), *secret);
    if (!move)
        return Error(DnsProviderError::BadCredentials,
                     QStringLiteral("the vault entry \"%1\" is not usable OVH credentials: %2")
                         .arg(failoverIp.credentialsId, move.error().message()));
    (*move)->setRequestTimeoutMs(timeoutMs);
    return std::move(move).value();
}

} // namespace relais
