#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace relais {

/// The body of the LXD request that makes a rehearsal's clone of a
/// replicated container (POST /1.0/instances, a local copy), isolated so
/// that production never sees it:
/// - it keeps the source's profiles and local devices (its data disks come
///   with it), but every proxy device is masked (a device of type "none"
///   under the same name): no clone listens on a public address;
/// - every NIC is on one of backup's isolated bridges (isolatedBridges()):
///   a NIC already on one keeps it, without its fixed addresses and MAC
///   (those belong to the copy); any other NIC (macvlan, a bridge with an
///   outside interface, a physical one) is replaced by one on the isolated
///   bridge, or masked when backup has none;
/// - it is never started at boot and says whose clone it is
///   (user.relais.drill-of).
class DrillCloneRequest
{
    Q_DECLARE_TR_FUNCTIONS(DrillCloneRequest)

public:
    /// The managed bridges among @p networks (GET /1.0/networks?recursion=1)
    /// that reach no outside interface (no bridge.external_interfaces),
    /// "lxdbr0" first, then by name.
    static QStringList isolatedBridges(const QJsonArray& networks);

    /// The request's body for the clone @p clone of @p source (an instance
    /// as GET /1.0/instances?recursion=1 lists it). @p notes receives one
    /// sentence per device changed.
    static QJsonObject body(const QJsonObject& source, const QString& clone,
                            const QStringList& isolatedBridges, QStringList* notes = nullptr);
};

} // namespace relais
