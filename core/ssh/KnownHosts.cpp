#include "KnownHosts.h"

#include "SshError.h"
#include "common/AtomicFile.h"
#include "common/FileError.h"
#include "common/Paths.h"

#include <QDir>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QMutexLocker>

namespace relais {

namespace {

// Serialises read-modify-write of known_hosts files inside the process.
QMutex& fileMutex()
{
    static QMutex mutex;
    return mutex;
}

struct Line
{
    QStringList patterns;
    HostKey key;
    bool marker = false; // @cert-authority, @revoked
    bool valid = false;
};

Line splitLine(const QString& raw)
{
    Line line;
    const QString text = raw.trimmed();
    if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
        return line;
    QStringList fields = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!fields.isEmpty() && fields.first().startsWith(QLatin1Char('@'))) {
        line.marker = true;
        fields.removeFirst();
    }
    if (fields.size() < 3)
        return line;
    line.patterns = fields.at(0).split(QLatin1Char(','), Qt::SkipEmptyParts);
    line.key = HostKey::fromOpenSsh(fields.at(1), fields.at(2));
    line.valid = line.key.isValid() && !line.patterns.isEmpty();
    return line;
}

// A plain pattern without wildcards or negation: "host" or "[host]:port".
std::optional<QPair<QString, int>> plainHost(const QString& pattern)
{
    if (pattern.isEmpty() || pattern.startsWith(QLatin1Char('|')) ||
        pattern.contains(QLatin1Char('*')) || pattern.contains(QLatin1Char('?')) ||
        pattern.startsWith(QLatin1Char('!')))
        return std::nullopt;
    if (pattern.startsWith(QLatin1Char('['))) {
        const qsizetype close = pattern.indexOf(QStringLiteral("]:"));
        if (close < 2)
            return std::nullopt;
        bool ok = false;
        const int port = pattern.mid(close + 2).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return std::nullopt;
        return QPair<QString, int>(pattern.mid(1, close - 1), port);
    }
    return QPair<QString, int>(pattern, 22);
}

} // namespace

KnownHosts::KnownHosts(QString path)
    : m_path(std::move(path))
{}

QString KnownHosts::defaultPath()
{
    return QDir(Paths::dataDir()).filePath(QStringLiteral("known_hosts"));
}

QString KnownHosts::hostPattern(const QString& host, int port)
{
    if (port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString KnownHosts::formatLine(const KnownHostsEntry& entry)
{
    return hostPattern(entry.host, entry.port) + QLatin1Char(' ') + entry.key.type +
           QLatin1Char(' ') + entry.key.base64();
}

QList<KnownHostsEntry> KnownHosts::parseLine(const QString& text)
{
    QList<KnownHostsEntry> result;
    const Line line = splitLine(text);
    if (!line.valid || line.marker)
        return result;
    for (const QString& pattern : line.patterns) {
        if (const auto hostPort = plainHost(pattern))
            result.append({hostPort->first, hostPort->second, line.key});
    }
    return result;
}

bool KnownHosts::patternMatches(const QString& pattern, const QString& host, int port)
{
    const QString name = hostPattern(host, port);
    if (pattern.startsWith(QStringLiteral("|1|"))) {
        const QStringList parts = pattern.mid(3).split(QLatin1Char('|'));
        if (parts.size() != 2)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts.at(0).toLatin1());
        const QByteArray hash = QByteArray::fromBase64(parts.at(1).toLatin1());
        if (salt.size() != 20 || hash.size() != 20)
            return false;
        return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1) ==
               hash;
    }
    const auto hostPort = plainHost(pattern);
    return hostPort && hostPort->first == host && hostPort->second == port;
}

Result<QByteArray> KnownHosts::readFile() const
{
    auto data = AtomicFile::read(m_path, 4 * 1024 * 1024);
    if (!data && data.error().is(FileError::NotFound))
        return QByteArray();
    return data;
}

Result<QList<KnownHostsEntry>> KnownHosts::entries() const
{
    const auto data = readFile();
    if (!data)
        return data.error();
    QList<KnownHostsEntry> result;
    for (const QByteArray& line : data->split('\n'))
        result.append(parseLine(QString::fromUtf8(line)));
    return result;
}

