#include "LxdServerCertificates.h"

#include "LxdError.h"
#include "common/AtomicFile.h"
#include "common/CertificatePin.h"
#include "common/FileError.h"
#include "common/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

namespace relais {

namespace {

// Serialises read-modify-write of the file inside the process.
QMutex& fileMutex()
{
    static QMutex mutex;
    return mutex;
}

constexpr qint64 MaxFileBytes = 1024 * 1024;

struct Line
{
    QString key;
    QByteArray digest;
};

std::optional<Line> parseLine(const QByteArray& raw)
{
    const QString text = QString::fromUtf8(raw).trimmed();
    if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
        return std::nullopt;
    const QStringList fields = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 2)
        return std::nullopt;
    const auto digest = CertificatePin::parse(fields.at(1));
    if (!digest)
        return std::nullopt;
    return Line{fields.at(0), *digest};
}

} // namespace

LxdServerCertificates::LxdServerCertificates(QString path)
    : m_path(std::move(path))
{}

QString LxdServerCertificates::defaultPath()
{
    return QDir(Paths::dataDir()).filePath(QStringLiteral("lxd_certificates"));
}

QString LxdServerCertificates::key(const QString& host, int port)
{
    const QString name = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(name.toLower()).arg(port);
}

Result<QByteArray> LxdServerCertificates::readFile() const
{
    if (!QFileInfo::exists(m_path))
        return QByteArray();
    auto data = AtomicFile::read(m_path, MaxFileBytes);
    if (!data)
        return Error(LxdError::TrustStoreFailed,
                     QStringLiteral("cannot read %1: %2").arg(m_path, data.error().message()));
    return data;
}

Result<void> LxdServerCertificates::writeFile(const QByteArray& data, const QString& what) const
{
    const auto written = AtomicFile::write(m_path, data);
    if (!written)
        return Error(LxdError::TrustStoreFailed,
                     QStringLiteral("cannot save the pinned certificate of %1: %2. Check that the "
                                    "data directory is writable.")
                         .arg(what, written.error().message()));
    return Result<void>::success();
}

Result<std::optional<QByteArray>> LxdServerCertificates::lookup(const QString& host, int port) const
{
    const auto data = readFile();
    if (!data)
        return data.error();
    const QString wanted = key(host, port);
    for (const QByteArray& raw : data->split('\n')) {
        const auto line = parseLine(raw);
        if (line && line->key == wanted)
            return std::optional<QByteArray>(line->digest);
    }
    return std::optional<QByteArray>();
}

Result<void> LxdServerCertificates::add(const QString& host, int port,
                                        const QByteArray& digest) const
{
    if (digest.size() != 32)
        return Error(LxdError::InvalidClientCertificate,
                     QStringLiteral("a pinned certificate needs a SHA-256 fingerprint"));
    QMutexLocker locker(&fileMutex());
    const auto pinned = lookup(host, port);
    if (!pinned)
        return pinned.error();
    const QString where = key(host, port);
    if (pinned->has_value()) {
        if (**pinned == digest)
            return Result<void>::success();
        return Error(LxdError::CertificateMismatch,
                     QStringLiteral("%1 already has another pinned certificate (%2) in %3; remove "
                                    "that line first if the server really changed its certificate")
                         .arg(where, CertificatePin::format(**pinned), m_path));
    }
    QByteArray data = readFile().value();
    if (data.isEmpty())
        data = "# LXD server certificates trusted by Relais: host:port SHA-256\n";
    if (!data.endsWith('\n'))
        data += '\n';
    data += (where + QLatin1Char(' ') + CertificatePin::format(digest)).toUtf8() + '\n';
    return writeFile(data, where);
}

Result<void> LxdServerCertificates::remove(const QString& host, int port) const
{
    QMutexLocker locker(&fileMutex());
    const auto data = readFile();
    if (!data)
        return data.error();
    const QString where = key(host, port);
    QByteArray kept;
    bool removed = false;
    for (const QByteArray& raw : data->split('\n')) {
        const auto line = parseLine(raw);
        if (line && line->key == where) {
            removed = true;
            continue;
        }
        if (!raw.isEmpty())
            kept += raw + '\n';
    }
    if (!removed)
        return Result<void>::success();
    return writeFile(kept, where);
}

} // namespace relais
