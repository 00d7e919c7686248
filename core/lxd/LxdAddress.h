#pragma once

#include <QString>

namespace relais {

/// One address of an instance's network interface (loopback left out).
struct LxdAddress
{
    QString interface; ///< "eth0"
    QString family;    ///< "inet" or "inet6"
    QString address;
    QString scope; ///< "global", "link"

    bool operator==(const LxdAddress&) const = default;
};

} // namespace relais
