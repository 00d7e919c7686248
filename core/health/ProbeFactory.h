#pragma once

#include "Probe.h"

#include <memory>

class QNetworkAccessManager;
class QObject;

namespace relais {

struct LxdProbeContext;
struct ProbeSpec;
struct Service;
struct Site;

/// Makes the probe a site document describes.
///
/// - tcp: the address of the spec's host (main or backup), spec.port;
/// - ssh: the address and SSH port of the spec's host;
/// - http: spec.url, the expected status range and keyword (no pin: the
///   site document has none yet), through @p network;
/// - dns: spec.server, spec.port (53 when 0), spec.name; the record type
///   of the service's DNS binding when it has one, else AAAA when the
///   hosts' public addresses are IPv6, else A; compared with the public
///   addresses of main and backup;
/// - lxd: spec.instance on the spec's host through @p lxd's client for that
///   host, the copy's age from its replication history; without @p lxd
///   (or its client) every check fails saying LXD cannot be reached.
///
/// The timeout is spec.timeoutSeconds. The probe is created with @p parent;
/// when one is given, release() the pointer to let the parent own it.
class ProbeFactory
{
public:
    /// As the other overload, with the service that holds @p spec found in
    /// @p site (the one whose probes contain this very object, else the
    /// only one with an equal probe); none when no service holds it.
    static std::unique_ptr<Probe> create(const ProbeSpec& spec, const Site& site,
                                         QNetworkAccessManager& network, QObject* parent = nullptr);

    /// @p service: the service @p spec belongs to, for the DNS record type;
    /// may be null.
    static std::unique_ptr<Probe> create(const ProbeSpec& spec, const Service* service,
                                         const Site& site, QNetworkAccessManager& network,
                                         QObject* parent = nullptr);

    /// As above, with what LXD probes need (may be null).
    static std::unique_ptr<Probe> create(const ProbeSpec& spec, const Service* service,
                                         const Site& site, QNetworkAccessManager& network,
                                         const LxdProbeContext* lxd, QObject* parent = nullptr);

    /// The service of @p site that holds @p spec, or null.
    static const Service* serviceOf(const ProbeSpec& spec, const Site& site);
};

} // namespace relais
