#include "../support/FakeHttpsServer.h"
#include "notify/Notifier.h"
#include "notify/NotifyError.h"
#include "notify/NotifyJob.h"
#include "plan/NotifyStepJob.h"
#include "plan/PlanError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace relais;
using namespace relais::test;

namespace {

constexpr const char* SmtpReceiver = RELAIS_TEST_DATA_DIR "/../support/smtp_receiver.py";

NotifyMessage message(NotificationChannel::Event event = NotificationChannel::Event::Drill)
{
    NotifyMessage m;
    m.event = event;
    m.site = QStringLiteral("Lab");
    m.title = QStringLiteral("Répétition terminée");
    m.body = QStringLiteral("RTO 12 s (cible 30 min), RPO 40 s (cible 15 min).\nTout va bien.");
    m.severity = NotifyMessage::Severity::Critical;
    m.time = QDateTime(QDate(2026, 12, 4), QTime(15, 22, 29), Qt::UTC);
    return m;
}

/// Sends @p m through @p notifier to the channels named and waits.
QList<ChannelResult> sendAndWait(const Notifier& notifier, const QStringList& names,
                                 const NotifyMessage& m = message())
{
    NotifyJob* job = notifier.sendTo(names, m);
    QSignalSpy finished(job, &NotifyJob::finished);
    if (!finished.wait(30000))
        return {};
    return finished.at(0).at(0).value<QList<ChannelResult>>();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

/// The next whole line the process printed, without its line end.
QByteArray readLine(QProcess& process, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine() && !deadline.hasExpired())
        process.waitForReadyRead(100);
    return process.readLine().trimmed();
}

QMap<QByteArray, QByteArray> headersOf(const QByteArray& mail)
{
    QByteArray head = mail.left(mail.indexOf("\r\n\r\n"));
    head.replace("\r\n ", " ");
    QMap<QByteArray, QByteArray> headers;
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        headers.insert(line.left(colon), line.mid(colon + 1).trimmed());
    }
    return headers;
}

} // namespace

