#include "notify/EmailSender.h"
#include "notify/GotifySender.h"
#include "notify/IftttSender.h"
#include "notify/MailMessage.h"
#include "notify/NtfySender.h"
#include "notify/WebhookSender.h"
#include "vault/SecretBytes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace relais;

namespace {

NotifyMessage drillMessage()
{
    NotifyMessage message;
    message.event = NotificationChannel::Event::Drill;
    message.site = QStringLiteral("Lab");
    message.title = QStringLiteral("Rehearsal succeeded");
    message.body = QStringLiteral("RTO 12 s (target 30 min), RPO 40 s (target 15 min).");
    message.severity = NotifyMessage::Severity::Warning;
    message.time = QDateTime(QDate(2026, 12, 4), QTime(15, 22, 29), Qt::UTC);
    return message;
}

NotificationChannel channel(NotificationChannel::Kind kind, const QString& url)
{
    NotificationChannel c;
    c.name = QStringLiteral("test");
    c.kind = kind;
    c.url = url;
    c.events = {NotificationChannel::Event::Drill};
    return c;
}

QJsonObject jsonOf(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

/// Headers of a mail (unfolded) and its body.
QMap<QByteArray, QByteArray> mailHeaders(const QByteArray& mail, QByteArray* body = nullptr)
{
    const qsizetype end = mail.indexOf("\r\n\r\n");
    if (body)
        *body = mail.mid(end + 4);
    QByteArray head = mail.left(end);
    head.replace("\r\n ", " ");
    QMap<QByteArray, QByteArray> headers;
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        headers.insert(line.left(colon), line.mid(colon + 1).trimmed());
    }
    return headers;
}

} // namespace

class TestNotifyMessages : public QObject
{
    Q_OBJECT

private slots:
    void ntfyPostsTextWithHeaders()
    {
        NotificationChannel c = channel(NotificationChannel::Kind::Ntfy,
                                        QStringLiteral("https://ntfy.example.test/base"));
        c.topic = QStringLiteral("relais-alerts");
        const HttpPost post =
            NtfySender::request(c, drillMessage(), SecretBytes(QByteArrayView("tk_secret")));
        QCOMPARE(post.url.toString(),
                 QStringLiteral("https://ntfy.example.test/base/relais-alerts"));
        QCOMPARE(post.header("Title"), QByteArray("Rehearsal succeeded"));
        QCOMPARE(post.header("Priority"), QByteArray("4"));
        QCOMPARE(post.header("Tags"), QByteArray("warning,drill"));
        QCOMPARE(post.header("Authorization"), QByteArray("Bearer tk_secret"));
        QCOMPARE(post.body, drillMessage().body.toUtf8());

        NotifyMessage critical = drillMessage();
        critical.severity = NotifyMessage::Severity::Critical;
        critical.title = QStringLiteral("Répétition échouée");
        const HttpPost urgent = NtfySender::request(c, critical, SecretBytes());
        QCOMPARE(urgent.header("Priority"), QByteArray("5"));
        QCOMPARE(urgent.header("Tags"), QByteArray("rotating_light,drill"));
        QVERIFY(urgent.header("Authorization").isEmpty());
        QCOMPARE(urgent.header("Title"),
                 "=?UTF-8?B?" + QStringLiteral("Répétition échouée").toUtf8().toBase64() + "?=");
    }

    void gotifyPostsJsonWithKeyHeader()
    {
        const NotificationChannel c = channel(NotificationChannel::Kind::Gotify,
                                              QStringLiteral("https://gotify.example.test"));
        const HttpPost post =
            GotifySender::request(c, drillMessage(), SecretBytes(QByteArrayView("AppToken.1")));
        QCOMPARE(post.url.toString(), QStringLiteral("https://gotify.example.test/message"));
        QCOMPARE(post.url.query(), QString()); // the token is not in the URL
        QCOMPARE(post.header("X-Gotify-Key"), QByteArray("AppToken.1"));
        QCOMPARE(post.contentType, QByteArray("application/json"));
        const QJsonObject body = jsonOf(post.body);
        QCOMPARE(body.value(QStringLiteral("title")).toString(), drillMessage().title);
        QCOMPARE(body.value(QStringLiteral("message")).toString(), drillMessage().body);
        QCOMPARE(body.value(QStringLiteral("priority")).toInt(), 5);
        QCOMPARE(body.size(), 3);
    }

