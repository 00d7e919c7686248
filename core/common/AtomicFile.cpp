#include "AtomicFile.h"

#include "FileError.h"
#include "Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace relais {

Result<void> AtomicFile::write(const QString& path, const QByteArray& data)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral("."))) {
            return Error(FileError::WriteFailed,
                         QStringLiteral("cannot create directory %1").arg(dir.absolutePath()));
        }
        QFile::setPermissions(dir.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner);
    }

    QSaveFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(FileError::WriteFailed,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error(FileError::WriteFailed,
                     QStringLiteral("cannot write %1: %2").arg(path, reason));
    }
    if (!file.commit()) {
        return Error(FileError::WriteFailed,
                     QStringLiteral("cannot replace %1: %2").arg(path, file.errorString()));
    }
    qCDebug(lcCommon) << "wrote" << path << data.size() << "bytes";
    return Result<void>::success();
}

Result<QByteArray> AtomicFile::read(const QString& path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.exists())
        return Error(FileError::NotFound, QStringLiteral("%1: no such file").arg(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(FileError::ReadFailed,
                     QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    if (file.size() > maxBytes) {
        return Error(FileError::TooLarge, QStringLiteral("%1: file too large (%2 bytes, limit %3)")
                                              .arg(path)
                                              .arg(file.size())
                                              .arg(maxBytes));
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return Error(FileError::ReadFailed,
                     QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    return data;
}

} // namespace relais
