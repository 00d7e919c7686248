#include "common/CertificatePin.h"
#include "lxd/LxdError.h"
#include "lxd/LxdServerCertificates.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

// The pinned LXD server certificates file.
class TestLxdServerCertificates : public QObject
{
    Q_OBJECT

private:
    static QByteArray digest(const char* seed)
    {
        return QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
    }

private slots:
    void missingFilePinsNothing()
    {
        QTemporaryDir dir;
        const LxdServerCertificates store(dir.filePath(QStringLiteral("lxd_certificates")));
        const auto found = store.lookup(QStringLiteral("10.231.0.10"), 8443);
        QVERIFY(found.ok());
        QVERIFY(!found->has_value());
        QVERIFY(!QFileInfo::exists(store.path()));
    }

    void addsAndFindsByHostAndPort()
    {
        QTemporaryDir dir;
        const LxdServerCertificates store(dir.filePath(QStringLiteral("sub/lxd_certificates")));
        QVERIFY(store.add(QStringLiteral("10.231.0.10"), 8443, digest("main")).ok());
        QVERIFY(store.add(QStringLiteral("10.231.0.20"), 8443, digest("backup")).ok());
        QVERIFY(store.add(QStringLiteral("fd00::1"), 8443, digest("v6")).ok());
        QCOMPARE(store.lookup(QStringLiteral("10.231.0.10"), 8443)->value(), digest("main"));
        QCOMPARE(store.lookup(QStringLiteral("10.231.0.20"), 8443)->value(), digest("backup"));
        QCOMPARE(store.lookup(QStringLiteral("FD00::1"), 8443)->value(), digest("v6"));
        QVERIFY(!store.lookup(QStringLiteral("10.231.0.10"), 9443)->has_value());

        // Readable, one line per daemon.
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const QByteArray line =
            "10.231.0.10:8443 " + CertificatePin::format(digest("main")).toLatin1() + '\n';
        QVERIFY(text.contains(line));
        QVERIFY(text.contains("[fd00::1]:8443 "));
    }

    void addingTheSamePinTwiceIsANoOp()
    {
        QTemporaryDir dir;
        const LxdServerCertificates store(dir.filePath(QStringLiteral("lxd_certificates")));
        QVERIFY(store.add(QStringLiteral("h"), 8443, digest("a")).ok());
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        QVERIFY(store.add(QStringLiteral("h"), 8443, digest("a")).ok());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void refusesAChangedCertificate()
    {
        QTemporaryDir dir;
        const LxdServerCertificates store(dir.filePath(QStringLiteral("lxd_certificates")));
        QVERIFY(store.add(QStringLiteral("h"), 8443, digest("old")).ok());
        const auto changed = store.add(QStringLiteral("h"), 8443, digest("new"));
        QVERIFY(!changed.ok());
        QVERIFY(changed.error().is(LxdError::CertificateMismatch));
        QVERIFY(changed.error().message().contains(CertificatePin::format(digest("old"))));
        QCOMPARE(store.lookup(QStringLiteral("h"), 8443)->value(), digest("old"));
        // Only after removing the old pin.
        QVERIFY(store.remove(QStringLiteral("h"), 8443).ok());
        QVERIFY(!store.lookup(QStringLiteral("h"), 8443)->has_value());
        QVERIFY(store.add(QStringLiteral("h"), 8443, digest("new")).ok());
        QCOMPARE(store.lookup(QStringLiteral("h"), 8443)->value(), digest("new"));
    }

    void removeKeepsOtherLinesAndComments()
    {
        QTemporaryDir dir;
        const LxdServerCertificates store(dir.filePath(QStringLiteral("lxd_certificates")));
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# hand-written\n"
                   "garbage line\n"
                   "a:8443 " +
                   CertificatePin::format(digest("a")).toLatin1() +
                   "\n"
                   "b:8443 " +
                   digest("b").toHex() + "\n");
        file.close();
        QCOMPARE(store.lookup(QStringLiteral("b"), 8443)->value(), digest("b")); // plain hex read
        QVERIFY(store.remove(QStringLiteral("a"), 8443).ok());
        QVERIFY(!store.lookup(QStringLiteral("a"), 8443)->has_value());
        QCOMPARE(store.lookup(QStringLiteral("b"), 8443)->value(), digest("b"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("# hand-written\ngarbage line\n"));
    }

    void unreadableFileIsAnError()
    {
        QTemporaryDir dir;
        // A directory where the file should be.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("lxd_certificates")));
        const LxdServerCertificates store(dir.filePath(QStringLiteral("lxd_certificates")));
        const auto found = store.lookup(QStringLiteral("h"), 8443);
        QVERIFY(!found.ok());
        QVERIFY(found.error().is(LxdError::TrustStoreFailed));
        QVERIFY(!store.add(QStringLiteral("h"), 8443, digest("a")).ok());
    }
};

QTEST_GUILESS_MAIN(TestLxdServerCertificates)
#include "tst_lxdservercertificates.moc"
