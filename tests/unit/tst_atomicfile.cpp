#include "common/AtomicFile.h"
#include "common/FileError.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void writesAndReadsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/dir/file.json"));
        QVERIFY(AtomicFile::write(path, "first").ok());
        QVERIFY(AtomicFile::write(path, "second").ok());
        const Result<QByteArray> read = AtomicFile::read(path);
        QVERIFY(read.ok());
        QCOMPARE(*read, QByteArray("second"));
        // Nothing but the file is left in its directory (no temporary files).
        QCOMPARE(QDir(dir.filePath(QStringLiteral("sub/dir"))).entryList(QDir::Files),
                 QStringList{QStringLiteral("file.json")});
    }

    void createdDirectoriesArePrivate()
    {
        QTemporaryDir dir;
        QVERIFY(AtomicFile::write(dir.filePath(QStringLiteral("private/x")), "x").ok());
        const QFileDevice::Permissions perms =
            QFile::permissions(dir.filePath(QStringLiteral("private")));
        QVERIFY(!(perms & QFileDevice::ReadOther));
        QVERIFY(!(perms & QFileDevice::ReadGroup));
    }

    void failedWriteKeepsPreviousFile()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(AtomicFile::write(blocker, "keep me").ok());
        // A directory cannot be created under a regular file.
        const Result<void> failed =
            AtomicFile::write(blocker + QStringLiteral("/child/file"), "data");
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().is(FileError::WriteFailed));
        QCOMPARE(*AtomicFile::read(blocker), QByteArray("keep me"));
    }

    void readErrors()
    {
        QTemporaryDir dir;
        const Result<QByteArray> missing = AtomicFile::read(dir.filePath(QStringLiteral("none")));
        QVERIFY(missing.error().is(FileError::NotFound));
        const Result<QByteArray> directory = AtomicFile::read(dir.path());
        QVERIFY(!directory.ok());
        QVERIFY(directory.error().is(FileError::ReadFailed));

        const QString big = dir.filePath(QStringLiteral("big"));
        QVERIFY(AtomicFile::write(big, QByteArray(2048, 'x')).ok());
        const Result<QByteArray> tooLarge = AtomicFile::read(big, 1024);
        QVERIFY(tooLarge.error().is(FileError::TooLarge));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
