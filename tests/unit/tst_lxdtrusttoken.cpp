#include "lxd/LxdError.h"
#include "lxd/LxdTrustToken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace relais;

// Certificate add tokens as LXD 5.0's `lxc config trust add` prints them.
class TestLxdTrustToken : public QObject
{
    Q_OBJECT

private:
    // A real token from the lab's LXD 5.0.2 (its secret long revoked).
    static constexpr const char* LabToken =
        "eyJjbGllbnRfbmFtZSI6InJlbGFpcy1wcm9iZS0zNjIiLCJmaW5nZXJwcmludCI6ImNlZjE2ZTgwMTFiZjg4NT"
        "FhMzUzYjczOTYwMzgxOTg3M2YwNThkZTc2ZmViYTEzODQyMzNiNzhlMmM4NTAxMjIiLCJhZGRyZXNzZXMiOlsi"
        "MTAuMjMxLjAuMTA6ODQ0MyJdLCJzZWNyZXQiOiJiNzJkN2ZjNWJhZDlkZTgwMzU0NjAxOTczNjU1NDQ0ZDU3Zm"
        "U2NzgyMDdlMTdjYzk0ODUyZDczNDhmY2I5MDE1IiwiZXhwaXJlc19hdCI6IjAwMDEtMDEtMDFUMDA6MDA6MDBa"
        "In0=";

    static QByteArray encode(const QJsonObject& object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64();
    }

    static QJsonObject base()
    {
        return {
            {QStringLiteral("client_name"), QStringLiteral("relais")},
            {QStringLiteral("fingerprint"),
             QStringLiteral("cef16e8011bf8851a353b739603819873f058de76feba1384233b78e2c850122")},
            {QStringLiteral("addresses"), QJsonArray{QStringLiteral("10.231.0.10:8443")}},
            {QStringLiteral("secret"), QStringLiteral("s3cr3t")},
            {QStringLiteral("expires_at"), QStringLiteral("2026-11-22T08:00:00Z")}};
    }

    static QDateTime now() { return QDateTime(QDate(2026, 11, 22), QTime(7, 0), Qt::UTC); }

private slots:
    void decodesTheLabToken()
    {
        const auto token = LxdTrustToken::decode(QByteArray(LabToken) + "\n", now());
        QVERIFY2(token.ok(), token.ok() ? "" : qPrintable(token.error().toString()));
        QCOMPARE(token->clientName, QStringLiteral("relais-probe-362"));
        QCOMPARE(token->fingerprint.toHex(),
                 QByteArray("cef16e8011bf8851a353b739603819873f058de76feba1384233b78e2c850122"));
        QCOMPARE(token->addresses, QStringList{QStringLiteral("10.231.0.10:8443")});
        QVERIFY(!token->expiresAt.isValid());        // Go's zero time: never
        QCOMPARE(token->text, QByteArray(LabToken)); // trimmed, sent as given
    }

    void decodesAnExpiryInTheFuture()
    {
        const auto token = LxdTrustToken::decode(encode(base()), now());
        QVERIFY(token.ok());
        QCOMPARE(token->expiresAt, QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC));
    }

    void refusesAnExpiredToken()
    {
        QJsonObject object = base();
        object.insert(QStringLiteral("expires_at"), QStringLiteral("2026-11-22T06:59:59Z"));
        const auto token = LxdTrustToken::decode(encode(object), now());
        QVERIFY(!token.ok());
        QVERIFY(token.error().is(LxdError::InvalidToken));
        QVERIFY2(token.error().message().contains(QStringLiteral("expired")),
                 qPrintable(token.error().message()));
    }

    void acceptsATokenWithoutFingerprint()
    {
        QJsonObject object = base();
        object.remove(QStringLiteral("fingerprint"));
        const auto token = LxdTrustToken::decode(encode(object), now());
        QVERIFY(token.ok());
        QVERIFY(token->fingerprint.isEmpty());
    }

    void refusesGarbage_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("  \n");
        QTest::newRow("not base64") << QByteArray("this is not a token!");
        QTest::newRow("base64 of text") << QByteArray("hello world").toBase64();
        QTest::newRow("json array") << QByteArray("[1,2]").toBase64();
        QJsonObject noSecret = base();
        noSecret.remove(QStringLiteral("secret"));
        QTest::newRow("no secret") << encode(noSecret);
        QJsonObject badFingerprint = base();
        badFingerprint.insert(QStringLiteral("fingerprint"), QStringLiteral("abcd"));
        QTest::newRow("bad fingerprint") << encode(badFingerprint);
        QJsonObject badDate = base();
        badDate.insert(QStringLiteral("expires_at"), QStringLiteral("tomorrow"));
        QTest::newRow("bad expiry") << encode(badDate);
        QTest::newRow("truncated") << QByteArray(LabToken).left(40);
    }

    void refusesGarbage()
    {
        QFETCH(QByteArray, text);
        const auto token = LxdTrustToken::decode(text, now());
        QVERIFY(!token.ok());
        QVERIFY(token.error().is(LxdError::InvalidToken));
    }
};

QTEST_GUILESS_MAIN(TestLxdTrustToken)
#include "tst_lxdtrusttoken.moc"
