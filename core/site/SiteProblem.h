#pragma once

#include <QString>

namespace relais {

/// One problem found in a site document: where (a JSON path such as
/// "hosts.backup.ssh.port" or "services[0].probes[1].kind") and what.
struct SiteProblem
{
    QString path;
    QString message;

    QString toString() const { return path + QStringLiteral(": ") + message; }
    bool operator==(const SiteProblem&) const = default;
};

} // namespace relais