    void webhookPostsTheWholeEvent()
    {
        const NotificationChannel c = channel(NotificationChannel::Kind::Webhook,
                                              QStringLiteral("https://hooks.example.test/r?a=1"));
        const HttpPost post = WebhookSender::request(c, drillMessage(), SecretBytes());
        QCOMPARE(post.url.toString(), QStringLiteral("https://hooks.example.test/r?a=1"));
        QVERIFY(post.header("Authorization").isEmpty());
        const QJsonObject body = jsonOf(post.body);
        QCOMPARE(body.value(QStringLiteral("site")).toString(), QStringLiteral("Lab"));
        QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("drill"));
        QCOMPARE(body.value(QStringLiteral("title")).toString(), drillMessage().title);
        QCOMPARE(body.value(QStringLiteral("message")).toString(), drillMessage().body);
        QCOMPARE(body.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(body.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2026-12-04T15:22:29Z"));
        const HttpPost withToken =
            WebhookSender::request(c, drillMessage(), SecretBytes(QByteArrayView("hook-token")));
        QCOMPARE(withToken.header("Authorization"), QByteArray("Bearer hook-token"));
    }

    void iftttPutsTheKeyInThePath()
    {
        const NotificationChannel c =
            channel(NotificationChannel::Kind::Ifttt,
                    QStringLiteral("https://maker.ifttt.com/trigger/relais_down/with/key"));
        const HttpPost post =
            IftttSender::request(c, drillMessage(), SecretBytes(QByteArrayView("k3y")));
        QCOMPARE(post.url.toString(),
                 QStringLiteral("https://maker.ifttt.com/trigger/relais_down/with/key/k3y"));
        const QJsonObject body = jsonOf(post.body);
        QCOMPARE(body.value(QStringLiteral("value1")).toString(), drillMessage().title);
        QCOMPARE(body.value(QStringLiteral("value2")).toString(), drillMessage().body);
        QCOMPARE(body.value(QStringLiteral("value3")).toString(), QStringLiteral("Lab"));
        QCOMPARE(body.size(), 3);
    }

    void mailHasTheRfc5322Headers()
    {
        MailMessage mail;
        mail.from = QStringLiteral("relais@example.test");
        mail.to = {QStringLiteral("admin@example.test"), QStringLiteral("ops@example.test")};
        mail.subject = QStringLiteral("Drill passed");
        mail.body = QStringLiteral("Line one\nLigne deux: échec évité\n");
        mail.date = QDateTime(QDate(2026, 12, 4), QTime(16, 5, 9), Qt::OffsetFromUTC, 3600);
        mail.token = "abc123";
        QByteArray body;
        const QByteArray bytes = mail.toBytes();
        const auto headers = mailHeaders(bytes, &body);
        QCOMPARE(headers.value("Date"), QByteArray("Fri, 04 Dec 2026 15:05:09 +0000"));
        QCOMPARE(headers.value("Message-ID"), QByteArray("<abc123.relais@example.test>"));
        QCOMPARE(headers.value("From"), QByteArray("Relais <relais@example.test>"));
        QCOMPARE(headers.value("To"), QByteArray("admin@example.test, ops@example.test"));
        QCOMPARE(headers.value("Subject"), QByteArray("Drill passed"));
        QCOMPARE(headers.value("MIME-Version"), QByteArray("1.0"));
        QCOMPARE(headers.value("Content-Type"), QByteArray("text/plain; charset=UTF-8"));
        QCOMPARE(headers.value("Content-Transfer-Encoding"), QByteArray("base64"));
        QCOMPARE(QByteArray::fromBase64(body),
                 QStringLiteral("Line one\r\nLigne deux: échec évité\r\n").toUtf8());
        // Every line ends in CRLF; none is longer than 78 characters.
        QVERIFY(!bytes.contains("\n\n") && !bytes.contains("\r\r"));
        for (const QByteArray& line : bytes.split('\n')) {
            QVERIFY(line.isEmpty() || line.endsWith('\r'));
            QVERIFY2(line.size() <= 79, line.constData());
        }

        MailMessage random = mail;
        random.token.clear();
        QVERIFY(mailHeaders(random.toBytes()).value("Message-ID") !=
                mailHeaders(MailMessage(random).toBytes()).value("Message-ID"));
    }

    void subjectIsEncodedWhenNotAscii_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::newRow("french") << QStringLiteral("Répétition réussie sur « Lab »");
        QTest::newRow("long") << QString(QStringLiteral("Échec ")).repeated(30) +
                                     QStringLiteral("fin");
        QTest::newRow("emoji") << QStringLiteral("Bascule 🚨 terminée");
        QTest::newRow("equals-question") << QStringLiteral("plain =?but looks encoded");
    }

