#include "ssh/FingerprintVerifier.h"
#include "ssh/HostKey.h"
#include "ssh/RejectAllVerifier.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// HostKey fingerprints against OpenSSH's own (ssh-keygen -lf), and the two
// simple verifiers.
class TestHostKey : public QObject
{
    Q_OBJECT

private:
    static std::optional<QByteArray> runKeygen(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral("ssh-keygen"), arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return std::nullopt;
        return process.readAllStandardOutput();
    }

private slots:
    void fingerprintIsOpenSshs_data()
    {
        QTest::addColumn<QStringList>("type");
        QTest::newRow("ed25519") << QStringList{QStringLiteral("-t"), QStringLiteral("ed25519")};
        QTest::newRow("ecdsa") << QStringList{QStringLiteral("-t"), QStringLiteral("ecdsa")};
        QTest::newRow("rsa") << QStringList{QStringLiteral("-t"), QStringLiteral("rsa"),
                                            QStringLiteral("-b"), QStringLiteral("2048")};
    }

    void fingerprintIsOpenSshs()
    {
        QFETCH(QStringList, type);
        if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
            QSKIP("ssh-keygen is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString key = dir.filePath(QStringLiteral("key"));
        QVERIFY(runKeygen(type + QStringList{QStringLiteral("-N"), QString(), QStringLiteral("-q"),
                                             QStringLiteral("-C"), QStringLiteral("test"),
                                             QStringLiteral("-f"), key}));
        QFile pub(key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QStringList fields = QString::fromLatin1(pub.readAll()).split(QLatin1Char(' '));
        QVERIFY(fields.size() >= 2);
        const HostKey hostKey = HostKey::fromOpenSsh(fields.at(0), fields.at(1));
        QVERIFY(hostKey.isValid());
        QCOMPARE(hostKey.base64(), fields.at(1));

        // "256 SHA256:abc... test (ED25519)"
        const QByteArray listed =
            runKeygen({QStringLiteral("-lf"), pub.fileName()}).value_or(QByteArray());
        const QList<QByteArray> parts = listed.split(' ');
        QVERIFY2(parts.size() >= 2, listed.constData());
        QCOMPARE(hostKey.fingerprint(), QString::fromLatin1(parts.at(1)));
        QVERIFY(!hostKey.fingerprint().endsWith(QLatin1Char('=')));
    }

    void badBase64IsInvalid()
    {
        QVERIFY(
            !HostKey::fromOpenSsh(QStringLiteral("ssh-ed25519"), QStringLiteral("@@@")).isValid());
        QVERIFY(!HostKey::fromOpenSsh(QString(), QStringLiteral("AAAA")).isValid());
    }

    void fingerprintVerifierAcceptsOnlyItsFingerprint()
    {
        FingerprintVerifier verifier({QStringLiteral("SHA256:abc")});
        HostKeyQuestion question;
        question.host = QStringLiteral("10.0.0.1");
        question.fingerprint = QStringLiteral("SHA256:abc");
        std::optional<bool> answer;
        verifier.verify(question, [&](bool accept) { answer = accept; });
        QCOMPARE(answer, std::optional<bool>(true));
        question.fingerprint = QStringLiteral("SHA256:abd");
        verifier.verify(question, [&](bool accept) { answer = accept; });
        QCOMPARE(answer, std::optional<bool>(false));
        QCOMPARE(verifier.questionsAsked(), 2);
        QCOMPARE(verifier.questions().first().host, QStringLiteral("10.0.0.1"));
    }

    void rejectAllRejects()
    {
        RejectAllVerifier verifier;
        std::optional<bool> answer;
        verifier.verify(HostKeyQuestion{}, [&](bool accept) { answer = accept; });
        QCOMPARE(answer, std::optional<bool>(false));
        QCOMPARE(verifier.questionsAsked(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHostKey)
#include "tst_hostkey.moc"
