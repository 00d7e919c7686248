#include "ProbeFactory.h"

#include "DnsProbe.h"
#include "HttpProbe.h"
#include "LxdProbe.h"
#include "SshProbe.h"
#include "TcpProbe.h"
#include "common/SystemClock.h"
#include "site/Site.h"

#include <QHostAddress>
#include <QUrl>
#include <algorithm>

namespace relais {

namespace {

quint16 toPort(int port, quint16 fallback = 0)
{
    if (port <= 0 || port > 65535)
        return fallback;
    return static_cast<quint16>(port);
}

int timeoutMs(const ProbeSpec& spec)
{
    return std::max(spec.timeoutSeconds, 1) * 1000;
}

DnsRecordType recordType(const Service* service, const Site& site)
{
    if (service && service->dns)
        return service->dns->type.compare(QLatin1String("AAAA"), Qt::CaseInsensitive) == 0
                   ? DnsRecordType::AAAA
                   : DnsRecordType::A;
    const auto isIpv6 = [](const QString& text) {
        return QHostAddress(text).protocol() == QAbstractSocket::IPv6Protocol;
    };
    return isIpv6(site.main.publicAddress) || isIpv6(site.backup.publicAddress)
               ? DnsRecordType::AAAA
               : DnsRecordType::A;
}

} // namespace

const Service* ProbeFactory::serviceOf(const ProbeSpec& spec, const Site& site)
{
    for (const Service& service : site.services) {
        for (const ProbeSpec& probe : service.probes) {
            if (&probe == &spec)
                return &service;
        }
    }
    const Service* found = nullptr;
    for (const Service& service : site.services) {
        if (service.probes.contains(spec)) {
            if (found)
                return nullptr; // ambiguous
            found = &service;
        }
    }
    return found;
}

std::unique_ptr<Probe> ProbeFactory::create(const ProbeSpec& spec, const Site& site,
                                            QNetworkAccessManager& network, QObject* parent)
{
    return create(spec, serviceOf(spec, site), site, network, parent);
}

std::unique_ptr<Probe> ProbeFactory::create(const ProbeSpec& spec, const Service* service,
                                            const Site& site, QNetworkAccessManager& network,
                                            QObject* parent)
{
    return create(spec, service, site, network, nullptr, parent);
}

std::unique_ptr<Probe> ProbeFactory::create(const ProbeSpec& spec, const Service* service,
                                            const Site& site, QNetworkAccessManager& network,
                                            const LxdProbeContext* lxd, QObject* parent)
{
    const Host& host = site.host(spec.host);
    switch (spec.kind) {
    case ProbeSpec::Kind::Tcp:
        return std::make_unique<TcpProbe>(host.address, toPort(spec.port), timeoutMs(spec), parent);
    case ProbeSpec::Kind::Ssh:
        return std::make_unique<SshProbe>(host.address, toPort(host.ssh.port, 22), timeoutMs(spec),
                                          parent);
    case ProbeSpec::Kind::Http:
        return std::make_unique<HttpProbe>(network, QUrl(spec.url, QUrl::StrictMode),
                                           spec.expectStatusMin, spec.expectStatusMax, spec.keyword,
                                           timeoutMs(spec), spec.tlsPin, parent);
    case ProbeSpec::Kind::Dns:
        return std::make_unique<DnsProbe>(spec.server, toPort(spec.port, 53), spec.name,
                                          recordType(service, site), site.main.publicAddress,
                                          site.backup.publicAddress, timeoutMs(spec), parent);
    case ProbeSpec::Kind::Lxd:
        // The client is asked for at each check: it comes when the vault is
        // unlocked, after the probe is made.
        return std::make_unique<LxdProbe>(
            [client = lxd ? lxd->client : nullptr, host = spec.host]() -> Result<LxdClient*> {
                if (!client)
                    return static_cast<LxdClient*>(nullptr);
                return client(host);
            },
            spec.host, spec.instance, spec.maxCopyAgeMinutes, lxd ? lxd->lastCopy : nullptr,
            SystemClock::instance(), timeoutMs(spec), parent);
    }
    return nullptr;
}

} // namespace relais
