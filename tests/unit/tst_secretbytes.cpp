#include "vault/SecretBytes.h"

#include <QDebug>
#include <QString>
#include <QTest>
#include <type_traits>

using namespace relais;

static_assert(!std::is_convertible_v<SecretBytes, QString>);
static_assert(!std::is_convertible_v<SecretBytes, QByteArray>);
static_assert(!std::is_constructible_v<QString, SecretBytes>);
static_assert(!std::is_convertible_v<QByteArray, SecretBytes>, "construction is explicit");

class TestSecretBytes : public QObject
{
    Q_OBJECT

private slots:
    void holdsACopy()
    {
        QByteArray source("hunter2");
        const SecretBytes secret{QByteArrayView(source)};
        source[0] = 'X';
        QCOMPARE(secret.view(), QByteArrayView("hunter2"));
        QCOMPARE(secret.size(), 7);
    }

    void copiesAreDeep()
    {
        const SecretBytes a{QByteArrayView("secret")};
        const SecretBytes b = a;
        QVERIFY(a.constData() != b.constData());
        QVERIFY(a == b);
    }

    void wipeZeroesTheBuffer()
    {
        SecretBytes secret{QByteArrayView("correct horse battery staple")};
        const qsizetype size = secret.size();
        const char* raw = secret.constData();
        secret.wipe();
        QVERIFY(secret.isEmpty());
        // The allocation is kept (zeroed) until the SecretBytes goes.
        for (qsizetype i = 0; i < size; ++i)
            QCOMPARE(raw[i], '\0');
    }

    void takeFromWipesTheSource()
    {
        QByteArray source("token-value");
        const qsizetype size = source.size();
        const char* raw = source.constData();
        const SecretBytes secret = SecretBytes::takeFrom(source);
        QCOMPARE(secret.view(), QByteArrayView("token-value"));
        QVERIFY(source.isEmpty());
        for (qsizetype i = 0; i < size; ++i)
            QCOMPARE(raw[i], '\0');
    }

    void sharedBufferIsLeftToItsLastHolder()
    {
        QByteArray a("shared");
        QByteArray b = a; // implicitly shared
        SecretBytes::wipe(a);
        QVERIFY(a.isEmpty());
        QCOMPARE(b, QByteArray("shared"));
    }

    void reassignmentReplaces()
    {
        SecretBytes secret{QByteArrayView("first")};
        secret = SecretBytes{QByteArrayView("second")};
        QCOMPARE(secret.view(), QByteArrayView("second"));
        SecretBytes other{QByteArrayView("third")};
        secret = other;
        QCOMPARE(secret.view(), QByteArrayView("third"));
        SecretBytes moved = std::move(other);
        QCOMPARE(moved.view(), QByteArrayView("third"));
        QVERIFY(other.isEmpty()); // NOLINT(bugprone-use-after-move)
    }

    void equalityIsByContent()
    {
        QVERIFY(SecretBytes(QByteArrayView("a")) == SecretBytes(QByteArrayView("a")));
        QVERIFY(!(SecretBytes(QByteArrayView("a")) == SecretBytes(QByteArrayView("b"))));
        QVERIFY(!(SecretBytes(QByteArrayView("a")) == SecretBytes(QByteArrayView("ab"))));
        QVERIFY(SecretBytes() == SecretBytes());
    }

    void zeroedHasTheSize()
    {
        const SecretBytes secret = SecretBytes::zeroed(32);
        QCOMPARE(secret.size(), 32);
        QCOMPARE(secret.view(), QByteArrayView(QByteArray(32, '\0')));
    }

    void debugPrintsOnlyTheSize()
    {
        const SecretBytes secret{QByteArrayView("do-not-print-me")};
        QString text;
        QDebug(&text) << secret;
        QVERIFY(!text.contains(QStringLiteral("do-not-print-me")));
        QVERIFY(text.contains(QStringLiteral("15 bytes")));
    }
};

QTEST_GUILESS_MAIN(TestSecretBytes)
#include "tst_secretbytes.moc"