class TestNotifySend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_caFile;

    NotificationChannel web(NotificationChannel::Kind kind, const QString& name,
                            const QByteArray& origin, const QString& path)
    {
        NotificationChannel c;
        c.name = name;
        c.kind = kind;
        c.url = QString::fromLatin1(origin) + path;
        c.caFile = m_caFile;
        c.events = {NotificationChannel::Event::Drill};
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(TestCertificates::instance().ok());
        m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        QVERIFY(writeFile(m_caFile, TestCertificates::instance().ca.toPem()));
    }

    void webChannelsReachTheReceiver()
    {
        FakeHttpsServer server([](const FakeRequest&) { return FakeResponse{200, "{}"}; });
        QVERIFY(server.isListening());
        NotificationChannel ntfy = web(NotificationChannel::Kind::Ntfy, QStringLiteral("ntfy"),
                                       server.origin(), QStringLiteral("/"));
        ntfy.topic = QStringLiteral("relais");
        ntfy.credentials = QStringLiteral("ntfy-token");
        NotificationChannel gotify = web(NotificationChannel::Kind::Gotify,
                                         QStringLiteral("gotify"), server.origin(), QString());
        gotify.credentials = QStringLiteral("gotify-app");
        const NotificationChannel hook =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("hook"), server.origin(),
                QStringLiteral("/hooks/relais"));
        NotificationChannel ifttt =
            web(NotificationChannel::Kind::Ifttt, QStringLiteral("ifttt"), server.origin(),
                QStringLiteral("/trigger/relais_down/with/key"));
        ifttt.credentials = QStringLiteral("ifttt-key");
        QHash<QString, SecretBytes> secrets;
        secrets.insert(QStringLiteral("ntfy-token"), SecretBytes(QByteArrayView("tk_ntfy")));
        secrets.insert(QStringLiteral("gotify-app"), SecretBytes(QByteArrayView("AgotifyKey")));
        secrets.insert(QStringLiteral("ifttt-key"), SecretBytes(QByteArrayView("iftttKEY")));
        const Notifier notifier({ntfy, gotify, hook, ifttt}, secrets);

        const QList<ChannelResult> results = sendAndWait(notifier, {});
        QCOMPARE(results.size(), 4);
        for (const ChannelResult& r : results)
            QVERIFY2(r.result.ok(),
                     qPrintable(r.channel + QStringLiteral(": ") +
                                (r.result ? QString() : r.result.error().message())));
        QCOMPARE(server.requests().size(), 4);

        QHash<QByteArray, FakeRequest> byPath;
        for (const FakeRequest& request : server.requests()) {
            QCOMPARE(request.method, QByteArray("POST"));
            byPath.insert(request.path(), request);
        }
        const FakeRequest n = byPath.value("/relais");
        QCOMPARE(n.header("title"),
                 "=?UTF-8?B?" + QStringLiteral("Répétition terminée").toUtf8().toBase64() + "?=");
        QCOMPARE(n.header("priority"), QByteArray("5"));
        QCOMPARE(n.header("tags"), QByteArray("rotating_light,drill"));
        QCOMPARE(n.header("authorization"), QByteArray("Bearer tk_ntfy"));
        QCOMPARE(n.body, message().body.toUtf8());

        const FakeRequest g = byPath.value("/message");
        QCOMPARE(g.target, QByteArray("/message"));
        QCOMPARE(g.header("x-gotify-key"), QByteArray("AgotifyKey"));
        QCOMPARE(g.header("content-type"), QByteArray("application/json"));
        const QJsonObject gotifyBody = QJsonDocument::fromJson(g.body).object();
        QCOMPARE(gotifyBody.value(QStringLiteral("title")).toString(), message().title);
        QCOMPARE(gotifyBody.value(QStringLiteral("message")).toString(), message().body);
        QCOMPARE(gotifyBody.value(QStringLiteral("priority")).toInt(), 8);

        const FakeRequest h = byPath.value("/hooks/relais");
        QVERIFY(h.header("authorization").isEmpty());
        const QJsonObject hookBody = QJsonDocument::fromJson(h.body).object();
        QCOMPARE(hookBody.value(QStringLiteral("site")).toString(), QStringLiteral("Lab"));
        QCOMPARE(hookBody.value(QStringLiteral("event")).toString(), QStringLiteral("drill"));
        QCOMPARE(hookBody.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(hookBody.value(QStringLiteral("title")).toString(), message().title);
        QCOMPARE(hookBody.value(QStringLiteral("message")).toString(), message().body);
        QCOMPARE(hookBody.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2026-12-04T15:22:29Z"));

        const FakeRequest i = byPath.value("/trigger/relais_down/with/key/iftttKEY");
        const QJsonObject iftttBody = QJsonDocument::fromJson(i.body).object();
        QCOMPARE(iftttBody.value(QStringLiteral("value1")).toString(), message().title);
        QCOMPARE(iftttBody.value(QStringLiteral("value2")).toString(), message().body);
        QCOMPARE(iftttBody.value(QStringLiteral("value3")).toString(), QStringLiteral("Lab"));
    }

    void onlySubscribedChannelsHear()
    {
        FakeHttpsServer server([](const FakeRequest&) { return FakeResponse{204, {}}; });
        NotificationChannel drill = web(NotificationChannel::Kind::Webhook, QStringLiteral("drill"),
                                        server.origin(), QStringLiteral("/drill"));
        NotificationChannel health =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("health"), server.origin(),
                QStringLiteral("/health"));
        health.events = {NotificationChannel::Event::Health, NotificationChannel::Event::Sync};
        const Notifier notifier({drill, health}, {});
        QVERIFY(notifier.hasChannelFor(NotificationChannel::Event::Sync));

        NotifyJob* job = notifier.send(message(NotificationChannel::Event::Health));
        QSignalSpy finished(job, &NotifyJob::finished);
        QVERIFY(finished.wait(20000));
        const auto results = finished.at(0).at(0).value<QList<ChannelResult>>();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.at(0).channel, QStringLiteral("health"));
        QVERIFY(results.at(0).result.ok());
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().at(0).path(), QByteArray("/health"));

        // No channel for the event: finished() still comes, empty.
        const Notifier none({drill}, {});
        NotifyJob* nothing = none.send(message(NotificationChannel::Event::Sync));
        QSignalSpy empty(nothing, &NotifyJob::finished);
        QVERIFY(empty.wait(5000));
        QVERIFY(empty.at(0).at(0).value<QList<ChannelResult>>().isEmpty());
    }

    void webErrorsAreTyped()
    {
        FakeHttpsServer server([](const FakeRequest& request) {
            if (request.path() == "/denied")
                return FakeResponse{401, "{\"error\":\"unauthorized\"}"};
            return FakeResponse{500, "database is down"};
        });
        const NotificationChannel denied =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("denied"), server.origin(),
                QStringLiteral("/denied"));
        const NotificationChannel broken =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("broken"), server.origin(),
                QStringLiteral("/broken"));
        NotificationChannel untrusted =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("untrusted"), server.origin(),
                QStringLiteral("/x"));
        untrusted.caFile.clear(); // the system's CAs do not know the test CA
        NotificationChannel closed =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("closed"),
                "https://127.0.0.1:" + QByteArray::number(freePort()), QStringLiteral("/"));
        NotificationChannel noSecret = web(NotificationChannel::Kind::Gotify,
                                           QStringLiteral("nosecret"), server.origin(), QString());
        noSecret.credentials = QStringLiteral("missing-entry");
        NotificationChannel badCa = denied;
        badCa.name = QStringLiteral("badca");
        badCa.caFile = m_dir.filePath(QStringLiteral("nothing.pem"));

        const Notifier notifier({denied, broken, untrusted, closed, noSecret, badCa}, {});
        const QList<ChannelResult> results = sendAndWait(notifier, {});
        QCOMPARE(results.size(), 6);
        QHash<QString, std::optional<Error>> errors;
        for (const ChannelResult& r : results) {
            QVERIFY2(!r.result.ok(), qPrintable(r.channel));
            errors.insert(r.channel, r.result.error());
        }
        QVERIFY(errors.value(QStringLiteral("denied"))->is(NotifyError::AuthRefused));
        QVERIFY(errors.value(QStringLiteral("broken"))->is(NotifyError::HttpStatus));
        QVERIFY2(errors.value(QStringLiteral("broken"))->message().contains(QStringLiteral("500")),
                 qPrintable(errors.value(QStringLiteral("broken"))->message()));
        QVERIFY(errors.value(QStringLiteral("untrusted"))->is(NotifyError::Tls));
        QVERIFY(errors.value(QStringLiteral("closed"))->is(NotifyError::Unreachable));
        QVERIFY(errors.value(QStringLiteral("nosecret"))->is(NotifyError::NotConfigured));
        QVERIFY(errors.value(QStringLiteral("badca"))->is(NotifyError::NotConfigured));
        // Only the two trusted requests reached the server.
        QCOMPARE(server.requests().size(), 2);
    }

    void mailArrives_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("starttls") << QStringLiteral("starttls");
        QTest::newRow("tls") << QStringLiteral("tls");
    }

    void mailArrives()
    {
        QFETCH(QString, mode);
        const TestCertificates& certificates = TestCertificates::instance();
        const QString cert = m_dir.filePath(QStringLiteral("leaf.pem"));
        const QString key = m_dir.filePath(QStringLiteral("leaf.key"));
        QVERIFY(writeFile(cert, certificates.leaf.toPem()));
        QVERIFY(writeFile(key, certificates.key.toPem()));
        const quint16 port = freePort();

        QProcess smtp;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SMTP_TEST_PASSWORD"), QStringLiteral("s3cret-pass"));
        smtp.setProcessEnvironment(env);
        smtp.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        smtp.start(QStringLiteral("/usr/bin/python3"),
                   {QString::fromUtf8(SmtpReceiver), QString::number(port), mode, cert, key,
                    QStringLiteral("relais-user")});
        QVERIFY(smtp.waitForStarted(10000));
        auto stop = qScopeGuard([&smtp] {
            smtp.kill(); // the one this test started
            smtp.waitForFinished(5000);
        });
        QCOMPARE(readLine(smtp, 20000), QByteArray("READY"));

        NotificationChannel mail;
        mail.name = QStringLiteral("mail");
        mail.kind = NotificationChannel::Kind::Email;
        mail.events = {NotificationChannel::Event::Drill};
        mail.smtpHost = QStringLiteral("127.0.0.1");
        mail.port = port;
        mail.tls = mode == QStringLiteral("tls") ? NotificationChannel::Tls::Implicit
                                                 : NotificationChannel::Tls::StartTls;
        mail.user = QStringLiteral("relais-user");
        mail.from = QStringLiteral("relais@example.test");
        mail.to = {QStringLiteral("admin@example.test"), QStringLiteral("ops@example.test")};
        mail.credentials = QStringLiteral("smtp-pass");
        mail.caFile = m_caFile;
        NotificationChannel wrongPassword = mail;
        wrongPassword.name = QStringLiteral("wrong-password");
        wrongPassword.credentials = QStringLiteral("smtp-wrong");
        NotificationChannel otherCa = mail;
        otherCa.name = QStringLiteral("other-ca");
        const QString otherCaFile = m_dir.filePath(QStringLiteral("other-ca.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("other-ca.key")),
                       QStringLiteral("-out"), otherCaFile, QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=Another test CA")});
        QVERIFY(openssl.waitForFinished(30000) && openssl.exitCode() == 0);
        otherCa.caFile = otherCaFile;

        QHash<QString, SecretBytes> secrets;
        secrets.insert(QStringLiteral("smtp-pass"), SecretBytes(QByteArrayView("s3cret-pass")));
        secrets.insert(QStringLiteral("smtp-wrong"), SecretBytes(QByteArrayView("not-the-pass")));
        const Notifier notifier({mail, wrongPassword, otherCa}, secrets);

        const QList<ChannelResult> good = sendAndWait(notifier, {QStringLiteral("mail")});
        QCOMPARE(good.size(), 1);
        QVERIFY2(good.at(0).result.ok(),
                 qPrintable(good.at(0).result ? QString() : good.at(0).result.error().message()));
        const QByteArray line = readLine(smtp, 10000);
        const QJsonObject received = QJsonDocument::fromJson(line).object();
        QVERIFY2(!received.isEmpty(), line.constData());
        QCOMPARE(received.value(QStringLiteral("from")).toString(), mail.from);
        QCOMPARE(received.value(QStringLiteral("to")).toArray().toVariantList(),
                 QVariantList({mail.to.at(0), mail.to.at(1)}));
        QCOMPARE(received.value(QStringLiteral("login")).toString(), QStringLiteral("relais-user"));
        const QByteArray data = received.value(QStringLiteral("data")).toString().toUtf8();
        const auto headers = headersOf(data);
        QCOMPARE(headers.value("From"), QByteArray("Relais <relais@example.test>"));
        QCOMPARE(headers.value("To"), QByteArray("admin@example.test, ops@example.test"));
        QCOMPARE(headers.value("Date"), QByteArray("Fri, 04 Dec 2026 15:22:29 +0000"));
        QVERIFY(headers.value("Message-ID").endsWith(".relais@example.test>"));
        QByteArray subject;
        for (const QByteArray& word : headers.value("Subject").split(' ')) {
            QVERIFY2(word.startsWith("=?UTF-8?B?"), word.constData());
            subject += QByteArray::fromBase64(word.mid(10, word.size() - 12));
        }
        QCOMPARE(QString::fromUtf8(subject), QStringLiteral("[Relais] Lab: Répétition terminée"));
        const QByteArray body = QByteArray::fromBase64(data.mid(data.indexOf("\r\n\r\n") + 4));
        QVERIFY2(QString::fromUtf8(body).startsWith(QStringLiteral(
                     "RTO 12 s (cible 30 min), RPO 40 s (cible 15 min).\r\nTout va bien.\r\n")),
                 body.constData());

        const QList<ChannelResult> refused =
            sendAndWait(notifier, {QStringLiteral("wrong-password")});
        QCOMPARE(refused.size(), 1);
        QVERIFY(!refused.at(0).result.ok());
        QVERIFY2(refused.at(0).result.error().is(NotifyError::AuthRefused),
                 qPrintable(refused.at(0).result.error().message()));
        QVERIFY(!refused.at(0).result.error().message().contains(QStringLiteral("not-the-pass")));

        const QList<ChannelResult> untrusted = sendAndWait(notifier, {QStringLiteral("other-ca")});
        QCOMPARE(untrusted.size(), 1);
        QVERIFY(!untrusted.at(0).result.ok());
        QVERIFY2(untrusted.at(0).result.error().is(NotifyError::Tls),
                 qPrintable(untrusted.at(0).result.error().message()));
        // Neither of them delivered anything.
        QTest::qWait(200);
        QVERIFY(!smtp.canReadLine());
    }

    void relaisctlTestsEachChannel()
    {
        FakeHttpsServer server([](const FakeRequest&) { return FakeResponse{200, "{}"}; });
        const QString site = m_dir.filePath(QStringLiteral("site.json"));
        auto host = [](const char* name, const char* address) {
            return QJsonObject{
                {QStringLiteral("name"), QLatin1String(name)},
                {QStringLiteral("address"), QLatin1String(address)},
                {QStringLiteral("ssh"), QJsonObject{{QStringLiteral("key"), QStringLiteral("k")}}}};
        };
        auto hook = [](const QString& name, const QString& url, const QString& event) {
            return QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("kind"), QStringLiteral("webhook")},
                               {QStringLiteral("events"), QJsonArray{event}},
                               {QStringLiteral("url"), url}};
        };
        QJsonObject reachable =
            hook(QStringLiteral("hook"), QString::fromLatin1(server.origin() + "/hook"),
                 QStringLiteral("health"));
        reachable.insert(QStringLiteral("ca_file"), m_caFile);
        const QJsonObject root{
            {QStringLiteral("schema"), 1},
            {QStringLiteral("name"), QStringLiteral("Notified")},
            {QStringLiteral("hosts"),
             QJsonObject{{QStringLiteral("main"), host("main", "192.0.2.10")},
                         {QStringLiteral("backup"), host("backup", "192.0.2.20")}}},
            {QStringLiteral("notifications"),
             QJsonArray{reachable, hook(QStringLiteral("down"),
                                        QStringLiteral("https://127.0.0.1:%1/").arg(freePort()),
                                        QStringLiteral("drill"))}}};
        const QByteArray document = QJsonDocument(root).toJson();
        QVERIFY(writeFile(site, document));

        auto run = [&](const QStringList& channels, QByteArray* output) {
            QProcess relaisctl;
            relaisctl.start(QStringLiteral(RELAIS_RELAISCTL),
                            QStringList{QStringLiteral("notify"), QStringLiteral("test"),
                                        QStringLiteral("--site"), site} +
                                channels);
            QSignalSpy done(&relaisctl, &QProcess::finished);
            if (!done.wait(30000))
                return -1;
            *output = relaisctl.readAllStandardOutput();
            return relaisctl.exitCode();
        };
        QByteArray output;
        QCOMPARE(run({QStringLiteral("hook")}, &output), 0);
        QCOMPARE(output, QByteArray("hook: sent\n"));
        QCOMPARE(server.requests().size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(server.requests().at(0).body).object();
        QCOMPARE(body.value(QStringLiteral("site")).toString(), QStringLiteral("Notified"));
        QCOMPARE(body.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Relais test message"));

        QCOMPARE(run({}, &output), 1);
        QVERIFY2(output.contains("hook: sent\n"), output.constData());
        QVERIFY2(output.contains("down: FAILED: https://127.0.0.1:"), output.constData());
        QCOMPARE(run({QStringLiteral("nosuch")}, &output), 2);
    }

    void planNotifyStepSendsToDrillChannels()
    {
        FakeHttpsServer server([](const FakeRequest&) { return FakeResponse{200, "{}"}; });
        const NotificationChannel hook =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("hook"), server.origin(),
                QStringLiteral("/hook"));
        NotificationChannel down =
            web(NotificationChannel::Kind::Webhook, QStringLiteral("down"),
                "https://127.0.0.1:" + QByteArray::number(freePort()), QStringLiteral("/"));
        NotificationChannel healthOnly = hook;
        healthOnly.name = QStringLiteral("health-only");
        healthOnly.events = {NotificationChannel::Event::Health};
        const Notifier channels({hook, down, healthOnly}, {});
        QStringList told;
        NotifyStepJob step(
            QStringLiteral("Backup now serves www."),
            [&told](const QString& message) { told << message; }, nullptr, &channels,
            QStringLiteral("Lab"));
        QSignalSpy output(&step, &StepJob::output);
        QSignalSpy finished(&step, &StepJob::finished);
        step.start();
        QVERIFY(finished.wait(20000));
        // A channel that cannot be reached does not stop the recovery.
        QVERIFY(finished.at(0).at(0).value<Result<void>>().ok());
        QCOMPARE(told, QStringList{QStringLiteral("Backup now serves www.")});
        QStringList lines;
        for (const auto& args : output)
            lines << args.at(0).toString();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("Backup now serves www."));
        QVERIFY(lines.contains(QStringLiteral("Sent to channel hook.")));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Not sent to channel down: ")) ||
                     lines.at(2).startsWith(QStringLiteral("Not sent to channel down: ")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QCOMPARE(server.requests().size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(server.requests().at(0).body).object();
        QCOMPARE(body.value(QStringLiteral("site")).toString(), QStringLiteral("Lab"));
        QCOMPARE(body.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Backup now serves www."));
        QCOMPARE(finished.size(), 1);
    }

    void relaisctlDrillRunTellsTheChannels()
    {
        FakeHttpsServer server([](const FakeRequest&) { return FakeResponse{200, "{}"}; });
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString site = home.filePath(QStringLiteral("site.json"));
        auto host = [](const char* name, const char* address) {
            return QJsonObject{
                {QStringLiteral("name"), QLatin1String(name)},
                {QStringLiteral("address"), QLatin1String(address)},
                {QStringLiteral("ssh"), QJsonObject{{QStringLiteral("key"), QStringLiteral("k")}}}};
        };
        const QJsonObject step{{QStringLiteral("kind"), QStringLiteral("notify")},
                               {QStringLiteral("message"), QStringLiteral("Backup serves.")}};
        const QJsonObject root{
            {QStringLiteral("schema"), 1},
            {QStringLiteral("name"), QStringLiteral("Drilled")},
            {QStringLiteral("vault"), QStringLiteral("vault.relais")},
            {QStringLiteral("hosts"),
             QJsonObject{{QStringLiteral("main"), host("main", "192.0.2.10")},
                         {QStringLiteral("backup"), host("backup", "192.0.2.20")}}},
            {QStringLiteral("plan"),
             QJsonObject{{QStringLiteral("groups"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("tell")},
                                                 {QStringLiteral("steps"), QJsonArray{step}}}}}}},
            {QStringLiteral("notifications"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("hook")},
                 {QStringLiteral("kind"), QStringLiteral("webhook")},
                 {QStringLiteral("events"), QJsonArray{QStringLiteral("drill")}},
                 {QStringLiteral("url"), QString::fromLatin1(server.origin() + "/drill")},
                 {QStringLiteral("ca_file"), m_caFile}}}}};
        QVERIFY(writeFile(site, QJsonDocument(root).toJson()));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_DATA_DIR"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("RELAIS_CONFIG_DIR"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("RELAIS_VAULT_PASSPHRASE"),
                   QStringLiteral("a test passphrase, long enough"));
        env.insert(QStringLiteral("RELAIS_VAULT_TEST_KDF_LOG2N"), QStringLiteral("10"));
        auto run = [&](const QStringList& arguments, QByteArray* output) {
            QProcess relaisctl;
            relaisctl.setProcessEnvironment(env);
            relaisctl.start(QStringLiteral(RELAIS_RELAISCTL), arguments);
            QSignalSpy done(&relaisctl, &QProcess::finished);
            if (!done.wait(60000))
                return -1;
            *output = relaisctl.readAllStandardOutput() + relaisctl.readAllStandardError();
            return relaisctl.exitCode();
        };
        QByteArray output;
        QCOMPARE(run({QStringLiteral("vault"), QStringLiteral("init"), QStringLiteral("--vault"),
                      home.filePath(QStringLiteral("vault.relais"))},
                     &output),
                 0);
        QCOMPARE(run({QStringLiteral("drill"), QStringLiteral("run"), QStringLiteral("--site"),
                      site, QStringLiteral("--mode"), QStringLiteral("planned-failover")},
                     &output),
                 2); // a failover needs --yes
        QCOMPARE(server.requests().size(), 0);

        QCOMPARE(
            run({QStringLiteral("drill"), QStringLiteral("run"), QStringLiteral("--site"), site},
                &output),
            0);
        QVERIFY2(output.contains("Told channel hook."), output.constData());
        // The plan's notify step, then the drill's end.
        QCOMPARE(server.requests().size(), 2);
        const QJsonObject stepBody = QJsonDocument::fromJson(server.requests().at(0).body).object();
        QCOMPARE(stepBody.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Backup serves."));
        const QJsonObject end = QJsonDocument::fromJson(server.requests().at(1).body).object();
        QCOMPARE(end.value(QStringLiteral("event")).toString(), QStringLiteral("drill"));
        QCOMPARE(end.value(QStringLiteral("site")).toString(), QStringLiteral("Drilled"));
        QCOMPARE(end.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Rehearsal: succeeded"));
        QCOMPARE(end.value(QStringLiteral("severity")).toString(), QStringLiteral("info"));
        QVERIFY2(end.value(QStringLiteral("message"))
                     .toString()
                     .startsWith(QStringLiteral("RTO not measured (target 60 min), RPO not "
                                                "measured (target 60 min).")),
                 qPrintable(end.value(QStringLiteral("message")).toString()));
        // The drill is in the journal.
        QCOMPARE(run({QStringLiteral("drill"), QStringLiteral("history"), QStringLiteral("--site"),
                      site, QStringLiteral("--json")},
                     &output),
                 0);
        QCOMPARE(QJsonDocument::fromJson(output).array().size(), 1);
    }

    void cancelStopsSendersThatWait()
    {
        // A server that takes connections and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        NotificationChannel mail;
        mail.name = QStringLiteral("mail");
        mail.kind = NotificationChannel::Kind::Email;
        mail.events = {NotificationChannel::Event::Drill};
        mail.smtpHost = QStringLiteral("127.0.0.1");
        mail.port = silent.serverPort();
        mail.from = QStringLiteral("relais@example.test");
        mail.to = {QStringLiteral("admin@example.test")};
        NotificationChannel hook;
        hook.name = QStringLiteral("hook");
        hook.kind = NotificationChannel::Kind::Webhook;
        hook.events = {NotificationChannel::Event::Drill};
        hook.url = QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort());
        const Notifier notifier({mail, hook}, {});

        NotifyJob* job = notifier.send(message());
        QSignalSpy channels(job, &NotifyJob::channelFinished);
        QSignalSpy finished(job, &NotifyJob::finished);
        QTest::qWait(300);
        QCOMPARE(channels.size(), 0); // both still waiting
        job->cancel();
        QVERIFY(finished.wait(5000));
        const auto results = finished.at(0).at(0).value<QList<ChannelResult>>();
        QCOMPARE(results.size(), 2);
        for (const ChannelResult& r : results) {
            QVERIFY(!r.result.ok());
            QVERIFY2(r.result.error().is(NotifyError::Cancelled),
                     qPrintable(r.result.error().message()));
        }
    }

    void noSecretInTheLogs()
    {
        static QStringList logged;
        logged.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("relais.*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& text) { logged << text; });
        auto restore = qScopeGuard([previous] {
            qInstallMessageHandler(previous);
            QLoggingCategory::setFilterRules(QString());
        });

        FakeHttpsServer server([](const FakeRequest& request) {
            return request.path().startsWith("/denied") ? FakeResponse{403, "no"}
                                                        : FakeResponse{200, "{}"};
        });
        NotificationChannel ntfy = web(NotificationChannel::Kind::Ntfy, QStringLiteral("ntfy"),
                                       server.origin(), QStringLiteral("/denied"));
        ntfy.topic = QStringLiteral("t");
        ntfy.credentials = QStringLiteral("a");
        NotificationChannel gotify = web(NotificationChannel::Kind::Gotify,
                                         QStringLiteral("gotify"), server.origin(), QString());
        gotify.credentials = QStringLiteral("b");
        NotificationChannel ifttt = web(NotificationChannel::Kind::Ifttt, QStringLiteral("ifttt"),
                                        server.origin(), QStringLiteral("/denied/with/key"));
        ifttt.credentials = QStringLiteral("c");
        NotificationChannel mail;
        mail.name = QStringLiteral("mail");
        mail.kind = NotificationChannel::Kind::Email;
        mail.events = {NotificationChannel::Event::Drill};
        mail.smtpHost = QStringLiteral("127.0.0.1");
        mail.port = freePort();
        mail.from = QStringLiteral("relais@example.test");
        mail.to = {QStringLiteral("admin@example.test")};
        mail.credentials = QStringLiteral("d");
        QHash<QString, SecretBytes> secrets;
        secrets.insert(QStringLiteral("a"), SecretBytes(QByteArrayView("SECRET-NTFY-1")));
        secrets.insert(QStringLiteral("b"), SecretBytes(QByteArrayView("SECRET-GOTIFY-2")));
        secrets.insert(QStringLiteral("c"), SecretBytes(QByteArrayView("SECRET-IFTTT-3")));
        secrets.insert(QStringLiteral("d"), SecretBytes(QByteArrayView("SECRET-SMTP-4")));
        const Notifier notifier({ntfy, gotify, ifttt, mail}, secrets);
        const QList<ChannelResult> results = sendAndWait(notifier, {});
        QCOMPARE(results.size(), 4);
        QCOMPARE(server.requests().size(), 3);

        QVERIFY(!logged.isEmpty()); // the debug output was on
        QStringList texts = logged;
        for (const ChannelResult& r : results) {
            if (!r.result)
                texts << r.result.error().message();
        }
        for (const QString& text : std::as_const(texts))
            QVERIFY2(!text.contains(QStringLiteral("SECRET-")), qPrintable(text));
    }

    void cancelledNotifyStepSaysSo()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        NotificationChannel hook;
        hook.name = QStringLiteral("hook");
        hook.kind = NotificationChannel::Kind::Webhook;
        hook.events = {NotificationChannel::Event::Drill};
        hook.url = QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort());
        const Notifier channels({hook}, {});
        NotifyStepJob step(QStringLiteral("Failing over."), {}, nullptr, &channels,
                           QStringLiteral("Lab"));
        QSignalSpy finished(&step, &StepJob::finished);
        step.start();
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        step.cancel();
        QVERIFY(finished.wait(5000));
        const auto result = finished.at(0).at(0).value<Result<void>>();
        QVERIFY(!result.ok());
        QVERIFY(result.error().is(PlanError::Cancelled));
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
    }

    void mailToAClosedPortIsUnreachable()
    {
        // A port where nothing listens: unreachable, typed as such.
        NotificationChannel mail;
        mail.name = QStringLiteral("mail");
        mail.kind = NotificationChannel::Kind::Email;
        mail.events = {NotificationChannel::Event::Drill};
        mail.smtpHost = QStringLiteral("127.0.0.1");
        mail.port = freePort();
        mail.from = QStringLiteral("relais@example.test");
        mail.to = {QStringLiteral("admin@example.test")};
        const Notifier notifier({mail}, {});
        const QList<ChannelResult> results = sendAndWait(notifier, {});
        QCOMPARE(results.size(), 1);
        QVERIFY(!results.at(0).result.ok());
        QVERIFY2(results.at(0).result.error().is(NotifyError::Unreachable),
                 qPrintable(results.at(0).result.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestNotifySend)
#include "tst_notifysend.moc"
