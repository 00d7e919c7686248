#include "ReverseSyncConflicts.h"

#include "SyncCanary.h"
#include "common/ShellQuote.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace relais {

namespace {

/// "NAME/" for a source written without a final slash, else "".
QString prefixOf(const SyncJob& job)
{
    const QString source = job.sources.value(0);
    if (source.endsWith(QLatin1Char('/')))
        return {};
    return QFileInfo(QDir::cleanPath(source)).fileName() + QLatin1Char('/');
}

bool isCanary(const QString& path)
{
    return path == QLatin1String(SyncCanary::FileName) ||
           path.endsWith(QLatin1Char('/') + QLatin1String(SyncCanary::FileName));
}

} // namespace

QString ReverseSyncConflicts::changedSinceCommand(const SyncJob& job, const QDateTime& since)
{
    const QString dir = shellQuote(QDir::cleanPath(job.sources.value(0)));
    const qint64 seconds = since.toSecsSinceEpoch();
    return QStringLiteral("if [ -d %1 ]; then cd -- %1 && find . -mindepth 1 ! -type d -newermt "
                          "@%2 -printf '%P\\n'; fi")
        .arg(dir)
        .arg(seconds);
}

QStringList ReverseSyncConflicts::parseChanged(const QByteArray& output, const SyncJob& job)
{
    const QString prefix = prefixOf(job);
    QStringList paths;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray& line : lines) {
        const QString path = QString::fromUtf8(line);
        if (path.isEmpty())
            continue;
        paths.append(prefix + path);
    }
    return paths;
}

QStringList ReverseSyncConflicts::conflicts(const QList<RsyncItem>& items,
                                            const QStringList& changedOnMain)
{
    const QSet<QString> changed(changedOnMain.cbegin(), changedOnMain.cend());
    QSet<QString> found;
    for (const RsyncItem& item : items) {
        if (item.fileType == 'd' || item.path.endsWith(QLatin1Char('/')) || isCanary(item.path))
            continue;
        if (changed.contains(item.path))
            found.insert(item.path);
    }
    QStringList sorted(found.cbegin(), found.cend());
    sorted.sort();
    return sorted;
}

} // namespace relais
