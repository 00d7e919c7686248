#pragma once

#include "DnsBinding.h"
#include "ProbeSpec.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace relais {

/// What users reach: its containers, its DNS record, its probes.
struct Service
{
    QString name;
    QStringList containers;
    std::optional<DnsBinding> dns;
    QList<ProbeSpec> probes;

    bool operator==(const Service&) const = default;
};

} // namespace relais