Result<HostKeyLookup> KnownHosts::lookup(const QString& host, int port, const HostKey& key) const
{
    const auto data = readFile();
    if (!data)
        return data.error();
    HostKeyLookup result;
    for (const QByteArray& raw : data->split('\n')) {
        const Line line = splitLine(QString::fromUtf8(raw));
        if (!line.valid || line.marker)
            continue;
        bool matches = false;
        for (const QString& pattern : line.patterns)
            matches = matches || patternMatches(pattern, host, port);
        if (!matches)
            continue;
        if (line.key == key)
            return HostKeyLookup{HostKeyLookup::Status::Match, {}, {}};
        // Keep the first stored key of the same type, else the first one.
        if (result.status == HostKeyLookup::Status::Unknown ||
            (line.key.type == key.type && result.storedType != key.type)) {
            result.status = HostKeyLookup::Status::Changed;
            result.storedType = line.key.type;
            result.storedFingerprint = line.key.fingerprint();
        }
    }
    return result;
}

Result<void> KnownHosts::add(const QString& host, int port, const HostKey& key) const
{
    if (!key.isValid())
        return Error(SshError::InvalidKey, QStringLiteral("cannot trust an empty host key"));
    QMutexLocker locker(&fileMutex());
    const auto found = lookup(host, port, key);
    if (!found)
        return Error(SshError::KnownHostsWriteFailed,
                     QStringLiteral("cannot read %1: %2").arg(m_path, found.error().message()));
    if (found->status == HostKeyLookup::Status::Match)
        return Result<void>::success();
    if (found->status == HostKeyLookup::Status::Changed) {
        return Error(
            SshError::HostKeyChanged,
            QStringLiteral("%1 already has another trusted key (%2 %3) in %4; remove that "
                           "line first if the host really changed its key")
                .arg(hostPattern(host, port), found->storedType, found->storedFingerprint, m_path));
    }
    QByteArray data = readFile().value();
    if (!data.isEmpty() && !data.endsWith('\n'))
        data += '\n';
    data += formatLine({host, port, key}).toUtf8() + '\n';
    const auto written = AtomicFile::write(m_path, data);
    if (!written) {
        return Error(SshError::KnownHostsWriteFailed,
                     QStringLiteral("cannot save the trusted key of %1: %2. Check that the data "
                                    "directory is writable.")
                         .arg(hostPattern(host, port), written.error().message()));
    }
    return Result<void>::success();
}

Result<KnownHostsImport>
KnownHosts::importFrom(const QString& openSshPath,
                       const QList<QPair<QString, int>>& hashedCandidates) const
{
    const auto data = AtomicFile::read(openSshPath, 16 * 1024 * 1024);
    if (!data)
        return data.error();
    KnownHostsImport report;
    const auto take = [&](const QString& host, int port, const HostKey& key) {
        const auto added = add(host, port, key);
        if (added)
            ++report.imported;
        else if (added.error().is(SshError::HostKeyChanged))
            ++report.conflicts;
        else
            return false;
        return true;
    };
    for (const QByteArray& raw : data->split('\n')) {
        const QString text = QString::fromUtf8(raw).trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
            continue;
        const Line line = splitLine(text);
        if (!line.valid || line.marker) {
            ++report.skippedOther;
            continue;
        }
        for (const QString& pattern : line.patterns) {
            if (pattern.startsWith(QStringLiteral("|1|"))) {
                bool matched = false;
                for (const auto& [host, port] : hashedCandidates) {
                    if (!patternMatches(pattern, host, port))
                        continue;
                    matched = true;
                    const auto before = lookup(host, port, line.key);
                    if (before && before->status == HostKeyLookup::Status::Match)
                        ++report.alreadyKnown;
                    else if (!take(host, port, line.key))
                        return Error(SshError::KnownHostsWriteFailed,
                                     QStringLiteral("cannot write %1").arg(m_path));
                }
                if (!matched)
                    ++report.skippedHashed;
                continue;
            }
            const auto hostPort = plainHost(pattern);
            if (!hostPort) {
                ++report.skippedOther;
                continue;
            }
            const auto before = lookup(hostPort->first, hostPort->second, line.key);
            if (before && before->status == HostKeyLookup::Status::Match)
                ++report.alreadyKnown;
            else if (!take(hostPort->first, hostPort->second, line.key))
                return Error(SshError::KnownHostsWriteFailed,
                             QStringLiteral("cannot write %1").arg(m_path));
        }
    }
    return report;
}

} // namespace relais
