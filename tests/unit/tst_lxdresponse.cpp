#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdOperationState.h"
#include "lxd/LxdResponse.h"
#include "lxd/LxdSnapshotSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace relais;

Q_DECLARE_METATYPE(relais::LxdError)

namespace {

HttpResponse http(int status, const QByteArray& body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

} // namespace

// LXD's response envelope, the mapping of its errors, operations and the
// instance records, from answers as LXD 5.0 gives them.
class TestLxdResponse : public QObject
{
    Q_OBJECT

private slots:
    void readsSyncAndAsync()
    {
        auto sync = LxdResponse::fromHttp(
            http(200, R"({"type":"sync","status":"Success","status_code":200,"operation":"",)"
                      R"("error_code":0,"error":"","metadata":["/1.0/instances/web"]})"),
            QStringLiteral("GET /1.0/instances"));
        QVERIFY(sync);
        QCOMPARE(sync->type, LxdResponse::Type::Sync);
        QCOMPARE(sync->statusCode, 200);
        QCOMPARE(sync->metadata.toArray().first().toString(), QStringLiteral("/1.0/instances/web"));

        auto async = LxdResponse::fromHttp(
            http(202, R"({"type":"async","status":"Operation created","status_code":100,)"
                      R"("operation":"/1.0/operations/49b6-71","error_code":0,"error":"",)"
                      R"("metadata":{"id":"49b6-71","class":"task","status":"Running",)"
                      R"("status_code":103,"may_cancel":false,"err":""}})"),
            QStringLiteral("POST /1.0/instances"));
        QVERIFY(async);
        QCOMPARE(async->type, LxdResponse::Type::Async);
        QCOMPARE(async->operationId(), QStringLiteral("49b6-71"));
        const LxdOperationState state = LxdOperationState::fromJson(async->metadata.toObject());
        QCOMPARE(state.status, LxdOperationState::Status::Running);
        QVERIFY(!state.isFinal());
        QVERIFY(!state.mayCancel);
    }

