#include "vault/PassphraseStrength.h"

#include <QTest>

using namespace relais;

Q_DECLARE_METATYPE(PassphraseStrength::Rating)

class TestPassphraseStrength : public QObject
{
    Q_OBJECT

private slots:
    void rates_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<PassphraseStrength::Rating>("rating");
        using R = PassphraseStrength::Rating;
        QTest::newRow("empty") << QString() << R::TooShort;
        QTest::newRow("eleven") << QStringLiteral("abcdefghijk") << R::TooShort;
        QTest::newRow("one letter repeated") << QStringLiteral("aaaaaaaaaaaaaaaaaaaa") << R::Weak;
        QTest::newRow("twelve lower") << QStringLiteral("abcdefghijkl") << R::Fair;
        QTest::newRow("twelve digits") << QStringLiteral("123456789012") << R::Weak;
        QTest::newRow("words") << QStringLiteral("correct horse battery staple") << R::Strong;
        QTest::newRow("mixed") << QStringLiteral("Tr0ub4dor&3xyz!") << R::Strong;
        QTest::newRow("short words") << QStringLiteral("ete a la mer") << R::Fair;
    }

    void rates()
    {
        QFETCH(QString, passphrase);
        QFETCH(PassphraseStrength::Rating, rating);
        QCOMPARE(PassphraseStrength::rate(passphrase), rating);
    }

    void moreKindsOfCharactersGiveMoreBits()
    {
        QVERIFY(PassphraseStrength::bits(QStringLiteral("abcdefghijkl")) <
                PassphraseStrength::bits(QStringLiteral("abcdefGHIJKL")));
        QVERIFY(PassphraseStrength::bits(QStringLiteral("abcdefGHIJKL")) <
                PassphraseStrength::bits(QStringLiteral("abcdefGHIJ1!")));
        QCOMPARE(PassphraseStrength::bits(QString()), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestPassphraseStrength)
#include "tst_passphrasestrength.moc"
