#include "plan/DrillCloneRequest.h"

#include <QJsonDocument>
#include <QTest>

using namespace relais;

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QJsonArray jsonArray(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).array();
}

// An instance as GET /1.0/instances?recursion=1 lists it: a profile with a
// proxy on the public address and a NIC on a bridge to the LAN, a local
// data disk and a local NIC with fixed addresses on LXD's own bridge.
const char* const Web = R"({
  "name": "web",
  "profiles": ["default", "public"],
  "devices": {
    "data": {"type": "disk", "source": "/srv/www", "path": "/var/www"},
    "eth1": {"type": "nic", "network": "lxdbr0", "ipv4.address": "10.0.3.10",
             "hwaddr": "00:16:3e:00:00:01"}
  },
  "expanded_devices": {
    "root": {"type": "disk", "path": "/", "pool": "default"},
    "data": {"type": "disk", "source": "/srv/www", "path": "/var/www"},
    "eth0": {"type": "nic", "nictype": "macvlan", "parent": "enp1s0", "name": "eth0"},
    "eth1": {"type": "nic", "network": "lxdbr0", "ipv4.address": "10.0.3.10",
             "hwaddr": "00:16:3e:00:00:01"},
    "http": {"type": "proxy", "listen": "tcp:192.0.2.10:80", "connect": "tcp:127.0.0.1:80"}
  }
})";

} // namespace

class TestDrillCloneRequest : public QObject
{
    Q_OBJECT

private slots:
    void isolatedBridgesAreManagedBridgesWithoutOutsideInterfaces()
    {
        const QJsonArray networks = jsonArray(R"([
          {"name": "enp1s0", "type": "physical", "managed": false, "config": {}},
          {"name": "br0", "type": "bridge", "managed": false, "config": {}},
          {"name": "lanbr", "type": "bridge", "managed": true,
           "config": {"bridge.external_interfaces": "enp2s0"}},
          {"name": "drillbr", "type": "bridge", "managed": true, "config": {}},
          {"name": "lxdbr0", "type": "bridge", "managed": true, "config": {}},
          {"name": "ovn0", "type": "ovn", "managed": true, "config": {}}
        ])");
        QCOMPARE(DrillCloneRequest::isolatedBridges(networks),
                 (QStringList{QStringLiteral("lxdbr0"), QStringLiteral("drillbr")}));
        QCOMPARE(DrillCloneRequest::isolatedBridges({}), QStringList());
    }

    void theCloneKeepsItsDataButNothingProductionSees()
    {
        QStringList notes;
        const QJsonObject body = DrillCloneRequest::body(
            json(Web), QStringLiteral("relais-drill-web"), {QStringLiteral("lxdbr0")}, &notes);
        QCOMPARE(body.value(QStringLiteral("name")).toString(), QStringLiteral("relais-drill-web"));
        const QJsonObject source = body.value(QStringLiteral("source")).toObject();
        QCOMPARE(source.value(QStringLiteral("type")).toString(), QStringLiteral("copy"));
        QCOMPARE(source.value(QStringLiteral("source")).toString(), QStringLiteral("web"));
        QVERIFY(source.value(QStringLiteral("instance_only")).toBool());
        // Its profiles stay: disks and settings from them come with it.
        QCOMPARE(body.value(QStringLiteral("profiles")).toArray(),
                 (QJsonArray{QStringLiteral("default"), QStringLiteral("public")}));
        const QJsonObject config = body.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("boot.autostart")).toString(),
                 QStringLiteral("false"));
        QCOMPARE(config.value(QStringLiteral("user.relais.drill-of")).toString(),
                 QStringLiteral("web"));

        const QJsonObject devices = body.value(QStringLiteral("devices")).toObject();
        // Disks are not overridden.
        QVERIFY(!devices.contains(QStringLiteral("root")));
        QVERIFY(!devices.contains(QStringLiteral("data")));
        // The proxy on the public address is masked.
        QCOMPARE(devices.value(QStringLiteral("http")).toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}}));
        // The macvlan NIC on the LAN is replaced by one on the isolated bridge.
        QCOMPARE(devices.value(QStringLiteral("eth0")).toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("nic")},
                              {QStringLiteral("network"), QStringLiteral("lxdbr0")},
                              {QStringLiteral("name"), QStringLiteral("eth0")}}));
        // The NIC already isolated keeps its bridge, not the copy's addresses.
        QCOMPARE(devices.value(QStringLiteral("eth1")).toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("nic")},
                              {QStringLiteral("network"), QStringLiteral("lxdbr0")}}));
        QCOMPARE(devices.size(), 3);
        QCOMPARE(notes.size(), 3);
        QVERIFY2(notes.join(QLatin1Char('\n')).contains(QStringLiteral("tcp:192.0.2.10:80")),
                 qPrintable(notes.join(QLatin1Char('\n'))));
    }

    void withoutAnIsolatedBridgeTheCloneHasNoNetwork()
    {
        QStringList notes;
        const QJsonObject devices =
            DrillCloneRequest::body(json(Web), QStringLiteral("c"), {}, &notes)
                .value(QStringLiteral("devices"))
                .toObject();
        for (const char* name : {"eth0", "eth1", "http"})
            QCOMPARE(devices.value(QLatin1String(name)).toObject(),
                     (QJsonObject{{QStringLiteral("type"), QStringLiteral("none")}}));
        QVERIFY(notes.join(QLatin1Char('\n')).contains(QStringLiteral("no network")));
    }

    void aPlainInstanceNeedsNoOverride()
    {
        const QJsonObject plain = json(R"({
          "name": "db", "profiles": ["default"], "devices": {},
          "expanded_devices": {
            "root": {"type": "disk", "path": "/", "pool": "default"},
            "eth0": {"type": "nic", "network": "lxdbr0", "name": "eth0"}
          }
        })");
        QStringList notes;
        const QJsonObject body =
            DrillCloneRequest::body(plain, QStringLiteral("c"), {QStringLiteral("lxdbr0")}, &notes);
        QVERIFY(!body.contains(QStringLiteral("devices")));
        QVERIFY(notes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDrillCloneRequest)
#include "tst_drillclonerequest.moc"