    void subjectIsEncodedWhenNotAscii()
    {
        QFETCH(QString, subject);
        const QByteArrayList words = MailMessage::headerWords(subject);
        QByteArray decoded;
        for (const QByteArray& word : words) {
            QVERIFY2(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word.constData());
            QVERIFY2(word.size() <= 75, word.constData());
            // Each word decodes on its own to whole characters.
            const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
            QVERIFY(!QString::fromUtf8(bytes).contains(QChar::ReplacementCharacter));
            decoded += bytes;
        }
        QCOMPARE(QString::fromUtf8(decoded), subject);
        QCOMPARE(MailMessage::headerText(subject), words.join("\r\n "));
    }

    void headersCannotBeInjected()
    {
        const QByteArrayList words =
            MailMessage::headerWords(QStringLiteral("Hello\r\nBcc: victim@example.test"));
        QCOMPARE(words, QByteArrayList{"Hello  Bcc: victim@example.test"});
        MailMessage mail;
        mail.from = QStringLiteral("relais@example.test");
        mail.to = {QStringLiteral("admin@example.test")};
        mail.subject = QStringLiteral("x\nBcc: victim@example.test");
        mail.date = QDateTime::currentDateTimeUtc();
        QVERIFY(!mailHeaders(mail.toBytes()).contains("Bcc"));
    }

    void emailRequestUsesTheChannel()
    {
        NotificationChannel c = channel(NotificationChannel::Kind::Email, QString());
        c.smtpHost = QStringLiteral("127.0.0.1");
        c.tls = NotificationChannel::Tls::Implicit;
        c.from = QStringLiteral("relais@example.test");
        c.to = {QStringLiteral("admin@example.test")};
        SmtpRequest request =
            EmailSender::request(c, drillMessage(), SecretBytes(QByteArrayView("pw")));
        QCOMPARE(request.port, 465);
        QCOMPARE(request.user, QStringLiteral("relais@example.test")); // no user: the sender
        QVERIFY(request.password == SecretBytes(QByteArrayView("pw")));
        const auto headers = mailHeaders(request.message);
        QCOMPARE(headers.value("Subject"), QByteArray("[Relais] Lab: Rehearsal succeeded"));
        QCOMPARE(headers.value("Date"), QByteArray("Fri, 04 Dec 2026 15:22:29 +0000"));

        c.tls = NotificationChannel::Tls::StartTls;
        c.user = QStringLiteral("login");
        request = EmailSender::request(c, drillMessage(), SecretBytes());
        QCOMPARE(request.port, 587);
        QVERIFY(request.user.isEmpty()); // no password: no AUTH
        c.port = 2525;
        QCOMPARE(EmailSender::request(c, drillMessage(), SecretBytes()).port, 2525);
    }
};

QTEST_GUILESS_MAIN(TestNotifyMessages)
#include "tst_notifymessages.moc"