    void mapsErrors_data()
    {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<LxdError>("code");
        QTest::addColumn<QString>("message");

        QTest::newRow("not found")
            << 404
            << QByteArray(R"({"type":"error","status":"","status_code":0,"operation":"",)"
                          R"("error_code":404,"error":"Instance not found","metadata":null})")
            << LxdError::NotFound << QStringLiteral("Instance not found");
        QTest::newRow("already running")
            << 400
            << QByteArray(R"({"type":"error","error_code":400,)"
                          R"("error":"The instance is already running"})")
            << LxdError::Rejected << QStringLiteral("The instance is already running");
        QTest::newRow("conflict") << 409
                                  << QByteArray(R"({"type":"error","error_code":409,)"
                                                "\"error\":\"Snapshot 's1' already exists\"}")
                                  << LxdError::Rejected
                                  << QStringLiteral("Snapshot 's1' already exists");
        QTest::newRow("forbidden") << 403
                                   << QByteArray(R"({"type":"error","error_code":403,)"
                                                 R"("error":"not authorized"})")
                                   << LxdError::Forbidden << QStringLiteral("not authorized");
        QTest::newRow("invalid config is a 500 on LXD 5.0")
            << 500
            << QByteArray(R"({"type":"error","error_code":500,"error":"Invalid config: )"
                          R"(Schedule must be of the form"})")
            << LxdError::ServerError
            << QStringLiteral("Invalid config: Schedule must be of the form");
        QTest::newRow("error code from HTTP when LXD gives none")
            << 404 << QByteArray(R"({"type":"error","error":"not found"})") << LxdError::NotFound
            << QStringLiteral("not found");
        QTest::newRow("error without text")
            << 400 << QByteArray(R"({"type":"error","error_code":400})") << LxdError::Rejected
            << QStringLiteral("LXD answered 400");
        QTest::newRow("proxy error page")
            << 502 << QByteArray("<html>Bad Gateway</html>") << LxdError::ServerError
            << QStringLiteral("<html>Bad Gateway</html>");
        QTest::newRow("not JSON") << 200 << QByteArray("hello") << LxdError::ProtocolError
                                  << QStringLiteral("the answer is not LXD's JSON (HTTP 200)");
        QTest::newRow("JSON but not an object")
            << 200 << QByteArray("[1,2]") << LxdError::ProtocolError
            << QStringLiteral("the answer is not LXD's JSON "
                              "(HTTP 200)");
        QTest::newRow("unknown type")
            << 200 << QByteArray(R"({"type":"stream"})") << LxdError::ProtocolError
            << QStringLiteral("unknown LXD response type \"stream\"");
        QTest::newRow("async without an operation")
            << 202 << QByteArray(R"({"type":"async","operation":"","metadata":{}})")
            << LxdError::ProtocolError
            << QStringLiteral("LXD created an operation without naming it");
        QTest::newRow("sync body with an error status")
            << 500 << QByteArray(R"({"type":"sync","error":"database is locked"})")
            << LxdError::ServerError << QStringLiteral("database is locked");
    }

    void mapsErrors()
    {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(LxdError, code);
        QFETCH(QString, message);
        const QString what = QStringLiteral("PUT /1.0/instances/web/state");
        auto r = LxdResponse::fromHttp(http(httpStatus, body), what);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().is(code), qPrintable(r.error().toString()));
        QCOMPARE(QLatin1String(r.error().domain()), QLatin1String("lxd"));
        QCOMPARE(r.error().message(), message);
        QVERIFY(r.error().details().join(QLatin1Char('\n')).contains(what));
    }

    void readsOperationStates_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("err");
        QTest::addColumn<QString>("progress");
        QTest::addColumn<int>("percent");

        QTest::newRow("success") << QByteArray(
                                        R"({"id":"a","status_code":200,"metadata":{"return":0}})")
                                 << int(LxdOperationState::Status::Success) << QString()
                                 << QString() << -1;
        QTest::newRow("failure keeps LXD's text")
            << QByteArray(R"({"id":"a","status_code":400,"err":"Failed to run: exit status 1"})")
            << int(LxdOperationState::Status::Failure)
            << QStringLiteral("Failed to run: exit status 1") << QString() << -1;
        QTest::newRow("cancelled")
            << QByteArray(R"({"id":"a","status_code":401})")
            << int(LxdOperationState::Status::Cancelled) << QString() << QString() << -1;
        QTest::newRow("pending") << QByteArray(R"({"id":"a","status_code":105})")
                                 << int(LxdOperationState::Status::Running) << QString()
                                 << QString() << -1;
        QTest::newRow("unpack progress text")
            << QByteArray("{\"id\":\"a\",\"status_code\":103,\"metadata\":"
                          "{\"create_instance_from_image_unpack_progress\":"
                          "\"Unpack: 45% (12MB/s)\"}}")
            << int(LxdOperationState::Status::Running) << QString()
            << QStringLiteral("Unpack: 45% (12MB/s)") << 45;
        QTest::newRow("progress object")
            << QByteArray(R"({"id":"a","status_code":103,"metadata":{"progress":)"
                          R"({"stage":"create_instance_from_image_unpack","percent":"80",)"
                          R"("speed":"1000"}}})")
            << int(LxdOperationState::Status::Running) << QString()
            << QStringLiteral("create_instance_from_image_unpack: 80%") << 80;
        QTest::newRow("text without a percentage")
            << QByteArray("{\"id\":\"a\",\"status_code\":103,\"metadata\":"
                          "{\"fs_progress\":\"12.5MB (1.1MB/s)\"}}")
            << int(LxdOperationState::Status::Running) << QString()
            << QStringLiteral("12.5MB (1.1MB/s)") << -1;
    }

    void readsOperationStates()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, status);
        QFETCH(QString, err);
        QFETCH(QString, progress);
        QFETCH(int, percent);
        const auto state = LxdOperationState::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(int(state.status), status);
        QCOMPARE(state.id, QStringLiteral("a"));
        QCOMPARE(state.err, err);
        if (!progress.isEmpty())
            QCOMPARE(state.progressText(), progress);
        QCOMPARE(state.percent().value_or(-1), percent);
    }

    void readsInstancesWithState()
    {
        QFile file(QStringLiteral(RELAIS_TEST_DATA_DIR "/lxd/instances-recursion2.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto envelope = LxdResponse::fromHttp(http(200, file.readAll()), QStringLiteral("GET"));
        QVERIFY(envelope);
        auto list = LxdInstance::listFromJson(envelope->metadata);
        QVERIFY2(list, qPrintable(list.ok() ? QString() : list.error().toString()));
        QCOMPARE(list->size(), 2);

        const LxdInstance& web = list->at(0);
        QCOMPARE(web.name, QStringLiteral("web"));
        QCOMPARE(web.status, QStringLiteral("Running"));
        QVERIFY(web.isRunning());
        QCOMPARE(web.type, QStringLiteral("container"));
        QCOMPARE(web.memoryUsage, 598016);
        QCOMPARE(web.memoryPeak, 1654784);
        QCOMPARE(web.diskUsage, -1); // dir pool: LXD gives no usage
        QCOMPARE(web.processes, 3);
        QCOMPARE(web.createdAt, QDateTime(QDate(2026, 11, 22), QTime(2, 44, 17, 621), Qt::UTC));
        QCOMPARE(web.addresses.size(), 2); // eth0 only: loopback is left out
        QCOMPARE(web.addresses[0],
                 (LxdAddress{QStringLiteral("eth0"), QStringLiteral("inet"),
                             QStringLiteral("10.231.1.250"), QStringLiteral("global")}));
        QCOMPARE(web.addresses[1].scope, QStringLiteral("link"));
        QVERIFY(web.snapshots.isEmpty()); // null in LXD's answer
        QCOMPARE(web.newestSnapshot(), nullptr);

        const LxdInstance& db = list->at(1);
        QCOMPARE(db.name, QStringLiteral("db"));
        QVERIFY(!db.isRunning());
        QCOMPARE(db.status, QStringLiteral("Stopped"));
        QCOMPARE(db.diskUsage, 123456789);
        QVERIFY(db.addresses.isEmpty());
        QCOMPARE(db.snapshots.size(), 2);
        // Oldest first, whatever LXD's order.
        QCOMPARE(db.snapshots[0].name, QStringLiteral("before-upgrade"));
        QVERIFY(!db.snapshots[0].expiresAt.isValid()); // year 1: never
        QCOMPARE(db.snapshots[1].name, QStringLiteral("auto-1"));
        QCOMPARE(db.snapshots[1].createdAt,
                 QDateTime(QDate(2026, 11, 21), QTime(3, 0, 0, 123), Qt::UTC));
        QCOMPARE(db.snapshots[1].expiresAt, QDateTime(QDate(2026, 12, 5), QTime(3, 0), Qt::UTC));
        QCOMPARE(db.newestSnapshot()->name, QStringLiteral("auto-1"));

        const QJsonValue dbJson = envelope->metadata.toArray().at(1);
        auto settings = LxdSnapshotSettings::fromInstanceJson(dbJson);
        QVERIFY(settings);
        QCOMPARE(*settings, (LxdSnapshotSettings{QStringLiteral("@daily"), QStringLiteral("2w"),
                                                 QStringLiteral("auto-%d")}));
        const QJsonObject config = settings->toConfig();
        QCOMPARE(config.size(), 3);
        QCOMPARE(config.value(QStringLiteral("snapshots.pattern")).toString(),
                 QStringLiteral("auto-%d"));
    }

    // The instance's own keys apart from its profiles', and a PATCH of only
    // the keys changed.
    void snapshotSettingsOwnAndChanged()
    {
        const QJsonObject instance = QJsonDocument::fromJson(R"({"name": "db",
            "config": {"snapshots.expiry": "2w", "limits.cpu": "2"},
            "expanded_config": {"snapshots.schedule": "@daily", "snapshots.expiry": "2w",
                                "snapshots.pattern": "auto-%d", "limits.cpu": "2"}})")
                                         .object();
        const auto effective = LxdSnapshotSettings::fromInstanceJson(instance);
        QVERIFY(effective);
        QCOMPARE(*effective, (LxdSnapshotSettings{QStringLiteral("@daily"), QStringLiteral("2w"),
                                                  QStringLiteral("auto-%d")}));
        const auto own =
            LxdSnapshotSettings::fromInstanceJson(instance, LxdSnapshotSettings::Scope::Own);
        QVERIFY(own);
        QCOMPARE(*own, (LxdSnapshotSettings{QString(), QStringLiteral("2w"), QString()}));
        QVERIFY(
            !LxdSnapshotSettings::fromInstanceJson(QJsonValue(3), LxdSnapshotSettings::Scope::Own)
                 .ok());

        QVERIFY(own->changesFrom(*own).isEmpty());
        const LxdSnapshotSettings edited{QStringLiteral("@weekly"), QString(), QString()};
        QCOMPARE(edited.changesFrom(*own),
                 (QJsonObject{{QStringLiteral("snapshots.schedule"), QStringLiteral("@weekly")},
                              {QStringLiteral("snapshots.expiry"), QString()}}));
    }

    void refusesBrokenInstanceLists()
    {
        QVERIFY(!LxdInstance::listFromJson(QJsonValue(QStringLiteral("x"))).ok());
        QVERIFY(LxdInstance::listFromJson(QJsonDocument::fromJson("[{}]").array())
                    .error()
                    .is(LxdError::ProtocolError));
        QVERIFY(LxdInstance::listFromJson(
                    QJsonDocument::fromJson(R"([{"name":"a","snapshots":"nope"}])").array())
                    .error()
                    .is(LxdError::ProtocolError));
        QVERIFY(!LxdSnapshotSettings::fromInstanceJson(QJsonValue(3)).ok());
    }

    void readsLxdTimes()
    {
        QCOMPARE(LxdSnapshot::parseTime(QStringLiteral("2026-11-22T02:44:17.621865714Z")),
                 QDateTime(QDate(2026, 11, 22), QTime(2, 44, 17, 621), Qt::UTC));
        QCOMPARE(LxdSnapshot::parseTime(QStringLiteral("2026-11-22T03:44:17+01:00")),
                 QDateTime(QDate(2026, 11, 22), QTime(2, 44, 17), Qt::UTC));
        QVERIFY(!LxdSnapshot::parseTime(QStringLiteral("0001-01-01T00:00:00Z")).isValid());
        QVERIFY(!LxdSnapshot::parseTime(QStringLiteral("yesterday")).isValid());
        QVERIFY(!LxdSnapshot::parseTime(QString()).isValid());
    }
};

QTEST_GUILESS_MAIN(TestLxdResponse)
#include "tst_lxdresponse.moc"
