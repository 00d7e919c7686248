#pragma once

#include "DnsBinding.h"
#include "FailoverIp.h"
#include "ProbeSpec.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace relais {

/// What users reach: its containers, its DNS record, its failover IP, its
/// probes.
struct Service
{
    QString name;
    QStringList containers;
    std::optional<DnsBinding> dns;
    std::optional<FailoverIp> failoverIp;
    QList<ProbeSpec> probes;

    bool operator==(const Service&) const = default;
};

} // namespace relais
