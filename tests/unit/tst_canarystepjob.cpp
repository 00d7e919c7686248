#include "plan/CanaryStepJob.h"

#include <QJsonDocument>
#include <QTest>

using namespace relais;

class TestCanaryStepJob : public QObject
{
    Q_OBJECT

private slots:
    void theCanaryIsFoundThroughTheDeepestMount()
    {
        const QJsonObject devices = QJsonDocument::fromJson(R"({
          "root": {"type": "disk", "path": "/", "pool": "default"},
          "srv": {"type": "disk", "source": "/srv", "path": "/mnt/srv"},
          "www": {"type": "disk", "source": "/srv/www/", "path": "/var/www"},
          "eth0": {"type": "nic", "network": "lxdbr0"}
        })")
                                        .object();
        const QString canary = QStringLiteral("/srv/www/site/.relais-canary");
        QCOMPARE(CanaryStepJob::pathInside(devices, canary),
                 std::optional<QString>(QStringLiteral("/var/www/site/.relais-canary")));
        QCOMPARE(CanaryStepJob::pathInside(devices, QStringLiteral("/srv/db/.relais-canary")),
                 std::optional<QString>(QStringLiteral("/mnt/srv/db/.relais-canary")));
        // "/srv/wwwold" is not under "/srv/www"; the root disk is a pool
        // volume, not a host path.
        QCOMPARE(CanaryStepJob::pathInside(devices, QStringLiteral("/srv/wwwold/.relais-canary")),
                 std::optional<QString>(QStringLiteral("/mnt/srv/wwwold/.relais-canary")));
        QCOMPARE(CanaryStepJob::pathInside(devices, QStringLiteral("/home/backup/.relais-canary")),
                 std::nullopt);
        QCOMPARE(CanaryStepJob::pathInside({}, canary), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestCanaryStepJob)
#include "tst_canarystepjob.moc"
