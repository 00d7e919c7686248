#include "DrillCloneRequest.h"

#include <algorithm>

namespace relais {

namespace {

const QString TypeKey = QStringLiteral("type");

QJsonObject masked()
{
    return QJsonObject{{TypeKey, QStringLiteral("none")}};
}

} // namespace

QStringList DrillCloneRequest::isolatedBridges(const QJsonArray& networks)
{
    QStringList bridges;
    for (const QJsonValue& value : networks) {
        const QJsonObject network = value.toObject();
        if (!network.value(QStringLiteral("managed")).toBool() ||
            network.value(TypeKey).toString() != QLatin1String("bridge"))
            continue;
        const QJsonObject config = network.value(QStringLiteral("config")).toObject();
        if (!config.value(QStringLiteral("bridge.external_interfaces")).toString().isEmpty())
            continue;
        const QString name = network.value(QStringLiteral("name")).toString();
        if (!name.isEmpty())
            bridges.append(name);
    }
    std::sort(bridges.begin(), bridges.end(), [](const QString& a, const QString& b) {
        const bool aDefault = a == QLatin1String("lxdbr0");
        const bool bDefault = b == QLatin1String("lxdbr0");
        if (aDefault != bDefault)
            return aDefault;
        return a < b;
    });
    return bridges;
}

QJsonObject DrillCloneRequest::body(const QJsonObject& source, const QString& clone,
                                    const QStringList& isolatedBridges, QStringList* notes)
{
    const QString name = source.value(QStringLiteral("name")).toString();
    auto note = [&](const QString& text) {
        if (notes)
            notes->append(text);
    };
    QJsonObject devices;
    QJsonObject expanded = source.value(QStringLiteral("expanded_devices")).toObject();
    if (expanded.isEmpty())
        expanded = source.value(QStringLiteral("devices")).toObject();
    for (auto it = expanded.constBegin(); it != expanded.constEnd(); ++it) {
        const QJsonObject device = it.value().toObject();
        const QString type = device.value(TypeKey).toString();
        if (type == QLatin1String("proxy")) {
            devices.insert(it.key(), masked());
            note(tr("%1: proxy device \"%2\" left out (%3).")
                     .arg(clone, it.key(), device.value(QStringLiteral("listen")).toString()));
            continue;
        }
        if (type != QLatin1String("nic"))
            continue;
        const QString network = device.value(QStringLiteral("network")).toString();
        const bool onIsolated = !network.isEmpty() &&
                                device.value(QStringLiteral("nictype")).toString().isEmpty() &&
                                isolatedBridges.contains(network);
        if (onIsolated) {
            QJsonObject plain = device;
            bool changed = false;
            for (const char* key : {"ipv4.address", "ipv6.address", "hwaddr"})
                changed |= !plain.take(QLatin1String(key)).isUndefined();
            if (changed) {
                devices.insert(it.key(), plain);
                note(tr("%1: network device \"%2\" on %3 without the copy's fixed addresses.")
                         .arg(clone, it.key(), network));
            }
            continue;
        }
        const QString where =
            network.isEmpty() ? device.value(QStringLiteral("parent")).toString() : network;
        if (isolatedBridges.isEmpty()) {
            devices.insert(it.key(), masked());
            note(tr("%1: network device \"%2\" (%3) left out: backup has no LXD bridge without "
                    "outside interfaces, so the clone has no network.")
                     .arg(clone, it.key(), where));
            continue;
        }
        QJsonObject isolated{{TypeKey, QStringLiteral("nic")},
                             {QStringLiteral("network"), isolatedBridges.first()}};
        if (device.contains(QStringLiteral("name")))
            isolated.insert(QStringLiteral("name"), device.value(QStringLiteral("name")));
        devices.insert(it.key(), isolated);
        note(tr("%1: network device \"%2\" moved from %3 to the isolated bridge %4.")
                 .arg(clone, it.key(), where, isolatedBridges.first()));
    }

    QJsonObject body{
        {QStringLiteral("name"), clone},
        {QStringLiteral("source"), QJsonObject{{TypeKey, QStringLiteral("copy")},
                                               {QStringLiteral("source"), name},
                                               {QStringLiteral("instance_only"), true}}},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("boot.autostart"), QStringLiteral("false")},
                     {QStringLiteral("user.relais.drill-of"), name}}},
    };
    if (source.contains(QStringLiteral("profiles")))
        body.insert(QStringLiteral("profiles"), source.value(QStringLiteral("profiles")));
    if (!devices.isEmpty())
        body.insert(QStringLiteral("devices"), devices);
    return body;
}

} // namespace relais
