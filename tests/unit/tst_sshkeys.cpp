#include "ssh/SshError.h"
#include "ssh/SshKeys.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs ssh-keygen with @p arguments (local, no network).
Run sshKeygen(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("ssh-keygen"), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    run.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return run;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, QByteArrayView data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const bool written = file.write(data.data(), data.size()) == data.size();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return written;
}

/// "TYPE BASE64" of an OpenSSH public line (without its comment).
QString keyPart(const QString& line)
{
    return line.section(QLatin1Char(' '), 0, 1);
}

} // namespace

class TestSshKeys : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void generatedKeyIsOpenSshEd25519()
    {
        Result<SshKeyPair> pair = SshKeys::generateEd25519(QStringLiteral("relais:main-key"));
        QVERIFY2(pair.ok(), qPrintable(pair.ok() ? QString() : pair.error().message()));
        QCOMPARE(pair->type, QStringLiteral("ssh-ed25519"));
        QVERIFY(pair->privateKey.view().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        QVERIFY(pair->publicLine.startsWith(QStringLiteral("ssh-ed25519 AAAA")));
        QVERIFY(pair->publicLine.endsWith(QStringLiteral(" relais:main-key")));
        QVERIFY(pair->fingerprint.startsWith(QStringLiteral("SHA256:")));

        // ssh-keygen reads the public line and prints the same fingerprint.
        const QString pub = path(QStringLiteral("generated.pub"));
        QVERIFY(writeAll(pub, (pair->publicLine + QLatin1Char('\n')).toUtf8()));
        const Run listed = sshKeygen({QStringLiteral("-l"), QStringLiteral("-f"), pub});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.startsWith(QStringLiteral("256 ") + pair->fingerprint +
                                       QStringLiteral(" relais:main-key")),
                 qPrintable(listed.out));
        QVERIFY(listed.out.endsWith(QStringLiteral("(ED25519)")));

        // The private key is the one behind that public line.
        const QString priv = path(QStringLiteral("generated"));
        QVERIFY(writeAll(priv, pair->privateKey.view()));
        const Run derived = sshKeygen({QStringLiteral("-y"), QStringLiteral("-f"), priv});
        QCOMPARE(derived.exitCode, 0);
        QCOMPARE(keyPart(derived.out), keyPart(pair->publicLine));

        // Two keys are never the same.
        Result<SshKeyPair> other = SshKeys::generateEd25519();
        QVERIFY(other.ok());
        QVERIFY(other->publicLine != keyPart(pair->publicLine));
        QVERIFY(!other->publicLine.contains(QLatin1Char(' ') + QStringLiteral("relais")));
    }

    void inspectsKeysMadeByOpenSsh_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ed25519") << "ed25519" << QStringList() << "ssh-ed25519";
        QTest::newRow("ecdsa") << "ecdsa"
                               << QStringList{QStringLiteral("-b"), QStringLiteral("256")}
                               << "ecdsa-sha2-nistp256";
        QTest::newRow("rsa PEM") << "rsa"
                                 << QStringList{QStringLiteral("-b"), QStringLiteral("2048"),
                                                QStringLiteral("-m"), QStringLiteral("PEM")}
                                 << "ssh-rsa";
    }

    void inspectsKeysMadeByOpenSsh()
    {
        QFETCH(QString, type);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        const QString file = path(QStringLiteral("id_") + type);
        QStringList arguments{QStringLiteral("-q"),
                              QStringLiteral("-t"),
                              type,
                              QStringLiteral("-N"),
                              QString(),
                              QStringLiteral("-C"),
                              QStringLiteral("me@laptop"),
                              QStringLiteral("-f"),
                              file};
        arguments += options;
        QCOMPARE(sshKeygen(arguments).exitCode, 0);
        const SecretBytes text(readAll(file));
        Result<SshKeyPair> pair = SshKeys::inspect(text, QStringLiteral("id_") + type);
        QVERIFY2(pair.ok(), qPrintable(pair.ok() ? QString() : pair.error().message()));
        QCOMPARE(pair->type, expected);
        QVERIFY(pair->privateKey == text);
        const QString publicFile = QString::fromUtf8(readAll(file + QStringLiteral(".pub")));
        QCOMPARE(keyPart(pair->publicLine), keyPart(publicFile.trimmed()));
        QCOMPARE(pair->publicLine, keyPart(publicFile.trimmed()) + QStringLiteral(" id_") + type);
        const Run listed =
            sshKeygen({QStringLiteral("-l"), QStringLiteral("-f"), file + QStringLiteral(".pub")});
        QVERIFY2(listed.out.contains(pair->fingerprint), qPrintable(listed.out));
    }

    void refusesWhatIsNotAUsablePrivateKey_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello\n");
        QTest::newRow("certificate") << QByteArray("-----BEGIN CERTIFICATE-----\nMIIB\n"
                                                   "-----END CERTIFICATE-----\n");
        QTest::newRow("broken OpenSSH key")
            << QByteArray("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n"
                          "-----END OPENSSH PRIVATE KEY-----\n");
    }

    void refusesWhatIsNotAUsablePrivateKey()
    {
        QFETCH(QByteArray, content);
        Result<SshKeyPair> pair = SshKeys::inspect(SecretBytes(content));
        QVERIFY(!pair.ok());
        QVERIFY(pair.error().is(SshError::InvalidKey));
        QVERIFY(!pair.error().message().isEmpty());
    }

    void refusesAPublicKeyAndAnEncryptedKey()
    {
        const QString file = path(QStringLiteral("protected"));
        QCOMPARE(sshKeygen({QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                            QStringLiteral("-N"), QStringLiteral("a passphrase"),
                            QStringLiteral("-f"), file})
                     .exitCode,
                 0);
        Result<SshKeyPair> encrypted = SshKeys::inspect(SecretBytes(readAll(file)));
        QVERIFY(!encrypted.ok());
        QVERIFY(encrypted.error().is(SshError::InvalidKey));
        QVERIFY(encrypted.error().message().contains(QStringLiteral("ssh-keygen -p")));

        Result<SshKeyPair> publicOnly =
            SshKeys::inspect(SecretBytes(readAll(file + QStringLiteral(".pub"))));
        QVERIFY(!publicOnly.ok());
        QVERIFY(publicOnly.error().is(SshError::InvalidKey));
    }

    void commentStaysOnOneLine()
    {
        Result<SshKeyPair> pair = SshKeys::generateEd25519(QStringLiteral("two\nlines\tand\x01"));
        QVERIFY(pair.ok());
        QVERIFY(pair->publicLine.endsWith(QStringLiteral(" two lines and")));
        QVERIFY(!pair->publicLine.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestSshKeys)
#include "tst_sshkeys.moc"
