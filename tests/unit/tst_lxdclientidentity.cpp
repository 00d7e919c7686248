#include "lxd/LxdClientIdentity.h"
#include "lxd/LxdError.h"

#include <QTest>

using namespace relais;

// The console's LXD client certificate: generated with OpenSSL, kept in the
// vault as PEM certificate + PEM key.
class TestLxdClientIdentity : public QObject
{
    Q_OBJECT

private slots:
    void generatesAnEcP384CertificateForTenYears()
    {
        const auto identity = LxdClientIdentity::generate(QStringLiteral("relais@console"));
        QVERIFY2(identity.ok(), identity.ok() ? "" : qPrintable(identity.error().toString()));
        const QSslCertificate& certificate = identity->certificate();
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("relais@console")});
        QVERIFY(certificate.isSelfSigned());
        QCOMPARE(identity->key().algorithm(), QSsl::Ec);
        QCOMPARE(identity->key().length(), 384);
        QCOMPARE(identity->key().type(), QSsl::PrivateKey);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(certificate.effectiveDate() <= now);
        QVERIFY(certificate.expiryDate() >= now.addYears(10).addDays(-1));
        QVERIFY(certificate.expiryDate() <= now.addYears(10).addDays(2));
        QCOMPARE(identity->fingerprint().size(), 32);
    }

    void twoIdentitiesDiffer()
    {
        const auto a = LxdClientIdentity::generate(QStringLiteral("relais@a"));
        const auto b = LxdClientIdentity::generate(QStringLiteral("relais@a"));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->fingerprint() != b->fingerprint());
        QVERIFY(a->certificate().serialNumber() != b->certificate().serialNumber());
    }

    void roundTripsThroughTheVaultText()
    {
        const auto identity = LxdClientIdentity::generate(QStringLiteral("relais@console"));
        QVERIFY(identity.ok());
        const SecretBytes pem = identity->toPem();
        const QByteArray text(pem.constData(), pem.size());
        QVERIFY(text.startsWith("-----BEGIN CERTIFICATE-----"));
        QVERIFY(text.contains("PRIVATE KEY-----"));
        QVERIFY(text.indexOf("CERTIFICATE") < text.indexOf("PRIVATE KEY"));
        const auto back = LxdClientIdentity::fromPem(pem);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back->fingerprint(), identity->fingerprint());
        QCOMPARE(back->key().toPem(), identity->key().toPem());
    }

    void refusesBrokenVaultText_data()
    {
        QTest::addColumn<QByteArray>("text");
        const auto a = LxdClientIdentity::generate(QStringLiteral("relais@a"));
        const auto b = LxdClientIdentity::generate(QStringLiteral("relais@b"));
        QVERIFY(a.ok() && b.ok());
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("hello");
        QTest::newRow("certificate only") << a->certificate().toPem();
        QTest::newRow("key only") << a->key().toPem();
        QTest::newRow("key of another certificate") << a->certificate().toPem() + b->key().toPem();
    }

    void refusesBrokenVaultText()
    {
        QFETCH(QByteArray, text);
        const auto identity = LxdClientIdentity::fromPem(SecretBytes(text));
        QVERIFY(!identity.ok());
        QVERIFY(identity.error().is(LxdError::InvalidClientCertificate));
    }

    void defaultCommonNameNamesTheMachine()
    {
        QVERIFY(LxdClientIdentity::defaultCommonName().startsWith(QStringLiteral("relais@")));
        QVERIFY(LxdClientIdentity::defaultCommonName().size() > 7);
    }
};

QTEST_GUILESS_MAIN(TestLxdClientIdentity)
#include "tst_lxdclientidentity.moc"
